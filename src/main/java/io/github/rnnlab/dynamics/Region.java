package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * A named group of units of a network (a brain region), given by their indices.
 *
 * @param name the region's name, e.g. {@code "A"}
 * @param units the indices of its units, counted from 0, at least one, no repeats
 * @since 0.1.0
 */
public record Region(String name, int[] units) {

  /**
   * Checks and copies the indices.
   *
   * @throws IllegalArgumentException if {@code units} is empty, holds a negative index or repeats one
   */
  public Region {
    if (units.length == 0) {
      throw new IllegalArgumentException("region '" + name + "' needs at least one unit");
    }
    units = units.clone();
    int[] sorted = units.clone();
    Arrays.sort(sorted);
    for (int k = 0; k < sorted.length; k++) {
      if (sorted[k] < 0 || (k > 0 && sorted[k] == sorted[k - 1])) {
        throw new IllegalArgumentException("region '" + name + "' has a negative or repeated unit: " + sorted[k]);
      }
    }
  }

  /**
   * Units {@code first} … {@code first + count − 1}.
   *
   * @throws IllegalArgumentException if {@code first} &lt; 0 or {@code count} &lt; 1
   */
  public static Region range(String name, int first, int count) {
    Checks.nonNegative("first", first);
    Checks.positive("count", count);
    int[] units = new int[count];
    for (int k = 0; k < count; k++) {
      units[k] = first + k;
    }
    return new Region(name, units);
  }

  @Override
  public int[] units() {
    return units.clone();
  }

  /** The number of units. */
  public int size() {
    return units.length;
  }

  /** The unit at position {@code k} of this region. */
  public int unit(int k) {
    return units[k];
  }

  /**
   * Checks that {@code regions} do not overlap and lie within {@code totalUnits} units.
   *
   * @throws IllegalArgumentException if two regions share a unit or a unit is ≥ {@code totalUnits}
   */
  public static void requireDisjoint(List<Region> regions, int totalUnits) {
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("give at least one region");
    }
    boolean[] taken = new boolean[totalUnits];
    for (Region r : regions) {
      for (int u : r.units) {
        if (u >= totalUnits) {
          throw new IllegalArgumentException("region '" + r.name + "' has unit " + u + " but there are only "
              + totalUnits + " units");
        }
        if (taken[u]) {
          throw new IllegalArgumentException("unit " + u + " is in two regions (one is '" + r.name + "')");
        }
        taken[u] = true;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Region r && r.name.equals(name) && Arrays.equals(r.units, units);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(units);
  }

  @Override
  public String toString() {
    return "Region[" + name + ", " + units.length + " units]";
  }
}
