package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.analysis.Evaluation;
import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingHistory;
import io.github.rnnlab.train.TrainingProgress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class HierarchicalCtrnnTest {
  private final PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);

  @Test
  void threeModulesByDefaultWithPrefixedNamesAndTutorialShapes() {
    HierarchicalCtrnn net = HierarchicalCtrnn.builder().inputSize(33).hiddenSize(128).outputSize(17).dtMs(20).build();
    assertEquals(3, net.modules());
    assertEquals(List.of("m1.W_in", "m1.b_in", "m1.W_rec", "m1.b_rec", "m2.W_in", "m2.b_in", "m2.W_rec", "m2.b_rec",
        "m3.W_in", "m3.b_in", "m3.W_rec", "m3.b_rec", "W_out", "b_out"),
        net.parameters().stream().map(Parameter::name).toList());
    // The tutorial's printed structure: 33→128, 128→128, 128→128, fc 128→17.
    assertArrayEquals(new long[] {128, 33}, net.parameter("m1.W_in").shape());
    assertArrayEquals(new long[] {128, 128}, net.parameter("m2.W_in").shape());
    assertArrayEquals(new long[] {128, 128}, net.parameter("m3.W_in").shape());
    assertArrayEquals(new long[] {17, 128}, net.parameter("W_out").shape());
    assertEquals(0.2, net.alpha(), 1e-7);
  }

  @Test
  void modulesMayDifferInSize() {
    HierarchicalCtrnn net = HierarchicalCtrnn.builder().inputSize(3).hiddenSizes(8, 6).outputSize(3).build();
    assertEquals(2, net.modules());
    assertEquals(List.of(8, 6), net.hiddenSizes());
    assertArrayEquals(new long[] {6, 8}, net.parameter("m2.W_in").shape());
    assertArrayEquals(new long[] {3, 6}, net.parameter("W_out").shape());
    var rollout = net.forward(Nd4j.rand(5, 2, 3));
    assertArrayEquals(new long[] {5, 2, 6}, rollout.hidden().shape());
    assertArrayEquals(new long[] {5, 2, 3}, rollout.outputs().shape());
  }

  @Test
  void oneModuleIsACtrnn() {
    Ctrnn ctrnn = Ctrnn.builder().inputSize(3).hiddenSize(7).outputSize(3).dtMs(20).tauMs(60).build();
    HierarchicalCtrnn one = HierarchicalCtrnn.builder().inputSize(3).hiddenSize(7).outputSize(3).dtMs(20).tauMs(60)
        .modules(1).build();
    for (int i = 0; i < 6; i++) {
      one.parameters().get(i).set(ctrnn.parameters().get(i).toArray());
    }
    var batch = CtrnnGradientTest.labels(3, false);
    BatchResult a = ctrnn.computeGradients(batch);
    BatchResult b = one.computeGradients(batch);
    assertEquals(a.loss(), b.loss(), 1e-6);
    assertEquals(a.stepAccuracy(), b.stepAccuracy());
    for (int i = 0; i < 6; i++) {
      float[] ga = ctrnn.parameters().get(i).gradientArray().data().asFloat();
      float[] gb = one.parameters().get(i).gradientArray().data().asFloat();
      for (int k = 0; k < ga.length; k++) {
        assertEquals(ga[k], gb[k], 1e-6, one.parameters().get(i).name());
      }
    }
  }

  @Test
  void initialisationFollowsPyTorchLinearAndTheSeed() {
    HierarchicalCtrnn net = HierarchicalCtrnn.builder().inputSize(3).hiddenSize(64).outputSize(3).seed(9).build();
    assertBounded(net.parameter("m1.W_in"), 1 / Math.sqrt(3));
    assertBounded(net.parameter("m1.b_in"), 1 / Math.sqrt(3));
    assertBounded(net.parameter("m2.W_in"), 1 / Math.sqrt(64));
    assertBounded(net.parameter("m3.W_rec"), 1 / Math.sqrt(64));
    assertBounded(net.parameter("W_out"), 1 / Math.sqrt(64));
    HierarchicalCtrnn same = HierarchicalCtrnn.builder().inputSize(3).hiddenSize(64).outputSize(3).seed(9).build();
    assertArrayEquals(net.parameter("m2.W_rec").toArray().data().asFloat(),
        same.parameter("m2.W_rec").toArray().data().asFloat());
    assertNotEquals(net.parameter("m2.W_rec").get(0, 0), net.parameter("m3.W_rec").get(0, 0));
  }

  @Test
  void badSettingsNameTheValue() {
    var missing = assertThrows(IllegalArgumentException.class,
        () -> HierarchicalCtrnn.builder().inputSize(3).outputSize(3).build());
    assertTrue(missing.getMessage().contains("hiddenSize"), missing.getMessage());
    var clash = assertThrows(IllegalArgumentException.class,
        () -> HierarchicalCtrnn.builder().inputSize(3).hiddenSizes(4, 4).modules(3).outputSize(3).build());
    assertTrue(clash.getMessage().contains("modules is 3"), clash.getMessage());
    var module = assertThrows(IllegalArgumentException.class, () -> HierarchicalCtrnn.forTask(task, 4, 0)
        .viewingModule(4));
    assertTrue(module.getMessage().contains("1..3"), module.getMessage());
    var width = assertThrows(IllegalArgumentException.class, () -> HierarchicalCtrnn.forTask(task, 4, 0)
        .forward(Nd4j.zeros(5, 2, 4)));
    assertTrue(width.getMessage().contains("(time, batch, 3)"), width.getMessage());
  }

  @Test
  void copyIsIndependent() {
    HierarchicalCtrnn net = HierarchicalCtrnn.forTask(task, 4, 1);
    HierarchicalCtrnn copy = net.copy();
    assertArrayEquals(net.parameter("m2.W_in").toArray().data().asFloat(),
        copy.parameter("m2.W_in").toArray().data().asFloat());
    copy.parameter("m2.W_in").values()[0][0] += 1;
    assertEquals(net.parameter("m2.W_in").get(0, 0) + 1, copy.parameter("m2.W_in").get(0, 0), 1e-6);
  }

  @Test
  void shortTrainingBeatsChance() {
    // Three leaky modules in a row pass the decision cue on slowly: it needs more steps than a single Ctrnn (at 600
    // steps, seeds 1-3 reach 0.50-0.87; at 1000, 0.85-0.87).
    HierarchicalCtrnn net = HierarchicalCtrnn.forTask(task, 32, 1);
    TrainingHistory history = Trainer.builder().steps(1000).progress(TrainingProgress.silent()).build()
        .train(net, Dataset.of(task, 16, 100, 1));
    assertEquals(1000, history.steps(), () -> "training stopped: " + history);
    assertTrue(history.meanLoss(1000, 50) < 0.5 * history.meanLoss(50, 50), "loss should fall: " + history);
    double accuracy = Evaluation.run(net, task, 300, 101).accuracy();
    assertTrue(accuracy > 0.7, "accuracy " + accuracy + " (chance is 0.5)");
    // Every module's activity is reachable for analysis.
    Evaluation first = Evaluation.run(net.viewingModule(1), task, 10, 101);
    assertEquals(32, first.stackedActivity().size(1));
  }

  private static void assertBounded(Parameter p, double bound) {
    for (float v : p.toArray().data().asFloat()) {
      assertTrue(Math.abs(v) <= bound, p.name() + " value " + v + " outside ±" + bound);
    }
  }
}
