package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Delayed match-to-sample with distractors (Miller, Erickson &amp; Desimone 1996): neurogym's
 * {@code DelayMatchSampleDistractor1D-v0}. A sample angle, then three tests after delays; exactly one test matches the
 * sample, and the network answers "match" during that test only.
 *
 * <p>Each trial draws which test matches (ground truth 0, 1 or 2; neurogym's 1–3) and the sample angle uniformly in
 * [0, 2π); the other tests are uniform angles (so a distractor can fall close to the sample by chance). Inputs:
 * {@code fixation} is 1 in the fixation period only; {@code stimulus k} (32 directions, θ_k = 2πk/32) carries
 * {@code cos(θ_k − x)} (from −1 to 1, no offset) of the angle shown in the sample and in each test, and is 0 in the
 * delays. No noise (neurogym accepts {@code sigma} but never uses it; it is not offered here). Targets: 1 ("match")
 * throughout the matching test, 0 elsewhere. The answers are read at the end of each test, so a trial is right when
 * the network says match in the matching test and not in the others. Trial variables: {@code ground_truth},
 * {@code sample}, {@code test1}, {@code test2}, {@code test3} (radians).
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation 300, sample 500, then delay{@code i} 1000 and test{@code i} 500 ms for
 * i = 1, 2, 3.
 */
public final class DelayMatchSampleDistractor1D extends AbstractTask {
  private static final int DIM_RING = 32;
  private static final List<String> PERIODS = List.of("fixation", "sample", "delay1", "test1", "delay2", "test2",
      "delay3", "test3");

  private DelayMatchSampleDistractor1D(Builder b) {
    super("DelayMatchSampleDistractor1D", b, PERIODS, concat("fixation", numbered("stimulus", DIM_RING)),
        List.of("fixation", "match"));
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(3);
    double sample = rng.nextDouble() * 2 * Math.PI;
    double[] tests = new double[3];
    for (int i = 0; i < 3; i++) {
      tests[i] = i == groundTruth ? sample : rng.nextDouble() * 2 * Math.PI;
    }
    TrialBuilder b = newTrial(PERIODS, rng).addInput("fixation", 0, 1.0)
        .addInput("sample", 1, Rings.cosine(DIM_RING, sample, 1, 0));
    for (int i = 0; i < 3; i++) {
      String test = "test" + (i + 1);
      b.addInput(test, 1, Rings.cosine(DIM_RING, tests[i], 1, 0)).respondIn(test);
    }
    b.setTarget("test" + (groundTruth + 1), 1);
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("sample", sample);
    for (int i = 0; i < 3; i++) {
      info.put("test" + (i + 1), tests[i]);
    }
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link DelayMatchSampleDistractor1D}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(300));
      defaultTiming("sample", Timing.constant(500));
      for (int i = 1; i <= 3; i++) {
        defaultTiming("delay" + i, Timing.constant(1000));
        defaultTiming("test" + i, Timing.constant(500));
      }
    }

    @Override
    public DelayMatchSampleDistractor1D build() {
      return new DelayMatchSampleDistractor1D(this);
    }
  }
}
