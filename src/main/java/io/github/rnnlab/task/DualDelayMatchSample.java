package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Dual delayed match-to-sample (Rose et al. 2016, "Reactivation of latent working memories with transcranial magnetic
 * stimulation", Science 354:1136): neurogym's {@code DualDelayMatchSample-v0}. Two samples at once; then, twice, a cue
 * says which sample is tested and a test follows; answer match or non-match each time.
 *
 * <p>Each trial draws the two answers (0 = match, 1 = non-match; neurogym's 1 and 2), the two samples (each 0 or
 * 0.5) and the test order. A value {@code s} shows on its pair of channels as {@code (cos sπ, sin sπ)}; a non-matching
 * test shows {@code 0.5 − s}. Inputs: {@code fixation} is 1 for the whole trial (the test periods are the response
 * windows); {@code stimulus1 1, 2} and {@code stimulus2 1, 2} show sample 1 and 2 during {@code sample} and each
 * item's test during the test period it is tested in; {@code cue1} ({@code cue2}) is 1 during the cue period before
 * item 1's (2's) test. With test order 0 item 1 is cued and tested first; with order 1 item 2 is. Targets: {@code 1 +}
 * the item's answer during the period showing its test, 0 elsewhere; both answers are read, at the end of test1 and
 * test2. Ground truth: item 1's answer. Trial variables: {@code ground_truth}, {@code ground_truth2},
 * {@code sample1}, {@code sample2}, {@code test_order}.
 *
 * <p>neurogym adds the noise N(0, σ²/dt) to all seven channels during sample, test1 and test2, fixation and cues
 * included; that is a bug (cues are clean signals in every other task) and it goes on the four stimulus channels only
 * here. Defaults (neurogym's): dt 100 ms; every period 500 ms; σ = 1.
 */
public final class DualDelayMatchSample extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "sample", "delay1", "cue1", "test1", "delay2",
      "cue2", "test2");

  private final double sigma;

  private DualDelayMatchSample(Builder b) {
    super("DualDelayMatchSample", b, PERIODS, List.of("fixation", "stimulus1 1", "stimulus1 2", "stimulus2 1",
        "stimulus2 2", "cue1", "cue2"), List.of("fixation", "match", "non-match"));
    this.sigma = b.sigma();
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static double[] encode(double value) {
    return new double[] {Math.cos(value * Math.PI), Math.sin(value * Math.PI)};
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int[] answers = {rng.nextInt(2), rng.nextInt(2)};
    double[] samples = {rng.nextBoolean() ? 0.5 : 0, rng.nextBoolean() ? 0.5 : 0};
    int order = rng.nextInt(2);
    TrialBuilder b = newTrial(PERIODS, rng);
    b.addInput(0, b.steps(), 0, 1.0).addInput("sample", 1, encode(samples[0])).addInput("sample", 3, encode(samples[1]));
    double noise = sigma / Math.sqrt(dtMs());
    for (int item = 0; item < 2; item++) {
      // Item 1 goes first with order 0, second with order 1; item 2 the other way round.
      int slot = item == order ? 1 : 2;
      double test = answers[item] == 0 ? samples[item] : 0.5 - samples[item];
      b.addInput("cue" + slot, 5 + item, 1.0).addInput("test" + slot, 1 + 2 * item, encode(test))
          .setTarget("test" + slot, 1 + answers[item]);
    }
    for (String p : List.of("sample", "test1", "test2")) {
      b.addNoise(p, 1, 5, noise, rng);
    }
    b.respondIn("test1").respondIn("test2");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) answers[0]);
    info.put("ground_truth2", (double) answers[1]);
    info.put("sample1", samples[0]);
    info.put("sample2", samples[1]);
    info.put("test_order", (double) order);
    return b.build(answers[0], info);
  }

  /** Settings of a {@link DualDelayMatchSample}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.NoisyBuilder<Builder> {
    private Builder() {
      super(100);
      for (String p : PERIODS) {
        defaultTiming(p, Timing.constant(500));
      }
    }

    @Override
    public DualDelayMatchSample build() {
      return new DualDelayMatchSample(this);
    }
  }
}
