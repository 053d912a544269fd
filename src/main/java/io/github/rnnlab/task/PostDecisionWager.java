package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Post-decision wagering (Kiani &amp; Shadlen 2009, "Representation of confidence associated with a decision by neurons
 * in the parietal cortex", Science 324:759): neurogym's {@code PostDecisionWager-v0}. Random-dot motion; on half of
 * the trials a sure-bet option appears during the delay.
 *
 * <p>Each trial draws whether it offers the wager, the ground truth {@code g} (0 or 1) and a coherence from {0, 3.2,
 * 6.4, 12.8, 25.6, 51.2}. Periods: fixation, stimulus, delay and decision, plus on wager trials {@code pre_sure},
 * which starts with the delay and ends when the sure option appears. Inputs: {@code fixation} is 1 until the
 * decision; {@code stimulus 1, 2} carry {@code cos(θ_k − θ_g)·coh/200 + 0.5} plus N(0, σ²/dt) noise during the
 * stimulus; {@code sure} is 1 from the end of pre_sure through the decision on wager trials. Targets: 0, then
 * {@code 1 + g} in the decision period, where the answer is read; as in neurogym the sure option (label 3) is never a
 * target, so supervised training teaches the perceptual decision, not the wager. Trial variables:
 * {@code ground_truth}, {@code coherence}, {@code wager} (1 or 0).
 *
 * <p>neurogym adds the noise to all four channels (fixation and sure included) and scores step-based answers against
 * the ground truth index instead of its label; neither affects the trials here, where the noise goes on the stimulus
 * channels only. Defaults (neurogym's): dt 100 ms; fixation 100, stimulus truncated exponential (mean 180,
 * 100–900), delay truncated exponential (mean 1350, 1200–1800), pre_sure U(500, 750), decision 100 ms; σ = 1.
 */
public final class PostDecisionWager extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "pre_sure", "decision");
  private static final List<Double> COHS = List.of(0.0, 3.2, 6.4, 12.8, 25.6, 51.2);

  private final double sigma;

  private PostDecisionWager(Builder b) {
    super("PostDecisionWager", b, PERIODS, List.of("fixation", "stimulus 1", "stimulus 2", "sure"),
        List.of("fixation", "choice 1", "choice 2", "sure"));
    this.sigma = b.sigma();
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    boolean wager = rng.nextBoolean();
    int groundTruth = rng.nextInt(2);
    double coh = COHS.get(rng.nextInt(COHS.size()));
    TrialBuilder b = newTrial(List.of("fixation", "stimulus", "delay"), rng);
    Period delay = b.period("delay");
    if (wager) {
      int preSure = Math.min(Timing.steps(timingSettings().get("pre_sure").sampleMs(rng), dtMs()), delay.steps());
      b.addPeriodAt("pre_sure", delay.start(), preSure);
    }
    b.addPeriods(List.of("decision"), timingSettings(), rng);
    for (String p : List.of("fixation", "stimulus", "delay")) {
      b.addInput(p, 0, 1.0);
    }
    b.addNoisyInput("stimulus", 1, Rings.coherence(2, groundTruth, coh), sigma / Math.sqrt(dtMs()), rng);
    if (wager) {
      b.addInput(b.period("pre_sure").end(), b.steps(), 3, 1.0);
    }
    b.setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("coherence", coh);
    info.put("wager", wager ? 1.0 : 0.0);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link PostDecisionWager}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.NoisyBuilder<Builder> {
    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(100));
      defaultTiming("stimulus", Timing.truncatedExponential(180, 100, 900));
      defaultTiming("delay", Timing.truncatedExponential(1350, 1200, 1800));
      defaultTiming("pre_sure", Timing.uniform(500, 750));
      defaultTiming("decision", Timing.constant(100));
    }

    @Override
    public PostDecisionWager build() {
      return new PostDecisionWager(this);
    }
  }
}
