package io.github.rnnlab.analysis;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.model.Rollout;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.UnitTracesChart;
import io.github.rnnlab.task.Period;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A trained network's behaviour on fresh trials, as the tutorial measures it: each trial runs alone from a zero
 * hidden state; the choice is the most active output at the trial's last step (0 = fixate, 1 + i = choice i), and
 * the trial is correct when that equals the target there ({@code 1 + ground truth}). Immutable.
 */
public final class Evaluation {
  private final List<Trial> trials;
  private final int[] choices;
  private final boolean[] correct;
  private final float[][][] activity;

  private Evaluation(List<Trial> trials, int[] choices, boolean[] correct, float[][][] activity) {
    this.trials = trials;
    this.choices = choices;
    this.correct = correct;
    this.activity = activity;
  }

  /**
   * Runs {@code network} on {@code count} fresh trials of {@code task} drawn with {@code seed}.
   *
   * @throws IllegalArgumentException if {@code count} is not positive or the network does not fit the task
   */
  public static Evaluation run(RecurrentNetwork network, Task task, int count, long seed) {
    if (count <= 0) {
      throw new IllegalArgumentException("count of trials must be > 0; got " + count);
    }
    if (task.inputSize() != network.inputSize()) {
      throw new IllegalArgumentException("the task has " + task.inputSize() + " inputs but the network has "
          + network.inputSize());
    }
    List<Trial> trials = task.trials(seed).next(count);
    int[] choices = new int[count];
    boolean[] correct = new boolean[count];
    float[][][] activity = new float[count][][];
    // Trials of equal length run together as one batch; each still starts from a zero state.
    Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      byLength.computeIfAbsent(trials.get(i).steps(), k -> new ArrayList<>()).add(i);
    }
    byLength.forEach((steps, members) -> {
      int batch = members.size();
      int nIn = task.inputSize();
      float[] inputs = new float[steps * batch * nIn];
      for (int b = 0; b < batch; b++) {
        Trial trial = trials.get(members.get(b));
        for (int t = 0; t < steps; t++) {
          for (int c = 0; c < nIn; c++) {
            inputs[(t * batch + b) * nIn + c] = trial.input(t, c);
          }
        }
      }
      Rollout rollout = network.forward(Nd4j.create(inputs, new long[] {steps, batch, nIn}, 'c'));
      float[] out = rollout.outputs().data().asFloat();
      float[] hidden = rollout.hidden().data().asFloat();
      int nOut = network.outputSize();
      int units = (int) rollout.hidden().size(2);
      for (int b = 0; b < batch; b++) {
        int i = members.get(b);
        int last = ((steps - 1) * batch + b) * nOut;
        int best = 0;
        for (int o = 1; o < nOut; o++) {
          if (out[last + o] > out[last + best]) {
            best = o;
          }
        }
        choices[i] = best;
        correct[i] = best == trials.get(i).target(steps - 1);
        activity[i] = new float[steps][units];
        for (int t = 0; t < steps; t++) {
          System.arraycopy(hidden, (t * batch + b) * units, activity[i][t], 0, units);
        }
      }
    });
    return new Evaluation(List.copyOf(trials), choices, correct, activity);
  }

  /** The number of trials. */
  public int size() {
    return trials.size();
  }

  /** Trial {@code i}. */
  public Trial trial(int i) {
    return trials.get(i);
  }

  /** The output label chosen at the last step of trial {@code i}. */
  public int choice(int i) {
    return choices[i];
  }

  /** Whether trial {@code i} was answered correctly. */
  public boolean correct(int i) {
    return correct[i];
  }

  /** The fraction of trials answered correctly. */
  public double accuracy() {
    int right = 0;
    for (boolean c : correct) {
      if (c) {
        right++;
      }
    }
    return (double) right / correct.length;
  }

  /**
   * One row per trial: {@code trial}, {@code ground_truth}, then the trial's other variables (for perceptual decision
   * making, {@code coherence}), {@code choice} and {@code correct}.
   */
  public Table toTable() {
    int n = trials.size();
    int[] ids = new int[n];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
      truth[i] = trials.get(i).groundTruth();
    }
    Table table = Table.create("evaluation", IntColumn.create("trial", ids), IntColumn.create("ground_truth", truth));
    for (String variable : trials.get(0).info().keySet()) {
      if (!variable.equals("ground_truth")) {
        table.addColumns(DoubleColumn.create(variable, trials.stream().mapToDouble(t -> value(t, variable))));
      }
    }
    return table.addColumns(IntColumn.create("choice", choices), BooleanColumn.create("correct", correct));
  }

  /**
   * Accuracy per value of a trial variable, e.g. {@code accuracyBy("coherence")}: one row per value, ascending, with
   * {@code trials} and {@code accuracy}.
   *
   * @throws IllegalArgumentException if the trials have no such variable
   */
  public Table accuracyBy(String variable) {
    Map<Double, int[]> counts = new TreeMap<>();
    for (int i = 0; i < trials.size(); i++) {
      int[] c = counts.computeIfAbsent(value(trials.get(i), variable), k -> new int[2]);
      c[0]++;
      c[1] += correct[i] ? 1 : 0;
    }
    return Table.create("accuracy by " + variable,
        DoubleColumn.create(variable, counts.keySet().stream().mapToDouble(Double::doubleValue)),
        IntColumn.create("trials", counts.values().stream().mapToInt(c -> c[0]).toArray()),
        DoubleColumn.create("accuracy", counts.values().stream().mapToDouble(c -> (double) c[1] / c[0])));
  }

  private static double value(Trial trial, String variable) {
    Double v = trial.info().get(variable);
    if (v == null) {
      throw new IllegalArgumentException("unknown trial variable '" + variable + "'; trials have "
          + trial.info().keySet());
    }
    return v;
  }

  /**
   * The hidden activity as (trials, time, units), float32.
   *
   * @throws IllegalStateException if the trials differ in length; use {@link #stackedActivity()}
   */
  public INDArray activity() {
    int steps = activity[0].length;
    for (float[][] a : activity) {
      if (a.length != steps) {
        throw new IllegalStateException("trials differ in length (" + steps + " and " + a.length
            + " steps); use stackedActivity() for (all steps, units)");
      }
    }
    return stacked().reshape('c', activity.length, steps, activity[0][0].length);
  }

  /** The hidden activity of every step of every trial, in trial order: (total steps, units), float32. */
  public INDArray stackedActivity() {
    return stacked();
  }

  /**
   * The hidden activity during {@code period} of every trial, in trial order: (total steps of that period, units),
   * float32; e.g. {@code stackedActivity("delay")} for a PCA of the delay period.
   *
   * @throws IllegalArgumentException if the trials have no such period
   */
  public INDArray stackedActivity(String period) {
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < activity.length; i++) {
      rows.addAll(Arrays.asList(rows(i, period)));
    }
    return rows.isEmpty() ? Nd4j.create(DataType.FLOAT, 0, units()) : Nd4j.create(rows.toArray(new float[0][]));
  }

  /** The hidden activity of trial {@code i}: (steps, units), float32. */
  public INDArray activity(int i) {
    return Nd4j.create(rows(i));
  }

  /**
   * The hidden activity of trial {@code i} during {@code period}: (steps of the period, units), float32.
   *
   * @throws IllegalArgumentException if the trial has no such period, or it has no steps
   */
  public INDArray activity(int i, String period) {
    float[][] rows = rows(i, period);
    if (rows.length == 0) {
      throw new IllegalArgumentException("period '" + period + "' of trial " + i + " has no steps");
    }
    return Nd4j.create(rows);
  }

  /** The number of hidden units whose activity was recorded. */
  public int units() {
    return activity[0][0].length;
  }

  /** Trial {@code i}'s activity rows, [step][unit], not copied. */
  float[][] rows(int i) {
    return activity[Checks.index("trial", i, activity.length)];
  }

  /** Trial {@code i}'s activity rows during {@code period}, [step][unit], not copied. */
  float[][] rows(int i, String period) {
    Period p = trial(Checks.index("trial", i, activity.length)).period(period);
    return Arrays.copyOfRange(activity[i], p.start(), p.end());
  }

  /**
   * The rates of every unit over trial {@code i} against the time step, one line per unit, as the tutorial's EI
   * notebook draws a trial: units grouped in consecutive blocks, e.g. {@code plotActivity(2, List.of("excitatory",
   * "inhibitory"), List.of(40, 10))}, one colour per block.
   *
   * @throws IllegalArgumentException if the block sizes do not add up to the number of units
   */
  public Figure plotActivity(int i, List<String> groupNames, List<Integer> groupSizes) {
    return UnitTracesChart.of("Activity in trial " + i, rows(i), groupNames, groupSizes);
  }

  /** The rates of every unit over trial {@code i} against the time step, one line per unit. */
  public Figure plotActivity(int i) {
    return plotActivity(i, List.of("units"), List.of(units()));
  }

  private INDArray stacked() {
    int units = activity[0][0].length;
    int rows = 0;
    for (float[][] a : activity) {
      rows += a.length;
    }
    float[] flat = new float[rows * units];
    int r = 0;
    for (float[][] a : activity) {
      for (float[] step : a) {
        System.arraycopy(step, 0, flat, r++ * units, units);
      }
    }
    return Nd4j.create(flat, new long[] {rows, units}, 'c').castTo(DataType.FLOAT);
  }

  @Override
  public String toString() {
    return String.format("Evaluation[%d trials, accuracy %.3f]", trials.size(), accuracy());
  }
}
