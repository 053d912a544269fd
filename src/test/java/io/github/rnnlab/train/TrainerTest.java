package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.analysis.Evaluation;
import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.model.BatchResult;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.Loss;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.model.Rollout;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {
  private final PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);

  @Test
  void shortTrainingBeatsChanceByFar() {
    Ctrnn net = Ctrnn.forTask(task, 64, 1);
    TrainingHistory history = Trainer.builder().steps(600).progress(TrainingProgress.silent()).build()
        .train(net, Dataset.of(task, 16, 100, 1));
    assertEquals(600, history.steps());
    assertTrue(history.meanLoss(600, 50) < 0.5 * history.meanLoss(50, 50), "loss should fall: " + history);
    double accuracy = Evaluation.run(net, task, 300, 101).accuracy();
    assertTrue(accuracy > 0.75, "accuracy " + accuracy + " (chance is 0.5)");
  }

  @Test
  void firstAdamStepMovesEachWeightByTheLearningRate() {
    // At step 1, m̂ = g and v̂ = g², so every weight moves by lr · g / (|g| + ε) ≈ lr · sign(g).
    Ctrnn net = Ctrnn.forTask(task, 8, 1);
    Ctrnn before = net.copy();
    Dataset data = Dataset.of(task, 4, 20, 2);
    Ctrnn probe = net.copy();
    probe.computeGradients(Dataset.of(task, 4, 20, 2).next());
    Trainer.builder().steps(1).learningRate(0.01).progress(TrainingProgress.silent()).build().train(net, data);
    for (int i = 0; i < net.parameters().size(); i++) {
      Parameter after = net.parameters().get(i);
      Parameter grad = probe.parameters().get(i);
      for (int r = 0; r < after.values().length; r++) {
        for (int c = 0; c < after.values()[r].length; c++) {
          double g = grad.gradients()[r][c];
          double expected = before.parameters().get(i).get(r, c) - 0.01 * g / (Math.abs(g) + 1e-8);
          assertEquals(expected, after.get(r, c), 1e-6, after.name() + "[" + r + "," + c + "]");
        }
      }
    }
  }

  @Test
  void clippingRescalesLargeGradients() {
    // Gradients 10 then 1. Unclipped, Adam's second step is lr · m̂/√v̂ = lr · 5.263/7.105 = 0.7408 lr; clipped to
    // norm 1, both gradients are 1 and the second step is lr.
    double lr = 0.1;
    FixedGradient free = new FixedGradient(1f, 10f, 1f);
    FixedGradient clipped = new FixedGradient(1f, 10f, 1f);
    Trainer.Builder b = Trainer.builder().steps(2).learningRate(lr).progress(TrainingProgress.silent());
    b.build().train(free, Dataset.of(task, 2, 10, 1));
    b.clipGradNorm(1.0).build().train(clipped, Dataset.of(task, 2, 10, 1));
    assertEquals(lr * (1 + 0.7408), 3f - free.weight.get(0, 0), 1e-4);
    assertEquals(lr * 2, 3f - clipped.weight.get(0, 0), 1e-5);
  }

  @Test
  void nonFiniteLossStopsWithAnExplanation() {
    List<String> messages = new ArrayList<>();
    FixedGradient net = new FixedGradient(Float.NaN, 1f);
    TrainingHistory history = Trainer.builder().steps(10).progress(new TrainingProgress() {
      @Override
      public void report(int step, int totalSteps, double meanLoss, double seconds) {}

      @Override
      public void stopped(String message) {
        messages.add(message);
      }
    }).build().train(net, Dataset.of(task, 2, 10, 1));
    assertEquals(0, history.steps());
    assertEquals(1, messages.size());
    String m = history.stopReason();
    assertTrue(m != null && m.contains("step 1:") && m.contains("NaN") && m.contains("learningRate"), m);
    assertEquals(3f, net.weight.get(0, 0), "parameters are left as they were");
  }

  @Test
  void progressLinesAreReadable() {
    assertEquals("Step  100/1000  loss 0.1976  (2.5 s)", TrainingProgress.format(100, 1000, 0.19761, 2.52));
  }

  /** A one-weight network (starting at 3) with a fixed loss and a given gradient at each step. */
  private static final class FixedGradient implements RecurrentNetwork {
    final Parameter weight;
    final float loss;
    final float[] gradients;
    int calls;

    FixedGradient(float loss, float... gradients) {
      this.weight = Parameter.matrix("W", 1, 1);
      this.weight.values()[0][0] = 3f;
      this.loss = loss;
      this.gradients = gradients;
    }

    @Override
    public int inputSize() {
      return 3;
    }

    @Override
    public int outputSize() {
      return 3;
    }

    @Override
    public double dtMs() {
      return 20;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(weight);
    }

    @Override
    public Loss loss() {
      return Loss.crossEntropy();
    }

    @Override
    public Rollout forward(INDArray inputs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Rollout forward(INDArray inputs, long noiseSeed) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BatchResult computeGradients(Batch batch, double rateL2) {
      weight.gradients()[0][0] = gradients[Math.min(calls++, gradients.length - 1)];
      return new BatchResult(loss, 0, Map.of());
    }
  }
}
