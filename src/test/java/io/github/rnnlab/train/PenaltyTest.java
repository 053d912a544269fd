package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.UnitGrid;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Tasks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight penalties: values against their definitions, gradients against finite differences, and their logging. */
class PenaltyTest {
  private static final Task TASK = Tasks.perceptualDecisionMaking(20, 400);

  private static Ctrnn net() {
    return Ctrnn.builder().forTask(TASK).hiddenSize(9).seed(4).build();
  }

  private static void assertGradientMatches(WeightPenalty penalty, String name) {
    PenaltyGradients.assertMatches(penalty, net(), name);
  }

  @Test
  void normPenaltiesAreMeansOfTheirDefinitions() {
    Ctrnn net = net();
    float[][] w = net.parameter("W_rec").values();
    double l1 = 0;
    double l2 = 0;
    for (float[] row : w) {
      for (float v : row) {
        l1 += Math.abs(v);
        l2 += (double) v * v;
      }
    }
    assertEquals(0.3 * l1 / 81, Penalty.l1("W_rec", 0.3).addGradients(net), 1e-9);
    assertEquals(0.3 * l2 / 81, Penalty.l2("W_rec", 0.3).addGradients(net), 1e-9);
    assertGradientMatches(Penalty.l1("W_rec", 0.3), "W_rec");
    assertGradientMatches(Penalty.l2("W_in", 2), "W_in");
  }

  @Test
  void wiringCostWeighsConnectionsByDistance() {
    UnitGrid grid = UnitGrid.of(3, 3);
    assertEquals(Math.sqrt(8), grid.distance(0, 8), 1e-12);
    assertEquals(2, grid.distances()[0][2], 1e-6);
    WeightPenalty cost = Penalty.wiringCost("W_rec", 0.5, grid.distances());
    Ctrnn net = net();
    double expected = 0;
    for (int i = 0; i < 9; i++) {
      for (int j = 0; j < 9; j++) {
        expected += 0.5 * Math.abs(net.parameter("W_rec").get(i, j)) * grid.distance(i, j);
      }
    }
    assertEquals(expected, cost.addGradients(net), 1e-6);
    assertGradientMatches(cost, "W_rec");
    var shape = assertThrows(IllegalArgumentException.class,
        () -> Penalty.wiringCost("W_rec", 1, UnitGrid.of(2, 2).distances()).addGradients(net()));
    assertTrue(shape.getMessage().contains("4 × 4") && shape.getMessage().contains("9 × 9"), shape.getMessage());
  }

  @Test
  void eachTermIsLoggedAndTheWiringCostShortensLongConnections() {
    UnitGrid grid = UnitGrid.of(3, 3);
    Trainer trainer = Trainer.builder().steps(60).progress(TrainingProgress.silent())
        .penalty(Penalty.wiringCost("W_rec", 0.05, grid.distances())).penalty(Penalty.rateL2(0.01)).build();
    TrainingHistory history = trainer.train(net(), Dataset.of(TASK, 8, 60, 2));
    assertEquals(List.of("loss", "task_loss", "wiring_cost", "rate_l2", "step_accuracy", "decision_accuracy"),
        history.seriesNames());
    for (int s = 1; s <= history.steps(); s++) {
      double sum = history.values("task_loss")[s - 1] + history.values("wiring_cost")[s - 1]
          + history.values("rate_l2")[s - 1];
      assertEquals(sum, history.loss(s), 1e-9, "the total is the sum of its terms at step " + s);
    }
    double[] wiring = history.values("wiring_cost");
    assertTrue(wiring[wiring.length - 1] < 0.7 * wiring[0], "the wiring cost falls: " + wiring[0] + " → "
        + wiring[wiring.length - 1]);
  }

  @Test
  void badPenaltiesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Penalty.l1("W_rec", -1));
    assertThrows(IllegalArgumentException.class, () -> Penalty.rateL2(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Penalty.wiringCost("W_rec", 1, new float[][] {{1, 2}, {3}}));
    var unknown = assertThrows(IllegalArgumentException.class, () -> Penalty.l2("W_x", 1).addGradients(net()));
    assertTrue(unknown.getMessage().contains("W_x"), unknown.getMessage());
    var twice = assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder().penalty(Penalty.rateL2(1)).penalty(Penalty.rateL2(2)));
    assertTrue(twice.getMessage().contains("rate_l2"), twice.getMessage());
    assertArrayEquals(new float[] {0, 1}, UnitGrid.of(1, 2).distances()[0]);
  }
}
