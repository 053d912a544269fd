package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.task.Trial;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

class EvaluationTest {
  private final PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);

  @Test
  void choicesComeFromTheLastStepOfEachTrialRunAlone() {
    Ctrnn net = Ctrnn.forTask(task, 16, 3);
    Evaluation eval = Evaluation.run(net, task, 12, 4);
    for (int i = 0; i < eval.size(); i++) {
      Trial trial = eval.trial(i);
      var single = net.forward(trial.inputs().reshape(trial.steps(), 1, 3));
      INDArray last = single.outputs().get(org.nd4j.linalg.indexing.NDArrayIndex.point(trial.steps() - 1));
      assertEquals(last.argMax().getInt(0), eval.choice(i), "trial " + i);
      assertEquals(eval.choice(i) == 1 + trial.groundTruth(), eval.correct(i));
      float[] alone = single.hidden().data().asFloat();
      float[] batched = eval.activity().get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).dup().data().asFloat();
      assertArrayEquals(alone, batched, 1e-5f);
    }
  }

  @Test
  void tablesAgreeWithAccuracy() {
    Evaluation eval = Evaluation.run(Ctrnn.forTask(task, 8, 1), task, 50, 2);
    Table table = eval.toTable();
    assertEquals(java.util.List.of("trial", "ground_truth", "coherence", "choice", "correct"), table.columnNames());
    assertEquals(eval.accuracy(), table.booleanColumn("correct").asSelection().size() / 50.0, 1e-12);
    Table byCoh = eval.accuracyBy("coherence");
    double weighted = 0;
    for (int r = 0; r < byCoh.rowCount(); r++) {
      weighted += byCoh.intColumn("trials").getInt(r) * byCoh.doubleColumn("accuracy").getDouble(r);
    }
    assertEquals(eval.accuracy(), weighted / 50, 1e-12);
    assertArrayEquals(new long[] {50, 60, 8}, eval.activity().shape());
    var e = assertThrows(IllegalArgumentException.class, () -> eval.accuracyBy("coh"));
    assertTrue(e.getMessage().contains("'coh'") && e.getMessage().contains("coherence"), e.getMessage());
  }

  @Test
  void periodActivityIsTheTrialsRowsWithinThePeriod() {
    Evaluation eval = Evaluation.run(Ctrnn.forTask(task, 8, 1), task, 6, 2);
    INDArray stimulus = eval.stackedActivity("stimulus");
    assertArrayEquals(new long[] {6 * 50, 8}, stimulus.shape());
    for (int i = 0; i < 6; i++) {
      INDArray whole = eval.activity(i);
      assertArrayEquals(new long[] {60, 8}, whole.shape());
      INDArray part = eval.activity(i, "stimulus");
      assertEquals(whole.getRow(5), part.getRow(0));
      assertEquals(whole.getRow(54), part.getRow(49));
      assertEquals(part.getRow(10), stimulus.getRow(i * 50 + 10));
    }
    Table projected = Pca.fit(stimulus, 2).projectionTable(eval, "stimulus");
    assertEquals(300, projected.rowCount());
    assertEquals(5, projected.intColumn("step").getInt(0), "steps count from the trial's start");
    var e = assertThrows(IllegalArgumentException.class, () -> eval.stackedActivity("delay1"));
    assertTrue(e.getMessage().contains("delay1"), e.getMessage());
    assertEquals(8, eval.plotActivity(0, java.util.List.of("a", "b"), java.util.List.of(6, 2)).charts().get(0)
        .getSeriesCollection().size());
    assertThrows(IllegalArgumentException.class, () -> eval.plotActivity(0, java.util.List.of("a"),
        java.util.List.of(7)));
  }

  @Test
  void noisyEvaluationIsReproducibleAndNoiseFreeNetworksAreUnaffected() {
    var noisy = io.github.rnnlab.model.EiRnn.builder().forTask(task).hiddenSize(10).sigmaRec(0.5).seed(1).build();
    Evaluation a = Evaluation.run(NoisyNetwork.of(noisy, 5), task, 8, 2);
    Evaluation b = Evaluation.run(NoisyNetwork.of(noisy, 5), task, 8, 2);
    Evaluation clean = Evaluation.run(noisy, task, 8, 2);
    assertEquals(a.stackedActivity(), b.stackedActivity());
    assertTrue(a.stackedActivity().sub(clean.stackedActivity()).norm2Number().doubleValue() > 0.1);
    Ctrnn quiet = Ctrnn.forTask(task, 8, 1);
    assertEquals(Evaluation.run(quiet, task, 8, 2).stackedActivity(),
        Evaluation.run(NoisyNetwork.of(quiet, 5), task, 8, 2).stackedActivity());
  }

  @Test
  void mismatchedNetworkIsRejected() {
    Ctrnn wide = Ctrnn.builder().inputSize(5).hiddenSize(4).outputSize(3).build();
    assertThrows(IllegalArgumentException.class, () -> Evaluation.run(wide, task, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> Evaluation.run(wide, task, 0, 1));
  }
}
