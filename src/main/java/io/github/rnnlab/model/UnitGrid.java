package io.github.rnnlab.model;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.HeatmapChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Hidden units placed on a 2-D sheet, one per grid point at unit spacing: unit {@code k} sits at row {@code k / cols},
 * column {@code k % cols} (the tutorial's exercise 7 numbers an 8 × 8 grid the same way). Its Euclidean
 * {@link #distances()} feed the wiring cost {@code Penalty.wiringCost}. Immutable.
 */
public final class UnitGrid {
  private final int rows;
  private final int cols;

  private UnitGrid(int rows, int cols) {
    this.rows = Checks.positive("rows", rows);
    this.cols = Checks.positive("cols", cols);
  }

  /** {@code rows × cols} units. */
  public static UnitGrid of(int rows, int cols) {
    return new UnitGrid(rows, cols);
  }

  /** The number of units, rows × cols. */
  public int units() {
    return rows * cols;
  }

  /** The grid row of unit {@code k}. */
  public int row(int k) {
    return Checks.index("unit", k, units()) / cols;
  }

  /** The grid column of unit {@code k}. */
  public int col(int k) {
    return Checks.index("unit", k, units()) % cols;
  }

  /** The distance between units {@code i} and {@code j}, in grid spacings. */
  public double distance(int i, int j) {
    return Math.hypot(row(i) - row(j), col(i) - col(j));
  }

  /** The units × units matrix of distances, [to][from] like a weight matrix (it is symmetric). */
  public float[][] distances() {
    int n = units();
    float[][] d = new float[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d[i][j] = (float) distance(i, j);
      }
    }
    return d;
  }

  /** The distances from unit {@code k} laid out on the grid, [row][col]. */
  public float[][] distancesFrom(int k) {
    float[][] d = new float[rows][cols];
    for (int j = 0; j < units(); j++) {
      d[row(j)][col(j)] = (float) distance(k, j);
    }
    return d;
  }

  /** One row per unit: {@code unit}, {@code row}, {@code col}. */
  public Table toTable() {
    int n = units();
    int[] unit = new int[n];
    int[] r = new int[n];
    int[] c = new int[n];
    for (int k = 0; k < n; k++) {
      unit[k] = k;
      r[k] = row(k);
      c[k] = col(k);
    }
    return Table.create("unit grid", IntColumn.create("unit", unit), IntColumn.create("row", r),
        IntColumn.create("col", c));
  }

  /** The distances from unit {@code k} as a heat map on the grid. */
  public Figure plotDistancesFrom(int k) {
    return HeatmapChart.of("Distance from unit " + k + " (row " + row(k) + ", col " + col(k) + ")",
        distancesFrom(k));
  }

  @Override
  public String toString() {
    return "UnitGrid[" + rows + " × " + cols + "]";
  }
}
