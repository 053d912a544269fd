package io.github.rnnlab.analysis;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Summaries of a recurrent weight matrix {@code W[to][from]} by groups of presynaptic units, e.g. to check that an
 * excitatory-inhibitory network kept Dale's law: every outgoing weight of an excitatory unit ≥ 0, of an inhibitory
 * unit ≤ 0, and no unit connected to itself.
 */
public final class WeightSigns {
  private WeightSigns() {}

  /**
   * One row per group of source units (consecutive columns of {@code weights}, in blocks of {@code groupSizes}):
   * {@code from} (the group's name), {@code weights} (its off-diagonal entries), {@code positive}, {@code zero},
   * {@code negative} (how many of them), {@code min} and {@code max} (over them), and {@code autapses} (non-zero
   * diagonal entries, a unit's weight onto itself, in the group's columns).
   *
   * @throws IllegalArgumentException if the matrix is not square, names and sizes differ in number, a size is not
   *     positive, or the sizes do not add up to the number of units
   */
  public static Table bySource(float[][] weights, List<String> groupNames, List<Integer> groupSizes) {
    int n = weights.length;
    for (float[] row : weights) {
      if (row.length != n) {
        throw new IllegalArgumentException("weights must be square (to × from); got " + n + " rows and a row of "
            + row.length);
      }
    }
    UnitGroups.check(groupNames, groupSizes, n);
    Table t = Table.create("weights by source group", StringColumn.create("from"), IntColumn.create("weights"),
        IntColumn.create("positive"), IntColumn.create("zero"), IntColumn.create("negative"),
        DoubleColumn.create("min"), DoubleColumn.create("max"), IntColumn.create("autapses"));
    int start = 0;
    for (int g = 0; g < groupSizes.size(); g++) {
      int[] counts = new int[4];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int from = start; from < start + groupSizes.get(g); from++) {
        for (int to = 0; to < n; to++) {
          float w = weights[to][from];
          if (to == from) {
            counts[3] += w != 0 ? 1 : 0;
            continue;
          }
          counts[w > 0 ? 0 : w == 0 ? 1 : 2]++;
          min = Math.min(min, w);
          max = Math.max(max, w);
        }
      }
      t.stringColumn("from").append(groupNames.get(g));
      t.intColumn("weights").append(counts[0] + counts[1] + counts[2]);
      t.intColumn("positive").append(counts[0]);
      t.intColumn("zero").append(counts[1]);
      t.intColumn("negative").append(counts[2]);
      t.doubleColumn("min").append(min);
      t.doubleColumn("max").append(max);
      t.intColumn("autapses").append(counts[3]);
      start += groupSizes.get(g);
    }
    return t;
  }
}
