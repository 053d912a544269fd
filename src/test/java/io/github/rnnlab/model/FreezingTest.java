package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingProgress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreezingTest {
  private final PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);

  @Test
  void trainingTheReadoutOnlyLeavesFrozenParametersBitIdentical() {
    Ctrnn net = Ctrnn.forTask(task, 16, 2);
    Freezing.freezeAllExcept(net, "W_out", "b_out");
    assertEquals(List.of("W_out", "b_out"), Freezing.trainableNames(net));
    assertEquals(List.of("W_in", "b_in", "W_rec", "b_rec"), Freezing.frozenNames(net));
    Map<String, float[]> before = snapshot(net);
    Trainer.builder().steps(20).progress(TrainingProgress.silent()).build().train(net, Dataset.of(task, 8, 50, 1));
    Map<String, float[]> after = snapshot(net);
    for (String frozen : Freezing.frozenNames(net)) {
      assertArrayEquals(before.get(frozen), after.get(frozen), frozen + " is frozen");
    }
    assertFalse(Arrays.equals(before.get("W_out"), after.get("W_out")), "W_out trains");
    assertFalse(Arrays.equals(before.get("b_out"), after.get("b_out")), "b_out trains");
  }

  @Test
  void freezingWorksOnAnyNetworkAndCanBeUndone() {
    HierarchicalCtrnn net = HierarchicalCtrnn.builder().inputSize(3).hiddenSize(4).outputSize(3).build();
    Freezing.freeze(net, "m1.W_rec", "m2.W_rec");
    assertEquals(List.of("m1.W_rec", "m2.W_rec"), Freezing.frozenNames(net));
    Freezing.unfreezeAll(net);
    assertTrue(Freezing.frozenNames(net).isEmpty());
    Freezing.freezeAllExcept(net, List.of());
    assertTrue(Freezing.trainableNames(net).isEmpty());
  }

  @Test
  void anUnknownNameIsRejectedAndChangesNothing() {
    Ctrnn net = Ctrnn.forTask(task, 4, 0);
    var e = assertThrows(IllegalArgumentException.class, () -> Freezing.freezeAllExcept(net, "W_out", "fc.weight"));
    assertTrue(e.getMessage().contains("fc.weight") && e.getMessage().contains("W_out"), e.getMessage());
    assertTrue(Freezing.frozenNames(net).isEmpty());
  }

  private static Map<String, float[]> snapshot(RecurrentNetwork net) {
    Map<String, float[]> values = new HashMap<>();
    for (Parameter p : net.parameters()) {
      values.put(p.name(), p.toArray().data().asFloat());
    }
    return values;
  }
}
