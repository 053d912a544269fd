package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The forgetting measures on hand-made accuracy matrices, worked out by hand in the comments. */
class SequentialResultTest {
  private static final double N = Double.NaN;
  private static final List<String> TASKS = List.of("a", "b", "c");

  /** Plain forgetting: every earlier task falls after it is learned. */
  private static final SequentialResult FORGETS = SequentialResult.of(TASKS, new double[][] {
      {0.9, N, N},
      {0.5, 0.8, N},
      {0.3, 0.6, 0.7}});

  /** Task a improves while b is learned (positive transfer), then falls; b ends above where it was learned. */
  private static final SequentialResult MIXED = SequentialResult.of(TASKS, new double[][] {
      {0.5, N, N},
      {0.9, 0.8, N},
      {0.6, 0.9, 0.7}});

  @Test
  void averageAccuracyIsTheMeanOfTheLastRow() {
    assertEquals((0.3 + 0.6 + 0.7) / 3, FORGETS.averageAccuracy(), 1e-12);
    assertEquals((0.6 + 0.9 + 0.7) / 3, MIXED.averageAccuracy(), 1e-12);
    assertArrayEquals(new double[] {0.9, (0.5 + 0.8) / 2, (0.3 + 0.6 + 0.7) / 3}, FORGETS.averageAccuracyByStage(),
        1e-12);
  }

  @Test
  void backwardTransferComparesTheLastRowWithTheDiagonal() {
    // BWT = ((0.3 − 0.9) + (0.6 − 0.8)) / 2 = −0.4; ((0.6 − 0.5) + (0.9 − 0.8)) / 2 = +0.1.
    assertEquals(-0.4, FORGETS.backwardTransfer(), 1e-12);
    assertEquals(0.1, MIXED.backwardTransfer(), 1e-12);
  }

  @Test
  void forgettingComparesTheLastRowWithEachTasksBest() {
    // a: best 0.9, last 0.3; b: best 0.8, last 0.6 → (0.6 + 0.2) / 2 = 0.4, which is −BWT when every task is best
    // right after it is learned. MIXED: a's best is 0.9 (after b), last 0.6 → 0.3; b: 0.8 → 0.9, −0.1 → 0.1, not −BWT.
    assertEquals(0.4, FORGETS.forgetting(), 1e-12);
    assertEquals(0.1, MIXED.forgetting(), 1e-12);
  }

  @Test
  void oneTaskHasNothingToForget() {
    SequentialResult one = SequentialResult.of(List.of("a"), new double[][] {{0.8}});
    assertEquals(0.8, one.averageAccuracy());
    assertTrue(Double.isNaN(one.backwardTransfer()));
    assertTrue(Double.isNaN(one.forgetting()));
  }

  @Test
  void tablesListTestedPairsAndTheMatrix() {
    Table tidy = FORGETS.toTable();
    assertEquals(List.of("stage", "trained_on", "task", "accuracy"), tidy.columnNames());
    assertEquals(6, tidy.rowCount(), "the lower triangle: 1 + 2 + 3 tested pairs");
    assertEquals(3, tidy.intColumn("stage").get(5));
    assertEquals("c", tidy.stringColumn("trained_on").get(5));
    assertEquals("b", tidy.stringColumn("task").get(4));
    assertEquals(0.6, tidy.doubleColumn("accuracy").get(4), 1e-12);
    Table wide = FORGETS.accuracyTable();
    assertEquals(List.of("after", "a", "b", "c"), wide.columnNames());
    assertEquals("2: b", wide.stringColumn("after").get(1));
    assertTrue(wide.doubleColumn("c").isMissing(0), "not tested yet");
    assertEquals(0.5, FORGETS.accuracy(1, 0));
    assertEquals(0, FORGETS.history().steps());
  }

  @Test
  void chartsAndComparisonsDraw() {
    Map<String, SequentialResult> runs = new LinkedHashMap<>();
    runs.put("plain", FORGETS);
    runs.put("protected", MIXED);
    assertEquals(2, SequentialResult.compare(runs).charts().size(), "a heat map per run");
    assertEquals(3, SequentialResult.compareLines(runs).charts().size(), "a chart per task");
    assertTrue(FORGETS.plot().toImage().getWidth() > 0);
    assertEquals(4, ((org.knowm.xchart.XYChart) FORGETS.plotLines().charts().get(0)).getSeriesCollection().size(),
        "a line per task and the mean over the tasks seen");
    Table summary = SequentialResult.summary(runs);
    assertEquals(List.of("run", "average_accuracy", "backward_transfer", "forgetting"), summary.columnNames());
    assertEquals(0.1, summary.doubleColumn("backward_transfer").get(1), 1e-12);
    var other = SequentialResult.of(List.of("x", "y", "z"), new double[3][3]);
    runs.put("other", other);
    var mismatch = assertThrows(IllegalArgumentException.class, () -> SequentialResult.compareLines(runs));
    assertTrue(mismatch.getMessage().contains("'other'"), mismatch.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SequentialResult.compare(Map.of()));
  }

  @Test
  void badMatricesAreRefused() {
    var empty = assertThrows(IllegalArgumentException.class, () -> SequentialResult.of(List.of(), new double[0][]));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    var rows = assertThrows(IllegalArgumentException.class,
        () -> SequentialResult.of(TASKS, new double[][] {{1, N, N}}));
    assertTrue(rows.getMessage().contains("got 1"), rows.getMessage());
    var range = assertThrows(IllegalArgumentException.class,
        () -> SequentialResult.of(List.of("a"), new double[][] {{1.5}}));
    assertTrue(range.getMessage().contains("1.5"), range.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SequentialResult.of(List.of("a", "a"), new double[2][2]));
    assertThrows(IllegalArgumentException.class, () -> FORGETS.accuracy(3, 0));
  }
}
