package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Parametric working memory (Romo's vibrotactile frequency discrimination; Barak, Tsodyks &amp; Romo 2010, "Neuronal
 * population coding of parametric working memory", J. Neurosci. 30:9424): neurogym's {@code DelayComparison-v0}.
 * Two scalar stimuli separated by a delay; report whether the first was larger.
 *
 * <p>Each trial draws the ground truth {@code g} (0: the first is larger, neurogym's 1; 1: the second, neurogym's 2)
 * and a pair of frequencies from {@code vpairs} (first > second), swapped when {@code g = 1}. Inputs: {@code fixation}
 * is 1 until the decision; {@code stimulus} carries {@code (1 + (v − vmin)/(vmax − vmin))/2} (from 0.5 to 1) of
 * {@code v1} during stimulus1 and of {@code v2} during stimulus2, plus N(0, σ²/dt) noise in both. Targets: 0, then
 * {@code 1 + g} in the decision period, where the answer is read. Trial variables: {@code ground_truth}, {@code v1},
 * {@code v2} (Hz).
 *
 * <p>neurogym adds the noise to the fixation channel too; that is a bug (the fixation cue is clean in the other
 * tasks) and the noise goes on the stimulus channel only here. Defaults (neurogym's): dt 100 ms; fixation 500,
 * stimulus1 500, delay 1000, stimulus2 500, decision 100 ms; σ = 1; pairs (18, 10), (22, 14), (26, 18), (30, 22),
 * (34, 26) Hz.
 */
public final class DelayComparison extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stimulus1", "delay", "stimulus2", "decision");

  private final List<double[]> vpairs;
  private final double vmin;
  private final double vmax;
  private final double sigma;

  private DelayComparison(Builder b) {
    super("DelayComparison", b, PERIODS, List.of("fixation", "stimulus"), List.of("fixation", "choice 1", "choice 2"));
    this.vpairs = b.vpairs;
    this.vmin = vpairs.stream().mapToDouble(p -> Math.min(p[0], p[1])).min().orElseThrow();
    this.vmax = vpairs.stream().mapToDouble(p -> Math.max(p[0], p[1])).max().orElseThrow();
    this.sigma = b.sigma();
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The input code of frequency {@code v}: {@code (1 + (v − vmin)/(vmax − vmin))/2}. */
  double represent(double v) {
    return (1 + (v - vmin) / (vmax - vmin)) / 2;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(2);
    double[] pair = vpairs.get(rng.nextInt(vpairs.size()));
    double v1 = groundTruth == 0 ? pair[0] : pair[1];
    double v2 = groundTruth == 0 ? pair[1] : pair[0];
    TrialBuilder b = newTrial(PERIODS, rng);
    for (String p : List.of("fixation", "stimulus1", "delay", "stimulus2")) {
      b.addInput(p, 0, 1.0);
    }
    double noise = sigma / Math.sqrt(dtMs());
    b.addNoisyInput("stimulus1", 1, new double[] {represent(v1)}, noise, rng)
        .addNoisyInput("stimulus2", 1, new double[] {represent(v2)}, noise, rng)
        .setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("v1", v1);
    info.put("v2", v2);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link DelayComparison}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.NoisyBuilder<Builder> {
    private List<double[]> vpairs = List.of(new double[] {18, 10}, new double[] {22, 14}, new double[] {26, 18},
        new double[] {30, 22}, new double[] {34, 26});

    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(500));
      defaultTiming("stimulus1", Timing.constant(500));
      defaultTiming("delay", Timing.constant(1000));
      defaultTiming("stimulus2", Timing.constant(500));
      defaultTiming("decision", Timing.constant(100));
    }

    /**
     * The frequency pairs {@code (larger, smaller)} in Hz to draw from.
     *
     * @throws IllegalArgumentException if the list is empty, a pair does not hold two finite values with the first
     *     larger, or all values are equal
     */
    public Builder vpairs(List<double[]> pairs) {
      if (pairs.isEmpty()) {
        throw new IllegalArgumentException("vpairs must hold at least one pair; got none");
      }
      for (double[] p : pairs) {
        if (p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !(p[0] > p[1])) {
          throw new IllegalArgumentException("each vpair must be two finite frequencies, the first larger; got "
              + java.util.Arrays.toString(p));
        }
      }
      this.vpairs = pairs.stream().map(double[]::clone).toList();
      return this;
    }

    @Override
    public DelayComparison build() {
      return new DelayComparison(this);
    }
  }
}
