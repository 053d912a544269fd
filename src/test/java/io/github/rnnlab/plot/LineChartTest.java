package io.github.rnnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

class LineChartTest {

  @Test
  void curvesKeepTheirValuesAndStyles() {
    double[] x = {0, 1, 2, 3};
    XYChart chart = LineChart.of("t", "x", "y").line("a", x, new double[] {1, 2, 3, 4})
        .points("b", x, new double[] {4, 3, 2, 1}).logY().horizontalLine(2).chart();
    assertEquals(2, chart.getSeriesCollection().size());
    assertTrue(chart.getStyler().isYAxisLogarithmic());
    assertEquals(3.5, chart.getStyler().getXAxisMax(), 1e-12, "half a step past the last x");
    assertThrows(IllegalArgumentException.class, () -> LineChart.of("t", "x", "y").line("c", x, new double[] {1}));
  }

  @Test
  void complexPlaneIsSquareAndCoversTheCircle() {
    XYChart chart = ComplexPlaneChart.chart("eig", new double[] {0.5, -0.2}, new double[] {0.1, 0.3}, 2);
    assertEquals(chart.getWidth(), chart.getHeight());
    assertEquals(2.3, chart.getStyler().getXAxisMax(), 1e-12);
    assertEquals(-2.3, chart.getStyler().getYAxisMin(), 1e-12);
    assertEquals(2, chart.getSeriesCollection().size(), "points and circle");
    assertThrows(IllegalArgumentException.class,
        () -> ComplexPlaneChart.chart("eig", new double[] {Double.NaN}, new double[] {0}, 1));
  }

  @Test
  void activityChartShowsTimeInSecondsAndUnitsFromTheTop() {
    float[][] m = new float[3][1200];
    m[0][0] = 1;
    HeatMapChart chart = ActivityChart.chart("a", m, 0, 10);
    var series = chart.getHeatMapSeries();
    assertEquals(400, series.getXData().size(), "1200 columns shown every third");
    assertEquals(0.0, ((Number) series.getXData().get(0)).doubleValue());
    assertEquals(30.0, ((Number) series.getXData().get(1)).doubleValue(), 1e-12, "ms");
    assertEquals("1.5", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(1500.0));
    assertEquals("0", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(-0.0));
    assertEquals("2", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(-2.0));
    for (Number[] cell : series.getHeatData()) {
      if (cell[2].doubleValue() == 1) {
        assertEquals(0, cell[0].intValue());
        assertEquals(2, cell[1].intValue(), "unit 0 in the top row");
      }
    }
  }

  @Test
  void gridLaysOutRowsOfCharts() {
    var charts = List.of(Charts.xy("a", "x", "y", 300, 200), Charts.xy("b", "x", "y", 300, 250),
        Charts.xy("c", "x", "y", 400, 200));
    charts.forEach(c -> c.addSeries("s", new double[] {0, 1}, new double[] {0, 1}));
    BufferedImage image = Figure.grid(charts, 2).toImage();
    assertEquals(700, image.getWidth(), "widest chart of each grid column");
    assertEquals(450, image.getHeight(), "tallest chart of each grid row");
    assertThrows(IllegalArgumentException.class, () -> Figure.grid(charts, 0));
  }
}
