package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.CostMask;
import io.github.rnnlab.data.TrialBatches;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.task.MultiTask;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Trial;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Elastic weight consolidation: its value against the definition over two tasks, its gradient against finite
 * differences, the Fisher information against per-sequence gradients computed one trial at a time (empirical) and
 * against the exact expectation over every label (drawn), and weights that matter for the first task moving less.
 */
class ElasticWeightConsolidationTest {
  /** go, anti and dm1 at neurogym's dt of 100 ms, with shared rule inputs: trials of 6 to 15 steps. */
  static final MultiTask SET = MultiTask.of(List.of("yang19.go-v0", "yang19.anti-v0", "yang19.dm1-v0"), 100);
  static final Task GO = SET.task(0);
  static final Task ANTI = SET.task(1);
  static final Task DM1 = SET.task(2);

  static Ctrnn net() {
    return Ctrnn.builder().forTask(GO).hiddenSize(6).seed(3).build();
  }

  static Trainer.Builder quiet() {
    return Trainer.builder().progress(TrainingProgress.silent());
  }

  @Test
  void valueIsTheSumOfOneQuadraticTermPerTaskAndItsGradientMatchesFiniteDifferences() {
    Ctrnn net = net();
    ElasticWeightConsolidation ewc = ElasticWeightConsolidation.builder().strength(3e4).fisherSequences(8).seed(5)
        .build();
    TrainingSession session = quiet().penalty(ewc).build().session(net);
    session.train(TrialBatches.of(GO, 4, 1), 20);
    ewc.consolidate(net, TrialBatches.of(GO, 4, 2));
    Map<String, float[][]> anchor1 = Snapshots.of(net);
    Map<String, double[][]> fisher1 = Snapshots.importances(ewc, net);
    session.train(TrialBatches.of(ANTI, 4, 3), 20);
    ewc.consolidate(net, TrialBatches.of(ANTI, 4, 4));
    Map<String, float[][]> anchor2 = Snapshots.of(net);
    Map<String, double[][]> fisherSum = Snapshots.importances(ewc, net);
    session.train(TrialBatches.of(DM1, 4, 5), 10);
    assertEquals(2, ewc.tasksConsolidated());

    double expected = 0;
    double largest = 0;
    for (Parameter p : net.parameters()) {
      double[][] f1 = fisher1.get(p.name());
      double[][] sum = fisherSum.get(p.name());
      for (int r = 0; r < f1.length; r++) {
        for (int c = 0; c < f1[r].length; c++) {
          double theta = p.values()[r][c];
          double d1 = theta - anchor1.get(p.name())[r][c];
          double d2 = theta - anchor2.get(p.name())[r][c];
          expected += 3e4 / 2 * (f1[r][c] * d1 * d1 + (sum[r][c] - f1[r][c]) * d2 * d2);
          largest = Math.max(largest, 3e4 * (f1[r][c] * Math.abs(d1) + (sum[r][c] - f1[r][c]) * Math.abs(d2)));
        }
      }
    }
    assertEquals(expected, ewc.addGradients(net), 1e-5 * expected);
    assertTrue(expected > 1e-3 && largest > 1e-2, "the test needs a penalty that pulls: " + expected + ", " + largest);
    for (Parameter p : net.parameters()) {
      PenaltyGradients.assertMatches(ewc, net, p.name());
    }
    assertTrue(session.history().seriesNames().contains("ewc"), session.history().seriesNames().toString());
  }

  @Test
  void empiricalFisherIsTheMeanSquaredGradientOfOneTrialAtATime() {
    Ctrnn net = net();
    int trials = 10;
    ElasticWeightConsolidation ewc = ElasticWeightConsolidation.builder().fisherSequences(trials).empiricalFisher(true)
        .build();
    // dm1 trials differ in length, so batches of 4 pad the shorter ones, which the Fisher information must ignore.
    ewc.consolidate(net, TrialBatches.of(DM1, 4, 7, CostMask.yang2019()));
    TrialBatches oneAtATime = TrialBatches.of(DM1, 1, 7, CostMask.yang2019());
    Map<String, double[][]> reference = Snapshots.zeros(net);
    for (int i = 0; i < trials; i++) {
      net.computeGradients(oneAtATime.next());
      Snapshots.addSquaredGradients(net, reference, 1.0 / trials);
    }
    assertImportancesEqual(reference, ewc, net, 1e-5);
  }

