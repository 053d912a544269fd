package io.github.rnnlab.task;

import java.util.List;

/**
 * Stimulus codes on a ring of {@code d} channels, channel {@code k} preferring the angle θ_k = 2πk/d, as neurogym's
 * tasks write them; and checks of value lists. Internal.
 */
final class Rings {
  private Rings() {}

  /** The angle of channel {@code k} of a ring of {@code d}: 2πk/d. */
  static double angle(int k, int d) {
    return 2 * Math.PI * k / d;
  }

  /**
   * The coherence code of the perceptual decision tasks: {@code cos(θ_k − θ_g)·coh/200 + 0.5} for the choice
   * {@code g} and a coherence in percent.
   */
  static double[] coherence(int d, int g, double coh) {
    double[] values = new double[d];
    for (int k = 0; k < d; k++) {
      double dTheta = 2 * Math.PI * (k - g) / d;
      values[k] = Math.cos(dTheta) * coh / 200 + 0.5;
    }
    return values;
  }

  /** {@code cos(θ_k − theta)·scale + offset} on every channel: raw ({@code 1, 0}) or unit ({@code 0.5, 0.5}) codes. */
  static double[] cosine(int d, double theta, double scale, double offset) {
    double[] values = new double[d];
    for (int k = 0; k < d; k++) {
      values[k] = Math.cos(angle(k, d) - theta) * scale + offset;
    }
    return values;
  }

  /** The circular distance between two angles, in [0, π]. */
  static double distance(double a, double b) {
    double d = Math.abs(a - b) % (2 * Math.PI);
    return Math.min(d, 2 * Math.PI - d);
  }

  /**
   * {@code dimRing}, if a ring of that many channels has at least two.
   *
   * @throws IllegalArgumentException otherwise
   */
  static int checkedSize(int dimRing) {
    if (dimRing < 2) {
      throw new IllegalArgumentException("dimRing must be >= 2; got " + dimRing);
    }
    return dimRing;
  }

  /**
   * {@code values}, copied, if it is not empty and every value is finite.
   *
   * @throws IllegalArgumentException naming {@code what} otherwise
   */
  static List<Double> checkedValues(String what, List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(what + " must hold at least one value; got an empty list");
    }
    for (Double v : values) {
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException(what + " must be finite numbers; got " + values);
      }
    }
    return List.copyOf(values);
  }
}
