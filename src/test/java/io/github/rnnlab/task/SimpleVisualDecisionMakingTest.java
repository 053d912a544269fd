package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rnnlab.plot.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the tutorial's visual task (exercise 8's {@code SimpleVisualDecisionMaking}, reference spec §2) pixel by
 * pixel: a 10 × 10 image per step, the 2 × 2 fixation square ({@code im[4:6, 4:6]}), the vertical
 * ({@code im[2:8, 4:6]}) or horizontal ({@code im[4:6, 2:8]}) bar, N(0, σ²) pixel noise in the stimulus only, a blank
 * decision frame, targets {@code 1 + g} in the decision; and the ideal observer's accuracy against a simulation.
 */
class SimpleVisualDecisionMakingTest {

  /** The clean image of a period: the fixation square, a bar for ground truth g, or nothing. */
  private static float[][] expected(String period, int g) {
    float[][] im = new float[10][10];
    int[] rows = period.equals("fixation") ? new int[] {4, 6} : g == 0 ? new int[] {2, 8} : new int[] {4, 6};
    int[] cols = period.equals("fixation") ? new int[] {4, 6} : g == 0 ? new int[] {4, 6} : new int[] {2, 8};
    if (!period.equals("decision")) {
      for (int r = rows[0]; r < rows[1]; r++) {
        for (int c = cols[0]; c < cols[1]; c++) {
          im[r][c] = 1;
        }
      }
    }
    return im;
  }

  private static String periodAt(Trial trial, int t) {
    return trial.periods().stream().filter(p -> p.contains(t)).findFirst().orElseThrow().name();
  }

  @Test
  void channelsAndPeriodsAtDt100And50() {
    Task task = Tasks.create("tutorial.SimpleVisualDecisionMaking-v0");
    assertEquals(100, task.inputSize());
    assertEquals("pixel 0,0", task.inputNames().get(0));
    assertEquals("pixel 4,7", task.inputNames().get(47), "row by row: channel 10r + c");
    assertEquals(List.of("fixation", "choice 1", "choice 2"), task.outputNames());
    assertEquals(List.of("fixation", "stimulus", "decision"), task.periodNames());
    assertEquals(List.of(1, 3, 1), task.trials(1).next().periods().stream().map(Period::steps).toList());
    Task fine = SimpleVisualDecisionMaking.builder().dtMs(50).build();
    assertEquals(List.of(2, 6, 2), fine.trials(1).next().periods().stream().map(Period::steps).toList());
  }

  @Test
  void everyFrameIsTheSquareTheBarOrBlankAndTheTargetIsTheBar() {
    Task task = SimpleVisualDecisionMaking.builder().dtMs(50).sigma(0).build();
    int[] truths = new int[2];
    for (Trial trial : task.trials(2).next(200)) {
      int g = trial.groundTruth();
      truths[g]++;
      for (int t = 0; t < trial.steps(); t++) {
        String period = periodAt(trial, t);
        float[][] frame = SimpleVisualDecisionMaking.frame(trial, t);
        float[][] want = expected(period, g);
        for (int r = 0; r < 10; r++) {
          assertArrayEquals(want[r], frame[r], "row " + r + " at step " + t + " (" + period + ", g " + g + ")");
          for (int c = 0; c < 10; c++) {
            assertEquals(want[r][c], trial.input(t, 10 * r + c));
          }
        }
        assertEquals(period.equals("decision") ? 1 + g : 0, trial.target(t));
      }
      assertEquals(List.of(Response.choice(trial.period("decision"))), trial.responses());
      assertEquals(g, trial.info().get("ground_truth").intValue());
    }
    assertEquals(100, truths[0], 30, "balanced ground truth: Binomial(200, 1/2), sd 7");
  }

  @Test
  void pixelNoiseIsSigmaUnscaledByDtAndOnlyDuringTheStimulus() {
    for (double dt : new double[] {50, 100}) {
      Task task = SimpleVisualDecisionMaking.builder().dtMs(dt).sigma(1.5).build();
      double sum = 0;
      double sq = 0;
      int n = 0;
      for (Trial trial : task.trials(3).next(100)) {
        for (int t = 0; t < trial.steps(); t++) {
          String period = periodAt(trial, t);
          float[][] want = expected(period, trial.groundTruth());
          for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
              double e = trial.input(t, 10 * r + c) - want[r][c];
              if (period.equals("stimulus")) {
                sum += e;
                sq += e * e;
                n++;
              } else {
                assertEquals(0, e, 0, period + " frames are clean");
              }
            }
          }
        }
      }
      // At least 30 000 draws: the sample sd is within 2% of σ with overwhelming probability.
      double mean = sum / n;
      assertEquals(0, mean, 0.03);
      assertEquals(1.5, Math.sqrt(sq / n - mean * mean), 0.03, "dt " + dt);
    }
  }

  /**
   * The ideal observer against a simulation: on the task's own noisy trials, the sign of (vertical-only minus
   * horizontal-only pixels, summed over k stimulus frames) picks the bar; its accuracy over 6000 trials matches
   * Φ(2√k/σ) within 4 standard errors.
   */
  @Test
  void idealObserverAccuracyMatchesASimulation() {
    SimpleVisualDecisionMaking task = SimpleVisualDecisionMaking.builder().sigma(3).build();
    for (int k = 1; k <= 3; k++) {
      int right = 0;
      int trials = 6000;
      for (Trial trial : task.trials(10 + k).next(trials)) {
        double evidence = 0;
        int s = trial.period("stimulus").start();
        for (int t = s; t < s + k; t++) {
          for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
              boolean verticalOnly = (r < 4 || r >= 6) && r >= 2 && r < 8 && c >= 4 && c < 6;
              boolean horizontalOnly = (c < 4 || c >= 6) && c >= 2 && c < 8 && r >= 4 && r < 6;
              evidence += verticalOnly ? trial.input(t, 10 * r + c) : horizontalOnly ? -trial.input(t, 10 * r + c) : 0;
            }
          }
        }
        right += (evidence > 0 ? 0 : 1) == trial.groundTruth() ? 1 : 0;
      }
      double p = task.idealObserverAccuracy(k);
      double se = Math.sqrt(p * (1 - p) / trials);
      assertEquals(p, (double) right / trials, 4 * se, k + " frames");
    }
    // Φ(2) and Φ(2√3/2) = Φ(1.732), from tables.
    assertEquals(0.97725, SimpleVisualDecisionMaking.builder().sigma(1).build().idealObserverAccuracy(1), 1e-5);
    assertEquals(0.95837, SimpleVisualDecisionMaking.builder().sigma(2).build().idealObserverAccuracy(3), 1e-5);
    assertEquals(1, SimpleVisualDecisionMaking.builder().sigma(0).build().idealObserverAccuracy(1));
    assertThrows(IllegalArgumentException.class, () -> task.idealObserverAccuracy(0));
  }

  @Test
  void framesShowOnePanelPerStepTitledWithTimeAndPeriod() {
    SimpleVisualDecisionMaking task = SimpleVisualDecisionMaking.builder().dtMs(50).sigma(0).build();
    Figure figure = task.plotFrames(4);
    assertEquals(10, figure.charts().size());
    assertEquals("0 ms, fixation", figure.charts().get(0).getTitle());
    assertEquals("100 ms, stimulus", figure.charts().get(2).getTitle());
    assertEquals("450 ms, decision", figure.charts().get(9).getTitle());
    Trial pdm = Tasks.perceptualDecisionMaking().trials(1).next();
    assertThrows(IllegalArgumentException.class, () -> SimpleVisualDecisionMaking.frame(pdm, 0));
  }
}
