package io.github.rnnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.analysis.Evaluation;
import io.github.rnnlab.model.BatchResult;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.task.Trial;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingHistory;
import io.github.rnnlab.train.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrialBatchesTest {
  /** yang19 dm1: random fixation and stimulus durations, so trials differ in length. */
  private final Task dm1 = Tasks.create("yang19.dm1-v0", 20);

  @Test
  void oneTrialPerColumnPaddedToTheLongestAndMasked() {
    List<Trial> trials = dm1.trials(4).next(6);
    Batch batch = TrialBatches.of(dm1, 6, 4).next();
    int longest = trials.stream().mapToInt(Trial::steps).max().orElseThrow();
    assertEquals(longest, batch.seqLen());
    assertTrue(trials.stream().anyMatch(t -> t.steps() < longest), "the trials should differ in length");
    assertTrue(batch.hasWeights());
    for (int b = 0; b < 6; b++) {
      Trial trial = trials.get(b);
      assertEquals(trial.info(), batch.trials().get(b).trial().info(), "column " + b + " holds the stream's trial " + b);
      assertArrayEquals(new int[] {0}, batch.trialStarts(b));
      for (int t = 0; t < batch.seqLen(); t++) {
        boolean inside = t < trial.steps();
        assertEquals(inside ? 1f : 0f, batch.weight(t, b, 0), "weight of column " + b + " step " + t);
        assertEquals(inside ? trial.target(t) : 0, batch.target(t, b));
        for (int c = 0; c < batch.inputSize(); c++) {
          assertEquals(inside ? trial.input(t, c) : 0f, batch.input(t, b, c));
        }
      }
    }
  }

  /** Yang et al.'s cost mask on yang19.go at dt 20: fixation 25 steps, stimulus 25, decision 25. */
  @Test
  void yangCostMaskIgnoresTheStartAndAGracePeriodAndWeighsTheResponse() {
    Task go = Tasks.create("yang19.go-v0", 20);
    Batch batch = TrialBatches.of(go, 2, 1, CostMask.yang2019()).next();
    assertEquals(75, batch.seqLen());
    for (int t = 0; t < 75; t++) {
      float expected = t < 5 ? 0 : t < 50 ? 1 : t < 55 ? 0 : 5;
      assertEquals(expected, batch.weight(t, 1, 0), "step " + t);
    }
    float[] custom = new CostMask(0, 2, 40, 3).weights(go.trials(0).next());
    assertEquals(2f, custom[0]);
    assertEquals(0f, custom[51]);
    assertEquals(3f, custom[52]);
  }

  @Test
  void sameSeedSameBatches() {
    Batch a = TrialBatches.of(dm1, 4, 9).next();
    Batch b = TrialBatches.of(dm1, 4, 9).next();
    assertEquals(a.inputs(), b.inputs());
    assertEquals(a.targets(), b.targets());
    assertNotEquals(a.inputs(), TrialBatches.of(dm1, 4, 10).next().inputs());
  }

  /**
   * Masked steps get no gradient: changing the inputs and targets of every step whose weight is 0 (the padding, and
   * the steps the cost mask ignores) leaves the loss and every parameter's gradient exactly as they were.
   */
  @Test
  void maskedStepsGetNoGradient() {
    Batch batch = TrialBatches.of(dm1, 8, 2, CostMask.yang2019()).next();
    Ctrnn net = Ctrnn.forTask(dm1, 24, 5);
    BatchResult before = net.computeGradients(batch);
    List<float[][]> gradients = copyGradients(net.parameters());
    int masked = 0;
    SplittableRandom rng = new SplittableRandom(3);
    int n = batch.batchSize();
    int nIn = batch.inputSize();
    float[] inputs = batch.inputs().data().asFloat();
    int[] targets = batch.targets().data().asInt();
    float[] weights = batch.weights().data().asFloat();
    for (int t = 0; t < batch.seqLen(); t++) {
      for (int b = 0; b < n; b++) {
        if (weights[t * n + b] == 0) {
          masked++;
          targets[t * n + b] = rng.nextInt(dm1.outputSize());
          boolean padding = t >= batch.trials().get(b).trial().steps();
          for (int c = 0; padding && c < nIn; c++) {
            inputs[(t * n + b) * nIn + c] = (float) rng.nextGaussian();
          }
        }
      }
    }
    assertTrue(masked > 50, "the batch should mask padding and ignored steps; it masks " + masked);
    Batch changed = Batch.of(batch.seqLen(), n, nIn, inputs, targets).withWeights(weights);
    BatchResult after = net.computeGradients(changed);
    assertEquals(before.loss(), after.loss());
    List<float[][]> again = copyGradients(net.parameters());
    for (int p = 0; p < gradients.size(); p++) {
      for (int r = 0; r < gradients.get(p).length; r++) {
        assertArrayEquals(gradients.get(p)[r], again.get(p)[r], net.parameters().get(p).name() + " row " + r);
      }
    }
    // The loss does depend on a scored step: the last step of column 0's trial, in its decision period.
    int last = (batch.trials().get(0).trial().steps() - 1) * n;
    assertEquals(5f, weights[last]);
    targets[last] = (targets[last] + 1) % dm1.outputSize();
    assertNotEquals(before.loss(), net.computeGradients(
        Batch.of(batch.seqLen(), n, nIn, inputs, targets).withWeights(weights)).loss());
  }

  private static List<float[][]> copyGradients(List<Parameter> parameters) {
    List<float[][]> copies = new ArrayList<>();
    for (Parameter p : parameters) {
      float[][] g = p.gradients();
      float[][] c = new float[g.length][];
      for (int r = 0; r < g.length; r++) {
        c[r] = g[r].clone();
      }
      copies.add(c);
    }
    return copies;
  }

  /** A network learns GoNogo from trial-aligned batches with a cost mask, and evaluation agrees on both forms. */
  @Test
  void trainingOnTrialAlignedBatchesLearns() {
    Task task = Tasks.create("GoNogo-v0");
    Ctrnn net = Ctrnn.forTask(task, 32, 1);
    Trainer trainer = Trainer.builder().steps(300).progress(TrainingProgress.silent()).build();
    TrainingHistory history = trainer.train(net, TrialBatches.of(task, 16, 1, CostMask.yang2019()));
    assertTrue(history.finalLoss() < history.loss(1) / 3, history.toString());
    Evaluation alone = Evaluation.run(net, task, 64, 8);
    assertTrue(alone.accuracy() > 0.9, alone.toString());
    Evaluation batched = Evaluation.of(net, TrialBatches.of(task, 64, 8).next());
    assertEquals(alone.accuracy(), batched.accuracy());
    for (int i = 0; i < 64; i++) {
      assertEquals(alone.choice(i), batched.choice(i));
    }
  }

  @Test
  void badArgumentsAreRejected() {
    var size = assertThrows(IllegalArgumentException.class, () -> TrialBatches.of(dm1, 0, 1));
    assertTrue(size.getMessage().contains("batchSize must be > 0; got 0"), size.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrialBatches.batchOf(List.of(), CostMask.none()));
    var mixed = assertThrows(IllegalArgumentException.class, () -> TrialBatches.batchOf(
        List.of(dm1.trials(0).next(), Tasks.create("GoNogo-v0").trials(0).next()), CostMask.none()));
    assertTrue(mixed.getMessage().contains("share inputs"), mixed.getMessage());
    var weight = assertThrows(IllegalArgumentException.class, () -> new CostMask(100, -1, 100, 5));
    assertTrue(weight.getMessage().contains("preResponseWeight"), weight.getMessage());
  }
}
