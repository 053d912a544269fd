package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Delayed match-to-sample (Miller, Erickson &amp; Desimone 1996, "Neural mechanisms of visual working memory in
 * prefrontal cortex of the macaque", J. Neurosci. 16:5154): neurogym's {@code DelayMatchSample-v0}. A sample
 * direction, a delay, a test direction; report whether they match.
 *
 * <p>Each trial draws match or non-match (ground truth 0 = match, 1 = non-match; neurogym's 1 and 2) and the sample
 * angle from the {@code dimRing} directions; the test is the sample on a match, the opposite direction otherwise.
 * Inputs: {@code fixation} is 1 until the decision; {@code stimulus k} carries {@code cos(θ_k − θ)·0.5 + 0.5} of the
 * sample during {@code sample} and of the test during {@code test}, plus N(0, σ²/dt) noise in both. Targets: 0, then
 * {@code 1 + g} ("match" or "non-match") in the decision period, where the answer is read. Trial variables:
 * {@code ground_truth}, {@code sample_theta}, {@code test_theta}.
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation 300, sample 500, delay 1000, test 500, decision 900 ms; σ = 1; two
 * directions.
 */
public final class DelayMatchSample extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "sample", "delay", "test", "decision");

  private final int dimRing;
  private final double sigma;

  private DelayMatchSample(Builder b) {
    super("DelayMatchSample", b, PERIODS, concat("fixation", numbered("stimulus", b.dimRing())),
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
    double sample = Rings.angle(rng.nextInt(dimRing), dimRing);
    double test = groundTruth == 0 ? sample : (sample + Math.PI) % (2 * Math.PI);
    TrialBuilder b = newTrial(PERIODS, rng);
    for (String p : List.of("fixation", "sample", "delay", "test")) {
      b.addInput(p, 0, 1.0);
    }
    double noise = sigma / Math.sqrt(dtMs());
    b.addNoisyInput("sample", 1, Rings.cosine(dimRing, sample, 0.5, 0.5), noise, rng)
        .addNoisyInput("test", 1, Rings.cosine(dimRing, test, 0.5, 0.5), noise, rng)
        .setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("sample_theta", sample);
    info.put("test_theta", test);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link DelayMatchSample}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.RingBuilder<Builder> {
    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(300));
      defaultTiming("sample", Timing.constant(500));
      defaultTiming("delay", Timing.constant(1000));
      defaultTiming("test", Timing.constant(500));
      defaultTiming("decision", Timing.constant(900));
    }

    @Override
    public DelayMatchSample build() {
      return new DelayMatchSample(this);
    }
  }
}