  @Test
  void drawnFisherConvergesToTheExpectationOverEveryLabel() {
    // One scored step (the last of a go trial): there, E_y~softmax[(∂ℓ_y/∂θ)²] = Σ_y p_y (∂ℓ_y/∂θ)², which the test
    // computes exactly by scoring every one of the 17 labels.
    Ctrnn net = net();
    Trial trial = GO.trials(11).next(1).get(0);
    int steps = trial.steps();
    float[] lastOnly = new float[steps];
    lastOnly[steps - 1] = 1;
    Batch batch = TrialBatches.batchOf(List.of(trial), CostMask.none()).withWeights(lastOnly);
    INDArray logits = net.forward(batch.inputs()).outputs();
    int k = net.outputSize();
    double[] p = new double[k];
    double norm = 0;
    for (int y = 0; y < k; y++) {
      p[y] = Math.exp(logits.getDouble(steps - 1, 0, y));
      norm += p[y];
    }
    Map<String, double[][]> exact = Snapshots.zeros(net);
    float[] inputs = new float[steps * batch.inputSize()];
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < batch.inputSize(); c++) {
        inputs[t * batch.inputSize() + c] = batch.input(t, 0, c);
      }
    }
    for (int y = 0; y < k; y++) {
      int[] labels = new int[steps];
      labels[steps - 1] = y;
      net.computeGradients(Batch.of(steps, 1, batch.inputSize(), inputs, labels).withWeights(lastOnly));
      Snapshots.addSquaredGradients(net, exact, p[y] / norm);
    }
    // 100 copies of the trial a batch, so that the outputs the labels are drawn from take one forward pass a batch.
    float[] lastOfEach = new float[steps * 100];
    Arrays.fill(lastOfEach, (steps - 1) * 100, steps * 100, 1);
    Batch copies = TrialBatches.batchOf(Collections.nCopies(100, trial), CostMask.none()).withWeights(lastOfEach);
    ElasticWeightConsolidation ewc = ElasticWeightConsolidation.builder().fisherSequences(4000).seed(2).build();
    ewc.consolidate(net, () -> copies);
    double error = 0;
    double total = 0;
    for (Parameter q : net.parameters()) {
      float[] estimate = ewc.importance(q.name()).ravel().toFloatVector();
      double[][] e = exact.get(q.name());
      for (int r = 0; r < e.length; r++) {
        for (int c = 0; c < e[r].length; c++) {
          error += Math.abs(estimate[r * e[r].length + c] - e[r][c]);
          total += e[r][c];
        }
      }
    }
    // 4000 draws of a 17-way label: the relative error of the summed estimate is a few per cent.
    assertTrue(total > 0 && error / total < 0.08, "relative L1 error " + error / total);
  }

  @Test
  void weightsThatMatterForTheFirstTaskMoveLess() {
    ElasticWeightConsolidation ewc = ElasticWeightConsolidation.builder().strength(3e4).fisherSequences(32).build();
    Movement.assertProtectedWeightsMoveLess(ewc, ewc::consolidate);
  }

  @Test
  void badSettingsAndMisuseAreRefused() {
    var negative = assertThrows(IllegalArgumentException.class, () -> Penalty.ewc(-1));
    assertTrue(negative.getMessage().contains("strength") && negative.getMessage().contains("-1"),
        negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Penalty.ewc(Double.NaN));
    var sequences = assertThrows(IllegalArgumentException.class,
        () -> ElasticWeightConsolidation.builder().fisherSequences(0));
    assertTrue(sequences.getMessage().contains("fisherSequences"), sequences.getMessage());
    ElasticWeightConsolidation ewc = Penalty.ewc(1);
    assertEquals(0, ewc.addGradients(net()), "nothing to protect before the first consolidation");
    assertThrows(IllegalStateException.class, () -> ewc.importance("W_rec"));
    ewc.consolidate(net(), TrialBatches.of(GO, 4, 1));
    var other = assertThrows(IllegalArgumentException.class,
        () -> ewc.addGradients(Ctrnn.builder().forTask(GO).hiddenSize(7).build()));
    assertTrue(other.getMessage().contains("W_rec[6, 6]") && other.getMessage().contains("W_rec[7, 7]"),
        other.getMessage());
    var unknown = assertThrows(IllegalArgumentException.class, () -> ewc.importance("W_x"));
    assertTrue(unknown.getMessage().contains("W_x"), unknown.getMessage());
    Batch unscored = TrialBatches.of(GO, 2, 1).next();
    Batch masked = unscored.withWeights(new float[unscored.seqLen() * 2]);
    var silent = assertThrows(IllegalArgumentException.class, () -> Penalty.ewc(1).consolidate(net(), () -> masked));
    assertTrue(silent.getMessage().contains("no scored step"), silent.getMessage());
  }

  private static void assertImportancesEqual(Map<String, double[][]> expected, ConsolidationPenalty penalty, Ctrnn net,
      double relative) {
    for (Parameter p : net.parameters()) {
      float[] actual = penalty.importance(p.name()).ravel().toFloatVector();
      double[][] e = expected.get(p.name());
      for (int r = 0; r < e.length; r++) {
        for (int c = 0; c < e[r].length; c++) {
          assertEquals(e[r][c], actual[r * e[r].length + c], 1e-12 + relative * Math.abs(e[r][c]),
              p.name() + "[" + r + "][" + c + "]");
        }
      }
    }
  }
}
