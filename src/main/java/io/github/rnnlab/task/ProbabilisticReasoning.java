package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Probabilistic reasoning with shapes (Yang &amp; Shadlen 2007, "Probabilistic reasoning by neurons", Nature 447:1075):
 * neurogym's {@code ProbabilisticReasoning-v0}. Shapes appear one by one at different locations and stay on screen;
 * each carries evidence (a log₁₀ likelihood ratio) for one of two choices; the answer is drawn with the posterior
 * probability the evidence gives.
 *
 * <p>Each trial draws the locations of the {@code nLoc} shapes (a permutation) and the shapes (with replacement from
 * the {@code shapeWeight} list); with {@code L = Σ weight} the ground truth is 1 with probability
 * {@code 1/(10^(−L) + 1)}, else 0, so even the best answer is sometimes wrong (by design). Periods: fixation,
 * stimulus0 … stimulus{nLoc−1}, delay, decision. Inputs: {@code fixation} is 1 until the decision; channel
 * {@code 1 + nShape·location + shape} ({@code "loc<i> <shape>"}) is 1 from the period shape {@code i} appears in until
 * the last stimulus period ends. No noise. Targets: 0, then {@code 1 + g} in the decision period, where the answer is
 * read. Trial variables: {@code ground_truth}, {@code log_odd}.
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation 500, each stimulus 500, delay U(450, 550), decision 500 ms; 4
 * locations; weights −10, −0.9, −0.7, −0.5, −0.3, 0.3, 0.5, 0.7, 0.9, 10.
 */
public final class ProbabilisticReasoning extends AbstractTask {
  private static final int DEFAULT_LOCATIONS = 4;

  private final List<Double> shapeWeight;
  private final int nLoc;

  private ProbabilisticReasoning(Builder b) {
    super("ProbabilisticReasoning", b, periods(b.nLoc), inputNames(b.nLoc, b.shapeWeight.size()),
        List.of("fixation", "choice 1", "choice 2"));
    this.shapeWeight = b.shapeWeight;
    this.nLoc = b.nLoc;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static List<String> periods(int nLoc) {
    List<String> periods = new ArrayList<>(List.of("fixation"));
    for (int i = 0; i < nLoc; i++) {
      periods.add("stimulus" + i);
    }
    periods.addAll(List.of("delay", "decision"));
    return periods;
  }

  private static List<String> inputNames(int nLoc, int nShape) {
    List<String> names = new ArrayList<>(List.of("fixation"));
    for (int loc = 0; loc < nLoc; loc++) {
      names.addAll(numbered("loc" + loc, nShape));
    }
    return names;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int nShape = shapeWeight.size();
    int[] locs = new int[nLoc];
    for (int i = 0; i < nLoc; i++) {
      locs[i] = i;
    }
    for (int i = nLoc - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = locs[i];
      locs[i] = locs[j];
      locs[j] = tmp;
    }
    int[] shapes = new int[nLoc];
    double logOdd = 0;
    for (int i = 0; i < nLoc; i++) {
      shapes[i] = rng.nextInt(nShape);
      logOdd += shapeWeight.get(shapes[i]);
    }
    double p = 1 / (Math.pow(10, -logOdd) + 1);
    int groundTruth = rng.nextDouble() < p ? 1 : 0;
    TrialBuilder b = newTrial(periodNames(), rng);
    b.addInput(0, b.period("decision").start(), 0, 1.0);
    int end = b.period("stimulus" + (nLoc - 1)).end();
    for (int i = 0; i < nLoc; i++) {
      b.addInput(b.period("stimulus" + i).start(), end, 1 + nShape * locs[i] + shapes[i], 1.0);
    }
    b.setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("log_odd", logOdd);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link ProbabilisticReasoning}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private List<Double> shapeWeight = List.of(-10.0, -0.9, -0.7, -0.5, -0.3, 0.3, 0.5, 0.7, 0.9, 10.0);
    private int nLoc = DEFAULT_LOCATIONS;

    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(500));
      stimulusTimings(DEFAULT_LOCATIONS);
      defaultTiming("delay", Timing.uniform(450, 550));
      defaultTiming("decision", Timing.constant(500));
    }

    /** Default timings for the stimulus periods that have none yet. */
    private void stimulusTimings(int locations) {
      for (int i = 0; i < locations; i++) {
        if (!timing().containsKey("stimulus" + i)) {
          defaultTiming("stimulus" + i, Timing.constant(500));
        }
      }
    }

    /** The log₁₀ likelihood ratio each shape carries for choice 2 (default −10, −0.9, …, 0.9, 10). */
    public Builder shapeWeight(List<Double> weights) {
      this.shapeWeight = Rings.checkedValues("shapeWeight", weights);
      return this;
    }

    /** The number of locations, and of shapes per trial (default 4). */
    public Builder nLoc(int nLoc) {
      this.nLoc = Checks.positive("nLoc", nLoc);
      stimulusTimings(nLoc);
      return this;
    }

    @Override
    public ProbabilisticReasoning build() {
      return new ProbabilisticReasoning(this);
    }
  }
}
