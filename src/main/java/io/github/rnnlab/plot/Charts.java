package io.github.rnnlab.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

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
}
