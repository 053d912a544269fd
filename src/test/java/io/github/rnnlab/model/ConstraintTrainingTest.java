package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dale's signs, masks, fixed synapses and no autapses hold exactly after training; plasticity stays in [0, 1]. */
class ConstraintTrainingTest {
  private static final Task TASK = Tasks.perceptualDecisionMaking(20, 400);

  private static void train(RecurrentNetwork net, int steps) {
    Trainer.builder().steps(steps).learningRate(0.02).progress(TrainingProgress.silent()).build()
        .train(net, Dataset.of(TASK, 8, 60, 1));
  }

  @Test
  void constraintsHoldAfter100TrainingSteps() {
    EiRnn net = EiRnn.builder().forTask(TASK).hiddenSize(20).sigmaRec(0.1).seed(2).build();
    float[][] mask = CtrnnGradientTest.randomMask(20, 3, 5);
    net.parameter("W_in").constrain(WeightConstraint.mask(mask));
    boolean[][] fixed = new boolean[20][20];
    fixed[3][7] = true;
    fixed[12][1] = true;
    net.parameter("W_rec").constrain(WeightConstraint.fixed(fixed));
    float fixed37 = net.parameter("W_rec").get(3, 7);
    float fixed121 = net.parameter("W_rec").get(12, 1);
    float[][] before = net.effectiveRecurrentWeights();
    train(net, 100);
    float[][] eff = net.effectiveRecurrentWeights();
    boolean moved = false;
    for (int r = 0; r < 20; r++) {
      assertEquals(0f, eff[r][r], "no autapse at " + r);
      for (int c = 0; c < 20; c++) {
        float w = eff[r][c];
        assertTrue(net.isExcitatory(c) ? w >= 0 : w <= 0, "Dale's sign of column " + c + ": " + w);
        moved |= w != before[r][c];
      }
      for (int i = 0; i < 3; i++) {
        if (mask[r][i] == 0) {
          assertEquals(0f, net.parameter("W_in").get(r, i), "masked input " + r + "," + i);
        }
      }
    }
    assertTrue(moved, "training changed the weights");
    assertEquals(fixed37, net.parameter("W_rec").get(3, 7), "fixed synapse keeps its value bit for bit");
    assertEquals(fixed121, net.parameter("W_rec").get(12, 1));
  }

  @Test
  void plasticResourcesAndUtilisationStayInTheUnitInterval() {
    Ctrnn net = Ctrnn.builder().forTask(TASK).hiddenSize(16).reluPlacement(ReluPlacement.OUTSIDE)
        .plasticity(ShortTermPlasticity.alternating()).seed(3).build();
    ReferenceNetwork.scaleParameters(net, 3f);
    train(net, 20);
    Rollout r = net.forward(TASK.trials(4).next().inputs().reshape(-1, 1, 3));
    for (String name : List.of("stp_x", "stp_u")) {
      float[] v = r.extra(name).data().asFloat();
      double min = 1;
      double max = 0;
      for (float x : v) {
        assertTrue(x >= 0 && x <= 1, name + " = " + x);
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      assertTrue(max > min, name + " changes with activity");
    }
  }

  @Test
  void constraintsOfTheWrongShapeAreRefused() {
    Ctrnn net = Ctrnn.builder().inputSize(3).hiddenSize(4).outputSize(3).build();
    var mask = assertThrows(IllegalArgumentException.class,
        () -> net.parameter("W_rec").constrain(WeightConstraint.mask(new float[3][4])));
    assertTrue(mask.getMessage().contains("[3, 4]") && mask.getMessage().contains("W_rec"), mask.getMessage());
    var dale = assertThrows(IllegalArgumentException.class,
        () -> net.parameter("W_rec").constrain(WeightConstraint.dale(List.of(true, false))));
    assertTrue(dale.getMessage().contains("one sign per column (4)"), dale.getMessage());
    assertThrows(IllegalArgumentException.class, () -> net.parameter("W_in").constrain(WeightConstraint.noAutapses()));
    var binary = assertThrows(IllegalArgumentException.class,
        () -> WeightConstraint.mask(new float[][] {{0.5f}}));
    assertTrue(binary.getMessage().contains("0 or 1"), binary.getMessage());
  }
}
