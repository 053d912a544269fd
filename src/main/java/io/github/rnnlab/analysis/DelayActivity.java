package io.github.rnnlab.analysis;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.CostMask;
import io.github.rnnlab.data.TrialBatches;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.model.Rollout;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.LineChart;
import io.github.rnnlab.task.Period;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a network holds during one period of its trials, typically the delay of a working-memory task, step by step
 * from the period's start: how active its units are, and how much of a trial variable (e.g. the first frequency
 * {@code v1} of DelayComparison) a linear readout recovers from the rates, and from every other per-step state the
 * network reports (short-term plasticity's resources {@code stp_x} and utilisation {@code stp_u}). Memory held in the
 * rates (persistent activity) keeps both the activity and the rates' decoding up through the delay; activity-silent
 * memory (Mongillo, Barak &amp; Tsodyks 2008) lets the rates decay while the variable stays decodable from the
 * synapses. Immutable.
 *
 * <p>The readout at each step is ridge regression of the variable on the state across trials, fitted on the
 * even-numbered trials and scored on the odd ones by R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)² (0 or below: nothing recovered
 * beyond the mean; 1: all of it). The ridge is 1% of the mean variance of the state's features, enough to keep
 * silent units and more units than trials harmless. Steps count from the period's start; trials whose period is
 * longer than the shortest one are cut to it.
 *
 * <pre>{@code
 * var delay = DelayActivity.run(net, Tasks.create("DelayComparison-v0", 100, Map.of("delay", Timing.constant(3000))),
 *     400, 5, "delay", "v1");
 * delay.rateRemaining();                 // mean rate at the delay's end over that at its start
 * delay.toTable();                       // step, time_ms, mean_rate, r2_rate, mean_stp_x, r2_stp_x, …
 * }</pre>
 */
public final class DelayActivity {
  /** The name of the rates among the states. */
  public static final String RATE = "rate";
  /** Ridge penalty relative to the mean variance of the features. */
  private static final double RIDGE = 0.01;

  private final String period;
  private final String variable;
  private final double dtMs;
  private final Map<String, double[]> means;
  private final Map<String, double[]> decoding;

  private DelayActivity(String period, String variable, double dtMs, Map<String, double[]> means,
      Map<String, double[]> decoding) {
    this.period = period;
    this.variable = variable;
    this.dtMs = dtMs;
    this.means = means;
    this.decoding = decoding;
  }

  /**
   * Runs {@code network} on {@code count} fresh trials of {@code task} drawn with {@code seed} (each from a zero
   * state, without noise, one trial per batch column) and measures {@code period} against trial variable
   * {@code variable}.
   *
   * @throws IllegalArgumentException if {@code count} is below 4, the network does not fit the task, or the trials
   *     lack the period or the variable
   */
  public static DelayActivity run(RecurrentNetwork network, Task task, int count, long seed, String period,
      String variable) {
    if (count < 4) {
      throw new IllegalArgumentException("count must be at least 4 (half the trials fit the readout, half score it); "
          + "got " + count);
    }
    if (task.inputSize() != network.inputSize()) {
      throw new IllegalArgumentException("the task has " + task.inputSize() + " inputs but the network has "
          + network.inputSize());
    }
    List<Trial> trials = task.trials(seed).next(count);
    Batch batch = TrialBatches.batchOf(trials, CostMask.none());
    Rollout rollout = network.forward(batch.inputs());
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    arrays.put(RATE, rollout.hidden());
    rollout.extraNames().stream().sorted().forEach(name -> arrays.put(name, rollout.extra(name)));
    Map<String, List<float[][]>> states = new LinkedHashMap<>();
    arrays.forEach((name, array) -> {
      float[] flat = array.dup('c').data().asFloat();
      int units = (int) array.size(2);
      List<float[][]> perTrial = new ArrayList<>();
      for (int b = 0; b < count; b++) {
        // (time, batch, units) → trial b's [step][unit], for the steps the trial has (the rest is padding).
        float[][] rows = new float[trials.get(b).steps()][units];
        for (int t = 0; t < rows.length; t++) {
          System.arraycopy(flat, (t * count + b) * units, rows[t], 0, units);
        }
        perTrial.add(rows);
      }
      states.put(name, perTrial);
    });
    return of(trials, states, period, variable);
  }

