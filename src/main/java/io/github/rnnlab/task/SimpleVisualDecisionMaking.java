package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The tutorial's visual decision (exercise 8, "ConvNet + RNN"; not a neurogym task): a 10 × 10 image shows a fixation
 * square, then a noisy vertical or horizontal bar; after it goes off, report which.
 *
 * <p>Each trial draws the ground truth (0 = vertical, 1 = horizontal). Inputs: the image's 100 pixels, row by row
 * ({@code "pixel r,c"}, channel {@code 10r + c}): during fixation the 2 × 2 central square (rows and columns 4–5) is
 * 1; during the stimulus a bar, rows 2–7 × columns 4–5 (vertical) or rows 4–5 × columns 2–7 (horizontal), is 1, plus
 * N(0, σ²) noise on every pixel; in the decision period the image is blank, which is the go cue. Targets: 0, then
 * {@code 1 + g} in the decision period, where the answer is read. Trial variable: {@code ground_truth}.
 *
 * <p>The exercise states the noise as N(0, σ) per pixel and step, not scaled by dt as neurogym's tasks scale it; that
 * reading is kept. Defaults: dt 100 ms (the exercise plots it at 50 ms); fixation 100, stimulus 300, decision 100 ms;
 * σ = 1 (the exercise's pictures use 0).
 */
public final class SimpleVisualDecisionMaking extends AbstractTask {
  private static final int SIDE = 10;
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "decision");

  private final double sigma;

  private SimpleVisualDecisionMaking(Builder b) {
    super("SimpleVisualDecisionMaking", b, PERIODS, pixelNames(), List.of("fixation", "choice 1", "choice 2"));
    this.sigma = b.sigma;
  }

  /** A builder with the exercise's settings. */
  public static Builder builder() {
    return new Builder();
  }

  private static List<String> pixelNames() {
    List<String> names = new ArrayList<>();
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE; c++) {
        names.add("pixel " + r + "," + c);
      }
    }
    return names;
  }

  /** Sets pixels of rows {@code [r0, r1)} × columns {@code [c0, c1)} to 1 throughout {@code period}. */
  private static void fill(TrialBuilder b, String period, int r0, int r1, int c0, int c1) {
    for (int r = r0; r < r1; r++) {
      for (int c = c0; c < c1; c++) {
        b.addInput(period, SIDE * r + c, 1.0);
      }
    }
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(2);
    TrialBuilder b = newTrial(PERIODS, rng);
    fill(b, "fixation", 4, 6, 4, 6);
    if (groundTruth == 0) {
      fill(b, "stimulus", 2, 8, 4, 6);
    } else {
      fill(b, "stimulus", 4, 6, 2, 8);
    }
    b.addNoise("stimulus", 0, SIDE * SIDE, sigma, rng).setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link SimpleVisualDecisionMaking}. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private double sigma = 1;

    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(100));
      defaultTiming("stimulus", Timing.constant(300));
      defaultTiming("decision", Timing.constant(100));
    }

    /** The noise on each pixel at each step of the stimulus, not scaled by dt (default 1). */
    public Builder sigma(double sigma) {
      this.sigma = Checks.nonNegative("sigma", sigma);
      return this;
    }

    @Override
    public SimpleVisualDecisionMaking build() {
      return new SimpleVisualDecisionMaking(this);
    }
  }
}
