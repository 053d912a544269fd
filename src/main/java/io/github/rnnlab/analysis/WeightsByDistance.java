package io.github.rnnlab.analysis;

import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.UnitGrid;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.LineChart;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The mean connection strength |W_ij| against the distance D_ij between the two units: how a spatially embedded
 * network's wiring depends on length (the tutorial's exercise 7, where a wiring cost {@code Σ |W_ij|·D_ij} should
 * leave long connections weaker). Connections are grouped by their exact distance, which on a {@link UnitGrid} takes
 * a few dozen values (0 for the self-connections, 1, √2, 2, …). Immutable.
 *
 * <pre>{@code
 * var profile = WeightsByDistance.of(net.parameter("W_rec"), UnitGrid.of(8, 8));
 * profile.toTable();                     // distance, connections, mean_abs_weight
 * WeightsByDistance.compare(Map.of("no cost", a, "wiring cost", b));
 * }</pre>
 */
public final class WeightsByDistance {
  private final double[] distances;
  private final int[] connections;
  private final double[] meanAbs;

  private WeightsByDistance(double[] distances, int[] connections, double[] meanAbs) {
    this.distances = distances;
    this.connections = connections;
    this.meanAbs = meanAbs;
  }

  /**
   * The profile of {@code weights[to][from]} with units at {@code distances[to][from]}.
   *
   * @throws IllegalArgumentException if the two matrices are empty, ragged or differ in shape, a weight is not
   *     finite, or a distance is negative or not finite
   */
  public static WeightsByDistance of(float[][] weights, float[][] distances) {
    if (weights.length == 0 || weights.length != distances.length) {
      throw new IllegalArgumentException("weights and distances must have the same, non-zero number of rows; got "
          + weights.length + " and " + distances.length);
    }
    Map<Float, double[]> groups = new TreeMap<>();
    for (int r = 0; r < weights.length; r++) {
      if (weights[r].length != distances[r].length || weights[r].length != weights[0].length) {
        throw new IllegalArgumentException("row " + r + " has " + weights[r].length + " weights and "
            + distances[r].length + " distances; every row needs " + weights[0].length + " of each");
      }
      for (int c = 0; c < weights[r].length; c++) {
        float d = distances[r][c];
        float w = weights[r][c];
        if (!(d >= 0) || Float.isInfinite(d) || !Float.isFinite(w)) {
          throw new IllegalArgumentException("entry [" + r + "][" + c + "] has weight " + w + " and distance " + d
              + "; weights must be finite and distances finite and >= 0");
        }
        double[] g = groups.computeIfAbsent(d, k -> new double[2]);
        g[0]++;
        g[1] += Math.abs(w);
      }
    }
    double[] ds = groups.keySet().stream().mapToDouble(Float::doubleValue).toArray();
    int[] counts = groups.values().stream().mapToInt(g -> (int) g[0]).toArray();
    double[] means = groups.values().stream().mapToDouble(g -> g[1] / g[0]).toArray();
    return new WeightsByDistance(ds, counts, means);
  }

  /**
   * The profile of a recurrent weight parameter (its effective values, after any constraint) for units on
   * {@code grid}.
   *
   * @throws IllegalArgumentException if the parameter is not units × units for the grid's units
   */
  public static WeightsByDistance of(Parameter weights, UnitGrid grid) {
    long[] shape = weights.shape();
    if (shape.length != 2 || shape[0] != grid.units() || shape[1] != grid.units()) {
      throw new IllegalArgumentException(weights.name() + " has shape " + Arrays.toString(shape)
          + " but " + grid + " has " + grid.units() + " units: it needs " + grid.units() + " × " + grid.units());
    }
    return of(weights.effectiveValues(), grid.distances());
  }

  /** The distinct distances, ascending. */
  public double[] distances() {
    return distances.clone();
  }

  /** The number of connections at each distance. */
  public int[] connections() {
    return connections.clone();
  }

  /** The mean |W_ij| of the connections at each distance. */
  public double[] meanAbsWeights() {
    return meanAbs.clone();
  }

  /**
   * The mean |W_ij| over the connections with a distance in {@code [from, to)}, e.g. {@code (0, 1.5)} for nearest
   * and diagonal neighbours on a grid.
   *
   * @throws IllegalArgumentException if no connection lies in the range
   */
  public double meanAbsWeight(double from, double to) {
    double sum = 0;
    int count = 0;
    for (int k = 0; k < distances.length; k++) {
      if (distances[k] >= from && distances[k] < to) {
        sum += meanAbs[k] * connections[k];
        count += connections[k];
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "no connection has a distance in [%s, %s); "
          + "distances run from %s to %s", from, to, distances[0], distances[distances.length - 1]));
    }
    return sum / count;
  }

  /** One row per distance: {@code distance}, {@code connections}, {@code mean_abs_weight}. */
  public Table toTable() {
    return Table.create("mean |W| by distance", DoubleColumn.create("distance", distances),
        IntColumn.create("connections", connections), DoubleColumn.create("mean_abs_weight", meanAbs));
  }

  /** Mean |W_ij| against distance, a point per distance (see {@link #compare}). */
  public Figure plot() {
    return compare(Map.of("mean |W|", this));
  }

  /**
   * Several profiles on one chart, e.g. a network trained with and without a wiring cost; one curve per entry, in
   * map order. Self-connections (distance 0) are left out, as they need no wiring ({@link #toTable()} has them), and
   * the y axis is logarithmic when every mean is positive, so weights that a cost shrinks a hundredfold still show.
   *
   * @throws IllegalArgumentException if {@code profiles} is empty
   */
  public static Figure compare(Map<String, WeightsByDistance> profiles) {
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("compare needs at least one profile");
    }
    LineChart chart = LineChart.of("Connection strength against distance", "Distance between units (grid spacings)",
        "Mean |W_ij|");
    boolean positive = true;
    for (Map.Entry<String, WeightsByDistance> e : profiles.entrySet()) {
      WeightsByDistance p = e.getValue();
      int from = p.distances[0] == 0 ? 1 : 0;
      double[] x = Arrays.copyOfRange(p.distances, from, p.distances.length);
      double[] y = Arrays.copyOfRange(p.meanAbs, from, p.meanAbs.length);
      positive &= Arrays.stream(y).allMatch(v -> v > 0);
      chart.points(e.getKey(), x, y);
    }
    return (positive ? chart.logY() : chart).figure();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "WeightsByDistance[%d distances from %.3g to %.3g]", distances.length,
        distances[0], distances[distances.length - 1]);
  }
}
