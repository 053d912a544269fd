package io.github.rnnlab.analysis;

import java.util.List;

/** Checks of units given in consecutive named blocks (e.g. 40 excitatory, then 10 inhibitory units). Internal. */
final class UnitGroups {
  private UnitGroups() {}

  /**
   * Checks that every size is positive and the sizes add up to {@code units}.
   *
   * @throws IllegalArgumentException naming the sizes otherwise
   */
  static void checkSizes(List<Integer> sizes, int units) {
    int total = 0;
    for (int size : sizes) {
      if (size <= 0) {
        throw new IllegalArgumentException("group sizes must be > 0; got " + sizes);
      }
      total += size;
    }
    if (total != units) {
      throw new IllegalArgumentException("group sizes " + sizes + " add up to " + total + " but there are " + units
          + " units");
    }
  }

  /**
   * As {@link #checkSizes}, and that there is one name per size.
   *
   * @throws IllegalArgumentException otherwise
   */
  static void check(List<String> names, List<Integer> sizes, int units) {
    if (names.size() != sizes.size()) {
      throw new IllegalArgumentException("give one name per group size; got " + names.size() + " names and "
          + sizes.size() + " sizes");
    }
    checkSizes(sizes, units);
  }
}
