package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Delayed match-to-category (Freedman &amp; Assad 2006, "Experience-dependent representation of visual categories in
 * parietal cortex", Nature 443:85): neurogym's {@code DelayMatchCategory-v0}. A sample angle, a delay and a test
 * angle; report whether both lie in the same half of the circle, [0, π) or [π, 2π).
 *
 * <p>Each trial draws match or non-match (ground truth 0 = match, 1 = non-match) and the sample's category; the
 * test's category follows, and each angle is uniform within its half. Inputs: {@code fixation} is 1 until the test,
 * 0 in it (the test is the response period); {@code stimulus k} carries {@code cos(θ_k − θ)·0.5 + 0.5} of the sample
 * during {@code sample} and of the test during {@code test}, plus N(0, σ²/dt) noise in both. Targets: 0, then
 * {@code 1 + g} ("match", "non-match") during the test, where the answer is read. Trial variables:
 * {@code ground_truth}, {@code sample_category}, {@code sample_theta}, {@code test_theta} (neurogym does not keep the
 * angles; they are added here).
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation 500, sample 650, first_delay 1000, test 650 ms; σ = 1; two
 * directions.
 */
public final class DelayMatchCategory extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "sample", "first_delay", "test");

  private final int dimRing;
  private final double sigma;

  private DelayMatchCategory(Builder b) {
    super("DelayMatchCategory", b, PERIODS, concat("fixation", numbered("stimulus", b.dimRing())),
        List.of("fixation", "match", "non-match"));
    this.dimRing = b.dimRing();
    this.sigma = b.sigma();
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(2);
    int sampleCategory = rng.nextInt(2);
    int testCategory = groundTruth == 0 ? sampleCategory : 1 - sampleCategory;
    double sample = (sampleCategory + rng.nextDouble()) * Math.PI;
    double test = (testCategory + rng.nextDouble()) * Math.PI;
    TrialBuilder b = newTrial(PERIODS, rng);
    for (String p : List.of("fixation", "sample", "first_delay")) {
      b.addInput(p, 0, 1.0);
    }
    double noise = sigma / Math.sqrt(dtMs());
    b.addNoisyInput("sample", 1, Rings.cosine(dimRing, sample, 0.5, 0.5), noise, rng)
        .addNoisyInput("test", 1, Rings.cosine(dimRing, test, 0.5, 0.5), noise, rng)
        .setTarget("test", 1 + groundTruth).respondIn("test");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("sample_category", (double) sampleCategory);
    info.put("sample_theta", sample);
    info.put("test_theta", test);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link DelayMatchCategory}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.RingBuilder<Builder> {
    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(500));
      defaultTiming("sample", Timing.constant(650));
      defaultTiming("first_delay", Timing.constant(1000));
      defaultTiming("test", Timing.constant(650));
    }

    @Override
    public DelayMatchCategory build() {
      return new DelayMatchCategory(this);
    }
  }
}
