package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Interval discrimination (Genovesio, Tsujimoto &amp; Wise 2009, "Feature- and order-based timing representations in the
 * frontal cortex", Neuron 63:254): neurogym's {@code IntervalDiscrimination-v0}. Two stimuli of random durations,
 * separated by a delay; report which lasted longer.
 *
 * <p>Each trial draws the durations of stim1 and stim2 (floored to whole steps) and the ground truth is 0 if the
 * first is longer (neurogym's 1), 1 if the second is (neurogym's 2). Inputs: {@code fixation} is 1 until the
 * decision; {@code stim1} (channel 1) is 1 during stim1, {@code stim2} during stim2. No noise. Targets: 0, then
 * {@code 1 + g} in the decision period, where the answer is read. Trial variables: {@code ground_truth},
 * {@code duration1}, {@code duration2} (ms, floored).
 *
 * <p><b>Ties.</b> neurogym labels equal floored durations "second longer" (a quarter of the trials at dt 80), which
 * no network can tell from the inputs and which biases the answers; here stim2's duration is drawn again until it
 * differs from stim1's. Defaults (neurogym's): dt 80 ms; fixation 300, stim1 U(300, 600), delay1 U(800, 1500), stim2
 * U(300, 600), delay2 500, decision 300 ms.
 */
public final class IntervalDiscrimination extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stim1", "delay1", "stim2", "delay2", "decision");
  /** Draws of stim2 allowed to find a duration other than stim1's, when the two timings barely differ. */
  private static final int MAX_REDRAWS = 10_000;

  private IntervalDiscrimination(Builder b) {
    super("IntervalDiscrimination", b, PERIODS, List.of("fixation", "stim1", "stim2"),
        List.of("fixation", "choice1", "choice2"));
    Timing stim1 = b.timing().get("stim1");
    Timing stim2 = b.timing().get("stim2");
    int only1 = onlySteps(stim1, b.dtMs());
    if (only1 >= 0 && only1 == onlySteps(stim2, b.dtMs())) {
      throw new IllegalArgumentException("stim1 and stim2 always last " + only1 + " steps at dt " + b.dtMs()
          + " ms, so no trial has a longer stimulus; give them different or random durations");
    }
  }

  /** The number of steps a timing always gives, or −1 if it can give several. */
  private static int onlySteps(Timing timing, double dtMs) {
    int shortest = Timing.steps(timing.shortestMs(), dtMs);
    return shortest == Timing.steps(timing.longestMs(), dtMs) ? shortest : -1;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int steps1 = Timing.steps(timing().get("stim1").sampleMs(rng), dtMs());
    int steps2 = steps1;
    for (int attempt = 0; steps2 == steps1; attempt++) {
      if (attempt == MAX_REDRAWS) {
        throw new IllegalStateException("stim2 lasted " + steps1 + " steps, as stim1, in " + MAX_REDRAWS
            + " draws; give the two stimuli timings that can differ");
      }
      steps2 = Timing.steps(timing().get("stim2").sampleMs(rng), dtMs());
    }
    int groundTruth = steps1 > steps2 ? 0 : 1;
    TrialBuilder b = newTrial().addPeriods(List.of("fixation"), timing(), rng).addPeriod("stim1", steps1)
        .addPeriods(List.of("delay1"), timing(), rng).addPeriod("stim2", steps2)
        .addPeriods(List.of("delay2", "decision"), timing(), rng);
    for (String p : PERIODS.subList(0, PERIODS.size() - 1)) {
      b.addInput(p, 0, 1.0);
    }
    b.addInput("stim1", 1, 1.0).addInput("stim2", 2, 1.0).setTarget("decision", 1 + groundTruth)
        .respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("duration1", steps1 * dtMs());
    info.put("duration2", steps2 * dtMs());
    return b.build(groundTruth, info);
  }

  /** Settings of an {@link IntervalDiscrimination}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private Builder() {
      super(80);
      defaultTiming("fixation", Timing.constant(300));
      defaultTiming("stim1", Timing.uniform(300, 600));
      defaultTiming("delay1", Timing.uniform(800, 1500));
      defaultTiming("stim2", Timing.uniform(300, 600));
      defaultTiming("delay2", Timing.constant(500));
      defaultTiming("decision", Timing.constant(300));
    }

    /**
     * The task.
     *
     * @throws IllegalArgumentException if stim1 and stim2 can only last the same number of steps
     */
    @Override
    public IntervalDiscrimination build() {
      return new IntervalDiscrimination(this);
    }
  }
}
