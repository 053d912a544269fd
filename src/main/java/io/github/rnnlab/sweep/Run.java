package io.github.rnnlab.sweep;

import java.io.Serializable;

/**
 * One run of a sweep: a setting and a seed, as a {@link SweepFunction} receives them. The getters read the setting's
 * values with their types ({@code run.getDouble("tau_ms")}), and say so when a value is missing or of another type.
 * Immutable and serializable.
 *
 * @param index the run's place in the sweep's canonical order (settings in the order given, then seeds), from 0
 * @param setting the setting
 * @param seed the seed
 */
public record Run(int index, Setting setting, long seed) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The setting's value called {@code name}; see {@link Setting#get}. */
  public Object get(String name) {
    return setting.get(name);
  }

  /**
   * A numeric value as a double.
   *
   * @throws IllegalArgumentException if there is no such value or it is not a number
   */
  public double getDouble(String name) {
    return number(name).doubleValue();
  }

  /**
   * A whole-number value as an int.
   *
   * @throws IllegalArgumentException if there is no such value or it is not a whole number that fits an int
   */
  public int getInt(String name) {
    long v = getLong(name);
    if (v != (int) v) {
      throw new IllegalArgumentException("setting '" + name + "' = " + v + " does not fit an int");
    }
    return (int) v;
  }

  /**
   * A whole-number value as a long.
   *
   * @throws IllegalArgumentException if there is no such value or it is not a whole number
   */
  public long getLong(String name) {
    Number n = number(name);
    if (!(n instanceof Integer || n instanceof Long)) {
      throw new IllegalArgumentException("setting '" + name + "' = " + n + " is not a whole number");
    }
    return n.longValue();
  }

  /**
   * A text value (an enum constant's name, for a setting given as an enum).
   *
   * @throws IllegalArgumentException if there is no such value or it is not text
   */
  public String getString(String name) {
    if (setting.get(name) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("setting '" + name + "' = " + setting.get(name) + " is not text");
  }

  /**
   * A true/false value.
   *
   * @throws IllegalArgumentException if there is no such value or it is not a Boolean
   */
  public boolean getBoolean(String name) {
    if (setting.get(name) instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("setting '" + name + "' = " + setting.get(name) + " is not true or false");
  }

  private Number number(String name) {
    if (setting.get(name) instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException("setting '" + name + "' = " + setting.get(name) + " is not a number");
  }

  /** The setting's label and the seed, e.g. {@code tau_ms=50, seed 3}. */
  public String label() {
    return (setting.values().isEmpty() ? "" : setting.label() + ", ") + "seed " + seed;
  }
}
