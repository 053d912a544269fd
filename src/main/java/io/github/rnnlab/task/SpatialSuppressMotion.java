package io.github.rnnlab.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Centre-surround suppression of motion perception (Tadin, Lappin, Gilroy &amp; Blake 2003, "Perceptual consequences of
 * centre-surround antagonism in visual motion processing", Nature 424:312), with float targets: neurogym's
 * {@code SpatialSuppressMotion-v0}. A moving grating of one of four directions is shown; at every step the target is
 * the probability that a human observer reports each direction, from the paper's psychophysics. Big high-contrast
 * stimuli are hard to judge at short durations, small low-contrast ones easy.
 *
 * <p>Each trial draws the direction (left, right, up, down: ground truth 0–3, neurogym's 1–4) and the contrast, 0.05
 * (diameter 1 unit) or 0.99 (diameter 8 units). Inputs (32, unnamed in neurogym; {@code "<pool> <unit>"} here): for
 * each direction pool {@code j} and size unit {@code s < diameter}, {@code (cos(angle_j − angle) + 1)·contrast/2}
 * (the shown direction gets the contrast, the opposite 0, the orthogonal ones half), constant over the trial. Targets
 * (four probabilities, scored with mean squared error): the tabulated curves of correct and opposite reports
 * interpolated linearly at frames 0, 1, 2, … (extrapolated past the table), the orthogonal directions sharing the
 * rest equally. The ground truth is the direction; trial variables {@code ground_truth}, {@code contrast},
 * {@code diameter}.
 *
 * <p>neurogym's table makes the orthogonal probabilities negative (down to −0.015) in the last frames of
 * high-contrast trials, where correct and opposite add up to more than 1; here they are clipped to 0 and the row is
 * rescaled to sum to 1. Defaults (neurogym's): dt 8.3 ms (one 120 Hz frame); stimulus 300 ms, 36 steps.
 */
public final class SpatialSuppressMotion extends AbstractTask {
  private static final List<String> PERIODS = List.of("stimulus");
  private static final String[] DIRECTIONS = {"left", "right", "up", "down"};
  private static final double[] ANGLES = {-Math.PI / 2, Math.PI / 2, 0, Math.PI};
  private static final int[] OPPOSITE = {1, 0, 3, 2};
  private static final int UNITS = 8;
  private static final double[] KNOTS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 17, 20, 27, 35, 36, 37, 38};
  private static final double[] HIGH_CORRECT = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249,
      0.27, 0.32, 0.4583, 0.65, 0.85, 0.99, 0.99, 0.99, 0.99};
  private static final double[] HIGH_OPPOSITE = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.29, 0.31,
      0.4, 0.475, 0.4167, 0.3083, 0.075, 0.04, 0.04, 0.03, 0.03};
  private static final double[] LOW_CORRECT = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.25, 0.26, 0.2583,
      0.325, 0.45, 0.575, 0.875, 0.933, 0.99, 0.99, 0.99, 0.99};
  private static final double[] LOW_OPPOSITE = {0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.249, 0.25, 0.26, 0.2583,
      0.267, 0.1417, 0.1167, 0.058, 0.016, 0.003, 0.003, 0.003, 0.003};
  private static final double LOW_CONTRAST = 0.05;
  private static final double HIGH_CONTRAST = 0.99;

  private SpatialSuppressMotion(Builder b) {
    super("SpatialSuppressMotion", b, PERIODS, poolNames(), List.of(DIRECTIONS));
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static List<String> poolNames() {
    List<String> names = new ArrayList<>();
    for (String d : DIRECTIONS) {
      names.addAll(numbered(d, UNITS));
    }
    return names;
  }

  /** False: the targets are probabilities, trained with mean squared error. */
  @Override
  public boolean hasLabels() {
    return false;
  }

  /** The piecewise-linear interpolation of {@code (KNOTS, values)} at {@code x}, extrapolated from the end pieces. */
  static double interpolate(double[] values, double x) {
    int i = 1;
    while (i < KNOTS.length - 1 && x > KNOTS[i]) {
      i++;
    }
    double w = (x - KNOTS[i - 1]) / (KNOTS[i] - KNOTS[i - 1]);
    return values[i - 1] + w * (values[i] - values[i - 1]);
  }

  /** The four report probabilities at {@code frame} for a stimulus moving in {@code direction}. */
  static double[] probabilities(int direction, boolean highContrast, int frame) {
    double correct = interpolate(highContrast ? HIGH_CORRECT : LOW_CORRECT, frame);
    double opposite = interpolate(highContrast ? HIGH_OPPOSITE : LOW_OPPOSITE, frame);
    double orthogonal = Math.max(0, (1 - correct - opposite) / 2);
    double[] p = new double[DIRECTIONS.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = j == direction ? correct : j == OPPOSITE[direction] ? opposite : orthogonal;
    }
    double sum = correct + opposite + 2 * orthogonal;
    for (int j = 0; j < p.length; j++) {
      p[j] /= sum;
    }
    return p;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int direction = rng.nextInt(DIRECTIONS.length);
    boolean high = rng.nextBoolean();
    double contrast = high ? HIGH_CONTRAST : LOW_CONTRAST;
    int diameter = high ? UNITS : 1;
    TrialBuilder b = TrialBuilder.withFloatTargets(dtMs(), DIRECTIONS.length * UNITS, DIRECTIONS.length)
        .addPeriods(PERIODS, timing(), rng);
    for (int j = 0; j < DIRECTIONS.length; j++) {
      double v = (Math.cos(ANGLES[j] - ANGLES[direction]) + 1) * contrast / 2;
      for (int s = 0; s < diameter; s++) {
        b.addInput("stimulus", UNITS * j + s, v);
      }
    }
    for (int t = 0; t < b.steps(); t++) {
      double[] p = probabilities(direction, high, t);
      for (int j = 0; j < p.length; j++) {
        b.setTargetValue(t, t + 1, j, p[j]);
      }
    }
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) direction);
    info.put("contrast", contrast);
    info.put("diameter", (double) diameter);
    return b.build(direction, info);
  }

  /** Settings of a {@link SpatialSuppressMotion}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private Builder() {
      super(8.3);
      defaultTiming("stimulus", Timing.constant(300));
    }

    @Override
    public SpatialSuppressMotion build() {
      return new SpatialSuppressMotion(this);
    }
  }
}