  /**
   * The measures from per-trial states: {@code states.get(name).get(i)[t][unit]} for trial {@code i} and step
   * {@code t} of the trial, {@link #RATE} first.
   *
   * @throws IllegalArgumentException if the trials lack the period or the variable, or the period is empty
   */
  static DelayActivity of(List<Trial> trials, Map<String, List<float[][]>> states, String period, String variable) {
    int steps = Integer.MAX_VALUE;
    double[] y = new double[trials.size()];
    for (int i = 0; i < trials.size(); i++) {
      Trial trial = trials.get(i);
      steps = Math.min(steps, trial.period(period).steps());
      y[i] = Trials.value(trial, variable);
    }
    if (steps == 0) {
      throw new IllegalArgumentException("period '" + period + "' has no steps in some trials");
    }
    Map<String, double[]> means = new LinkedHashMap<>();
    Map<String, double[]> decoding = new LinkedHashMap<>();
    for (Map.Entry<String, List<float[][]>> e : states.entrySet()) {
      double[] mean = new double[steps];
      double[] r2 = new double[steps];
      for (int k = 0; k < steps; k++) {
        double[][] x = new double[trials.size()][];
        double sum = 0;
        for (int i = 0; i < trials.size(); i++) {
          Period p = trials.get(i).period(period);
          float[] row = e.getValue().get(i)[p.start() + k];
          x[i] = new double[row.length];
          for (int u = 0; u < row.length; u++) {
            x[i][u] = row[u];
            sum += row[u];
          }
        }
        mean[k] = sum / ((double) x.length * x[0].length);
        r2[k] = crossValidatedR2(x, y);
      }
      means.put(e.getKey(), mean);
      decoding.put(e.getKey(), r2);
    }
    return new DelayActivity(period, variable, trials.get(0).dtMs(), means, decoding);
  }

  /**
   * R² of a ridge regression of {@code y} on the rows of {@code x}, fitted on the even rows and scored on the odd
   * ones, each side centred on the fitting rows' means.
   */
  static double crossValidatedR2(double[][] x, double[] y) {
    int p = x[0].length;
    int nFit = (x.length + 1) / 2;
    double[] xMean = new double[p];
    double yMean = 0;
    for (int i = 0; i < x.length; i += 2) {
      for (int u = 0; u < p; u++) {
        xMean[u] += x[i][u] / nFit;
      }
      yMean += y[i] / nFit;
    }
    DMatrixRMaj gram = new DMatrixRMaj(p, p);
    DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
    for (int i = 0; i < x.length; i += 2) {
      for (int u = 0; u < p; u++) {
        double a = x[i][u] - xMean[u];
        rhs.add(u, 0, a * (y[i] - yMean));
        for (int v = 0; v < p; v++) {
          gram.add(u, v, a * (x[i][v] - xMean[v]));
        }
      }
    }
    double trace = 0;
    for (int u = 0; u < p; u++) {
      trace += gram.get(u, u);
    }
    // Relative to the features' mean variance, plus a floor so an all-silent state still solves (to w = 0).
    double ridge = RIDGE * trace / p + 1e-12;
    for (int u = 0; u < p; u++) {
      gram.add(u, u, ridge);
    }
    DMatrixRMaj w = new DMatrixRMaj(p, 1);
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
    if (!solver.setA(gram)) {
      throw new IllegalStateException("the ridge system could not be factored");
    }
    solver.solve(rhs, w);
    double sse = 0;
    double testMean = 0;
    int nTest = x.length / 2;
    for (int i = 1; i < x.length; i += 2) {
      testMean += y[i] / nTest;
    }
    double sst = 0;
    for (int i = 1; i < x.length; i += 2) {
      double prediction = yMean;
      for (int u = 0; u < p; u++) {
        prediction += w.get(u, 0) * (x[i][u] - xMean[u]);
      }
      sse += (y[i] - prediction) * (y[i] - prediction);
      sst += (y[i] - testMean) * (y[i] - testMean);
    }
    return sst == 0 ? Double.NaN : 1 - sse / sst;
  }

