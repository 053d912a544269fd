package io.github.rnnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.Initializer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.nd4j.linalg.factory.Nd4j;

class HeatmapChartTest {

  @Test
  void aParameterShowsEveryEntryOnASymmetricDivergingScale() {
    Ctrnn net = Ctrnn.builder().inputSize(3).hiddenSize(20).outputSize(3).seed(1).build();
    Figure figure = net.parameter("W_rec").plot();
    HeatMapChart chart = (HeatMapChart) figure.charts().get(0);
    assertEquals("W_rec", chart.getTitle());
    HeatMapSeries series = chart.getHeatMapSeries();
    assertEquals(20 * 20, series.getHeatData().size());
    assertEquals(20, series.getXData().size());
    assertEquals(20, series.getYData().size());
    assertEquals(-series.getMax(), series.getMin());
    assertTrue(series.getMax() >= 1 / Math.sqrt(20) * 0.9, "scale covers the weights: " + series.getMax());
    assertEquals(3, chart.getStyler().getRangeColors().length, "blue, white, red");
    BufferedImage image = figure.toImage();
    assertEquals(chart.getWidth(), image.getWidth());
    assertEquals(chart.getHeight(), image.getHeight());
  }

  @Test
  void rowZeroIsAtTheTopAsInImshow() {
    float[][] m = {{1, 0}, {0, 0}};
    HeatMapSeries series = ((HeatMapChart) HeatmapChart.of("corner", m).charts().get(0)).getHeatMapSeries();
    for (Number[] cell : series.getHeatData()) {
      if (cell[2].doubleValue() == 1) {
        assertEquals(0, cell[0].intValue(), "column 0");
        assertEquals(1, cell[1].intValue(), "row 0 at the top y position");
      }
    }
  }

  @Test
  void nonNegativeValuesUseWhiteToRedFromZero() {
    Ctrnn net = Initializer.scaledIdentity().applyTo(Ctrnn.builder().inputSize(3).hiddenSize(8).outputSize(3).build());
    HeatMapChart chart = (HeatMapChart) HeatmapChart.of("identity", net.parameter("W_rec").toArray()).charts().get(0);
    assertEquals(0, chart.getHeatMapSeries().getMin());
    assertEquals(0.1, chart.getHeatMapSeries().getMax());
    assertEquals(List.of(Color.WHITE, new Color(255, 0, 0)), List.of(chart.getStyler().getRangeColors()));
  }

  @Test
  void vectorsShowAsOneRowAndBadInputIsRejected() {
    HeatMapChart chart = (HeatMapChart) HeatmapChart.of("v", Nd4j.createFromArray(1f, -2f, 3f)).charts().get(0);
    assertEquals(3, chart.getHeatMapSeries().getHeatData().size());
    assertEquals(1, chart.getHeatMapSeries().getYData().size());
    var nan = assertThrows(IllegalArgumentException.class, () -> HeatmapChart.of("x", new float[][] {{Float.NaN}}));
    assertTrue(nan.getMessage().contains("[0][0]"), nan.getMessage());
    var ragged = assertThrows(IllegalArgumentException.class,
        () -> HeatmapChart.of("x", new float[][] {{1, 2}, {3}}));
    assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HeatmapChart.of("x", Nd4j.zeros(2, 2, 2)));
  }

  @Test
  void colourBarEndsAreShortDecimals() {
    assertEquals(0.1, HeatmapChart.niceCeiling(0.0999077));
    assertEquals(0.44, HeatmapChart.niceCeiling(0.4312));
    assertEquals(9.9, HeatmapChart.niceCeiling(9.899));
    assertEquals(1, HeatmapChart.niceCeiling(0));
  }

  @Test
  void mapsOnOneRangeShareTheirColourScale() {
    float[][] before = {{0.05f, -0.1f}, {0.02f, 0}};
    float[][] after = {{0.4312f, 0}, {-0.2f, 0.1f}};
    HeatmapChart.Range range = HeatmapChart.Range.covering(List.of(before, after));
    assertEquals(new HeatmapChart.Range(-0.44, 0.44), range, "symmetric, the larger magnitude rounded up");
    for (float[][] m : List.of(before, after)) {
      HeatMapChart chart = (HeatMapChart) HeatmapChart.of("m", m, range).charts().get(0);
      assertEquals(-0.44, chart.getHeatMapSeries().getMin());
      assertEquals(0.44, chart.getHeatMapSeries().getMax());
      assertEquals(3, chart.getStyler().getRangeColors().length);
    }
    HeatMapChart magnitudes = HeatmapChart.chart("|W|", new float[][] {{0.3f, 2}}, new HeatmapChart.Range(0, 1));
    assertEquals(1, magnitudes.getHeatMapSeries().getMax(), "values beyond the range keep the given range");
    assertEquals(List.of(Color.WHITE, new Color(255, 0, 0)), List.of(magnitudes.getStyler().getRangeColors()));
    assertEquals(new HeatmapChart.Range(0, 2.5), HeatmapChart.Range.covering(List.<float[][]>of(new float[][] {{2.47f}})));
    var empty = assertThrows(IllegalArgumentException.class, () -> new HeatmapChart.Range(1, 1));
    assertTrue(empty.getMessage().contains("[1.0, 1.0]"), empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new HeatmapChart.Range(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> HeatmapChart.Range.covering(List.of()));
  }
}
