package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.BatchSource;
import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step hook: what each step lends, when listeners are called, and that listening changes nothing. */
class StepListenerTest {
  private final PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 400);

  @Test
  void eachStepLendsTheValuesBeforeItAndTheTaskLossGradientThere() {
    Ctrnn net = Ctrnn.forTask(task, 8, 1);
    Batch batch = Dataset.of(task, 4, 30, 2).next();
    BatchSource same = () -> batch;
    Ctrnn probe = net.copy();
    List<Integer> steps = new ArrayList<>();
    StepListener check = step -> {
      steps.add(step.step());
      // The probe follows the network step by step: it holds the values before this step.
      for (Parameter p : probe.parameters()) {
        for (int r = 0; r < p.values().length; r++) {
          assertArrayEquals(p.values()[r], step.before(p.name())[r], "values before step " + step.step());
        }
      }
      probe.computeGradients(batch);
      for (Parameter p : probe.parameters()) {
        for (int r = 0; r < p.values().length; r++) {
          assertArrayEquals(p.gradients()[r], step.gradient(p.name())[r], "the task loss's gradient, without the L2 "
              + "penalty, at step " + step.step());
          System.arraycopy(step.network().parameter(p.name()).values()[r], 0, p.values()[r], 0, p.values()[r].length);
        }
      }
      assertEquals(probe.computeGradients(batch).loss(), step.network().computeGradients(batch).loss(),
          "the network has moved on to the values after the step");
    };
    Trainer trainer = Trainer.builder().steps(5).learningRate(0.05).penalty(Penalty.l2("W_rec", 10))
        .stepListener(check).progress(TrainingProgress.silent()).build();
    TrainingSession session = trainer.session(net);
    session.train(same);
    session.train(same, 3);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), steps, "steps are counted over the whole session");
  }

  @Test
  void listeningChangesNothingAndPenaltiesThatListenHearEveryStepOnce() {
    Ctrnn quiet = Ctrnn.forTask(task, 8, 1);
    Ctrnn heard = Ctrnn.forTask(task, 8, 1);
    int[] calls = new int[2];
    CountingPenalty penalty = new CountingPenalty();
    Trainer.builder().steps(12).progress(TrainingProgress.silent()).build().train(quiet, Dataset.of(task, 4, 30, 2));
    Trainer.builder().steps(12).progress(TrainingProgress.silent()).stepListener(step -> calls[0]++)
        .penalty(penalty).stepListener(penalty).stepListener(step -> calls[1] = step.step()).build()
        .train(heard, Dataset.of(task, 4, 30, 2));
    for (int i = 0; i < quiet.parameters().size(); i++) {
      for (int r = 0; r < quiet.parameters().get(i).values().length; r++) {
        assertArrayEquals(quiet.parameters().get(i).values()[r], heard.parameters().get(i).values()[r]);
      }
    }
    assertEquals(12, calls[0]);
    assertEquals(12, calls[1]);
    assertEquals(12, penalty.heard, "a penalty added as both penalty and listener hears each step once");
    assertThrows(NullPointerException.class, () -> Trainer.builder().stepListener(null));
  }

  @Test
  void aStepThatIsNotAppliedIsNotHeard() {
    Ctrnn net = Ctrnn.forTask(task, 8, 1);
    int[] calls = {0};
    TrainingHistory history = Trainer.builder().steps(5).progress(TrainingProgress.silent())
        .penalty(new CountingPenalty() {
          @Override
          public double addGradients(RecurrentNetwork network) {
            return heard >= 2 ? Double.NaN : 0;
          }
        }).stepListener(step -> calls[0]++).build().train(net, Dataset.of(task, 4, 30, 2));
    assertEquals(2, history.steps());
    assertEquals(2, calls[0]);
  }

  @Test
  void unknownParametersAreNamed() {
    Ctrnn net = Ctrnn.forTask(task, 8, 1);
    List<String> messages = new ArrayList<>();
    Trainer.builder().steps(1).progress(TrainingProgress.silent()).stepListener(step -> messages.add(
        assertThrows(IllegalArgumentException.class, () -> step.gradient("W_x")).getMessage()))
        .build().train(net, Dataset.of(task, 4, 30, 2));
    assertTrue(messages.get(0).contains("W_x") && messages.get(0).contains("W_rec"), messages.toString());
  }

  /** A zero penalty that counts the steps it hears. */
  private static class CountingPenalty implements WeightPenalty, StepListener {
    int heard;

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public double addGradients(RecurrentNetwork network) {
      return 0;
    }

    @Override
    public void stepTaken(TrainingStep step) {
      heard++;
    }
  }
}
