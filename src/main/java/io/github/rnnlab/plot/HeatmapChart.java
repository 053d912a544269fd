package io.github.rnnlab.plot;

import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A matrix as a heat map, drawn like matplotlib's {@code imshow}: row 0 at the top, column 0 at the left, one cell
 * per entry, with a colour bar. Weight matrices use rows as "To unit" and columns as "From unit" ({@code W[to][from]},
 * as {@code nn.Linear} stores them).
 *
 * <p>Colours: if any value is negative, a diverging blue–white–red map symmetric around 0 (±max|value|, so white is
 * exactly 0 and equal magnitudes get equal intensity); otherwise white to red from 0 to the maximum, for magnitudes
 * and distances. Maps that should compare by colour (a weight matrix before and after training, with and without a
 * penalty) take one explicit {@link Range}, e.g. {@code Range.covering(List.of(before, after))}. The tutorial's
 * figures are exercise 3's recurrent weights before and after training and exercise 7's |W_rec|.
 *
 * <pre>{@code
 * net.parameter("W_rec").plot()                               // title "W_rec"
 * HeatmapChart.of("RNN weight after training", net.parameter("W_rec").toArray())
 * HeatmapChart.of("|W_rec| after", after, HeatmapChart.Range.covering(List.of(before, after)))
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HeatmapChart {
  /** Negative end of the diverging map (matplotlib's bwr blue). */
  private static final Color BLUE = new Color(0, 0, 255);
  /** Positive end of both maps (matplotlib's bwr red). */
  private static final Color RED = new Color(255, 0, 0);
  private static final int SIZE = 500;

  private HeatmapChart() {}

  /**
   * The heat map of a 2-D array (a 1-D array shows as one row).
   *
   * @throws IllegalArgumentException if {@code matrix} has more than 2 dimensions or no entries
   */
  public static Figure of(String title, INDArray matrix) {
    return of(title, toRows(matrix));
  }

  /**
   * The heat map of a 2-D array (a 1-D array shows as one row) on an explicit colour range, e.g. one shared by
   * several maps ({@link Range#covering}).
   *
   * @throws IllegalArgumentException if {@code matrix} has more than 2 dimensions or no entries
   */
  public static Figure of(String title, INDArray matrix, Range range) {
    return of(title, toRows(matrix), range);
  }

  /**
   * The heat map of {@code matrix[row][column]}.
   *
   * @throws IllegalArgumentException if {@code matrix} is empty, ragged, or holds a NaN or infinite value
   */
  public static Figure of(String title, float[][] matrix) {
    return Figure.of(chart(title, matrix));
  }

  /**
   * The heat map of {@code matrix[row][column]} on an explicit colour range.
   *
   * @throws IllegalArgumentException if {@code matrix} is empty, ragged, or holds a NaN or infinite value
   */
  public static Figure of(String title, float[][] matrix, Range range) {
    return Figure.of(chart(title, matrix, range));
  }

  /** The XChart chart itself, for laying out with others via {@link Figure#row}. */
  public static HeatMapChart chart(String title, float[][] matrix) {
    return chart(title, matrix, Range.covering(Collections.singletonList(matrix)));
  }

  /**
   * The XChart chart on an explicit colour range: values beyond its ends get the end colours, so maps drawn on the
   * same range compare by colour.
   *
   * @throws IllegalArgumentException if {@code matrix} is empty, ragged, or holds a NaN or infinite value
   */
  public static HeatMapChart chart(String title, float[][] matrix, Range range) {
    check(matrix);
    boolean row = matrix.length == 1;
    int plotHeight = (int) Math.round(Math.max(0.25, Math.min(1.6, (double) matrix.length / matrix[0].length))
        * SIZE * 0.8);
    HeatMapChart chart = chart(title, matrix, range, SIZE + 120, plotHeight + 100, row ? "Index"
        : "From unit (column)", row ? "" : "To unit (row)");
    chart.getStyler().setGradientColorColumnHeight(Math.max(120, plotHeight - 40));
    return chart;
  }

  /**
   * A colour range of a heat map: blue–white–red from {@code min} to {@code max} if {@code min} is negative (white at
   * the middle, so a range symmetric around 0 puts white at 0), otherwise white to red. XChart prints the ends on
   * the colour bar as given, so round numbers read best; {@link #covering} makes them so.
   *
   * @param min the value drawn in the first colour
   * @param max the value drawn in the last colour
   */
  public record Range(double min, double max) {
    /**
     * @throws IllegalArgumentException if an end is not finite or {@code min >= max}
     */
    public Range {
      if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
        throw new IllegalArgumentException("a colour range needs finite ends with min < max; got [" + min + ", "
            + max + "]");
      }
    }

    /**
     * The range the heat maps choose on their own, for all of {@code matrices} together: ±the largest magnitude
     * (rounded up to two significant digits) if any value is negative, else 0 to the largest value; e.g. one
     * colour scale for a weight matrix before and after training.
     *
     * @throws IllegalArgumentException if there are no matrices, one is empty or ragged, or a value is not finite
     */
    public static Range covering(List<float[][]> matrices) {
      if (matrices.isEmpty()) {
        throw new IllegalArgumentException("a colour range needs at least one matrix");
      }
      double maxAbs = 0;
      double min = Double.POSITIVE_INFINITY;
      for (float[][] m : matrices) {
        check(m);
        for (float[] r : m) {
          for (float v : r) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
            min = Math.min(min, v);
          }
        }
      }
      double top = niceCeiling(maxAbs);
      return new Range(min < 0 ? -top : 0, top);
    }

    boolean diverging() {
      return min < 0;
    }
  }

  /** Rows of a 1-D or 2-D array as float arrays (a 1-D array as one row). */
  private static float[][] toRows(INDArray matrix) {
    if (matrix.rank() > 2 || matrix.length() == 0) {
      throw new IllegalArgumentException("a heat map needs a non-empty 1-D or 2-D array; got shape "
          + Arrays.toString(matrix.shape()));
    }
    INDArray m = matrix.rank() == 2 ? matrix : matrix.reshape(1, matrix.length());
    int rows = (int) m.size(0);
    int cols = (int) m.size(1);
    float[][] values = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        values[r][c] = m.getFloat(r, c);
      }
    }
    return values;
  }

  /** Checks that a matrix is non-empty, rectangular and finite. */
  private static void check(float[][] matrix) {
    if (matrix.length == 0 || matrix[0].length == 0) {
      throw new IllegalArgumentException("a heat map needs at least one row and one column");
    }
    for (int r = 0; r < matrix.length; r++) {
      if (matrix[r].length != matrix[0].length) {
        throw new IllegalArgumentException("row " + r + " has " + matrix[r].length + " values but row 0 has "
            + matrix[0].length);
      }
      for (int c = 0; c < matrix[r].length; c++) {
        if (!Float.isFinite(matrix[r][c])) {
          throw new IllegalArgumentException("entry [" + r + "][" + c + "] is " + matrix[r][c] + "; a heat map needs "
              + "finite values");
        }
      }
    }
  }

  /** The styled chart of {@code width × height} pixels; also used by {@link FramesChart} for small panels. */
  static HeatMapChart chart(String title, float[][] matrix, Range range, int width, int height, String xTitle,
      String yTitle) {
    check(matrix);
    int rows = matrix.length;
    int cols = matrix[0].length;
    List<Number[]> cells = new ArrayList<>(rows * cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        // XChart puts y index 0 at the bottom; flip so row 0 is at the top, as imshow does.
        cells.add(new Number[] {c, rows - 1 - r, matrix[r][c]});
      }
    }
    List<Integer> x = new ArrayList<>(cols);
    for (int c = 0; c < cols; c++) {
      x.add(c);
    }
    List<Integer> y = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      y.add(r);
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    HeatMapStyler s = houseStyle(chart);
    s.setDrawBorder(false);
    s.setShowValue(false);
    s.setRangeColors(range.diverging() ? new Color[] {BLUE, Color.WHITE, RED} : new Color[] {Color.WHITE, RED});
    double top = Math.max(Math.abs(range.min()), Math.abs(range.max()));
    String pattern = top >= 100 ? "0" : top >= 1 ? "0.0#" : "0.0##";
    s.setHeatMapValueDecimalPattern(pattern);
    s.setHeatMapDecimalValueFormatter(v -> new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(v));
    s.setPlotGridLinesVisible(false);
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAxisTicksMarksVisible(false);
    hideCrowdedTicks(s, cols, rows);
    HeatMapSeries series = chart.addSeries(title, x, y, cells);
    series.setMin(range.min());
    series.setMax(range.max());
    return chart;
  }

  /** White, framed, anti-aliased, with a continuous colour bar on the right: what every heat map here shares. */
  static HeatMapStyler houseStyle(HeatMapChart chart) {
    HeatMapStyler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setAntiAlias(true);
    s.setLegendVisible(true);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setPiecewise(false);
    return s;
  }

  /**
   * {@code x} rounded up to two significant digits, e.g. 0.0999 → 0.1, 0.4312 → 0.44, 1 for 0. XChart prints the
   * colour bar's ends with {@code Double.toString}, so they must be short decimals.
   */
  static double niceCeiling(double x) {
    if (!(x > 0)) {
      return 1;
    }
    // Entries are float32: 0.1f is 0.10000000149 as a double, which must round to 0.1, not 0.11.
    BigDecimal rounded = new BigDecimal(Float.toString((float) x)).round(new MathContext(2, RoundingMode.CEILING));
    return Double.parseDouble(rounded.stripTrailingZeros().toPlainString());
  }

  /** Labels every k-th unit so at most about 16 labels show per axis. */
  private static void hideCrowdedTicks(HeatMapStyler s, int cols, int rows) {
    int xStep = step(cols);
    int yStep = step(rows);
    s.setXAxisTickLabelsFormattingFunction(v -> label(v, xStep));
    // Positions count up from the bottom; rows count down from the top.
    s.setYAxisTickLabelsFormattingFunction(v -> label(rows - 1 - v, yStep));
  }

  private static int step(int n) {
    int[] nice = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000};
    for (int k : nice) {
      if (n / k <= 16) {
        return k;
      }
    }
    return Math.max(1, n / 16);
  }

  private static String label(double v, int step) {
    long i = Math.round(v);
    return i % step == 0 ? Long.toString(i) : " ";
  }
}
