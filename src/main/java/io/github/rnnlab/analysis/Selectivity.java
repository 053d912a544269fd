package io.github.rnnlab.analysis;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.HeatmapChart;
import io.github.rnnlab.plot.HistogramChart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How strongly each unit tells two conditions apart, as the sensitivity index d′ (the tutorial's EI notebook):
 *
 * <pre>d′ = (μ_a − μ_b) / √((σ_a² + σ_b² + 10⁻⁷) / 2)</pre>
 *
 * <p>where μ and σ are the mean and the standard deviation (divisor n, as NumPy's {@code np.std}) of the unit's rate
 * over every time step of a period, pooled over the trials of each condition; condition a is the smaller value of a
 * two-valued trial variable (ground truth 0), b the larger. The 10⁻⁷ keeps silent units at d′ = 0. Immutable.
 *
 * <pre>{@code
 * var sel = Selectivity.dPrime(eval, "stimulus", "ground_truth");
 * sel.plot(List.of("excitatory", "inhibitory"), List.of(40, 10));
 * sel.plotSorted("Network connectivity", net.effectiveRecurrentWeights(), List.of(40, 10));
 * }</pre>
 */
public final class Selectivity {
  private final String variable;
  private final double valueA;
  private final double valueB;
  private final double[] meanA;
  private final double[] meanB;
  private final double[] dPrime;

  private Selectivity(String variable, double valueA, double valueB, double[] meanA, double[] meanB,
      double[] dPrime) {
    this.variable = variable;
    this.valueA = valueA;
    this.valueB = valueB;
    this.meanA = meanA;
    this.meanB = meanB;
    this.dPrime = dPrime;
  }

  /**
   * Each unit's d′ between the two values of {@code variable} over the steps of {@code period}.
   *
   * @throws IllegalArgumentException if the trials have no such period or variable, or the variable does not take
   *     exactly two values
   */
  public static Selectivity dPrime(Evaluation evaluation, String period, String variable) {
    TreeSet<Double> values = new TreeSet<>();
    for (int i = 0; i < evaluation.size(); i++) {
      values.add(Trials.value(evaluation.trial(i), variable));
    }
    if (values.size() != 2) {
      throw new IllegalArgumentException("d′ compares two conditions, but '" + variable + "' takes " + values.size()
          + " values " + values + " in these trials");
    }
    double a = values.first();
    int units = evaluation.units();
    // Sums and sums of squares per condition and unit, in double.
    double[][] sum = new double[2][units];
    double[][] squares = new double[2][units];
    long[] count = new long[2];
    for (int i = 0; i < evaluation.size(); i++) {
      int c = Trials.value(evaluation.trial(i), variable) == a ? 0 : 1;
      for (float[] step : evaluation.rows(i, period)) {
        count[c]++;
        for (int u = 0; u < units; u++) {
          sum[c][u] += step[u];
          squares[c][u] += (double) step[u] * step[u];
        }
      }
    }
    for (int c = 0; c < 2; c++) {
      if (count[c] == 0) {
        throw new IllegalArgumentException("period '" + period + "' has no steps in the trials with " + variable
            + " = " + (c == 0 ? a : values.last()));
      }
    }
    double[][] mean = new double[2][units];
    double[] d = new double[units];
    for (int u = 0; u < units; u++) {
      double[] variance = new double[2];
      for (int c = 0; c < 2; c++) {
        mean[c][u] = sum[c][u] / count[c];
        variance[c] = Math.max(0, squares[c][u] / count[c] - mean[c][u] * mean[c][u]);
      }
      d[u] = (mean[0][u] - mean[1][u]) / Math.sqrt((variance[0] + variance[1] + 1e-7) / 2);
    }
    return new Selectivity(variable, a, values.last(), mean[0], mean[1], d);
  }

  /** d′ of every unit, a copy. */
  public double[] values() {
    return dPrime.clone();
  }

  /** d′ of every unit as a (units) float64 array. */
  public INDArray toArray() {
    return Nd4j.create(dPrime.clone());
  }

  /**
   * One row per unit: {@code unit}, {@code mean_a} and {@code mean_b} (mean rates in the two conditions, named in the
   * table's title) and {@code d_prime}.
   */
  public Table toTable() {
    int[] ids = new int[dPrime.length];
    for (int u = 0; u < ids.length; u++) {
      ids[u] = u;
    }
    return Table.create("d′ of each unit, " + variable + " " + valueA + " (a) vs " + valueB + " (b)",
        IntColumn.create("unit", ids), DoubleColumn.create("mean_a", meanA), DoubleColumn.create("mean_b", meanB),
        DoubleColumn.create("d_prime", dPrime));
  }

  /**
   * The units ordered by ascending d′ within consecutive blocks of {@code groupSizes} (e.g. excitatory then
   * inhibitory units, {@code List.of(40, 10)}), blocks kept in order, as the tutorial sorts its EI network.
   *
   * @throws IllegalArgumentException if a size is not positive or the sizes do not add up to the number of units
   */
  public int[] sortedOrder(List<Integer> groupSizes) {
    UnitGroups.checkSizes(groupSizes, dPrime.length);
    List<Integer> order = new ArrayList<>();
    int start = 0;
    for (int size : groupSizes) {
      List<Integer> block = new ArrayList<>();
      for (int u = start; u < start + size; u++) {
        block.add(u);
      }
      block.sort(Comparator.comparingDouble(u -> dPrime[u]));
      order.addAll(block);
      start += size;
    }
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * {@code weights} (to × from, square, one row and column per unit) with rows and columns reordered by
   * {@link #sortedOrder}.
   *
   * @throws IllegalArgumentException if {@code weights} is not units × units, or as {@link #sortedOrder}
   */
  public float[][] sortedMatrix(float[][] weights, List<Integer> groupSizes) {
    int n = dPrime.length;
    if (weights.length != n) {
      throw new IllegalArgumentException("weights must be " + n + " × " + n + " (one row and column per unit); got "
          + weights.length + " rows");
    }
    for (float[] row : weights) {
      if (row.length != n) {
        throw new IllegalArgumentException("weights must be " + n + " × " + n + "; a row has " + row.length
            + " entries");
      }
    }
    int[] order = sortedOrder(groupSizes);
    float[][] sorted = new float[n][n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        sorted[r][c] = weights[order[r]][order[c]];
      }
    }
    return sorted;
  }

  /**
   * The heat map of {@code weights} sorted by {@link #sortedMatrix} on both axes: a diverging blue–white–red map
   * symmetric around 0 (negative, inhibitory weights blue), "From" units along the columns, "To" units down the rows.
   */
  public Figure plotSorted(String title, float[][] weights, List<Integer> groupSizes) {
    var chart = HeatmapChart.chart(title, sortedMatrix(weights, groupSizes));
    chart.setXAxisTitle("From unit (sorted by d′ within each group)");
    chart.setYAxisTitle("To unit (sorted)");
    return Figure.of(chart);
  }

  /**
   * The mean recurrent weight between pools of units: each group of {@code groupSizes} (e.g. excitatory, inhibitory)
   * split by the sign of d′ into the units that prefer condition a ({@code d′ > 0}) and those that prefer b
   * ({@code d′ ≤ 0}). One row per target pool: {@code to}, {@code units} (its size), then one column per source pool
   * holding the mean of {@code weights[to][from]} over its units (self-connections left out; NaN for an empty pool).
   * This is the circuit the sorted heat map shows, in numbers: e.g. whether units that prefer the same choice excite
   * each other more than units that prefer the other.
   *
   * @throws IllegalArgumentException as {@link #sortedMatrix}, or if names and sizes differ in number
   */
  public Table poolConnectivity(float[][] weights, List<String> groupNames, List<Integer> groupSizes) {
    UnitGroups.check(groupNames, groupSizes, dPrime.length);
    float[][] sorted = sortedMatrix(weights, groupSizes);
    int[] order = sortedOrder(groupSizes);
    // Pools in the sorted order: within a group, d′ ≤ 0 (prefers b) comes first as d′ ascends.
    List<String> names = new ArrayList<>();
    List<int[]> ranges = new ArrayList<>();
    int start = 0;
    for (int g = 0; g < groupSizes.size(); g++) {
      int end = start + groupSizes.get(g);
      int split = start;
      while (split < end && dPrime[order[split]] <= 0) {
        split++;
      }
      names.add(groupNames.get(g) + " (d′ > 0, prefers " + fmt(valueA) + ")");
      ranges.add(new int[] {split, end});
      names.add(groupNames.get(g) + " (d′ ≤ 0, prefers " + fmt(valueB) + ")");
      ranges.add(new int[] {start, split});
      start = end;
    }
    Table t = Table.create("mean weight from pool (column) to pool (row)", StringColumn.create("to", names),
        IntColumn.create("units", ranges.stream().mapToInt(r -> r[1] - r[0]).toArray()));
    for (int from = 0; from < names.size(); from++) {
      double[] means = new double[names.size()];
      for (int to = 0; to < names.size(); to++) {
        double sum = 0;
        int count = 0;
        for (int r = ranges.get(to)[0]; r < ranges.get(to)[1]; r++) {
          for (int c = ranges.get(from)[0]; c < ranges.get(from)[1]; c++) {
            if (r != c) {
              sum += sorted[r][c];
              count++;
            }
          }
        }
        means[to] = count == 0 ? Double.NaN : sum / count;
      }
      t.addColumns(DoubleColumn.create("from " + names.get(from), means));
    }
    return t;
  }

  /**
   * The histogram of d′, units in consecutive blocks stacked in their own colours (e.g.
   * {@code plot(List.of("excitatory", "inhibitory"), List.of(40, 10))}).
   *
   * @throws IllegalArgumentException as {@link #sortedOrder}, or if names and sizes differ in number
   */
  public Figure plot(List<String> groupNames, List<Integer> groupSizes) {
    UnitGroups.check(groupNames, groupSizes, dPrime.length);
    Map<String, double[]> groups = new LinkedHashMap<>();
    int start = 0;
    for (int g = 0; g < groupSizes.size(); g++) {
      double[] part = new double[groupSizes.get(g)];
      System.arraycopy(dPrime, start, part, 0, part.length);
      groups.put(groupNames.get(g), part);
      start += part.length;
    }
    return HistogramChart.of("Stimulus selectivity (" + variable + " " + fmt(valueA) + " vs " + fmt(valueB) + ")",
        "Selectivity d′", "Number of units", groups, 12);
  }

  /** The histogram of d′ over all units. */
  public Figure plot() {
    return plot(List.of("units"), List.of(dPrime.length));
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public String toString() {
    double max = 0;
    for (double d : dPrime) {
      max = Math.max(max, Math.abs(d));
    }
    return "Selectivity[d′ of " + dPrime.length + " units, " + variable + " " + fmt(valueA) + " vs " + fmt(valueB)
        + ", max |d′| " + (float) max + "]";
  }
}
