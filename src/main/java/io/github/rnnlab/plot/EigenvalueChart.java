package io.github.rnnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Eigenvalues of the Jacobians of a discrete-time map in the complex plane, with the unit circle dashed: eigenvalues
 * inside it are decaying modes, outside growing ones. Groups of eigenvalues are drawn in blue when they belong to
 * something stable (e.g. the eigenvalues of stable fixed points) and in red otherwise. Square, equal axes.
 *
 * <pre>{@code
 * EigenvalueChart.of("Eigenvalues", List.of(new EigenvalueChart.Group("fixed point 3", re, im, false)))
 * }</pre>
 */
public final class EigenvalueChart {
  private static final int SIZE = 450;
  private static final int CIRCLE_POINTS = 241;
  private static final Color STABLE = new Color(31, 119, 180);
  private static final Color UNSTABLE = new Color(214, 39, 40);
  private static final BasicStroke DASHED =
      new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);

  /**
   * Eigenvalues {@code real[k] + i·imaginary[k]} shown as one legend entry.
   *
   * @param name the legend entry
   * @param real the real parts
   * @param imaginary the imaginary parts
   * @param unstable whether to draw them in the colour of instability (red) rather than stability (blue)
   */
  public record Group(String name, double[] real, double[] imaginary, boolean unstable) {
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
          throw new IllegalArgumentException("eigenvalue " + k + " of group '" + name + "' is not finite: " + real[k]
              + " + " + imaginary[k] + "i");
        }
      }
      real = real.clone();
      imaginary = imaginary.clone();
    }
  }

  private EigenvalueChart() {}

  /** The chart as a figure; see {@link #chart}. */
  public static Figure of(String title, List<Group> groups) {
    return Figure.of(chart(title, groups));
  }

  /**
   * The groups' eigenvalues as dots and the unit circle. Both axes span ±1.1 times the larger of 1 and the largest
   * magnitude, so the circle always shows whole.
   *
   * @throws IllegalArgumentException if there is no group
   */
  public static XYChart chart(String title, List<Group> groups) {
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("an eigenvalue chart needs at least one group");
    }
    double extent = 1;
    for (Group g : groups) {
      for (int k = 0; k < g.real().length; k++) {
        extent = Math.max(extent, Math.hypot(g.real()[k], g.imaginary()[k]));
      }
    }
    double limit = 1.1 * extent;
    XYChart chart = Charts.xy(title, "Real part", "Imaginary part", SIZE, SIZE);
    chart.getStyler().setXAxisMin(-limit).setXAxisMax(limit).setYAxisMin(-limit).setYAxisMax(limit);
    chart.getStyler().setLegendVisible(true);
    double[] x = new double[CIRCLE_POINTS];
    double[] y = new double[CIRCLE_POINTS];
    for (int k = 0; k < CIRCLE_POINTS; k++) {
      double angle = 2 * Math.PI * k / (CIRCLE_POINTS - 1);
      x[k] = Math.cos(angle);
      y[k] = Math.sin(angle);
    }
    XYSeries circle = chart.addSeries("|λ| = 1", x, y);
    circle.setMarker(SeriesMarkers.NONE);
    circle.setLineColor(Color.GRAY);
    circle.setLineStyle(DASHED);
    for (Group g : groups) {
      // XChart cannot draw an empty series; a group without eigenvalues is left out.
      if (g.real().length == 0) {
        continue;
      }
      XYSeries s = chart.addSeries(g.name(), g.real(), g.imaginary());
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(g.unstable() ? UNSTABLE : STABLE);
    }
    return chart;
  }
}
