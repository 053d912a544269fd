package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins {@code DelayComparison-v0} against neurogym's definition (neurogym/envs/native/delaycomparison.py, and the
 * neurogym-facts table observed by running it): channels, periods at dt 100 and 20, the stimulus code
 * {@code (1 + (v − 10)/24)/2} on every step of both stimuli, the fixation input, the targets, the frequency pairs,
 * the noise N(0, 1/dt) on the stimulus only, and the delay as a trial variable.
 */
class DelayComparisonTest {
  private static final List<double[]> PAIRS = List.of(new double[] {18, 10}, new double[] {22, 14},
      new double[] {26, 18}, new double[] {30, 22}, new double[] {34, 26});

  private static double code(double v) {
    return (1 + (v - 10) / 24) / 2;
  }

  @Test
  void channelsAndPeriodsAreNeurogyms() {
    Task task = Tasks.create("DelayComparison-v0");
    assertEquals(List.of("fixation", "stimulus"), task.inputNames());
    assertEquals(List.of("fixation", "choice 1", "choice 2"), task.outputNames());
    assertEquals(List.of("fixation", "stimulus1", "delay", "stimulus2", "decision"), task.periodNames());
    assertEquals(100, task.dtMs());
    Trial trial = task.trials(1).next();
    int[] starts = {0, 5, 10, 20, 25};
    int[] lengths = {5, 5, 10, 5, 1};
    for (int k = 0; k < starts.length; k++) {
      Period p = trial.periods().get(k);
      assertEquals(starts[k], p.start(), p.name());
      assertEquals(lengths[k], p.steps(), p.name());
    }
    assertEquals(26, trial.steps());
    // neurogym at dt 20: 25/25/50/25/5 steps, 130 in all.
    Trial fine = Tasks.create("DelayComparison-v0", 20).trials(1).next();
    assertEquals(List.of(25, 25, 50, 25, 5), fine.periods().stream().map(Period::steps).toList());
    assertEquals(130, fine.steps());
  }

  @Test
  void everyStepCarriesTheFrequencyCodeTheFixationCueAndTheTarget() {
    Task task = DelayComparison.builder().sigma(0).build();
    for (Trial trial : task.trials(2).next(40)) {
      double v1 = trial.info().get("v1");
      double v2 = trial.info().get("v2");
      int g = trial.groundTruth();
      Period decision = trial.period("decision");
      for (int t = 0; t < trial.steps(); t++) {
        assertEquals(decision.contains(t) ? 0 : 1, trial.input(t, 0), 0, "fixation at step " + t);
        double stimulus = trial.period("stimulus1").contains(t) ? code(v1)
            : trial.period("stimulus2").contains(t) ? code(v2) : 0;
        assertEquals(stimulus, trial.input(t, 1), 1e-6, "stimulus at step " + t);
        assertEquals(decision.contains(t) ? 1 + g : 0, trial.target(t), "target at step " + t);
      }
      assertEquals(List.of(Response.choice(decision)), trial.responses());
    }
    assertEquals(0.5, code(10));
    assertEquals(1.0, code(34));
  }

  @Test
  void pairsComeFromVpairsAndTheGroundTruthSaysWhichWasLarger() {
    Map<String, Integer> counts = new HashMap<>();
    int[] truths = new int[2];
    for (Trial trial : Tasks.create("DelayComparison-v0").trials(3).next(1000)) {
      double v1 = trial.info().get("v1");
      double v2 = trial.info().get("v2");
      int g = trial.groundTruth();
      // neurogym's ground truth 1 (here 0) is "the first was larger"; 2 (here 1) swaps the pair.
      assertEquals(v1 > v2 ? 0 : 1, g);
      assertEquals(g, trial.info().get("ground_truth").intValue());
      double high = Math.max(v1, v2);
      double low = Math.min(v1, v2);
      assertTrue(PAIRS.stream().anyMatch(p -> p[0] == high && p[1] == low), v1 + ", " + v2);
      counts.merge(high + "/" + low, 1, Integer::sum);
      truths[g]++;
    }
    assertEquals(5, counts.size());
    // Binomial(1000, 1/5): mean 200, sd 12.6; Binomial(1000, 1/2): mean 500, sd 15.8.
    counts.values().forEach(n -> assertEquals(200, n, 60));
    assertEquals(500, truths[0], 80);
  }

  @Test
  void noiseIsOnTheStimulusChannelOnlyWithVarianceOneOverDt() {
    double[] sum = new double[2];
    double[] sq = new double[2];
    int n = 0;
    Task task = Tasks.create("DelayComparison-v0");
    for (Trial trial : task.trials(4).next(400)) {
      double v1 = trial.info().get("v1");
      for (int t = 0; t < trial.steps(); t++) {
        if (trial.period("stimulus1").contains(t)) {
          double e = trial.input(t, 1) - code(v1);
          sum[0] += e;
          sq[0] += e * e;
          n++;
        }
        assertEquals(trial.period("decision").contains(t) ? 0 : 1, trial.input(t, 0), 0, "clean fixation cue");
        if (trial.period("delay").contains(t) || trial.period("fixation").contains(t)) {
          assertEquals(0, trial.input(t, 1), 0, "no noise outside the stimuli");
        }
      }
    }
    // σ/√dt = 1/√100 = 0.1 per step; the sample sd of 2000 draws is within 5% of it about 98% of the time.
    double mean = sum[0] / n;
    assertEquals(0, mean, 0.01);
    assertEquals(0.1, Math.sqrt(sq[0] / n - mean * mean), 0.005);
  }

  @Test
  void theDelayIsATrialVariableThatFollowsTheTimingFloored() {
    List<Double> delays = List.of(200.0, 400.0, 800.0, 1600.0, 3200.0);
    Task task = Tasks.create("DelayComparison-v0", 100, Map.of("delay", Timing.choice(delays)));
    Set<Double> seen = new java.util.TreeSet<>();
    for (Trial trial : task.trials(5).next(200)) {
      double delay = trial.info().get("delay");
      assertEquals(trial.period("delay").steps() * 100.0, delay);
      seen.add(delay);
      assertEquals(16 + trial.period("delay").steps(), trial.steps());
    }
    assertEquals(Set.copyOf(delays), seen);
    Trial floored = Tasks.create("DelayComparison-v0", 100, Map.of("delay", Timing.constant(250))).trials(6).next();
    assertEquals(200.0, floored.info().get("delay"), "250 ms floors to 2 steps of 100 ms");
  }
}
