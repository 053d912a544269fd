package io.github.rnnlab.plot;

import java.awt.Color;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Shared chart construction: notebook-sized, white, headless XChart charts. */
public final class Charts {
  /** Default panel width in pixels. */
  public static final int WIDTH = 600;
  /** Default panel height in pixels. */
  public static final int HEIGHT = 400;

  private Charts() {}

  /** An empty XY chart with the house style. */
  public static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setLegendPosition(Styler.LegendPosition.InsideNE);
    s.setAntiAlias(true);
    chart.getStyler().setMarkerSize(4);
    return chart;
  }

  /** A chart of points with symmetric error bars, named {@code name}, not joined by lines. */
  public static XYChart pointsWithErrorBars(String title, String xTitle, String yTitle, String name, double[] x,
      double[] y, double[] errors) {
    XYChart chart = xy(title, xTitle, yTitle, WIDTH, HEIGHT);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE).setMarkerSize(8);
    chart.addSeries(name, x, y, errors).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
        .setMarker(SeriesMarkers.CIRCLE);
    return chart;
  }

  /** Adds a line without markers to {@code chart}. */
  public static void addLine(XYChart chart, String name, double[] x, double[] y) {
    chart.addSeries(name.isEmpty() ? " " : name, x, y).setMarker(SeriesMarkers.NONE);
  }

  /** A chart of one or more named curves sharing x values, drawn as lines without markers, in map order. */
  public static XYChart lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> ys) {
    XYChart chart = xy(title, xTitle, yTitle, WIDTH, HEIGHT);
    chart.getStyler().setLegendVisible(ys.size() > 1);
    ys.forEach((name, y) -> chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE));
    return chart;
  }
}
