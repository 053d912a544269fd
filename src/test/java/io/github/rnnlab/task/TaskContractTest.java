package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered task promises, in neurogym's own test style (its {@code test_envs} runs every task through
 * the same checks): trial lengths follow the timing, every step lies in a period, inputs are finite, targets are in
 * range, a seed fixes the trials, the ground truth is balanced. Each task runs at its default time step.
 */
class TaskContractTest {
  private static final int TRIALS = 40;

  static List<String> names() {
    return Tasks.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void periodsFollowTheTimingAndCoverEveryStep(String name) {
    Task task = Tasks.create(name);
    for (Trial trial : task.trials(1).next(TRIALS)) {
      int end = 0;
      Set<String> seen = new HashSet<>();
      for (Period p : trial.periods()) {
        assertTrue(task.periodNames().contains(p.name()), name + ": period " + p.name() + " not in "
            + task.periodNames());
        assertTrue(seen.add(p.name()), name + ": period " + p.name() + " twice");
        Timing timing = task.timing().get(p.name());
        if (timing != null) {
          int shortest = Timing.steps(timing.shortestMs(), task.dtMs());
          int longest = Timing.steps(timing.longestMs(), task.dtMs());
          assertTrue(p.steps() >= shortest && p.steps() <= longest, name + ": period " + p + " lasts " + p.steps()
              + " steps; its timing " + timing + " allows " + shortest + ".." + longest);
        }
        end = Math.max(end, p.end());
      }
      assertEquals(end, trial.steps(), name + ": the trial ends with its last period");
      for (int t = 0; t < trial.steps(); t++) {
        int step = t;
        assertTrue(trial.periods().stream().anyMatch(p -> p.contains(step)), name + ": step " + t + " in no period");
      }
      for (Response r : trial.responses()) {
        assertTrue(r.end() <= trial.steps(), name + ": response " + r + " beyond the trial's " + trial.steps());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void channelsInputsAndTargetsAreInRange(String name) {
    Task task = Tasks.create(name);
    assertEquals(task.inputNames().size(), new HashSet<>(task.inputNames()).size(), name + ": input names repeat");
    assertEquals(task.outputNames().size(), new HashSet<>(task.outputNames()).size(), name + ": output names repeat");
    assertFalse(Tasks.description(name).isBlank());
    for (Trial trial : task.trials(2).next(TRIALS)) {
      assertEquals(task.inputSize(), trial.inputSize(), name);
      assertEquals(task.hasLabels(), trial.hasLabels(), name);
      assertEquals(task.hasLabels() ? 1 : task.outputSize(), trial.targetSize(), name);
      for (int t = 0; t < trial.steps(); t++) {
        for (int c = 0; c < trial.inputSize(); c++) {
          assertTrue(Float.isFinite(trial.input(t, c)), name + ": input " + c + " at step " + t);
        }
        if (trial.hasLabels()) {
          assertTrue(trial.target(t) >= 0 && trial.target(t) < task.outputSize(), name + ": target " + trial.target(t)
              + " at step " + t);
        } else {
          for (int c = 0; c < trial.targetSize(); c++) {
            assertTrue(Float.isFinite(trial.targetValue(t, c)), name + ": target " + c + " at step " + t);
          }
        }
      }
      trial.info().forEach((k, v) -> assertTrue(Double.isFinite(v), name + ": trial variable " + k + " = " + v));
      assertTrue(trial.groundTruth() >= -1, name);
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void aSeedFixesTheTrialsAndSeedsDiffer(String name) {
    Task task = Tasks.create(name);
    List<Trial> a = task.trials(7).next(TRIALS / 2);
    List<Trial> b = task.trials(7).next(TRIALS / 2);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).info(), b.get(i).info(), name + " trial " + i);
      assertArrayEquals(a.get(i).inputRows(), b.get(i).inputRows(), name + " trial " + i);
      assertArrayEquals(a.get(i).targetRows(), b.get(i).targetRows(), name + " trial " + i);
    }
    List<Trial> other = task.trials(8).next(TRIALS / 2);
    boolean differ = false;
    for (int i = 0; i < a.size() && !differ; i++) {
      differ = !java.util.Arrays.deepEquals(a.get(i).inputRows(), other.get(i).inputRows());
    }
    assertTrue(differ, name + ": seeds 7 and 8 gave the same trials");
  }

  /** Every value the ground truth takes appears about equally often (within 5 binomial standard deviations). */
  @ParameterizedTest
  @MethodSource("names")
  void groundTruthIsBalanced(String name) {
    Task task = Tasks.create(name);
    int n = 720;
    Map<Integer, Integer> counts = new TreeMap<>();
    for (Trial trial : task.trials(3).next(n)) {
      counts.merge(trial.groundTruth(), 1, Integer::sum);
    }
    if (counts.containsKey(-1)) {
      assertEquals(Map.of(-1, n), counts, name + ": a task without ground truth has none on every trial");
      return;
    }
    int k = counts.size();
    assertEquals(List.copyOf(counts.keySet()), java.util.stream.IntStream.range(0, k).boxed().toList(),
        name + ": ground truths " + counts.keySet());
    double p = 1.0 / k;
    for (var e : counts.entrySet()) {
      assertEquals(n * p, e.getValue(), 5 * Math.sqrt(n * p * (1 - p)), name + ": ground truth " + e.getKey()
          + " in " + counts);
    }
  }
}
