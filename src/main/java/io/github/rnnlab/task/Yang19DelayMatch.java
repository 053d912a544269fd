package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The match family of neurogym's {@code yang19} collection (Yang et al. 2019; channels and ring code in
 * {@link Yang19Task}): a sample direction, a memory delay and a test direction on one ring; the network saccades to
 * the test direction when the test matches ({@code dms}, {@code dmc}) or does not match ({@code dnms}, {@code dnmc})
 * the sample, and keeps fixating otherwise. Matching is by direction ({@code …ms}) or by category, the half of the ring
 * ({@code …mc}). neurogym's {@code yang19.dms-v0}, {@code dnms}, {@code dmc}, {@code dnmc}.
 *
 * <p><b>Trial.</b> It draws match or non-match (ground truth 0 = match, 1 = non-match, with probability ½ each) and
 * the sample direction {@code i_s} uniformly. By direction, the test is {@code i_s} on a match and the opposite
 * direction {@code (i_s + 8) mod 16} otherwise. By category (directions 0–7 are category 0, 8–15 category 1), the
 * test is a uniform direction of the sample's category on a match, of the other category otherwise. The ring of the
 * trial's modality shows the sample bump during {@code sample} and the test bump during {@code test}, plus N(0, σ²/dt)
 * noise on that ring in both periods; the other ring stays 0. The fixation channel is 1 until the decision period, 0
 * in it (the go cue). On a "go" trial the target is {@code 1 + i_t} in the decision period; on the others it is 0
 * throughout (hold fixation). The answer is read in the decision period. Trial variables: {@code ground_truth},
 * {@code sample_theta}, {@code test_theta} (radians) and {@code modality}.
 *
 * <p><b>Where this differs from neurogym, on purpose.</b> neurogym's category tasks put the sample at direction 8
 * (θ = π) in category 0 ({@code i_s > 8}) while a test at direction 8 is in category 1, so category 0 has nine sample
 * directions and the two rules disagree at π; here both use {@code i ≥ 8}, eight directions each. neurogym 2.2
 * switches the fixation input off after the fixation period, removing the go cue; we keep the 2021 release's cue.
 *
 * <p>Rings alternate from trial to trial in a stream, as in the reach family ({@link Yang19Reach}). Defaults: dt
 * 100 ms, fixation 300, sample 500, delay 1000, test 500, decision 900 ms; σ = 1.
 */
public final class Yang19DelayMatch extends Yang19Task {
  private static final List<String> PERIODS = List.of("fixation", "sample", "delay", "test", "decision");

  /** The four tasks: match by direction or by category, and answer on a match or on a non-match. */
  public enum Variant {
    /** {@code yang19.dms-v0}: answer when the test direction equals the sample. */
    MATCH_SAMPLE("yang19.dms", false, true),
    /** {@code yang19.dnms-v0}: answer when the test direction differs from the sample. */
    NON_MATCH_SAMPLE("yang19.dnms", false, false),
    /** {@code yang19.dmc-v0}: answer when the test is in the sample's category. */
    MATCH_CATEGORY("yang19.dmc", true, true),
    /** {@code yang19.dnmc-v0}: answer when the test is in the other category. */
    NON_MATCH_CATEGORY("yang19.dnmc", true, false);

    private final String taskName;
    private final boolean byCategory;
    private final boolean goOnMatch;

    Variant(String taskName, boolean byCategory, boolean goOnMatch) {
      this.taskName = taskName;
      this.byCategory = byCategory;
      this.goOnMatch = goOnMatch;
    }

    /** The task's name without version, e.g. {@code yang19.dms}. */
    public String taskName() {
      return taskName;
    }
  }

  private final Variant variant;
  private final double sigma;

  private Yang19DelayMatch(Builder b) {
    super(b.variant.taskName, b, PERIODS, true);
    this.variant = b.variant;
    this.sigma = b.sigma();
  }

  /** A builder for {@code variant} with neurogym's defaults. */
  public static Builder builder(Variant variant) {
    return new Builder(Objects.requireNonNull(variant, "variant"));
  }

  /** Which of the match tasks this is. */
  public Variant variant() {
    return variant;
  }

  @Override
  Trial sample(RandomGenerator rng, int modality) {
    int groundTruth = rng.nextInt(2);
    boolean match = groundTruth == 0;
    int sample = rng.nextInt(DIM_RING);
    int half = DIM_RING / 2;
    int test;
    if (variant.byCategory) {
      int sampleCategory = sample >= half ? 1 : 0;
      test = rng.nextInt(half) + half * (match ? sampleCategory : 1 - sampleCategory);
    } else {
      test = match ? sample : (sample + half) % DIM_RING;
    }
    int ring = firstRingChannel(modality);
    TrialBuilder b = newTrial(PERIODS, rng);
    double noise = sigma / Math.sqrt(dtMs());
    b.addNoisyInput("sample", ring, bump(sample), noise, rng).addNoisyInput("test", ring, bump(test), noise, rng);
    for (String p : List.of("fixation", "sample", "delay", "test")) {
      b.addInput(p, 0, 1.0);
    }
    if (match == variant.goOnMatch) {
      b.setTarget("decision", 1 + test);
    }
    b.respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("sample_theta", theta(sample));
    info.put("test_theta", theta(test));
    info.put("modality", (double) modality);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link Yang19DelayMatch} task; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.NoisyBuilder<Builder> {
    private final Variant variant;

    private Builder(Variant variant) {
      super(100);
      this.variant = variant;
      defaultTiming("fixation", Timing.constant(300));
      defaultTiming("sample", Timing.constant(500));
      defaultTiming("delay", Timing.constant(1000));
      defaultTiming("test", Timing.constant(500));
      defaultTiming("decision", Timing.constant(900));
    }

    @Override
    public Yang19DelayMatch build() {
      return new Yang19DelayMatch(this);
    }
  }
}
