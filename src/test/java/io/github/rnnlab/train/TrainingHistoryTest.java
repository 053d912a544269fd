package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class TrainingHistoryTest {
  private final TrainingHistory short3 = history(new double[] {3, 2, 1}, new double[] {0.1, 0.2, 0.3},
      new double[] {0, 0.5, 1}, 1.0);
  private final TrainingHistory long5 = history(new double[] {5, 4, 3, 2, 1}, new double[5], new double[5], 2.0);

  private static TrainingHistory history(double[] loss, double[] step, double[] decision, double seconds) {
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("loss", loss);
    series.put("step_accuracy", step);
    series.put("decision_accuracy", decision);
    return new TrainingHistory(series, seconds, null);
  }

  @Test
  void movingAverageUsesTheStepsSoFarAtTheStart() {
    assertArrayEquals(new double[] {2, 3, 5, 7}, TrainingHistory.movingAverage(new double[] {2, 4, 6, 8}, 2), 1e-12);
    assertArrayEquals(new double[] {2, 4}, TrainingHistory.movingAverage(new double[] {2, 4}, 1), 1e-12);
  }

  @Test
  void compareDrawsOneCurvePerRunOnItsOwnSteps() {
    Map<String, TrainingHistory> runs = new LinkedHashMap<>();
    runs.put("short", short3);
    runs.put("long", long5);
    XYChart chart = (XYChart) TrainingHistory.compare(runs, TrainingHistory.Metric.DECISION_ACCURACY, 1).charts()
        .get(0);
    assertEquals(List.of("short", "long"), List.copyOf(chart.getSeriesCollection().stream()
        .map(s -> s.getName()).toList()));
    assertArrayEquals(new double[] {0, 0.5, 1}, chart.getSeries("short").getYData(), 1e-12);
    assertEquals(5, chart.getSeries("long").getXData().length);
  }

  @Test
  void stepAxisEndsOnARoundNumber() {
    assertEquals(1000, TrainingHistory.roundUp(1000));
    assertEquals(1500, TrainingHistory.roundUp(1234));
    assertEquals(600, TrainingHistory.roundUp(600));
    assertEquals(3, TrainingHistory.roundUp(3));
    assertEquals(250, TrainingHistory.roundUp(201));
  }

  @Test
  void tableHasOneRowPerStep() {
    var table = short3.toTable();
    assertEquals(List.of("step", "loss", "step_accuracy", "decision_accuracy"), table.columnNames());
    assertEquals(3, table.rowCount());
    assertEquals(1.5, short3.meanLoss(3, 2), 1e-12);
  }

  @Test
  void badWindowIsExplained() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> TrainingHistory.compare(Map.of("a", short3), TrainingHistory.Metric.LOSS, 0));
    assertEquals("window must be > 0 steps; got 0", e.getMessage());
  }
}
