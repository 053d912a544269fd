package io.github.rnnlab.internal;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Argument checks that throw an {@link IllegalArgumentException} naming the value and what is allowed, so every
 * factory and builder reports bad input the same way. Internal.
 */
public final class Checks {
  private Checks() {}

  /** {@code value}, if it is > 0. */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0; got " + value);
    }
    return value;
  }

  /** {@code value}, if it is >= 0. */
  public static int nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0; got " + value);
    }
    return value;
  }

  /** {@code value}, if it is a finite number > 0. */
  public static double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0; got " + value);
    }
    return value;
  }

  /** {@code value}, if it is a finite number >= 0. */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0; got " + value);
    }
    return value;
  }

  /** {@code value}, if it is a finite number. */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number; got " + value);
    }
    return value;
  }

  /** {@code value}, if it lies in {@code [low, high]}. */
  public static double inRange(String name, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      throw new IllegalArgumentException(name + " must lie in [" + low + ", " + high + "]; got " + value);
    }
    return value;
  }

  /** {@code value}, if it lies in (0, 1]. */
  public static double fraction(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must lie in (0, 1]; got " + value);
    }
    return value;
  }

  /** {@code dtMs} &lt; {@code tauMs}, both positive: an Euler step must be shorter than the time constant. */
  public static void stepShorterThanTau(double dtMs, double tauMs) {
    positive("dtMs", dtMs);
    positive("tauMs", tauMs);
    if (dtMs >= tauMs) {
      throw new IllegalArgumentException("dtMs must be smaller than tauMs (Euler steps of dt/τ >= 1 overshoot); got "
          + "dtMs " + dtMs + ", tauMs " + tauMs);
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

  /** {@code index}, if it lies in {@code [0, size)}; {@code what} names the range, e.g. "input channel". */
  public static int index(String what, int index, int size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(what + " must be in 0.." + (size - 1) + "; got " + index);
    }
    return index;
  }
}
