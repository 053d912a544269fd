package io.github.rnnlab.dynamics;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Argument checks shared by the {@code dynamics} and {@code rls} packages. Each throws an {@link
 * IllegalArgumentException} that names the argument, its value and what is allowed.
 *
 * @since 0.1.0
 */
public final class Check {
  private Check() {}

  /** {@code value} ≥ 1. */
  public static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1; got " + value);
    }
    return value;
  }

  /** {@code value} ≥ 0. */
  public static int nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more; got " + value);
    }
    return value;
  }

  /** {@code value} finite and &gt; 0. */
  public static double positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0; got " + value);
    }
    return value;
  }

  /** {@code value} finite and ≥ 0. */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0; got " + value);
    }
    return value;
  }

  /** {@code value} finite. */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite; got " + value);
    }
    return value;
  }

  /** {@code value} in (0, 1]. */
  public static double fraction(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1]; got " + value);
    }
    return value;
  }

  /** {@code dtMs} &lt; {@code tauMs}, both positive: an Euler step must be shorter than the time constant. */
  public static void stepShorterThanTau(double dtMs, double tauMs) {
    positive("dtMs", dtMs);
    positive("tauMs", tauMs);
    if (dtMs >= tauMs) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "dtMs must be smaller than tauMs (Euler steps of dt/tau >= 1 overshoot); got dtMs %s, tauMs %s", dtMs, tauMs));
    }
  }

  /** A 2-D array of exactly {@code rows} × {@code columns} (−1 for any number) with finite entries. */
  public static void shape(String name, INDArray array, long rows, long columns) {
    long[] s = array.shape();
    boolean ok = s.length == 2 && (rows < 0 || s[0] == rows) && (columns < 0 || s[1] == columns);
    if (!ok) {
      throw new IllegalArgumentException(name + " must have shape [" + (rows < 0 ? "any" : rows) + ", "
          + (columns < 0 ? "any" : columns) + "]; got " + Arrays.toString(s));
    }
    if (array.length() > 0 && !Double.isFinite(array.sumNumber().doubleValue())) {
      throw new IllegalArgumentException(name + " must hold finite values; it holds NaN or infinite entries");
    }
  }
}
