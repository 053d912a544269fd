package io.github.rnnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.internal.chartpart.Chart;

class FramesChartTest {

  @Test
  void framesShareOneColourRangeInAGridOfSmallPanels() {
    List<float[][]> frames = List.of(new float[][] {{0, 1}, {1, 0}}, new float[][] {{0, 0.5f}, {0, 0}},
        new float[][] {{2, 0}, {0, 0}});
    Figure figure = FramesChart.of(frames, List.of("a", "b", "c"), 2);
    assertEquals(3, figure.charts().size());
    for (Chart<?, ?> c : figure.charts()) {
      HeatMapChart panel = (HeatMapChart) c;
      assertEquals(0, panel.getHeatMapSeries().getMin());
      assertEquals(2, panel.getHeatMapSeries().getMax(), "every panel on the range of all frames");
      assertFalse(panel.getStyler().isLegendVisible());
      assertEquals(4, panel.getHeatMapSeries().getHeatData().size());
    }
    BufferedImage image = figure.toImage();
    Chart<?, ?> first = figure.charts().get(0);
    assertEquals(2 * first.getWidth(), image.getWidth(), "two columns");
    assertEquals(2 * first.getHeight(), image.getHeight(), "two rows");
  }

  @Test
  void titlesMustMatchTheFrames() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> FramesChart.of(List.<float[][]>of(new float[][] {{1}}), List.of("a", "b"), 1));
    assertEquals("frames need one title each; got 1 frames and 2 titles", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FramesChart.of(List.<float[][]>of(new float[][] {{1}}), List.of("a"), 0));
  }
}
