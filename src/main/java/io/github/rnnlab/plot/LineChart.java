package io.github.rnnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Curves against a common kind of x value, built up step by step: lines, lines with a marker at each point (for
 * sweeps), scattered points, a logarithmic y axis, dashed reference lines. Each call to {@link #chart()} draws a fresh
 * XChart chart in the house style ({@link Charts#xy}).
 *
 * <pre>{@code
 * LineChart.of("Largest Lyapunov exponent", "g", "λ (1/s)").points("N = 500", gains, exponents)
 *     .horizontalLine(0).figure();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LineChart {
  private static final BasicStroke DASHED =
      new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);

  private enum Style { LINE, POINTS, SCATTER }

  private record Curve(String name, double[] x, double[] y, Style style) {}

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final List<Curve> curves = new ArrayList<>();
  private final List<Double> horizontal = new ArrayList<>();
  private final List<Double> vertical = new ArrayList<>();
  private boolean logY;
  private int width = Charts.WIDTH;
  private int height = Charts.HEIGHT;

  private LineChart(String title, String xTitle, String yTitle) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
  }

  /** An empty chart with these titles. */
  public static LineChart of(String title, String xTitle, String yTitle) {
    return new LineChart(title, xTitle, yTitle);
  }

  /**
   * A curve drawn as a line without markers.
   *
   * @throws IllegalArgumentException if {@code x} and {@code y} differ in length or are empty
   */
  public LineChart line(String name, double[] x, double[] y) {
    return add(name, x, y, Style.LINE);
  }

  /**
   * A curve drawn as a line with a marker at each point, for a few values of a swept parameter.
   *
   * @throws IllegalArgumentException if {@code x} and {@code y} differ in length or are empty
   */
  public LineChart points(String name, double[] x, double[] y) {
    return add(name, x, y, Style.POINTS);
  }

  /**
   * Points without a line.
   *
   * @throws IllegalArgumentException if {@code x} and {@code y} differ in length or are empty
   */
  public LineChart scatter(String name, double[] x, double[] y) {
    return add(name, x, y, Style.SCATTER);
  }

  /** A logarithmic y axis (every y value must then be &gt; 0). */
  public LineChart logY() {
    logY = true;
    return this;
  }

  /** A dashed grey horizontal reference line at {@code y}. */
  public LineChart horizontalLine(double y) {
    horizontal.add(y);
    return this;
  }

  /** A dashed grey vertical reference line at {@code x}. */
  public LineChart verticalLine(double x) {
    vertical.add(x);
    return this;
  }

  /**
   * The chart's size in pixels.
   *
   * @throws IllegalArgumentException if a size is below 100 pixels
   */
  public LineChart size(int widthPixels, int heightPixels) {
    if (widthPixels < 100 || heightPixels < 100) {
      throw new IllegalArgumentException("a chart must be at least 100 × 100 pixels; got " + widthPixels + " × "
          + heightPixels);
    }
    width = widthPixels;
    height = heightPixels;
    return this;
  }

  /** A new XChart chart of the curves so far; the legend shows when there is more than one curve. */
  public XYChart chart() {
    XYChart chart = Charts.xy(title, xTitle, yTitle, width, height);
    chart.getStyler().setLegendVisible(curves.size() > 1);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisLogarithmic(logY);
    // Over many decades, labels and grid lines at 2…9 × 10^k would crowd; within a few, decades alone might leave no
    // label.
    double yMin = curves.stream().flatMapToDouble(c -> Arrays.stream(c.y)).filter(v -> v > 0).min()
        .orElse(1);
    double yMax = curves.stream().flatMapToDouble(c -> Arrays.stream(c.y)).max().orElse(1);
    boolean manyDecades = logY && yMax / yMin >= 1000;
    chart.getStyler().setYAxisLogarithmicDecadeOnly(manyDecades);
    chart.getStyler().setPlotGridHorizontalLinesVisible(!manyDecades);
    for (Curve c : curves) {
      XYSeries s = chart.addSeries(c.name, c.x, c.y);
      if (c.style == Style.SCATTER) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
      } else {
        s.setMarker(c.style == Style.POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      }
    }
    if (!curves.isEmpty() && curves.get(0).x.length > 1) {
      // XChart puts ticks only at data points when the x values are equally spaced (500 labels for 500 steps);
      // half a step more on the axis makes them unequal, so it picks round ticks.
      double[] x = curves.get(0).x;
      double max = curves.stream().flatMapToDouble(c -> Arrays.stream(c.x)).max().orElseThrow();
      chart.getStyler().setXAxisMax(max + 0.5 * Math.abs(x[1] - x[0]));
    }
    horizontal.forEach(y -> chart.addAnnotation(new AnnotationLine(y, false, false)));
    vertical.forEach(x -> chart.addAnnotation(new AnnotationLine(x, true, false)));
    chart.getStyler().setAnnotationLineColor(Color.GRAY).setAnnotationLineStroke(DASHED);
    return chart;
  }

  /** {@link #chart()} as a figure. */
  public Figure figure() {
    return Figure.of(chart());
  }

  private LineChart add(String name, double[] x, double[] y, Style style) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("curve '" + name + "' needs as many x as y values, at least one; got "
          + x.length + " and " + y.length);
    }
    curves.add(new Curve(name, x.clone(), y.clone(), style));
    return this;
  }
}
