package io.github.rnnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The charts of the dynamical and selectivity analyses: what they draw and what they reject. */
class AnalysisChartsTest {

  @Test
  void eigenvalueGroupsShowWithTheWholeUnitCircle() {
    XYChart chart = ComplexPlaneChart.chart("eig", List.of(
        new ComplexPlaneChart.Group("stable", new double[] {0.5, 0.2}, new double[] {0.1, -0.1}, false),
        new ComplexPlaneChart.Group("unstable", new double[] {-1.5}, new double[] {0}, true),
        new ComplexPlaneChart.Group("empty", new double[0], new double[0], false)), 1);
    assertEquals(List.of("unit circle", "stable", "unstable"),
        chart.getSeriesCollection().stream().map(s -> s.getName()).toList(), "the empty group is left out");
    assertEquals(-1.725, chart.getStyler().getXAxisMin(), 1e-12);
    assertEquals(1.725, chart.getStyler().getYAxisMax(), 1e-12);
    assertTrue(chart.getStyler().isLegendVisible());
    BufferedImage image = Figure.of(chart).toImage();
    assertEquals(chart.getWidth(), image.getWidth());
    assertThrows(IllegalArgumentException.class, () -> new ComplexPlaneChart.Group("x", new double[1],
        new double[2], false));
    assertThrows(IllegalArgumentException.class, () -> new ComplexPlaneChart.Group("x", new double[] {Double.NaN},
        new double[1], false));
    assertThrows(IllegalArgumentException.class, () -> ComplexPlaneChart.chart("eig", List.of(), 1));
  }

  @Test
  void stateSpaceShowsTrialsFixedAndSlowPointsAndTheLine() {
    Table trajectories = Table.create("t", IntColumn.create("trial", 0, 0, 1, 1),
        IntColumn.create("ground_truth", 0, 0, 1, 1), DoubleColumn.create("pc1", 0, 1, 2, 3),
        DoubleColumn.create("pc2", 0, 1, 0, -1));
    Table points = Table.create("p", DoubleColumn.create("pc1", 0.5, 1.5, 2.5),
        DoubleColumn.create("pc2", 0, 0, 0), BooleanColumn.create("stable", true, false, true),
        BooleanColumn.create("converged", true, true, false));
    Table line = Table.create("l", DoubleColumn.create("pc1", 0, 3), DoubleColumn.create("pc2", -1, 1));
    XYChart chart = StateSpaceChart.chart("s", trajectories, points, line);
    List<String> names = chart.getSeriesCollection().stream().map(s -> s.getName()).toList();
    assertEquals(List.of("trial 0", "trial 1", "stable fixed points (1)", "unstable fixed points (1)",
        "stable slow points (1)", "top eigenvector"), names);
    assertTrue(Figure.of(chart).toImage().getHeight() > 0);
  }

  @Test
  void histogramsBinLikeNumpyAndStackGroups() {
    Map<String, double[]> groups = new LinkedHashMap<>();
    groups.put("E", new double[] {0, 0.1, 0.5, 1.0});
    groups.put("I", new double[] {0.95, 0.4});
    CategoryChart chart = HistogramChart.chart("h", "x", "n", groups, 4);
    List<CategorySeries> series = List.copyOf(chart.getSeriesCollection());
    // Bins [0, 0.25), [0.25, 0.5), [0.5, 0.75), [0.75, 1]: the maximum falls in the last bin, as in numpy.
    assertEquals(List.of(2, 0, 1, 1), counts(series.get(0)));
    assertEquals(List.of(0, 1, 0, 1), counts(series.get(1)));
    assertEquals(List.of("0.13", "0.38", "0.63", "0.88"), series.get(0).getXData());
    assertThrows(IllegalArgumentException.class, () -> HistogramChart.chart("h", "x", "n", Map.of("a",
        new double[0]), 4));
    assertThrows(IllegalArgumentException.class, () -> HistogramChart.chart("h", "x", "n", groups, 0));
  }

  private static List<Integer> counts(CategorySeries series) {
    return java.util.Arrays.stream(series.getYData()).mapToObj(v -> (int) v).toList();
  }

  @Test
  void unitTracesAndConditionCurvesCheckTheirArguments() {
    float[][] activity = {{0, 1, 2}, {1, 2, 3}};
    XYChart traces = UnitTracesChart.chart("a", activity, List.of("E", "I"), List.of(2, 1));
    assertEquals(3, traces.getSeriesCollection().size());
    assertThrows(IllegalArgumentException.class, () -> UnitTracesChart.chart("a", activity, List.of("E"),
        List.of(2)));
    assertThrows(IllegalArgumentException.class, () -> UnitTracesChart.chart("a", activity, List.of("E", "I"),
        List.of(3)));
    XYChart curves = ConditionChart.chart("c", "PC 1", "PC 2", List.of(
        new ConditionChart.Curve("a", 0, 0, new double[] {0, 1}, new double[] {0, 1}),
        new ConditionChart.Curve("b", 1, 1, new double[] {0, 1}, new double[] {1, 0})));
    assertEquals(4, curves.getSeriesCollection().size());
    assertTrue(ConditionChart.color(0, 1).getGreen() < ConditionChart.color(0, 0).getGreen(), "darker when 1");
    assertThrows(IllegalArgumentException.class, () -> new ConditionChart.Curve("c", 0, 1.5, new double[1],
        new double[1]));
  }
}
