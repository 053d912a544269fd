package io.github.rnnlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.analysis.Evaluation;
import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingHistory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SparkSweepExecutorTest {
  /** One embedded Spark for the class: starting one takes seconds. */
  private static SparkSweepExecutor spark;

  @BeforeAll
  static void startSpark() {
    spark = (SparkSweepExecutor) SweepExecutor.spark("local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.close();
  }

  /** A tiny tutorial run: 8 units, 20 steps of batch 4, 40 evaluation trials. */
  static Map<String, Double> tinyTutorial(Run run) {
    PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);
    Ctrnn net = Ctrnn.builder().forTask(task).hiddenSize(run.getInt("hidden")).tauMs(run.getDouble("tau_ms"))
        .seed(run.seed()).build();
    TrainingHistory history = Trainer.builder().steps(20).build().train(net, Dataset.of(task, 4, 50, run.seed()));
    return Map.of("accuracy", Evaluation.run(net, task, 40, run.seed() + 1).accuracy(),
        "final_loss", history.finalLoss());
  }

  @Test
  void sparkGivesTheLocalExecutorsTable() {
    SweepPlan.Builder sweep = SweepPlan.builder().vary("tau_ms", List.of(50.0, 100.0)).vary("hidden", List.of(8))
        .seedRange(1, 2).progress(SweepProgress.silent());
    Table local = sweep.executor(SweepExecutor.local()).build().execute(SparkSweepExecutorTest::tinyTutorial)
        .toTable();
    assertEquals("local[2]", spark.context().master());
    Table onSpark = sweep.executor(spark).build().execute(SparkSweepExecutorTest::tinyTutorial).toTable();
    assertEquals(List.of("tau_ms", "hidden", "seed", "accuracy", "final_loss", "seconds", "error"),
        local.columnNames());
    assertEquals(4, local.rowCount());
    assertEquals(4, local.stringColumn("error").isMissing().size(), "no run failed: " + local);
    assertFalse(local.doubleColumn("final_loss").isMissing().size() > 0);
    // Everything but the wall-clock seconds is identical, to the last bit (Double.equals compares bits).
    assertEquals(cells(local.removeColumns("seconds")), cells(onSpark.removeColumns("seconds")));
  }

  @Test
  void aFunctionSparkCannotSerializeIsExplained() {
    Object notSerializable = new Object();
    SweepPlan sweep = SweepPlan.builder().seedRange(1, 1).executor(spark).progress(SweepProgress.silent()).build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> sweep.execute(run -> Map.of("hash", notSerializable.hashCode())));
    assertTrue(e.getMessage().contains("captures a java.lang.Object, which is not serializable"), e.getMessage());
  }

  @Test
  void anotherMasterInTheSameJvmIsRefused() {
    var e = assertThrows(IllegalStateException.class, () -> SweepExecutor.spark("local[1]"));
    assertTrue(e.getMessage().contains("already runs a Spark context for master local[2]"), e.getMessage());
  }

  private static List<List<?>> cells(Table table) {
    return table.columns().stream().<List<?>>map(c -> c.asList()).toList();
  }

  @Test
  void withoutSparkTheErrorSaysHowToAddIt() throws Exception {
    URL classes = Path.of(SweepExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri()
        .toURL();
    try (URLClassLoader withoutSpark = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      var e = assertThrows(IllegalStateException.class, () -> SparkSupport.create("local[1]", withoutSpark));
      assertEquals(SparkSupport.MISSING, e.getMessage());
      assertTrue(e.getMessage().contains("org.apache.spark:spark-core_2.13"));
    }
  }
}
