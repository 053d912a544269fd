package io.github.rnnlab.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One point of a sweep's settings: named values such as {@code tau_ms = 100, hidden = 128}, in the order given. A value
 * is an {@code Integer}, {@code Long}, {@code Double}, {@code String} or {@code Boolean}; a {@code Short} or
 * {@code Byte} is kept as an {@code Integer}, a {@code Float} as a {@code Double} and an enum constant as its name.
 * Names are column names: a letter, then letters, digits or underscores ({@code tau_ms}); {@code seed},
 * {@code seconds} and {@code error} are taken by the sweep's own columns. A {@link Run} reads the values with their
 * types ({@code run.getDouble("tau_ms")}). Immutable and serializable.
 *
 * <pre>{@code
 * Setting.of("tau_ms", 50).and("hidden", 64)
 * }</pre>
 *
 * @param values the values by name, in order; read-only
 */
public record Setting(Map<String, Object> values) implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  /** Column names that every sweep table has; settings and metrics may not use them. */
  static final List<String> RESERVED = List.of("seed", "seconds", "error");

  /**
   * Checks and copies {@code values}, keeping their order.
   *
   * @throws IllegalArgumentException if a name is not a valid column name or a value is not of an allowed type
   */
  public Setting {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((name, value) -> copy.put(requireName(name, "setting"), normalise(name, value)));
    values = Collections.unmodifiableMap(copy);
  }

  /** A setting of one value. */
  public static Setting of(String name, Object value) {
    return new Setting(Map.of(name, value));
  }

  /**
   * A setting with the values of {@code values}, in its iteration order (use a {@code LinkedHashMap}, or Kotlin's
   * {@code mapOf}, to fix the order of the table's columns).
   */
  public static Setting of(Map<String, ?> values) {
    return new Setting(new LinkedHashMap<>(values));
  }

  /** The setting of no values: a sweep over seeds only. */
  public static Setting empty() {
    return new Setting(Map.of());
  }

  /**
   * This setting with one more value, placed last.
   *
   * @throws IllegalArgumentException if it already has a value called {@code name}
   */
  public Setting and(String name, Object value) {
    if (values.containsKey(name)) {
      throw new IllegalArgumentException("the setting already has a value for '" + name + "': " + this);
    }
    Map<String, Object> more = new LinkedHashMap<>(values);
    more.put(name, value);
    return new Setting(more);
  }

  /**
   * The value called {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public Object get(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no setting called '" + name + "'; this setting has " + values.keySet());
    }
    return value;
  }

  /** {@code name=value} pairs joined by commas, e.g. {@code tau_ms=50, hidden=64}; {@code "all runs"} if empty. */
  public String label() {
    if (values.isEmpty()) {
      return "all runs";
    }
    StringJoiner j = new StringJoiner(", ");
    values.forEach((name, value) -> j.add(name + "=" + format(value)));
    return j.toString();
  }

  @Override
  public String toString() {
    return "Setting[" + label() + "]";
  }

  /**
   * The one text form of a value, used in labels, in results files and to match a results file's rows to runs:
   * {@code toString}, which for a double is exact (it parses back to the same double).
   */
  static String format(Object value) {
    return value.toString();
  }

  /**
   * Checks a column name.
   *
   * @throws IllegalArgumentException if it is not a letter followed by letters, digits or underscores, or is reserved
   */
  static String requireName(String name, String what) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " name '" + name + "' must be a letter followed by letters, digits or "
          + "underscores (it becomes a column name)");
    }
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(what + " name '" + name + "' is taken by the sweep's own columns "
          + RESERVED);
    }
    return name;
  }

  private static Object normalise(String name, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("setting '" + name + "' must be a finite number; got " + d);
      }
      return d;
    }
    if (value instanceof Float f) {
      // 0.1f becomes 0.1, not 0.10000000149011612.
      return normalise(name, Double.parseDouble(f.toString()));
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    throw new IllegalArgumentException("setting '" + name + "' has a value of type " + value.getClass().getName()
        + "; allowed: Integer, Long, Double, String, Boolean (Short, Byte, Float and enums are converted)");
  }
}
