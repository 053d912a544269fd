package io.github.rnnlab.internal;

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

  /** {@code index}, if it lies in {@code [0, size)}; {@code what} names the range, e.g. "input channel". */
  public static int index(String what, int index, int size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(what + " must be in 0.." + (size - 1) + "; got " + index);
    }
    return index;
  }
}
