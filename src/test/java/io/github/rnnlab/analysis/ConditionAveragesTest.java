package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Timing;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

class ConditionAveragesTest {
  private final PerceptualDecisionMaking task = PerceptualDecisionMaking.builder().dtMs(100).build();
  private final Ctrnn net = Ctrnn.forTask(task, 6, 1);
  private final Evaluation eval = Evaluation.run(net, task, 60, 2);

  @Test
  void eachConditionIsTheStepwiseMeanOfItsTrials() {
    ConditionAverages avg = ConditionAverages.of(eval, List.of("coherence", "ground_truth"));
    assertEquals(10, avg.size());
    Table t = avg.toTable();
    assertEquals(List.of("condition", "coherence", "ground_truth", "trials", "steps"), t.columnNames());
    assertEquals(60, t.intColumn("trials").sum());
    for (int c = 0; c < avg.size(); c++) {
      double[] values = avg.values(c);
      INDArray sum = null;
      int n = 0;
      for (int i = 0; i < eval.size(); i++) {
        if (eval.trial(i).info().get("coherence") == values[0] && eval.trial(i).groundTruth() == values[1]) {
          INDArray a = eval.activity(i).castTo(DataType.DOUBLE);
          sum = sum == null ? a : sum.add(a);
          n++;
        }
      }
      assertEquals(n, t.intColumn("trials").getInt(c));
      assertArrayEquals(sum.div(n).toDoubleMatrix(), avg.activity(c).toDoubleMatrix());
    }
    // Ascending by coherence, then ground truth.
    assertArrayEquals(new double[] {0, 0}, avg.values(0));
    assertArrayEquals(new double[] {51.2, 1}, avg.values(9));
    Pca pca = Pca.fit(eval.activity(), 2);
    Table projected = avg.projectionTable(pca);
    assertEquals(10 * 22, projected.rowCount());
    assertEquals(20, avg.plot(pca).charts().get(0).getSeriesCollection().size(), "a curve and its start");
  }

  @Test
  void periodsAverageOnlyTheirStepsAndUnequalLengthsAreRejected() {
    PerceptualDecisionMaking variable = task.toBuilder().timing("stimulus", Timing.choice(List.of(300.0, 500.0)))
        .build();
    Evaluation mixed = Evaluation.run(Ctrnn.forTask(variable, 6, 1), variable, 30, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConditionAverages.of(mixed, List.of("ground_truth")));
    assertTrue(e.getMessage().contains("differ in length"), e.getMessage());
    ConditionAverages decision = ConditionAverages.of(mixed, List.of("ground_truth"), "decision");
    assertEquals(1, decision.activity(0).rows());
    assertThrows(IllegalArgumentException.class, () -> ConditionAverages.of(mixed, List.of()));
    assertThrows(IllegalArgumentException.class, () -> ConditionAverages.of(mixed, List.of("coh")));
  }
}
