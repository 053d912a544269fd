package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.analysis.Evaluation;
import io.github.rnnlab.data.CostMask;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.task.Tasks;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequential training: stages, tests after each, the same data for every run, consolidation between stages. */
class SequentialTrainingTest {
  private static final SequentialTraining SEQUENCE = SequentialTraining.builder()
      .tasks(ElasticWeightConsolidationTest.SET).stepsPerTask(20).batchSize(4).costMask(CostMask.yang2019()).seed(5)
      .evaluationTrials(40).build();

  @Test
  void eachStageTestsTheTasksSeenSoFar() {
    Ctrnn net = ElasticWeightConsolidationTest.net();
    SequentialResult result = SEQUENCE.train(net, ElasticWeightConsolidationTest.quiet().build());
    assertEquals(List.of("yang19.go", "yang19.anti", "yang19.dm1"), result.taskNames());
    double[][] r = result.accuracy();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(j > i, Double.isNaN(r[i][j]), "tested after stage " + i + ": task " + j);
      }
    }
    for (int j = 0; j < 3; j++) {
      assertEquals(Evaluation.run(net, SEQUENCE.tasks().get(j), 40, 1000 + j).accuracy(), r[2][j],
          "the last row is the trained network's accuracy on each task's test trials");
    }
    TrainingHistory history = result.history();
    assertEquals(60, history.steps());
    assertEquals(List.of(1, 21, 41), history.events().stream().map(TrainingHistory.Event::step).toList());
    assertEquals("stage 2: yang19.anti", history.events().get(1).label());
    double[] stage = history.values(TrainingHistory.STAGE);
    assertEquals(1, stage[19]);
    assertEquals(2, stage[20]);
    assertEquals(3, stage[59]);
  }

  @Test
  void everyRunSeesTheSameDataAndConsolidatesBetweenStages() {
    SequentialResult first = SEQUENCE.train(ElasticWeightConsolidationTest.net(),
        ElasticWeightConsolidationTest.quiet().build());
    SequentialResult second = SEQUENCE.train(ElasticWeightConsolidationTest.net(),
        ElasticWeightConsolidationTest.quiet().build());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(first.accuracy()[i], second.accuracy()[i]);
    }
    assertArrayEquals(first.history().values(TrainingHistory.LOSS), second.history().values(TrainingHistory.LOSS));

    ElasticWeightConsolidation ewc = ElasticWeightConsolidation.builder().strength(100).fisherSequences(8).build();
    IntelligentSynapses synapses = IntelligentSynapses.of(1, 0.01);
    Ctrnn net = ElasticWeightConsolidationTest.net();
    SequentialResult kept = SEQUENCE.train(ElasticWeightConsolidationTest.quiet().penalty(ewc).penalty(synapses)
        .build().session(net));
    assertEquals(2, ewc.tasksConsolidated(), "after every stage but the last");
    assertEquals(2, synapses.tasksConsolidated());
    assertEquals(20, synapses.stepsSinceConsolidation(), "the last stage's path is kept for a next task");
    assertArrayEquals(Arrays.copyOf(first.history().values(TrainingHistory.LOSS), 20),
        Arrays.copyOf(kept.history().values(TrainingHistory.LOSS), 20), "the penalties are 0 in the first stage");
    assertTrue(kept.history().seriesNames().containsAll(List.of("ewc", "intelligent_synapses")));
  }

  @Test
  void badSequencesAreRefused() {
    var empty = assertThrows(IllegalArgumentException.class, () -> SequentialTraining.builder().build());
    assertTrue(empty.getMessage().contains("task list is empty"), empty.getMessage());
    var shapes = assertThrows(IllegalArgumentException.class, () -> SequentialTraining.builder()
        .task(ElasticWeightConsolidationTest.GO).task(Tasks.create("yang19.anti-v0", 100)).build());
    assertTrue(shapes.getMessage().contains("36 inputs") && shapes.getMessage().contains("33"), shapes.getMessage());
    var twice = assertThrows(IllegalArgumentException.class, () -> SequentialTraining.builder()
        .task(ElasticWeightConsolidationTest.GO).task(ElasticWeightConsolidationTest.GO).build());
    assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    var floats = assertThrows(IllegalArgumentException.class,
        () -> SequentialTraining.builder().task(Tasks.create("ReachingDelayResponse-v0")).build());
    assertTrue(floats.getMessage().contains("float targets"), floats.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SequentialTraining.builder().stepsPerTask(0));
    var network = assertThrows(IllegalArgumentException.class, () -> SEQUENCE.train(
        Ctrnn.forTask(Tasks.create("yang19.go-v0", 100), 4, 1), ElasticWeightConsolidationTest.quiet().build()));
    assertTrue(network.getMessage().contains("36 inputs"), network.getMessage());
  }
}
