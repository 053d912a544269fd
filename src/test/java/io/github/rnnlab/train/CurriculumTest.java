package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.TrialBatches;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Tasks;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurriculumTest {
  private final Trainer quiet = Trainer.builder().progress(TrainingProgress.silent()).build();

  /** Stage 1 passes at its first check (threshold −1); stage 2 never passes (threshold 2) and runs to maxSteps. */
  @Test
  void stagesAdvanceAtTheirThresholdAndAreRecorded() {
    Task easy = PerceptualDecisionMaking.builder().cohs(List.of(51.2)).build();
    Task hard = Tasks.perceptualDecisionMaking();
    Ctrnn net = Ctrnn.forTask(hard, 16, 1);
    TrainingSession session = quiet.session(net);
    Curriculum curriculum = Curriculum.builder().stage("coherence 51.2", easy, -1).stage("all coherences", hard, 2)
        .checkEvery(20).maxSteps(70).build();
    TrainingHistory history = curriculum.train(session);
    assertEquals(70, history.steps());
    assertEquals(70, session.stepsDone(), "one session, so one optimiser, for all stages");
    double[] stage = history.values(TrainingHistory.STAGE);
    assertEquals(20, Arrays.stream(stage).filter(s -> s == 1).count());
    assertEquals(50, Arrays.stream(stage).filter(s -> s == 2).count());
    double[] performance = history.values(TrainingHistory.PERFORMANCE);
    for (int i = 0; i < 70; i++) {
      boolean check = i == 19 || i == 39 || i == 59 || i == 69;
      assertEquals(check, !Double.isNaN(performance[i]), "performance measured at step " + (i + 1));
    }
    double meanAccuracy = Arrays.stream(history.values(TrainingHistory.Metric.DECISION_ACCURACY), 20, 40)
        .average().orElseThrow();
    assertEquals(meanAccuracy, performance[39], 1e-12, "the default performance: decision accuracy since the check");
    assertEquals(List.of(new TrainingHistory.Event(1, "stage 1: coherence 51.2"),
        new TrainingHistory.Event(21, "stage 2: all coherences")), history.events());
    assertTrue(history.toTable().columnNames().containsAll(List.of("stage", "performance")));
    assertEquals(600, history.plot().toImage().getWidth());
    assertEquals(600, history.plotAccuracy().toImage().getWidth());
  }

  /** Training ends when the last stage passes, with a measure given as a lambda. */
  @Test
  void trainingEndsWhenTheLastStagePasses() {
    Task task = Tasks.create("GoNogo-v0");
    int[] checks = {0};
    Curriculum curriculum = Curriculum.builder().checkEvery(10).maxSteps(1000)
        .performance((net, recent) -> ++checks[0] >= 3 ? 1 : 0)
        .stage("go/no-go", TrialBatches.of(task, 8, 1), 0.5).build();
    TrainingHistory history = curriculum.train(Ctrnn.forTask(task, 8, 1), quiet);
    assertEquals(30, history.steps());
    assertEquals(3, checks[0]);
  }

  @Test
  void badSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Curriculum.builder().build());
    var check = assertThrows(IllegalArgumentException.class, () -> Curriculum.builder().checkEvery(0));
    assertTrue(check.getMessage().contains("checkEvery must be > 0; got 0"), check.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Curriculum.builder().stage("x",
        TrialBatches.of(Tasks.create("GoNogo-v0"), 2, 1), Double.NaN));
  }
}
