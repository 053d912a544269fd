package io.github.rnnlab.analysis;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.ConditionChart;
import io.github.rnnlab.plot.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The activity averaged over the trials of each condition, step by step: a condition is one combination of values of
 * the chosen trial variables (e.g. coherence and ground truth), as the tutorial's supplementary figures average its
 * trials before projecting them on the principal components. Averaging removes the trial-to-trial noise and leaves the
 * path the network takes for each stimulus. Conditions are in ascending order of their values (first variable first).
 * Immutable.
 *
 * <pre>{@code
 * var averages = ConditionAverages.of(eval, List.of("coherence", "ground_truth"));
 * averages.plot(pca);
 * }</pre>
 */
public final class ConditionAverages {
  private final List<String> variables;
  private final List<double[]> values;
  private final int[] trials;
  private final double[][][] activity;
  private final @Nullable String period;

  private ConditionAverages(List<String> variables, List<double[]> values, int[] trials, double[][][] activity,
      @Nullable String period) {
    this.variables = variables;
    this.values = values;
    this.trials = trials;
    this.activity = activity;
    this.period = period;
  }

  /**
   * The average over whole trials of each condition of {@code variables}.
   *
   * @throws IllegalArgumentException if no variable is given, a trial lacks one, or the trials of a condition differ
   *     in length
   */
  public static ConditionAverages of(Evaluation evaluation, List<String> variables) {
    return average(evaluation, variables, null);
  }

  /**
   * The average over the steps of {@code period} (e.g. "delay") of each condition of {@code variables}.
   *
   * @throws IllegalArgumentException if no variable is given, a trial lacks one or the period, or the period differs
   *     in length between the trials of a condition
   */
  public static ConditionAverages of(Evaluation evaluation, List<String> variables, String period) {
    return average(evaluation, variables, period);
  }