  /** The number of steps measured (the shortest period among the trials). */
  public int steps() {
    return means.get(RATE).length;
  }

  /** The states measured: {@link #RATE}, then the network's other per-step states, e.g. {@code stp_u}, by name. */
  public List<String> states() {
    return List.copyOf(means.keySet());
  }

  /** The mean rate over trials and units at each step of the period. */
  public double[] meanRate() {
    return mean(RATE);
  }

  /**
   * The mean of {@code state} over trials and units at each step.
   *
   * @throws IllegalArgumentException if there is no such state
   */
  public double[] mean(String state) {
    return get(means, state).clone();
  }

  /**
   * The cross-validated R² of the variable from {@code state} at each step.
   *
   * @throws IllegalArgumentException if there is no such state
   */
  public double[] decoding(String state) {
    return get(decoding, state).clone();
  }

  /** The mean rate at the period's last step over that at its first: how much of the activity is left (1: all). */
  public double rateRemaining() {
    double[] r = means.get(RATE);
    return r[r.length - 1] / r[0];
  }

  private double[] get(Map<String, double[]> map, String state) {
    double[] v = map.get(state);
    if (v == null) {
      throw new IllegalArgumentException("unknown state '" + state + "'; measured are " + map.keySet());
    }
    return v;
  }

  /**
   * One row per step: {@code step} (from the period's start), {@code time_ms} (at the end of the step, from the
   * period's start), then {@code mean_<state>} and {@code r2_<state>} for each state.
   */
  public Table toTable() {
    int n = steps();
    int[] step = new int[n];
    double[] time = new double[n];
    for (int k = 0; k < n; k++) {
      step[k] = k;
      time[k] = (k + 1) * dtMs;
    }
    Table table = Table.create(period + " activity and " + variable + " decoding", IntColumn.create("step", step),
        DoubleColumn.create("time_ms", time));
    for (String state : means.keySet()) {
      table.addColumns(DoubleColumn.create("mean_" + state, means.get(state)),
          DoubleColumn.create("r2_" + state, decoding.get(state)));
    }
    return table;
  }

  /** The mean rate and the decoding of the variable from each state, against time in the period. */
  public Figure plot() {
    return compare(Map.of("", this));
  }

  /**
   * Several networks side by side, e.g. with and without short-term plasticity: left the mean rate, right the R²
   * of the variable from each network's rates (and from its other states, named "network: state"), against time
   * in the period.
   *
   * @throws IllegalArgumentException if {@code runs} is empty
   */
  public static Figure compare(Map<String, DelayActivity> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("compare needs at least one run");
    }
    DelayActivity first = runs.values().iterator().next();
    LineChart rate = LineChart.of("Mean rate during the " + first.period, "Time in the " + first.period + " (ms)",
        "Mean rate");
    LineChart r2 = LineChart.of("How much of " + first.variable + " a linear readout recovers",
        "Time in the " + first.period + " (ms)", "Cross-validated R²");
    runs.forEach((name, run) -> {
      double[] time = run.toTable().doubleColumn("time_ms").asDoubleArray();
      rate.points(name.isEmpty() ? "mean rate" : name, time, run.means.get(RATE));
      run.decoding.forEach((state, values) -> r2.points(label(name, state), time, values));
    });
    return Figure.row(List.of(rate.chart(), r2.chart()));
  }

  private static String label(String run, String state) {
    String what = state.equals(RATE) ? "rates" : state;
    return run.isEmpty() ? what : run + ": " + what;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DelayActivity[%s, %d steps, %s decoded from %s; rate remaining %.3f]",
        period, steps(), variable, states(), rateRemaining());
  }
}
