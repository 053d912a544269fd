package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Delayed paired association (Zhang et al. 2019, "Active information maintenance in working memory by a sensory
 * cortex", eLife 8:e43191): neurogym's {@code DelayPairedAssociation-v0}. Two stimuli in sequence; for two of the
 * four pairs the network must answer "go" after a delay, for the other two it must hold.
 *
 * <p>Each trial draws one of the pairs (1, 3), (1, 4), (2, 3), (2, 4): stimulus {@code a} ∈ {1, 2} then {@code b} ∈
 * {3, 4}. The pairs (1, 3) and (2, 4) are "go" (ground truth 1), the others "no-go" (0). Inputs: {@code fixation}
 * is 1 until the decision; {@code stimulus a} is 1 during stim1 and {@code stimulus b} during stim2. No noise
 * (neurogym accepts {@code sigma} but never uses it; it is not offered here). Targets: 0, then the ground truth (1 =
 * "go") in the decision period, where the answer is read; no-go trials are 0 throughout. Trial variables:
 * {@code ground_truth}, {@code stimulus1}, {@code stimulus2}.
 *
 * <p>neurogym reports correct no-go trials as failures in its step-based performance (its core resets the performance
 * its {@code _new_trial} set); here a held no-go trial is correct. Defaults (neurogym's): dt 100 ms; fixation 0,
 * stim1 1000, delay_btw_stim 1000, stim2 1000, delay_aft_stim 1000, decision 500 ms.
 */
public final class DelayPairedAssociation extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stim1", "delay_btw_stim", "stim2",
      "delay_aft_stim", "decision");
  private static final int[][] PAIRS = {{1, 3}, {1, 4}, {2, 3}, {2, 4}};

  private DelayPairedAssociation(Builder b) {
    super("DelayPairedAssociation", b, PERIODS, concat("fixation", numbered("stimulus", 4)), List.of("fixation", "go"));
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int[] pair = PAIRS[rng.nextInt(PAIRS.length)];
    int groundTruth = (pair[1] - pair[0]) % 2 == 0 ? 1 : 0;
    TrialBuilder b = newTrial(PERIODS, rng);
    for (String p : PERIODS.subList(0, PERIODS.size() - 1)) {
      b.addInput(p, 0, 1.0);
    }
    b.addInput("stim1", pair[0], 1.0).addInput("stim2", pair[1], 1.0).setTarget("decision", groundTruth)
        .respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("stimulus1", (double) pair[0]);
    info.put("stimulus2", (double) pair[1]);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link DelayPairedAssociation}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(0));
      defaultTiming("stim1", Timing.constant(1000));
      defaultTiming("delay_btw_stim", Timing.constant(1000));
      defaultTiming("stim2", Timing.constant(1000));
      defaultTiming("delay_aft_stim", Timing.constant(1000));
      defaultTiming("decision", Timing.constant(500));
    }

    @Override
    public DelayPairedAssociation build() {
      return new DelayPairedAssociation(this);
    }
  }
}
