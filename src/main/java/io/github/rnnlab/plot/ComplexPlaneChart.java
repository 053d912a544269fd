package io.github.rnnlab.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Points in the complex plane (eigenvalues, typically) on square, equal axes, with an optional circle of a given
 * radius around 0 (for the circular law, the disk of radius g).
 *
 * <pre>{@code
 * ComplexPlaneChart.of("J, g = 1.5", re, im, 1.5)
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ComplexPlaneChart {
  private static final int SIZE = 450;
  private static final int CIRCLE_POINTS = 241;

  private ComplexPlaneChart() {}

  /**
   * The chart as a figure.
   *
   * @see #chart
   */
  public static Figure of(String title, double[] real, double[] imaginary, double circleRadius) {
    return Figure.of(chart(title, real, imaginary, circleRadius));
  }

  /**
   * Points {@code real[k] + i·imaginary[k]} as small dots and, if {@code circleRadius} &gt; 0, the circle of that
   * radius as a red line. Both axes span ±1.15 times the largest modulus or radius.
   *
   * @throws IllegalArgumentException if {@code real} and {@code imaginary} differ in length or are empty, or a value
   *     is not finite
   */
  public static XYChart chart(String title, double[] real, double[] imaginary, double circleRadius) {
    if (real.length != imaginary.length || real.length == 0) {
      throw new IllegalArgumentException("need as many real as imaginary parts, at least one; got " + real.length
          + " and " + imaginary.length);
    }
    double extent = Math.max(0, circleRadius);
    for (int k = 0; k < real.length; k++) {
      if (!Double.isFinite(real[k]) || !Double.isFinite(imaginary[k])) {
        throw new IllegalArgumentException("point " + k + " is not finite: " + real[k] + " + " + imaginary[k] + "i");
      }
      extent = Math.max(extent, Math.hypot(real[k], imaginary[k]));
    }
    double limit = extent > 0 ? 1.15 * extent : 1;
    XYChart chart = Charts.xy(title, "Real part", "Imaginary part", SIZE, SIZE);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(-limit).setXAxisMax(limit).setYAxisMin(-limit).setYAxisMax(limit);
    chart.getStyler().setMarkerSize(3);
    XYSeries points = chart.addSeries("points", real, imaginary);
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(new Color(31, 119, 180));
    if (circleRadius > 0) {
      double[] x = new double[CIRCLE_POINTS];
      double[] y = new double[CIRCLE_POINTS];
      for (int k = 0; k < CIRCLE_POINTS; k++) {
        double angle = 2 * Math.PI * k / (CIRCLE_POINTS - 1);
        x[k] = circleRadius * Math.cos(angle);
        y[k] = circleRadius * Math.sin(angle);
      }
      XYSeries circle = chart.addSeries("radius " + circleRadius, x, y);
      circle.setMarker(SeriesMarkers.NONE);
      circle.setLineColor(Color.RED);
    }
    return chart;
  }
}
