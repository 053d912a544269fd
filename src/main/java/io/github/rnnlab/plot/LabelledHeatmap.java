package io.github.rnnlab.plot;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * A small matrix with named rows and columns as a heat map with its values written in the cells, e.g. accuracy by
 * training stage (rows) and task (columns). Row 0 is at the top. Colours run from white at {@code min} to red at
 * {@code max}, the same for every chart drawn with the same range, so charts side by side compare; missing values
 * (NaN) are left blank.
 *
 * <pre>{@code
 * LabelledHeatmap.of("Accuracy", "Task", "After training on", stages, tasks, accuracy, 0, 1)
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LabelledHeatmap {
  private static final Color RED = new Color(215, 48, 39);
  /** The narrowest cell and the height of a row, in pixels. */
  private static final int CELL = 80;
  private static final int ROW = 56;

  private LabelledHeatmap() {}

  /**
   * The heat map as a figure.
   *
   * @throws IllegalArgumentException as {@link #chart}
   */
  public static Figure of(String title, String xTitle, String yTitle, List<String> rowNames, List<String> columnNames,
      double[][] values, double min, double max) {
    return Figure.of(chart(title, xTitle, yTitle, rowNames, columnNames, values, min, max));
  }

  /**
   * The XChart chart of {@code values[row][column]}, for laying out with others via {@link Figure#row}.
   *
   * @throws IllegalArgumentException if the names do not match the matrix's shape or repeat, the matrix is empty or
   *     ragged, a value is infinite, or {@code min >= max}
   */
  public static HeatMapChart chart(String title, String xTitle, String yTitle, List<String> rowNames,
      List<String> columnNames, double[][] values, double min, double max) {
    int rows = values.length;
    int cols = rows == 0 ? 0 : values[0].length;
    if (rows == 0 || cols == 0 || rowNames.size() != rows || columnNames.size() != cols) {
      throw new IllegalArgumentException("a labelled heat map needs a non-empty matrix with a name per row and "
          + "column; got " + rows + " × " + cols + " values, " + rowNames.size() + " row names and "
          + columnNames.size() + " column names");
    }
    if (rowNames.stream().distinct().count() < rows || columnNames.stream().distinct().count() < cols) {
      throw new IllegalArgumentException("row and column names must differ from each other; got rows " + rowNames
          + " and columns " + columnNames);
    }
    if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("the colour range needs finite min < max; got " + min + ", " + max);
    }
    List<Number[]> cells = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (values[r].length != cols) {
        throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values but row 0 has " + cols);
      }
      for (int c = 0; c < cols; c++) {
        double v = values[r][c];
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("entry [" + r + "][" + c + "] is " + v + "; values must be finite or NaN");
        }
        if (!Double.isNaN(v)) {
          // XChart puts y index 0 at the bottom; flip so that row 0 is at the top.
          cells.add(new Number[] {c, rows - 1 - r, v});
        }
      }
    }
    List<String> y = new ArrayList<>(rowNames);
    Collections.reverse(y);
    // Cells wide enough for their column's name, and room on the left for the row names (about 8 px a character).
    int cell = Math.max(CELL, 8 * longest(columnNames) + 16);
    int width = cols * cell + 8 * longest(rowNames) + 170;
    HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(360, width))
        .height(Math.max(260, rows * ROW + 140)).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    HeatMapStyler s = HeatmapChart.houseStyle(chart);
    s.setDrawBorder(true);
    s.setShowValue(true);
    s.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setRangeColors(new Color[] {Color.WHITE, RED});
    DecimalFormat format = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    s.setHeatMapValueDecimalPattern("0.00");
    s.setHeatMapDecimalValueFormatter(format::format);
    s.setPlotGridLinesVisible(false);
    s.setAxisTicksMarksVisible(false);
    // Every row and column gets its name: XChart skips labels closer than its spacing hint (74 px by default).
    s.setXAxisTickMarkSpacingHint(20);
    s.setYAxisTickMarkSpacingHint(20);
    s.setGradientColorColumnHeight(Math.max(100, rows * ROW - 20));
    HeatMapSeries series = chart.addSeries(title, columnNames, y, cells);
    series.setMin(min);
    series.setMax(max);
    return chart;
  }


  private static int longest(List<String> names) {
    return names.stream().mapToInt(String::length).max().orElse(0);
  }
}
