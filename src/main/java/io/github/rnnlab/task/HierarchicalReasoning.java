package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Rule-dependent interval judgement (after Sarafyazd &amp; Jazayeri 2019, "Hierarchical reasoning by neural circuits in
 * the frontal cortex", Science 364:eaav8911), as a supervised task: neurogym's {@code HierarchicalReasoning-v0} with
 * its answer made learnable. Two flashes at one of two locations, separated by a delay; under rule 0 the network
 * answers towards the flashes if the delay was short and away if long, under rule 1 the reverse. The rule changes in
 * blocks of 10–20 trials.
 *
 * <p><b>How this differs from neurogym, and why.</b> Three bugs make neurogym's version unlearnable from its inputs:
 * the answer depends on a delay drawn separately from the delay the trial shows; "long" means longer than the list's
 * second element (610 ms) rather than its median (850 ms); and both rule inputs light up whatever the rule, which
 * only reward feedback across trials could reveal. Here the shown delay decides, "long" means longer than the median
 * of the listed delays (a delay equal to it is long or short with probability ½, as neurogym's jitter does), and the
 * rule input of the current rule alone is on during the rule period, whose target is that rule. The task keeps its
 * structure: report the rule, hold it through a second fixation, time the delay, combine both.
 *
 * <p>Periods: fixation, rule_target, fixation2, flash1, delay, flash2, decision. Inputs: {@code fixation} is 1 until
 * the decision; {@code rule 1}/{@code rule 2} (channel 1 + rule) during rule_target; {@code stimulus 1}/{@code
 * stimulus 2} (the flash location) during flash1 and flash2. Targets: {@code 1 + rule} during rule_target and
 * {@code 3 + choice} in the decision; both answers are read. The choice is the flash location when the trial is "pro"
 * (long delay under rule 1, short under rule 0), the other location otherwise; it is the ground truth. A stream starts
 * with rule 1, as neurogym, and switches rule after blocks of 10 to 20 trials (uniform). Trial variables:
 * {@code ground_truth}, {@code interval} (ms), {@code rule}, {@code stimulus}, {@code long_interval},
 * {@code pro_choice}.
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation truncated exponential (mean 600, 400–800), rule_target 1000,
 * fixation2 truncated exponential (mean 600, 400–900), flash1 100, delay one of 530, 610, …, 1170 (steps of 80),
 * flash2 100, decision 700 ms.
 */
public final class HierarchicalReasoning extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "rule_target", "fixation2", "flash1", "delay",
      "flash2", "decision");
  private static final int MIN_BLOCK = 10;
  private static final int MAX_BLOCK = 20;

  private final double medianDelayMs;

  private HierarchicalReasoning(Builder b) {
    super("HierarchicalReasoning", b, PERIODS, List.of("fixation", "rule 1", "rule 2", "stimulus 1", "stimulus 2"),
        List.of("fixation", "rule 1", "rule 2", "choice 1", "choice 2"));
    this.medianDelayMs = median(b.timing().get("delay"));
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The median of a choice of delays, or the middle of any other timing's range. */
  private static double median(Timing delay) {
    if (delay instanceof Timing.Choice choice) {
      double[] v = choice.valuesMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
    return (delay.shortestMs() + delay.longestMs()) / 2;
  }

  /** The delay separating "short" from "long", in ms: the median of the listed delays. */
  public double thresholdMs() {
    return medianDelayMs;
  }

  /** One trial under a rule drawn with probability ½ (a single trial has no block to be in). */
  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    return sample(rng, rng.nextInt(2));
  }

  /** A stream whose rule starts at 1 and switches after blocks of 10 to 20 trials. */
  @Override
  public TrialStream trials(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] state = {1, 0, blockSize(rng)};
    return new TrialStream(this, () -> {
      Trial trial = sample(rng, state[0]);
      if (++state[1] == state[2]) {
        state[0] = 1 - state[0];
        state[1] = 0;
        state[2] = blockSize(rng);
      }
      return trial;
    });
  }

  private static int blockSize(RandomGenerator rng) {
    return MIN_BLOCK + rng.nextInt(MAX_BLOCK - MIN_BLOCK + 1);
  }

  private Trial sample(RandomGenerator rng, int rule) {
    int stimulus = rng.nextInt(2);
    TrialBuilder b = newTrial(PERIODS, rng);
    double interval = b.period("delay").steps() * dtMs();
    boolean longInterval = interval == medianDelayMs ? rng.nextBoolean() : interval > medianDelayMs;
    boolean pro = (longInterval ? 1 : 0) == rule;
    int choice = pro ? stimulus : 1 - stimulus;
    for (String p : PERIODS.subList(0, PERIODS.size() - 1)) {
      b.addInput(p, 0, 1.0);
    }
    b.addInput("rule_target", 1 + rule, 1.0).addInput("flash1", 3 + stimulus, 1.0)
        .addInput("flash2", 3 + stimulus, 1.0).setTarget("rule_target", 1 + rule).setTarget("decision", 3 + choice)
        .respondIn("rule_target").respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) choice);
    info.put("interval", interval);
    info.put("rule", (double) rule);
    info.put("stimulus", (double) stimulus);
    info.put("long_interval", longInterval ? 1.0 : 0.0);
    info.put("pro_choice", pro ? 1.0 : 0.0);
    return b.build(choice, info);
  }

  /** Settings of a {@link HierarchicalReasoning}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.truncatedExponential(600, 400, 800));
      defaultTiming("rule_target", Timing.constant(1000));
      defaultTiming("fixation2", Timing.truncatedExponential(600, 400, 900));
      defaultTiming("flash1", Timing.constant(100));
      defaultTiming("delay", Timing.choice(List.of(530.0, 610.0, 690.0, 770.0, 850.0, 930.0, 1010.0, 1090.0,
          1170.0)));
      defaultTiming("flash2", Timing.constant(100));
      defaultTiming("decision", Timing.constant(700));
    }

    @Override
    public HierarchicalReasoning build() {
      return new HierarchicalReasoning(this);
    }
  }
}
