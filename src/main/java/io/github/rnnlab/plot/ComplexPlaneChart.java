package io.github.rnnlab.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Points in the complex plane (eigenvalues, typically) on square, equal axes, with an optional circle of a given
 * radius around 0: for the circular law, the disk of radius g; for the Jacobian of a discrete-time map, the unit
 * circle, inside which perturbations decay. Points come in groups, each one legend entry, drawn blue, or orange when
 * highlighted (e.g. the eigenvalues of unstable fixed points, or those outside the unit circle).
 *
 * <pre>{@code
 * ComplexPlaneChart.of("J, g = 1.5", re, im, 1.5)
 * ComplexPlaneChart.of("Eigenvalues", List.of(new ComplexPlaneChart.Group("stable points", re, im, false)), 1)
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ComplexPlaneChart {
  private static final int SIZE = 450;
  private static final int CIRCLE_POINTS = 241;
  private static final Color POINTS = new Color(31, 119, 180);
  private static final Color HIGHLIGHTED = new Color(217, 95, 2);

  /**
   * Points {@code real[k] + i·imaginary[k]} shown as one legend entry.
   *
   * @param name the legend entry
   * @param real the real parts
   * @param imaginary the imaginary parts
   * @param highlighted whether to draw them in orange rather than blue
   */
  public record Group(String name, double[] real, double[] imaginary, boolean highlighted) {
    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold a value that is not finite
     */
    public Group {
      if (real.length != imaginary.length) {
        throw new IllegalArgumentException("group '" + name + "' has " + real.length + " real parts but "
            + imaginary.length + " imaginary parts");
      }
      for (int k = 0; k < real.length; k++) {
        if (!Double.isFinite(real[k]) || !Double.isFinite(imaginary[k])) {
          throw new IllegalArgumentException("point " + k + " of group '" + name + "' is not finite: " + real[k]
              + " + " + imaginary[k] + "i");
        }
      }
      real = real.clone();
      imaginary = imaginary.clone();
    }
  }

  private ComplexPlaneChart() {}

  /**
   * The chart as a figure.
   *
   * @see #chart(String, double[], double[], double)
   */
  public static Figure of(String title, double[] real, double[] imaginary, double circleRadius) {
    return Figure.of(chart(title, real, imaginary, circleRadius));
  }

  /**
   * The chart as a figure.
   *
   * @see #chart(String, List, double)
   */
  public static Figure of(String title, List<Group> groups, double circleRadius) {
    return Figure.of(chart(title, groups, circleRadius));
  }

  /**
   * Points {@code real[k] + i·imaginary[k]} as small blue dots and, if {@code circleRadius} &gt; 0, the circle of that
   * radius as a red line, without a legend.
   *
   * @throws IllegalArgumentException if {@code real} and {@code imaginary} differ in length or are empty, or a value
   *     is not finite
   */
  public static XYChart chart(String title, double[] real, double[] imaginary, double circleRadius) {
    if (real.length == 0) {
      throw new IllegalArgumentException("need at least one point; got none");
    }
    XYChart chart = chart(title, List.of(new Group("points", real, imaginary, false)), circleRadius);
    chart.getStyler().setLegendVisible(false);
    return chart;
  }

  /**
   * The groups' points as small dots (a group without points is left out) and, if {@code circleRadius} &gt; 0, the
   * circle of that radius as a red line, with a legend. Both axes span ±1.15 times the largest modulus or radius.
   *
   * @throws IllegalArgumentException if there is no group
   */
  public static XYChart chart(String title, List<Group> groups, double circleRadius) {
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("a complex-plane chart needs at least one group");
    }
    double extent = Math.max(0, circleRadius);
    int count = 0;
    for (Group g : groups) {
      count += g.real().length;
      for (int k = 0; k < g.real().length; k++) {
        extent = Math.max(extent, Math.hypot(g.real()[k], g.imaginary()[k]));
      }
    }
    double limit = extent > 0 ? 1.15 * extent : 1;
    XYChart chart = Charts.xy(title, "Real part", "Imaginary part", SIZE, SIZE);
    chart.getStyler().setXAxisMin(-limit).setXAxisMax(limit).setYAxisMin(-limit).setYAxisMax(limit);
    // Small dots for a dense spectrum, larger ones for the few eigenvalues of a small network.
    chart.getStyler().setMarkerSize(count > 200 ? 3 : 5);
    // The circle first, so that points on it stay visible.
    if (circleRadius > 0) {
      double[] x = new double[CIRCLE_POINTS];
      double[] y = new double[CIRCLE_POINTS];
      for (int k = 0; k < CIRCLE_POINTS; k++) {
        double angle = 2 * Math.PI * k / (CIRCLE_POINTS - 1);
        x[k] = circleRadius * Math.cos(angle);
        y[k] = circleRadius * Math.sin(angle);
      }
      XYSeries circle = chart.addSeries(circleRadius == 1 ? "unit circle" : "radius " + circleRadius, x, y);
      circle.setMarker(SeriesMarkers.NONE);
      circle.setLineColor(Color.RED);
    }
    for (Group g : groups) {
      // XChart cannot draw an empty series.
      if (g.real().length > 0) {
        XYSeries points = chart.addSeries(g.name(), g.real(), g.imaginary());
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(g.highlighted() ? HIGHLIGHTED : POINTS);
      }
    }
    return chart;
  }
}
