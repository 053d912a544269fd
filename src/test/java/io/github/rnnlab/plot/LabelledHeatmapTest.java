package io.github.rnnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;

class LabelledHeatmapTest {
  private static final double N = Double.NaN;

  @Test
  void cellsAreNamedRowZeroIsOnTopAndMissingValuesAreBlank() {
    double[][] m = {{0.9, N}, {0.2, 0.7}};
    HeatMapChart chart = LabelledHeatmap.chart("acc", "Task", "After", List.of("1: a", "2: b"), List.of("a", "b"), m,
        0, 1);
    var series = chart.getHeatMapSeries();
    assertEquals(List.of("a", "b"), series.getXData());
    assertEquals(List.of("2: b", "1: a"), series.getYData(), "XChart counts y from the bottom");
    assertEquals(3, series.getHeatData().size(), "the NaN cell is left out");
    Number[] topLeft = series.getHeatData().get(0);
    assertEquals(0, topLeft[0].intValue());
    assertEquals(1, topLeft[1].intValue());
    assertEquals(0.9, topLeft[2].doubleValue());
    assertEquals(0, series.getMin());
    assertEquals(1, series.getMax());
    assertTrue(chart.getStyler().isShowValue());
    BufferedImage image = Figure.of(chart).toImage();
    assertEquals(chart.getWidth(), image.getWidth());
  }

  @Test
  void badInputIsNamed() {
    var shape = assertThrows(IllegalArgumentException.class,
        () -> LabelledHeatmap.chart("t", "x", "y", List.of("r"), List.of("a", "b"), new double[][] {{1}}, 0, 1));
    assertTrue(shape.getMessage().contains("1 × 1") && shape.getMessage().contains("2 column names"),
        shape.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LabelledHeatmap.chart("t", "x", "y", List.of("r", "r"),
        List.of("a"), new double[][] {{1}, {1}}, 0, 1));
    var infinite = assertThrows(IllegalArgumentException.class, () -> LabelledHeatmap.chart("t", "x", "y",
        List.of("r"), List.of("a"), new double[][] {{Double.POSITIVE_INFINITY}}, 0, 1));
    assertTrue(infinite.getMessage().contains("[0][0]"), infinite.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LabelledHeatmap.chart("t", "x", "y", List.of("r"), List.of("a"), new double[][] {{1}}, 1, 1));
  }
}
