package io.github.rnnlab.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

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
    // The axes' values become times in ms and minus the unit (so unit 0 is at the top); the cells keep indexing them
    // by position. Equally spaced values would make XChart put a tick on every k-th column or row; moving the last
    // time and the first unit value by a quarter step makes it pick round ticks instead.
    HeatMapSeries series = chart.getHeatMapSeries();
    double min = series.getMin();
    double max = series.getMax();
    List<Double> times = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      times.add(firstMs + (c + (c == columns - 1 && columns > 2 ? 0.25 : 0)) * shownMs);
    }
    int rows = unitsByColumn.length;
    List<Double> units = new ArrayList<>(rows);
    for (int j = 0; j < rows; j++) {
      units.add(j - (rows - 1) - (j == 0 && rows > 2 ? 0.25 : 0));
    }
    series.replaceData(times, units, new ArrayList<>(series.getHeatData()));
    series.setMin(min).setMax(max);
    chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> new BigDecimal(v / 1000)
        .round(new MathContext(4)).stripTrailingZeros().toPlainString());
    chart.getStyler().setYAxisTickLabelsFormattingFunction(v -> Long.toString(Math.round(-v)));
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
