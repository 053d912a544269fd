package io.github.rnnlab.analysis;

import java.util.Arrays;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Values {@code y} grouped by {@code x}: one bin per distinct {@code x} (−0 and 0 being one) when there are at most {@link #MAX_LEVELS}
 * of them (coherence levels), else {@link #QUANTILE_BINS} bins of equal counts. Each bin has its {@code x} (the level,
 * or the mean of a quantile bin), the count, the mean {@code y} and its standard error (sample standard deviation / √n; 0 for a single value). Internal.
 */
final class Bins {
  static final int MAX_LEVELS = 15;
  static final int QUANTILE_BINS = 10;

  final double[] x;
  final int[] n;
  final double[] mean;
  final double[] sem;

  private Bins(double[] x, int[] n, double[] mean, double[] sem) {
    this.x = x;
    this.n = n;
    this.mean = mean;
    this.sem = sem;
  }

  static Bins of(double[] xs, double[] y) {
    // −0.0 and 0.0 are one level.
    double[] x = java.util.Arrays.stream(xs).map(v -> v + 0.0).toArray();
    int[] order = java.util.stream.IntStream.range(0, x.length).boxed()
        .sorted((a, b) -> Double.compare(x[a], x[b])).mapToInt(Integer::intValue).toArray();
    TreeMap<Double, Integer> levels = new TreeMap<>();
    for (double v : x) {
      levels.merge(v, 1, Integer::sum);
    }
    int bins = levels.size() <= MAX_LEVELS ? levels.size() : QUANTILE_BINS;
    int[] binOf = new int[x.length];
    if (levels.size() <= MAX_LEVELS) {
      double[] levelValues = levels.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      for (int i = 0; i < x.length; i++) {
        binOf[i] = Arrays.binarySearch(levelValues, x[i]);
      }
    } else {
      for (int r = 0; r < order.length; r++) {
        binOf[order[r]] = (int) ((long) r * bins / order.length);
      }
    }
    double[] sx = new double[bins];
    double[] sy = new double[bins];
    double[] syy = new double[bins];
    int[] n = new int[bins];
    for (int i = 0; i < x.length; i++) {
      int b = binOf[i];
      n[b]++;
      sx[b] += x[i];
      sy[b] += y[i];
    }
    double[] mean = new double[bins];
    double[] meanX = new double[bins];
    double[] keys = levels.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    for (int b = 0; b < bins; b++) {
      // A level is its own value; a quantile bin is the mean of its values.
      meanX[b] = levels.size() <= MAX_LEVELS ? keys[b] : sx[b] / n[b];
      mean[b] = sy[b] / n[b];
    }
    for (int i = 0; i < x.length; i++) {
      double d = y[i] - mean[binOf[i]];
      syy[binOf[i]] += d * d;
    }
    double[] sem = new double[bins];
    for (int b = 0; b < bins; b++) {
      sem[b] = n[b] > 1 ? Math.sqrt(syy[b] / (n[b] - 1) / n[b]) : 0;
    }
    return new Bins(meanX, n, mean, sem);
  }

  /** The bins as a table: {@code xName}, {@code trials}, {@code yName}, {@code sem}. */
  Table toTable(String title, String xName, String yName) {
    return Table.create(title, DoubleColumn.create(xName, x), IntColumn.create("trials", n),
        DoubleColumn.create(yName, mean), DoubleColumn.create("sem", sem));
  }
}
