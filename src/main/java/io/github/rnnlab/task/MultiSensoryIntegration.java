package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Multisensory integration: neurogym's {@code MultiSensoryIntegration-v0} (no paper in its metadata). Two modalities
 * point to the same choice and share its coherence; the network adds them up.
 *
 * <p>Each trial draws the ground truth {@code g}, a coherence {@code c} from {5, 15, 50} and a split {@code p}
 * uniform in [0, 1): modality 1 gets {@code c·p}, modality 2 {@code c·(1 − p)}. Inputs: {@code fixation} is 1 until
 * the decision; {@code stimulus_mod1 k} and {@code stimulus_mod2 k} carry {@code cos(θ_k − θ_g)·coh_m/200 + 0.5}
 * plus N(0, σ²/dt) noise during the stimulus. Targets: 0, then {@code 1 + g} in the decision period, where the answer
 * is read. Trial variables: {@code ground_truth}, {@code coherence}, {@code coh_prop}.
 *
 * <p>neurogym adds the noise to every channel, the fixation cue included; that is a bug (the cue is a clean signal in
 * every other task) and the noise goes on the stimulus channels only here. As neurogym's source says, both modalities
 * always point the same way. Defaults (neurogym's): dt 100 ms; fixation 300, stimulus 750, decision 100 ms; σ = 1;
 * two choices.
 */
public final class MultiSensoryIntegration extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "decision");
  private static final List<Double> COHS = List.of(5.0, 15.0, 50.0);

  private final int dimRing;
  private final double sigma;

  private MultiSensoryIntegration(Builder b) {
    super("MultiSensoryIntegration", b, PERIODS, inputNames(b.dimRing()),
        concat("fixation", numbered("choice", b.dimRing())));
    this.dimRing = b.dimRing();
    this.sigma = b.sigma();
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static List<String> inputNames(int d) {
    List<String> names = concat("fixation", numbered("stimulus_mod1", d));
    names.addAll(numbered("stimulus_mod2", d));
    return names;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(dimRing);
    double coh = COHS.get(rng.nextInt(COHS.size()));
    double prop = rng.nextDouble();
    TrialBuilder b = newTrial(PERIODS, rng);
    b.addInput("fixation", 0, 1.0).addInput("stimulus", 0, 1.0)
        .addInput("stimulus", 1, Rings.coherence(dimRing, groundTruth, coh * prop))
        .addInput("stimulus", 1 + dimRing, Rings.coherence(dimRing, groundTruth, coh * (1 - prop)))
        .addNoise("stimulus", 1, 1 + 2 * dimRing, sigma / Math.sqrt(dtMs()), rng)
        .setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("coherence", coh);
    info.put("coh_prop", prop);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link MultiSensoryIntegration}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.RingBuilder<Builder> {
    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(300));
      defaultTiming("stimulus", Timing.constant(750));
      defaultTiming("decision", Timing.constant(100));
    }

    @Override
    public MultiSensoryIntegration build() {
      return new MultiSensoryIntegration(this);
    }
  }
}
