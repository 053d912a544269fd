package io.github.rnnlab.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Condition-averaged trajectories, one curve per condition with a triangle at its start, as in the tutorial's
 * supplementary figures: each curve's hue tells one variable (e.g. the ground truth: teal, purple, orange, …) and its
 * shade another (e.g. the coherence: light for the smallest value, dark for the largest).
 */
public final class ConditionChart {
  private static final Color[] HUES = {new Color(27, 158, 119), new Color(117, 112, 179), new Color(217, 95, 2),
      new Color(231, 41, 138), new Color(102, 166, 30)};

  /**
   * One condition's curve.
   *
   * @param label the legend entry
   * @param hue the index of its hue
   * @param shade from 0 (lightest) to 1 (darkest)
   * @param x the x values
   * @param y the y values
   */
  public record Curve(String label, int hue, double shade, double[] x, double[] y) {
    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException if x and y differ in length or are empty, or the shade is outside [0, 1]
     */
    public Curve {
      if (x.length != y.length || x.length == 0) {
        throw new IllegalArgumentException("curve '" + label + "' needs as many x as y values, at least one; got "
            + x.length + " and " + y.length);
      }
      if (!(shade >= 0 && shade <= 1)) {
        throw new IllegalArgumentException("shade must lie in [0, 1]; got " + shade);
      }
      x = x.clone();
      y = y.clone();
    }
  }

  private ConditionChart() {}

  /** The chart as a figure; see {@link #chart}. */
  public static Figure of(String title, String xTitle, String yTitle, List<Curve> curves) {
    return Figure.of(chart(title, xTitle, yTitle, curves));
  }

  /**
   * The curves, with the legend to the right.
   *
   * @throws IllegalArgumentException if there is no curve
   */
  public static XYChart chart(String title, String xTitle, String yTitle, List<Curve> curves) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("a condition chart needs at least one curve");
    }
    XYChart chart = Charts.xy(title, xTitle, yTitle, 780, 460);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setMarkerSize(4);
    for (Curve c : curves) {
      Color color = color(c.hue(), c.shade());
      XYSeries s = chart.addSeries(c.label(), c.x(), c.y());
      s.setLineColor(color);
      s.setLineStyle(SeriesLines.SOLID);
      s.setMarkerColor(color);
      s.setMarker(SeriesMarkers.CIRCLE);
      XYSeries start = chart.addSeries(c.label() + " (start)", new double[] {c.x()[0]}, new double[] {c.y()[0]});
      start.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      start.setMarker(SeriesMarkers.TRIANGLE_UP);
      start.setMarkerColor(color);
      start.setShowInLegend(false);
    }
    return chart;
  }

  /** The hue mixed with white for light shades and darkened for dark ones. */
  static Color color(int hue, double shade) {
    Color base = HUES[Math.floorMod(hue, HUES.length)];
    double weight = 0.3 + 0.7 * shade;
    double dark = 1 - 0.35 * shade;
    return new Color(mix(base.getRed(), weight, dark), mix(base.getGreen(), weight, dark),
        mix(base.getBlue(), weight, dark));
  }

  private static int mix(int channel, double weight, double dark) {
    return (int) Math.round(((1 - weight) * 255 + weight * channel) * dark);
  }
}
