package io.github.rnnlab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SweepTest {

  @Test
  void gridRunsEverySettingWithEverySeedInOrder() {
    SweepPlan sweep = SweepPlan.builder().vary("tau_ms", List.of(50, 100)).vary("rule", List.of("a", "b")).seeds(
        List.of(7L, 3L)).build();
    List<String> labels = sweep.runs().stream().map(Run::label).toList();
    assertEquals(List.of(
        "tau_ms=50, rule=a, seed 7", "tau_ms=50, rule=a, seed 3", "tau_ms=50, rule=b, seed 7",
        "tau_ms=50, rule=b, seed 3", "tau_ms=100, rule=a, seed 7", "tau_ms=100, rule=a, seed 3",
        "tau_ms=100, rule=b, seed 7", "tau_ms=100, rule=b, seed 3"), labels);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), sweep.runs().stream().map(Run::index).toList());
    assertEquals(List.of("seed 1", "seed 2", "seed 3"),
        SweepPlan.builder().seedRange(1, 3).build().runs().stream().map(Run::label).toList());
  }

  @Test
  void badSettingsAreExplained() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().vary("seed", List.of(1)))
        .getMessage().contains("taken by the sweep's own columns"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().vary("tau ms", List.of(1)))
        .getMessage().contains("must be a letter followed by"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().vary("x", List.of(1, 1)))
        .getMessage().contains("repeats a value"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().vary("x", List.of(new Object())))
        .getMessage().contains("allowed: Integer, Long, Double, String, Boolean"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().vary("x", List.of(1)).build())
        .getMessage().contains("needs seeds"));
    assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().seeds(List.of(1L, 1L)));
    assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().seedRange(3, 2));
    assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().settings(
        List.of(Setting.of("a", 1), Setting.of("b", 1))));
    assertThrows(IllegalArgumentException.class, () -> SweepPlan.builder().vary("a", List.of(1)).settings(
        List.of(Setting.of("a", 2))));
  }

  @Test
  void settingValuesAreNormalisedAndReadBack() {
    Setting setting = Setting.of("hidden", (short) 64).and("lr", 0.1f).and("mode", Thread.State.NEW)
        .and("big", 1L << 40);
    Run s = new Run(0, setting, 1);
    assertEquals(64, s.getInt("hidden"));
    assertEquals(0.1, s.getDouble("lr"));
    assertEquals("NEW", s.getString("mode"));
    assertEquals(1L << 40, s.getLong("big"));
    assertEquals("hidden=64, lr=0.1, mode=NEW, big=1099511627776, seed 1", s.label());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.getInt("big")).getMessage()
        .contains("does not fit an int"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.getInt("lr")).getMessage()
        .contains("not a whole number"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.get("tau")).getMessage()
        .contains("no setting called 'tau'"));
  }

  @Test
  void aRunThatThrowsIsReportedAndTheOthersFinish() {
    SweepResult result = SweepPlan.builder().vary("x", List.of(1, 2)).seedRange(1, 3).executor(SweepExecutor.local(2))
        .progress(SweepProgress.silent()).build()
        .execute(run -> {
          if (run.getInt("x") == 2 && run.seed() == 2) {
            throw new IllegalStateException("injected\nfailure");
          }
          return Map.of("value", run.getInt("x") * 10 + run.seed());
        });
    Table t = result.toTable();
    assertEquals(List.of("x", "seed", "value", "seconds", "error"), t.columnNames());
    assertArrayEquals(new double[] {11, 12, 13, 21, Double.NaN, 23}, t.doubleColumn("value").asDoubleArray());
    assertEquals(1, result.failed());
    String error = t.stringColumn("error").get(4);
    assertTrue(error.startsWith("java.lang.IllegalStateException: injected failure (at "), error);
    assertEquals("", t.stringColumn("error").get(3));
  }

  @Test
  void runsMustReturnTheSameMetrics() {
    SweepResult result = SweepPlan.builder().seedRange(1, 2).executor(SweepExecutor.local(1))
        .progress(SweepProgress.silent()).build()
        .execute(run -> run.seed() == 1 ? Map.of("a", 1) : Map.of("b", 2));
    assertFalse(result.runs().get(0).failed());
    assertTrue(result.runs().get(1).errorMessage().orElseThrow().contains("every run must return the same metrics"));
    assertEquals(List.of("a"), result.metricNames());
  }

  @Test
  void progressCountsRunsAndEstimatesTheRest() {
    List<SweepProgress.Status> reports = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    SweepPlan.builder().seedRange(1, 4).executor(SweepExecutor.local(1)).progress(reports::add).build()
        .execute(run -> Map.of("calls", calls.incrementAndGet()));
    assertEquals(List.of(0, 1, 2, 3, 4), reports.stream().map(SweepProgress.Status::done).toList());
    assertTrue(Double.isNaN(reports.get(0).remainingSeconds()));
    assertTrue(reports.get(1).remainingSeconds() >= 0);
    assertTrue(reports.get(4).finished());
    assertEquals("Sweep: 12/30 runs (1 failed, 5 from the results file), 38 s, about 2.0 min left",
        new SweepProgress.Status(12, 30, 1, 5, 38.2, 120).line());
    assertEquals("Sweep: 30/30 runs, 1.5 h", new SweepProgress.Status(30, 30, 0, 0, 5400, 0).line());
  }

  @Test
  void summaryHasTheStatisticsOfEachSetting() {
    // Values 1, 2, 4, 8 (x = 1) and 10, 20, 40, 80 (x = 10). NumPy: np.percentile([1, 2, 4, 8], [25, 50, 75]) gives
    // [1.75, 3.0, 5.0]; np.std([1, 2, 4, 8], ddof=1) gives 3.095695936834452.
    SweepResult result = SweepPlan.builder().vary("x", List.of(1, 10)).seedRange(0, 3).executor(SweepExecutor.local(2))
        .progress(SweepProgress.silent()).build()
        .execute(run -> Map.of("v", run.getInt("x") * Math.pow(2, run.seed())));
    Table s = result.summary("v");
    assertEquals(List.of("x", "runs", "failed", "mean", "sd", "min", "q1", "median", "q3", "max"), s.columnNames());
    assertEquals(List.of(1, 10), s.intColumn("x").asList());
    assertEquals(3.75, s.doubleColumn("mean").get(0), 1e-12);
    assertEquals(3.095695936834452, s.doubleColumn("sd").get(0), 1e-12);
    assertEquals(List.of(1.75, 3.0, 5.0), List.of(s.doubleColumn("q1").get(0), s.doubleColumn("median").get(0),
        s.doubleColumn("q3").get(0)));
    assertEquals(17.5, s.doubleColumn("q1").get(1), 1e-12);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> result.summary("w")).getMessage()
        .contains("the runs returned [v]"));
  }
}
