package io.github.rnnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class DistributionChartTest {

  @Test
  void quartilesAreNumpys() {
    // np.percentile([0.1, 0.5, 0.2, 0.9, 0.7], [25, 50, 75]) gives [0.2, 0.5, 0.7];
    // np.percentile([1, 2, 4, 8], [25, 50, 75]) gives [1.75, 3.0, 5.0] (linear interpolation).
    assertArrayEquals(new double[] {0.2, 0.5, 0.7}, DistributionChart.quartiles(new double[] {0.1, 0.5, 0.2, 0.9,
        0.7}), 1e-15);
    assertArrayEquals(new double[] {1.75, 3.0, 5.0}, DistributionChart.quartiles(new double[] {1, 2, 4, 8}), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> DistributionChart.quartiles(new double[0]));
  }

  @Test
  void groupsAreColumnsOfDotsWithTheirBoxes() {
    Map<String, double[]> groups = new LinkedHashMap<>();
    groups.put("50", new double[] {0.6, 0.7, Double.NaN, 0.8});
    groups.put("100", new double[] {0.9});
    XYChart chart = (XYChart) DistributionChart.byGroup("accuracy", "tau_ms", "accuracy", groups, 0.75).charts()
        .get(0);
    double[] x = chart.getSeries("50").getXData();
    assertEquals(3, x.length, "the NaN is left out");
    for (double v : x) {
      assertTrue(Math.abs(v - 1) <= 0.25, "dots of group 1 stay around x = 1: " + v);
    }
    assertArrayEquals(new double[] {0.7, 0.7}, chart.getSeries("50 median").getYData(), 1e-12);
    assertArrayEquals(new double[] {0.65, 0.65, 0.75, 0.75, 0.65}, chart.getSeries("50 quartiles").getYData(), 1e-12);
    assertEquals(2, chart.getSeries("100").getXData()[0], 0.25);
    assertArrayEquals(new double[] {0.75, 0.75}, chart.getSeries("reference").getYData());
    assertEquals(Charts.WIDTH, DistributionChart.byGroup("a", "", "a", groups, Double.NaN).toImage().getWidth());
    Map<String, double[]> many = new LinkedHashMap<>();
    for (int g = 0; g < 10; g++) {
      many.put("tau_ms=" + g + "00, hidden=128", new double[] {g});
    }
    XYChart wide = (XYChart) DistributionChart.byGroup("a", "", "a", many, Double.NaN).charts().get(0);
    assertTrue(wide.getWidth() > 1500, "wide labels widen the chart so that every one is drawn");
    assertEquals(9.0, wide.getSeries("tau_ms=900, hidden=128").getYData()[0]);
  }

  @Test
  void againstXDrawsMediansAndQuartileBars() {
    var series = new DistributionChart.Series("hidden=64", new double[] {50, 50, 50, 100, 100},
        new double[] {0.6, 0.8, 0.7, 0.9, Double.NaN});
    XYChart chart = (XYChart) DistributionChart.against("accuracy against tau_ms", "tau_ms", "accuracy",
        List.of(series)).charts().get(0);
    assertArrayEquals(new double[] {50, 100}, chart.getSeries("hidden=64").getXData());
    assertArrayEquals(new double[] {0.7, 0.9}, chart.getSeries("hidden=64").getYData(), 1e-12);
    assertArrayEquals(new double[] {0.65, 0.75}, chart.getSeries("hidden=64 quartiles at 50.0").getYData(), 1e-12);
    assertEquals(4, chart.getSeries("hidden=64 runs").getXData().length);
    assertThrows(IllegalArgumentException.class, () -> new DistributionChart.Series("s", new double[1],
        new double[2]));
  }
}