  private static ConditionAverages average(Evaluation evaluation, List<String> variables, @Nullable String period) {
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("give at least one trial variable to group the trials by");
    }
    Map<List<Double>, List<Integer>> groups = new TreeMap<>(ConditionAverages::compare);
    for (int i = 0; i < evaluation.size(); i++) {
      List<Double> key = new ArrayList<>();
      for (String v : variables) {
        key.add(Trials.value(evaluation.trial(i), v));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<double[]> values = new ArrayList<>();
    int[] counts = new int[groups.size()];
    double[][][] mean = new double[groups.size()][][];
    int c = 0;
    for (Map.Entry<List<Double>, List<Integer>> g : groups.entrySet()) {
      values.add(g.getKey().stream().mapToDouble(Double::doubleValue).toArray());
      counts[c] = g.getValue().size();
      double[][] sum = null;
      for (int i : g.getValue()) {
        float[][] rows = period == null ? evaluation.rows(i) : evaluation.rows(i, period);
        if (sum == null) {
          sum = new double[rows.length][evaluation.units()];
        } else if (rows.length != sum.length) {
          throw new IllegalArgumentException("the trials of condition " + describe(variables, values.get(c))
              + " differ in length (" + sum.length + " and " + rows.length + " steps" + (period == null ? ""
              : " of " + period) + "); average over a period of fixed length, or evaluate with fixed timing");
        }
        for (int t = 0; t < rows.length; t++) {
          for (int u = 0; u < rows[t].length; u++) {
            sum[t][u] += rows[t][u];
          }
        }
      }
      for (double[] step : sum) {
        for (int u = 0; u < step.length; u++) {
          step[u] /= counts[c];
        }
      }
      mean[c++] = sum;
    }
    return new ConditionAverages(List.copyOf(variables), values, counts, mean, period);
  }

  private static int compare(List<Double> a, List<Double> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Double.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** The number of conditions. */
  public int size() {
    return trials.length;
  }

  /** The variables that define the conditions. */
  public List<String> variables() {
    return variables;
  }

  /** The values of the variables in condition {@code c}, in the order of {@link #variables()}. */
  public double[] values(int c) {
    return values.get(Checks.index("condition", c, trials.length)).clone();
  }

  /** The averaged activity of condition {@code c}: (steps, units), float64. */
  public INDArray activity(int c) {
    return Nd4j.create(activity[Checks.index("condition", c, trials.length)]);
  }

  /** One row per condition: {@code condition}, one column per variable, {@code trials} and {@code steps}. */
  public Table toTable() {
    Table t = Table.create("conditions", IntColumn.create("condition", range(trials.length)));
    for (int v = 0; v < variables.size(); v++) {
      int k = v;
      t.addColumns(DoubleColumn.create(variables.get(v), values.stream().mapToDouble(x -> x[k])));
    }
    return t.addColumns(IntColumn.create("trials", trials),
        IntColumn.create("steps", Arrays.stream(activity).mapToInt(a -> a.length).toArray()));
  }

  /**
   * The averages projected on the first two components of {@code pca}: one row per condition and step, with
   * {@code condition}, the variables, {@code step} (from the start of the trial or the period), {@code pc1},
   * {@code pc2}.
   */
  public Table projectionTable(Pca pca) {
    Table t = Table.create("condition averages in PCA space", IntColumn.create("condition"));
    variables.forEach(v -> t.addColumns(DoubleColumn.create(v)));
    t.addColumns(IntColumn.create("step"), DoubleColumn.create("pc1"), DoubleColumn.create("pc2"));
    for (int c = 0; c < trials.length; c++) {
      double[][] pcs = project(pca, c);
      for (int s = 0; s < pcs.length; s++) {
        t.intColumn("condition").append(c);
        for (int v = 0; v < variables.size(); v++) {
          t.doubleColumn(variables.get(v)).append(values.get(c)[v]);
        }
        t.intColumn("step").append(s);
        t.doubleColumn("pc1").append(pcs[s][0]);
        t.doubleColumn("pc2").append(pcs[s][1]);
      }
    }
    return t;
  }

  /**
   * Each condition's average in the plane of the first two components of {@code pca}, with a triangle at its start.
   * The first variable sets the shade (light for its smallest value, dark for its largest), the second, if any, the
   * hue (e.g. coherence and ground truth, as the tutorial colours its decision-making trajectories).
   */
  public Figure plot(Pca pca) {
    Map<Double, Integer> shadeRank = ranks(0);
    Map<Double, Integer> hueRank = variables.size() > 1 ? ranks(1) : Map.of();
    List<ConditionChart.Curve> curves = new ArrayList<>();
    for (int c = 0; c < trials.length; c++) {
      double[][] pcs = project(pca, c);
      double[] v = values.get(c);
      double shade = shadeRank.size() == 1 ? 1 : (double) shadeRank.get(v[0]) / (shadeRank.size() - 1);
      int hue = variables.size() > 1 ? hueRank.get(v[1]) : 0;
      curves.add(new ConditionChart.Curve(describe(variables, v), hue, shade,
          Arrays.stream(pcs).mapToDouble(p -> p[0]).toArray(), Arrays.stream(pcs).mapToDouble(p -> p[1]).toArray()));
    }
    String title = "Averages by " + String.join(" and ", variables) + (period == null ? "" : ", " + period);
    return ConditionChart.of(title, "PC 1", "PC 2", curves);
  }

  private Map<Double, Integer> ranks(int variable) {
    TreeSet<Double> distinct = new TreeSet<>();
    values.forEach(v -> distinct.add(v[variable]));
    Map<Double, Integer> rank = new LinkedHashMap<>();
    for (double d : distinct) {
      rank.put(d, rank.size());
    }
    return rank;
  }

  private double[][] project(Pca pca, int c) {
    double[][] pcs = pca.transform(Nd4j.create(activity[c])).toDoubleMatrix();
    if (pca.components() < 2) {
      for (int s = 0; s < pcs.length; s++) {
        pcs[s] = new double[] {pcs[s][0], 0};
      }
    }
    return pcs;
  }

  private static String describe(List<String> variables, double[] values) {
    List<String> parts = new ArrayList<>();
    for (int v = 0; v < variables.size(); v++) {
      double x = values[v];
      parts.add(variables.get(v) + " " + (x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x)));
    }
    return String.join(", ", parts);
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  @Override
  public String toString() {
    return "ConditionAverages[" + trials.length + " conditions of " + variables + (period == null ? ""
        : ", " + period) + "]";
  }
}
