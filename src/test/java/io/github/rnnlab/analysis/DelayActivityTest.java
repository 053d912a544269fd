package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.ShortTermPlasticity;
import io.github.rnnlab.task.Period;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.task.Timing;
import io.github.rnnlab.task.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DelayActivityTest {
  private final Task task = Tasks.create("DelayComparison-v0", 100, Map.of("delay", Timing.constant(800)));

  /**
   * Against scikit-learn 1.x: x[i][u] = sin(1.3i + 0.7u), y[i] = cos(0.9i) + 0.5·x[i][0] for 12 rows and 3 features;
   * {@code Ridge(alpha=0.01·trace(XcᵀXc)/3)} fitted on rows 0, 2, …, 10 (Xc: those rows centred) and
   * {@code r2_score} on rows 1, 3, …, 11 gives 0.36048363426737884.
   */
  @Test
  void crossValidatedR2MatchesScikitLearnsRidge() {
    double[][] x = new double[12][3];
    double[] y = new double[12];
    for (int i = 0; i < 12; i++) {
      for (int u = 0; u < 3; u++) {
        x[i][u] = Math.sin(i * 1.3 + u * 0.7);
      }
      y[i] = Math.cos(i * 0.9) + 0.5 * x[i][0];
    }
    assertEquals(0.36048363426737884, DelayActivity.crossValidatedR2(x, y), 1e-10);
  }

  /**
   * States built by hand on real trials: unit 0 of the "rates" carries v1 and decays as 0.5^k over the delay, unit 1
   * is a constant 2; a second state carries nothing about v1. The mean rate is (v̄1·0.5^k + 2)/2 with v̄1 the mean
   * v1, the rates give v1 back exactly (R² near 1, shrunk only by the 1% ridge), the other state not at all.
   */
  @Test
  void measuresFollowTheStatesStepByStepFromThePeriodsStart() {
    List<Trial> trials = task.trials(1).next(60);
    List<float[][]> rates = new ArrayList<>();
    List<float[][]> silent = new ArrayList<>();
    double meanV1 = 0;
    for (Trial trial : trials) {
      float[][] r = new float[trial.steps()][2];
      float[][] s = new float[trial.steps()][1];
      Period delay = trial.period("delay");
      double v1 = trial.info().get("v1");
      meanV1 += v1 / trials.size();
      for (int t = 0; t < trial.steps(); t++) {
        int k = t - delay.start();
        r[t][0] = (float) (v1 * Math.pow(0.5, Math.max(k, 0)));
        r[t][1] = 2;
        s[t][0] = t;
      }
      rates.add(r);
      silent.add(s);
    }
    Map<String, List<float[][]>> states = new LinkedHashMap<>();
    states.put(DelayActivity.RATE, rates);
    states.put("other", silent);
    DelayActivity d = DelayActivity.of(trials, states, "delay", "v1");
    assertEquals(8, d.steps());
    assertEquals(List.of("rate", "other"), d.states());
    for (int k = 0; k < 8; k++) {
      assertEquals((meanV1 * Math.pow(0.5, k) + 2) / 2, d.meanRate()[k], 1e-4, "step " + k);
      assertTrue(d.decoding("rate")[k] > 0.999, "step " + k + ": " + d.decoding("rate")[k]);
      assertTrue(d.decoding("other")[k] <= 0.01, "nothing to decode: " + d.decoding("other")[k]);
      assertEquals(10 + k, d.mean("other")[k], 1e-6, "the delay starts at step 10");
    }
    assertEquals((meanV1 / 128 + 2) / (meanV1 + 2), d.rateRemaining(), 1e-4);
    Table table = d.toTable();
    assertEquals(List.of("step", "time_ms", "mean_rate", "r2_rate", "mean_other", "r2_other"), table.columnNames());
    assertEquals(800, table.doubleColumn("time_ms").getDouble(7), "the end of the last delay step");
    var unknown = assertThrows(IllegalArgumentException.class, () -> d.decoding("stp_u"));
    assertTrue(unknown.getMessage().contains("[rate, other]"), unknown.getMessage());
    var variable = assertThrows(IllegalArgumentException.class,
        () -> DelayActivity.of(trials, states, "delay", "f1"));
    assertTrue(variable.getMessage().contains("'f1'") && variable.getMessage().contains("v1"), variable.getMessage());
  }

  @Test
  void runReadsTheRatesAndTheSynapsesOfAPlasticNetwork() {
    Ctrnn net = Ctrnn.builder().forTask(task).hiddenSize(12).plasticity(ShortTermPlasticity.facilitating()).seed(2)
        .build();
    DelayActivity d = DelayActivity.run(net, task, 40, 3, "delay", "v1");
    assertEquals(List.of("rate", "stp_u", "stp_x"), d.states());
    // The same trials alone, as Evaluation runs them: the rates of the delay's steps, averaged.
    Evaluation eval = Evaluation.run(net, task, 40, 3);
    float[] all = eval.activity().data().asFloat();
    int steps = eval.trial(0).steps();
    int start = eval.trial(0).period("delay").start();
    double[] expected = new double[8];
    for (int i = 0; i < 40; i++) {
      for (int k = 0; k < 8; k++) {
        for (int u = 0; u < 12; u++) {
          expected[k] += all[(i * steps + start + k) * 12 + u] / (40.0 * 12);
        }
      }
    }
    assertArrayEquals(expected, d.meanRate(), 1e-6);
    for (double u : d.mean("stp_u")) {
      assertTrue(u >= 0.15 && u <= 1, "facilitated utilisation from U = 0.15 up: " + u);
    }
    assertEquals(2, DelayActivity.compare(Map.of("stp", d)).charts().size());
    assertThrows(IllegalArgumentException.class, () -> DelayActivity.run(net, task, 3, 3, "delay", "v1"));
  }
}
