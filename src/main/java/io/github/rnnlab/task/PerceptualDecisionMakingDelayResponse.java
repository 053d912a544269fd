package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Perceptual decision with a delayed response (Inagaki et al. 2019, "Discrete attractor dynamics underlies persistent
 * activity in the frontal cortex", Nature 566:212): neurogym's {@code PerceptualDecisionMakingDelayResponse-v0}.
 * Two noisy evidence streams; after a random delay, report the stronger.
 *
 * <p>Each trial draws a ground truth {@code g} (0 or 1; neurogym's 1 or 2) and a coherence {@code c} from
 * {@code {0, 6.4, 12.8, 25.6, 51.2} × stimScale}. Inputs (neurogym gives them no names): {@code fixation} is 1 until
 * the decision period; during the stimulus both {@code stimulus 1} and {@code stimulus 2} carry
 * {@code (1 − c/100)/2} except channel {@code 1 + g}, which carries {@code (1 + c/100)/2}, plus N(0, σ²/dt) noise on
 * both. Targets: 0, then {@code 1 + g} in the decision period, where the answer is read. Trial variables:
 * {@code ground_truth}, {@code coherence}.
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation 0, stimulus 1150 (1100 at dt 100), delay one of 300, 500, 700, 900,
 * 1200, 2000, 3200, 4000, decision 1500 ms; σ = 1, stimScale 1.
 */
public final class PerceptualDecisionMakingDelayResponse extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");
  private static final List<Double> COHS = List.of(0.0, 6.4, 12.8, 25.6, 51.2);

  private final double stimScale;
  private final double sigma;

  private PerceptualDecisionMakingDelayResponse(Builder b) {
    super("PerceptualDecisionMakingDelayResponse", b, PERIODS, List.of("fixation", "stimulus 1", "stimulus 2"),
        List.of("fixation", "choice 1", "choice 2"));
    this.stimScale = b.stimScale;
    this.sigma = b.sigma();
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(2);
    double coh = COHS.get(rng.nextInt(COHS.size())) * stimScale;
    TrialBuilder b = newTrial(PERIODS, rng);
    for (String p : List.of("fixation", "stimulus", "delay")) {
      b.addInput(p, 0, 1.0);
    }
    double[] stimulus = {(1 - coh / 100) / 2, (1 - coh / 100) / 2};
    stimulus[groundTruth] = (1 + coh / 100) / 2;
    b.addNoisyInput("stimulus", 1, stimulus, sigma / Math.sqrt(dtMs()), rng).setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("coherence", coh);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link PerceptualDecisionMakingDelayResponse}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.NoisyBuilder<Builder> {
    private double stimScale = 1;

    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(0));
      defaultTiming("stimulus", Timing.constant(1150));
      defaultTiming("delay", Timing.choice(List.of(300.0, 500.0, 700.0, 900.0, 1200.0, 2000.0, 3200.0, 4000.0)));
      defaultTiming("decision", Timing.constant(1500));
    }

    /** Scales the coherences (default 1). */
    public Builder stimScale(double stimScale) {
      this.stimScale = Checks.nonNegative("stimScale", stimScale);
      return this;
    }

    @Override
    public PerceptualDecisionMakingDelayResponse build() {
      return new PerceptualDecisionMakingDelayResponse(this);
    }
  }
}
