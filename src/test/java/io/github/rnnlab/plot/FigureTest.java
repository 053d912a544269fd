package io.github.rnnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rnnlab.task.Tasks;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTest {

  @Test
  void panelsAreLaidOutHeadless() {
    var a = Charts.xy("a", "x", "y", Charts.WIDTH, Charts.HEIGHT);
    a.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
    var b = Charts.xy("b", "x", "y", Charts.WIDTH, Charts.HEIGHT);
    b.addSeries("s", new double[] {0, 1}, new double[] {1, 0});
    BufferedImage row = Figure.row(List.of(a, b)).toImage();
    assertEquals(2 * Charts.WIDTH, row.getWidth());
    assertEquals(Charts.HEIGHT, row.getHeight());
    BufferedImage column = Figure.column(List.of(a, b)).toImage();
    assertEquals(2 * Charts.HEIGHT, column.getHeight());
  }

  @Test
  void taskChartShowsEveryInputChannel() {
    Figure f = Tasks.perceptualDecisionMaking(20, 1000).plot(2, 0);
    assertEquals(2, f.charts().size());
    var inputs = (org.knowm.xchart.XYChart) f.charts().get(0);
    for (String name : List.of("fixation", "stimulus 1", "stimulus 2")) {
      assertEquals(120, inputs.getSeries(name).getXData().length, name);
    }
  }

  @Test
  void wideInputsShowAsAnImage() {
    Figure f = Tasks.yang19Go(20, 1000).plot(2, 0);
    assertEquals(org.knowm.xchart.HeatMapChart.class, f.charts().get(0).getClass());
    assertEquals(2, f.charts().size());
  }
}
