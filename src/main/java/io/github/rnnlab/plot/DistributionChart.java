package io.github.rnnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The distribution of a measure over repeated runs (seeds), as papers show it: every run as a dot, with the median
 * and the quartiles. {@link #byGroup} draws one column of dots per group with a box from the first to the third
 * quartile and a line at the median (a box plot without whiskers, the dots showing the range); {@link #against} draws
 * the runs against a numeric x, with the median at each x joined by a line and the quartiles as a vertical bar.
 * Quartiles are NumPy's default (linear interpolation, {@code numpy.percentile(v, [25, 50, 75])}). NaN values (runs
 * without a value) are left out.
 */
public final class DistributionChart {
  /** Dots: blue, half transparent, so that overlapping runs show. */
  private static final Color DOTS = new Color(31, 119, 180, 140);
  private static final Color[] SERIES = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
      new Color(255, 127, 14), new Color(148, 103, 189), new Color(140, 86, 75)};
  /** The longest tick label XChart draws. */
  private static final int MAX_LABEL = 20;
  /** Grid points per group: every x of a group chart is a multiple of 1 / GRID (see {@link #styleForGroups}). */
  private static final int GRID = 40;
  /** Width of a group's column of dots, in group spacings. */
  private static final double SPREAD = 0.4;
  /** Half the width of a group's box, in grid points (a quarter of the group spacing). */
  private static final int BOX = GRID / 4;

  /**
   * A series for {@link #against}: one value {@code y[i]} per run, at {@code x[i]}.
   *
   * @param name the legend entry (unused when there is only one series)
   * @param x the numeric setting of each run
   * @param y the measure of each run (NaN for none)
   */
  public record Series(String name, double[] x, double[] y) {
    /**
     * Checks the lengths.
     *
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length
     */
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but " + y.length
            + " y values");
      }
      x = x.clone();
      y = y.clone();
    }
  }

  private DistributionChart() {}

  /**
   * One column of dots per group, left to right in map order and labelled with the map's keys, each with its quartile
   * box and median line, and an optional horizontal reference line (e.g. a performance criterion). The chart widens
   * when the labels would not fit side by side; labels longer than 20 characters are cut (XChart draws none longer).
   *
   * @param groupTitle the x axis title: what the labels are, e.g. {@code "tau_ms"} (may be empty)
   * @param reference the y of a dashed reference line, or NaN for none
   * @throws IllegalArgumentException if there are no groups
   */
  public static Figure byGroup(String title, String groupTitle, String valueTitle, Map<String, double[]> groups,
      double reference) {
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("a distribution chart needs at least one group; got none");
    }
    List<String> names = new ArrayList<>(groups.keySet());
    // XChart draws no tick label longer than 20 characters.
    List<String> labels = names.stream().map(l -> l.length() <= MAX_LABEL ? l : l.substring(0, MAX_LABEL - 1) + "…")
        .toList();
    int n = labels.size();
    Font font = new XYChartBuilder().build().getStyler().getAxisTickLabelsFont();
    double widest = labels.stream().mapToDouble(l -> font.getStringBounds(l, new FontRenderContext(null, true, true))
        .getWidth()).max().orElse(0);
    // XChart keeps a tick label only if it fits its share of the plot with 10 % to spare; the plot is about the
    // chart's width less 120 px of axes and margins.
    int width = (int) Math.max(Charts.WIDTH, 120 + (n + 1) * widest * 1.3);
    XYChart chart = Charts.xy(title, groupTitle, valueTitle, width, Charts.HEIGHT);
    double[] all = groups.values().stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite).toArray();
    styleForGroups(chart, labels, all.length == 0 ? 0 : all[0]);
    for (int g = 0; g < n; g++) {
      double[] values = finite(groups.get(names.get(g)));
      if (values.length == 0) {
        continue;
      }
      int center = (g + 1) * GRID;
      double[] x = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        // A low-discrepancy spread (golden-ratio steps) over the column, fixed for given data.
        x[i] = grid(center + Math.round(SPREAD * GRID * ((i * 0.6180339887498949) % 1.0 - 0.5)));
      }
      XYSeries dots = chart.addSeries(names.get(g), x, values);
      dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      dots.setMarker(SeriesMarkers.CIRCLE);
      dots.setMarkerColor(DOTS);
      double[] q = quartiles(values);
      double left = grid(center - BOX);
      double right = grid(center + BOX);
      line(chart, names.get(g) + " quartiles", new double[] {left, right, right, left, left},
          new double[] {q[0], q[0], q[2], q[2], q[0]}, Color.BLACK, new BasicStroke(1.2f));
      line(chart, names.get(g) + " median", new double[] {left, right}, new double[] {q[1], q[1]}, Color.BLACK,
          new BasicStroke(2.5f));
    }
    if (!Double.isNaN(reference)) {
      line(chart, "reference", new double[] {0, n + 1}, new double[] {reference, reference}, Color.GRAY,
          SeriesLines.DASH_DASH);
    }
    return Figure.of(chart);
  }

  /**
   * The runs of each series against a numeric x, with the median at each distinct x joined by a line and the
   * quartiles as a vertical bar; one colour per series, in list order.
   *
   * @throws IllegalArgumentException if there are no series
   */
  public static Figure against(String title, String xTitle, String yTitle, List<Series> series) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a chart against x needs at least one series; got none");
    }
    XYChart chart = Charts.xy(title, xTitle, yTitle, Charts.WIDTH, Charts.HEIGHT);
    chart.getStyler().setLegendVisible(series.size() > 1);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      Color color = SERIES[s % SERIES.length];
      Map<Double, List<Double>> byX = new TreeMap<>();
      for (int i = 0; i < one.x().length; i++) {
        if (Double.isFinite(one.y()[i])) {
          byX.computeIfAbsent(one.x()[i], k -> new ArrayList<>()).add(one.y()[i]);
        }
      }
      if (byX.isEmpty()) {
        continue;
      }
      double[] xs = byX.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      double[] medians = new double[xs.length];
      for (int k = 0; k < xs.length; k++) {
        double[] values = byX.get(xs[k]).stream().mapToDouble(Double::doubleValue).toArray();
        double[] q = quartiles(values);
        medians[k] = q[1];
        line(chart, one.name() + " quartiles at " + xs[k], new double[] {xs[k], xs[k]}, new double[] {q[0], q[2]},
            color, new BasicStroke(2f));
      }
      XYSeries dots = chart.addSeries(one.name() + " runs", finiteX(one), finite(one.y()));
      dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      dots.setMarker(SeriesMarkers.CIRCLE);
      dots.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
      dots.setShowInLegend(false);
      XYSeries median = chart.addSeries(one.name(), xs, medians);
      median.setLineColor(color);
      median.setMarkerColor(color);
      median.setMarker(SeriesMarkers.DIAMOND);
    }
    return Figure.of(chart);
  }

  /**
   * The first quartile, the median and the third quartile that these charts draw, as {@code numpy.percentile}
   * computes them by default (linear interpolation between order statistics).
   *
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public static double[] quartiles(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("quartiles need at least one value; got none");
    }
    Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
    p.setData(values);
    return new double[] {p.evaluate(25), p.evaluate(50), p.evaluate(75)};
  }

  private static void line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(stroke);
    s.setShowInLegend(false);
  }

  /**
   * Groups at x = 1, 2, ..., n on an axis from 0 to n + 1, labelled with their names; no legend. Every x of the chart
   * lies on a grid of {@link #GRID} steps per group, and a first, invisible series holds the whole grid: XChart then
   * puts ticks only at grid points, and keeps the fewest that fit. Ticks between groups get long blank labels, which
   * never fit, so the ticks left are the groups' (and the axis ends', with short blank labels: XChart wants every
   * label distinct).
   */
  private static void styleForGroups(XYChart chart, List<String> labels, double y) {
    XYStyler style = chart.getStyler();
    int n = labels.size();
    style.setLegendVisible(false);
    style.setXAxisMin(0.0);
    style.setXAxisMax((double) n + 1);
    style.setPlotGridVerticalLinesVisible(false);
    style.setAxisTicksMarksVisible(false);
    style.setMarkerSize(6);
    double[] grid = new double[(n + 1) * GRID + 1];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = grid(i);
    }
    double[] level = new double[grid.length];
    Arrays.fill(level, y);
    XYSeries axis = chart.addSeries(" grid", grid, level);
    axis.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    axis.setMarker(SeriesMarkers.NONE);
    axis.setShowInLegend(false);
    chart.setCustomXAxisTickLabelsFormatter(x -> {
      long i = Math.round(x * GRID);
      if (i % GRID != 0) {
        return " ".repeat((int) (2 * n + 100 + i));
      }
      long k = i / GRID;
      return k >= 1 && k <= n ? labels.get((int) k - 1) : k == 0 ? " " : "  ";
    });
  }

  /** Grid point {@code i}: x = i / {@link #GRID}, computed the same way everywhere so that equal points are equal. */
  private static double grid(long i) {
    return (double) i / GRID;
  }

  private static double[] finite(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }

  private static double[] finiteX(Series series) {
    List<Double> x = new ArrayList<>();
    for (int i = 0; i < series.x().length; i++) {
      if (Double.isFinite(series.y()[i])) {
        x.add(series.x()[i]);
      }
    }
    return x.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
