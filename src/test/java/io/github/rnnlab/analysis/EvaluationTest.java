package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Response;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.task.Trial;
import java.util.List;
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

  /** Float targets: no choice, a weighted mean squared error per trial, recomputed here from a lone forward pass. */
  @Test
  void floatTargetsAreScoredByMeanSquaredError() {
    Task reach = Tasks.create("ReachingDelayResponse-v0");
    Ctrnn net = Ctrnn.forTask(reach, 8, 2);
    Evaluation eval = Evaluation.run(net, reach, 6, 1);
    assertFalse(eval.hasLabels());
    double sum = 0;
    for (int i = 0; i < eval.size(); i++) {
      Trial trial = eval.trial(i);
      INDArray out = net.forward(trial.inputs().reshape(trial.steps(), 1, 2)).outputs().reshape(trial.steps(), 2);
      double expected = out.sub(trial.targetValues()).norm2Number().doubleValue();
      expected = expected * expected / (2.0 * trial.steps());
      assertEquals(expected, eval.meanSquaredError(i), 1e-5, "trial " + i);
      assertEquals(-1, eval.choice(i));
      sum += expected;
    }
    assertEquals(sum / 6, eval.meanSquaredError(), 1e-5);
    assertThrows(IllegalStateException.class, eval::accuracy);
    assertEquals(List.of("trial", "ground_truth", "position", "mse"), eval.toTable().columnNames());
  }

  /** Several response windows: a trial is right only if every answer is; timed answers: the first go in the window. */
  @Test
  void answersAreReadInEveryResponseWindow() {
    Task dual = Tasks.create("DualDelayMatchSample-v0");
    Ctrnn net = Ctrnn.forTask(dual, 8, 3);
    Evaluation eval = Evaluation.run(net, dual, 20, 5);
    for (int i = 0; i < eval.size(); i++) {
      Trial trial = eval.trial(i);
      int[] argmax = argmax(net, trial);
      boolean right = true;
      for (Response r : trial.responses()) {
        right &= argmax[r.readStep()] == trial.target(r.readStep());
      }
      assertEquals(2, trial.responses().size());
      assertEquals(right, eval.correct(i), "trial " + i);
      assertEquals(argmax[trial.period("test2").end() - 1], eval.choice(i));
    }
    Task timing = Tasks.create("OneTwoThreeGo-v0");
    Ctrnn timer = Ctrnn.forTask(timing, 8, 4);
    Evaluation timed = Evaluation.run(timer, timing, 20, 5);
    for (int i = 0; i < timed.size(); i++) {
      Trial trial = timed.trial(i);
      Response r = trial.responses().get(0);
      assertTrue(r.timed());
      assertEquals(trial.period("response").start(), r.goStep());
      int[] argmax = argmax(timer, trial);
      int go = -1;
      for (int t = r.start(); t < r.end() && go < 0; t++) {
        go = argmax[t] != 0 ? t : -1;
      }
      assertEquals(go >= 0 && Math.abs(go - r.goStep()) <= r.toleranceSteps(), timed.correct(i), "trial " + i);
      assertEquals(go < 0 ? Double.NaN : (go - r.start() + 1) * trial.dtMs(), timed.reactionTimeMs(i));
    }
  }

  private static int[] argmax(Ctrnn net, Trial trial) {
    float[] out = net.forward(trial.inputs().reshape(trial.steps(), 1, trial.inputSize())).outputs().data().asFloat();
    int n = net.outputSize();
    int[] best = new int[trial.steps()];
    for (int t = 0; t < best.length; t++) {
      for (int o = 1; o < n; o++) {
        best[t] = out[t * n + o] > out[t * n + best[t]] ? o : best[t];
      }
    }
    return best;
  }

  /** The psychometric curve uses the coherence signed towards choice 2 and the trials answered with a choice. */
  @Test
  void psychometricCurveOfTwoChoiceTrials() {
    // A short training with the decision weighted 5 times, so that the network answers.
    Task pdm = PerceptualDecisionMaking.builder().dtMs(20).stimulusMs(400).timingMs("decision", 200).build();
    Ctrnn net = Ctrnn.forTask(pdm, 16, 3);
    io.github.rnnlab.train.Trainer.builder().steps(150)
        .progress(io.github.rnnlab.train.TrainingProgress.silent()).build()
        .train(net, io.github.rnnlab.data.TrialBatches.of(pdm, 16, 3, new io.github.rnnlab.data.CostMask(0, 1, 0, 5)));
    Evaluation eval = Evaluation.run(net, pdm, 300, 2);
    Psychometric fit = eval.psychometric("coherence");
    long answered = java.util.stream.IntStream.range(0, 300).filter(i -> eval.choice(i) > 0).count();
    assertEquals(answered, fit.trials());
    var levels = fit.binnedTable().doubleColumn("evidence").asList();
    assertTrue(levels.contains(-51.2) && levels.contains(51.2) && levels.contains(0.0), levels.toString());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Evaluation.run(Ctrnn.forTask(Tasks.create("yang19.go-v0"), 8, 1), Tasks.create("yang19.go-v0"), 40, 1)
            .psychometric("modality"));
    assertTrue(e.getMessage().contains("two-choice"), e.getMessage());
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
    Evaluation a = Evaluation.runWithNoise(noisy, task, 8, 2);
    Evaluation b = Evaluation.runWithNoise(noisy, task, 8, 2);
    Evaluation clean = Evaluation.run(noisy, task, 8, 2);
    assertEquals(a.stackedActivity(), b.stackedActivity());
    assertTrue(a.stackedActivity().sub(clean.stackedActivity()).norm2Number().doubleValue() > 0.1);
    Ctrnn quiet = Ctrnn.forTask(task, 8, 1);
    assertEquals(Evaluation.run(quiet, task, 8, 2).stackedActivity(),
        Evaluation.runWithNoise(quiet, task, 8, 2).stackedActivity());
  }

  @Test
  void theBuilderRunsWhatTheFactoriesRun() {
    Ctrnn net = Ctrnn.forTask(task, 8, 1);
    assertEquals(Evaluation.run(net, task, 6, 3).toTable().toString(),
        Evaluation.builder(net, task).trials(6).seed(3).run().toTable().toString());
    assertEquals(Evaluation.runWithNoise(net, task, 6, 3).stackedActivity(),
        Evaluation.builder(net, task).trials(6).seed(3).withNoise(true).run().stackedActivity());
    assertThrows(IllegalArgumentException.class, () -> Evaluation.builder(net, task).trials(0));
  }

  @Test
  void mismatchedNetworkIsRejected() {
    Ctrnn wide = Ctrnn.builder().inputSize(5).hiddenSize(4).outputSize(3).build();
    assertThrows(IllegalArgumentException.class, () -> Evaluation.run(wide, task, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> Evaluation.run(wide, task, 0, 1));
  }
}
