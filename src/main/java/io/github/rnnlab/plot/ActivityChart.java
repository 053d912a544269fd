package io.github.rnnlab.plot;

import java.util.Locale;
import org.knowm.xchart.HeatMapChart;

/**
 * Activity of many units over time as a heat map ({@link HeatmapChart}: row 0 at the top, white-to-red for
 * non-negative values, blue-white-red around 0 otherwise) with units down the side and time in seconds along the
 * bottom: a raster of rates, or of currents. Records longer than 500 time columns show every k-th column.
 *
 * @since 0.1.0
 */
public final class ActivityChart {
  /** Time columns shown at most; longer records show every k-th column. */
  static final int MAX_COLUMNS = 500;

  private ActivityChart() {}

  /**
   * The heat map of {@code unitsByColumn[unit][column]}, where column c is at time {@code firstMs + c·columnMs}.
   *
   * @throws IllegalArgumentException if the matrix is empty, ragged or not finite, or {@code columnMs} ≤ 0
   */
  public static HeatMapChart chart(String title, float[][] unitsByColumn, double firstMs, double columnMs) {
    if (!(columnMs > 0)) {
      throw new IllegalArgumentException("columnMs must be > 0; got " + columnMs);
    }
    if (unitsByColumn.length == 0 || unitsByColumn[0].length == 0) {
      throw new IllegalArgumentException("an activity chart needs at least one unit and one time column");
    }
    int stride = (unitsByColumn[0].length + MAX_COLUMNS - 1) / MAX_COLUMNS;
    HeatMapChart chart = HeatmapChart.chart(title, stride == 1 ? unitsByColumn : everyKth(unitsByColumn, stride));
    chart.setXAxisTitle("Time (s)");
    chart.setYAxisTitle("Unit");
    double shownMs = columnMs * stride;
    int columns = (unitsByColumn[0].length + stride - 1) / stride;
    // XChart labels only some of the columns, chosen so that labels do not overlap; each shows its column's time.
    String pattern = columns * shownMs >= 5000 ? "%.1f" : "%.2f";
    chart.getStyler().setXAxisTickLabelsFormattingFunction(
        v -> String.format(Locale.ROOT, pattern, (firstMs + Math.round(v) * shownMs) / 1000));
    int rows = unitsByColumn.length;
    chart.getStyler().setYAxisTickLabelsFormattingFunction(v -> Long.toString(rows - 1 - Math.round(v)));
    return chart;
  }

  /** Columns 0, k, 2k, … of each row (rows may be ragged here; HeatmapChart rejects that). */
  private static float[][] everyKth(float[][] rows, int k) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new float[(rows[i].length + k - 1) / k];
      for (int c = 0; c < out[i].length; c++) {
        out[i][c] = rows[i][c * k];
      }
    }
    return out;
  }

  /** The chart as a figure. */
  public static Figure of(String title, float[][] unitsByColumn, double firstMs, double columnMs) {
    return Figure.of(chart(title, unitsByColumn, firstMs, columnMs));
  }
}
