package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerceptualDecisionMakingTest {

  @ParameterizedTest
  @CsvSource({"10, 10, 200, 0, 10", "20, 5, 100, 0, 5", "100, 1, 20, 0, 1", "30, 3, 66, 0, 3"})
  void periodsAreFlooredToWholeSteps(double dt, int fixation, int stimulus, int delay, int decision) {
    Trial trial = PerceptualDecisionMaking.builder().dtMs(dt).build().trials(1).next();
    assertEquals(fixation, trial.period("fixation").steps());
    assertEquals(stimulus, trial.period("stimulus").steps());
    assertEquals(delay, trial.period("delay").steps());
    assertEquals(decision, trial.period("decision").steps());
    assertEquals(fixation + stimulus + delay + decision, trial.steps());
  }

  @Test
  void tutorialTrialsLastSixtySteps() {
    Trial trial = Tasks.perceptualDecisionMaking(20, 1000).trials(0).next();
    assertEquals(60, trial.steps());
    assertEquals(new Period("stimulus", 5, 55), trial.period("stimulus"));
    assertEquals(new Period("decision", 55, 60), trial.period("decision"));
  }

  @Test
  void fixationIsTheGoCueAndTargetsMarkTheDecision() {
    PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);
    for (Trial trial : task.trials(3).next(20)) {
      Period decision = trial.period("decision");
      for (int t = 0; t < trial.steps(); t++) {
        boolean deciding = decision.contains(t);
        assertEquals(deciding ? 0f : 1f, trial.input(t, 0), "fixation input at step " + t);
        assertEquals(deciding ? 1 + trial.groundTruth() : 0, trial.target(t), "target at step " + t);
        if (!trial.period("stimulus").contains(t)) {
          assertEquals(0f, trial.input(t, 1));
          assertEquals(0f, trial.input(t, 2));
        }
      }
    }
  }

  @Test
  void stimulusMeanFollowsCoherenceAndNoiseHasSigmaOverRootDt() {
    double dt = 20;
    PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(dt, 1000);
    SplittableRandom rng = new SplittableRandom(7);
    for (double coh : task.cohs()) {
      double[] sum = new double[3];
      double[] sumSq = new double[3];
      long n = 0;
      for (int k = 0; k < 400; k++) {
        Trial trial = sampleWith(task, rng, coh);
        Period stim = trial.period("stimulus");
        int gt = trial.groundTruth();
        for (int t = stim.start(); t < stim.end(); t++) {
          // Channel 1 + gt carries the evidence for the correct side, the other channel against it.
          double right = trial.input(t, 1 + gt);
          double wrong = trial.input(t, 2 - gt);
          sum[1] += right;
          sum[2] += wrong;
          sumSq[1] += right * right;
          sumSq[2] += wrong * wrong;
          n++;
        }
      }
      double sigma = 1 / Math.sqrt(dt);
      double stderr = sigma / Math.sqrt(n);
      assertEquals(0.5 + coh / 200, sum[1] / n, 5 * stderr, "mean for the correct side at coh " + coh);
      assertEquals(0.5 - coh / 200, sum[2] / n, 5 * stderr, "mean for the other side at coh " + coh);
      for (int c = 1; c <= 2; c++) {
        double mean = sum[c] / n;
        double sd = Math.sqrt(sumSq[c] / n - mean * mean);
        assertEquals(sigma, sd, 0.05 * sigma, "noise sd at coh " + coh);
      }
    }
  }

  /** Draws trials until one has coherence {@code coh}. */
  private static Trial sampleWith(PerceptualDecisionMaking task, SplittableRandom rng, double coh) {
    while (true) {
      Trial t = task.sampleTrial(rng);
      if (t.info().get("coherence") == coh) {
        return t;
      }
    }
  }

  @Test
  void groundTruthAndCoherenceAreDrawnUniformly() {
    int[] truth = new int[2];
    int zeros = 0;
    List<Trial> trials = Tasks.perceptualDecisionMaking(100, 100).trials(5).next(5000);
    for (Trial t : trials) {
      truth[t.groundTruth()]++;
      zeros += t.info().get("coherence") == 0.0 ? 1 : 0;
    }
    assertEquals(2500, truth[0], 4 * Math.sqrt(5000 * 0.25));
    assertEquals(1000, zeros, 4 * Math.sqrt(5000 * 0.16));
  }

  @Test
  void sameSeedGivesSameTrials() {
    PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);
    List<Trial> a = task.trials(42).next(5);
    List<Trial> b = task.trials(42).next(5);
    List<Trial> c = task.trials(43).next(5);
    for (int i = 0; i < 5; i++) {
      assertEquals(a.get(i).info(), b.get(i).info());
      assertEquals(a.get(i).inputs(), b.get(i).inputs());
    }
    assertTrue(!a.get(0).inputs().equals(c.get(0).inputs()), "another seed gives other trials");
  }

  @Test
  void badSettingsNameTheValueAndWhatIsAllowed() {
    var period = assertThrows(IllegalArgumentException.class,
        () -> PerceptualDecisionMaking.builder().timing("stim", Timing.constant(500)));
    assertTrue(period.getMessage().contains("'stim'") && period.getMessage().contains("[fixation, stimulus, delay, "
        + "decision]"), period.getMessage());
    var dt = assertThrows(IllegalArgumentException.class, () -> PerceptualDecisionMaking.builder().dtMs(0));
    assertTrue(dt.getMessage().contains("dtMs") && dt.getMessage().contains("got 0"), dt.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Timing.constant(-1));
    assertThrows(IllegalArgumentException.class, () -> Timing.uniform(10, 5));
  }
}
