package io.github.rnnlab.plot;

import java.awt.Color;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * A histogram of values in equal-width bins spanning their range (as {@code numpy.histogram}: the last bin includes
 * the maximum), groups stacked in their own colours (blue, red, green, …) with one legend entry each. Bars are
 * labelled with the bin centres.
 */
public final class HistogramChart {
  private static final Color[] GROUPS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
      new Color(255, 127, 14), new Color(148, 103, 189)};

  private HistogramChart() {}

  /** The chart as a figure; see {@link #chart}. */
  public static Figure of(String title, String xTitle, String yTitle, Map<String, double[]> groups, int bins) {
    return Figure.of(chart(title, xTitle, yTitle, groups, bins));
  }

  /**
   * The histogram of every group's values, in {@code bins} bins over the range of all values together.
   *
   * @throws IllegalArgumentException if there is no group or no value, a value is not finite, or {@code bins} is not
   *     positive
   */
  public static CategoryChart chart(String title, String xTitle, String yTitle, Map<String, double[]> groups,
      int bins) {
    if (bins <= 0) {
      throw new IllegalArgumentException("bins must be > 0; got " + bins);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, double[]> g : groups.entrySet()) {
      for (double v : g.getValue()) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("group '" + g.getKey() + "' holds " + v + "; a histogram needs finite "
              + "values");
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      throw new IllegalArgumentException("a histogram needs at least one value; got none");
    }
    // numpy widens an empty range to ±0.5 around the value.
    if (min == max) {
      min -= 0.5;
      max += 0.5;
    }
    double width = (max - min) / bins;
    double span = Math.max(Math.abs(min), Math.abs(max));
    DecimalFormat format = new DecimalFormat(width < 0.1 ? "0.000" : width < 1 ? "0.00" : span >= 100 ? "0" : "0.0",
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      labels.add(format.format(min + (b + 0.5) * width));
    }
    CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setLegendVisible(groups.size() > 1);
    chart.getStyler().setStacked(true);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setAvailableSpaceFill(0.95);
    chart.getStyler().setXAxisLabelRotation(bins > 10 ? 45 : 0);
    chart.getStyler().setYAxisDecimalPattern("#");
    int g = 0;
    for (Map.Entry<String, double[]> group : groups.entrySet()) {
      List<Integer> counts = new ArrayList<>();
      for (int b = 0; b < bins; b++) {
        counts.add(0);
      }
      for (double v : group.getValue()) {
        int b = Math.min(bins - 1, (int) Math.floor((v - min) / width));
        counts.set(b, counts.get(b) + 1);
      }
      CategorySeries series = chart.addSeries(group.getKey(), labels, counts);
      series.setFillColor(GROUPS[g++ % GROUPS.length]);
    }
    return chart;
  }
}
