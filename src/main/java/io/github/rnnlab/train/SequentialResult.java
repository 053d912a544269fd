package io.github.rnnlab.train;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.LabelledHeatmap;
import io.github.rnnlab.plot.LineChart;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What training on tasks one after another did ({@link SequentialTraining}): the accuracy matrix {@code R}, where
 * {@code R[i][j]} is the accuracy on task {@code j} after training on tasks {@code 0..i} (Lopez-Paz &amp; Ranzato
 * 2017, "Gradient episodic memory for continual learning", NeurIPS), NaN where task {@code j} was not tested (not seen
 * yet), and the usual measures of forgetting over {@code T} tasks:
 *
 * <ul>
 *   <li>{@link #averageAccuracy()}: {@code ACC = (1/T) Σ_j R[T−1][j]}, the mean accuracy after the last stage;</li>
 *   <li>{@link #backwardTransfer()}: {@code BWT = 1/(T−1) Σ_{j<T−1} (R[T−1][j] − R[j][j])}, how much learning the
 *       later tasks changed the accuracy on each earlier task since it was learned (negative: forgetting);</li>
 *   <li>{@link #forgetting()}: {@code F = 1/(T−1) Σ_{j<T−1} (max_{l<T−1} R[l][j] − R[T−1][j])}, the mean drop from the
 *       best accuracy each earlier task ever had (Chaudhry et al. 2018, "Riemannian walk for incremental learning",
 *       ECCV).</li>
 * </ul>
 * Stages and tasks are indexed from 0 in the API, as arrays are; tables and charts number stages from 1, as training
 * histories count steps. Immutable.
 */
public final class SequentialResult {
  private final List<String> tasks;
  private final double[][] accuracy;
  private final TrainingHistory history;

  SequentialResult(List<String> tasks, double[][] accuracy, TrainingHistory history) {
    this.tasks = List.copyOf(tasks);
    this.accuracy = copy(accuracy);
    this.history = history;
  }

  /**
   * A result from an accuracy matrix measured elsewhere, e.g. to compute the measures of a published run:
   * {@code accuracy[i][j]} is the accuracy on task {@code j} after stage {@code i}, NaN if not measured. Its history
   * is empty.
   *
   * @throws IllegalArgumentException if there are no tasks, a name repeats, the matrix is not {@code T × T} for
   *     {@code T} tasks, or an entry is neither NaN nor in [0, 1]
   */
  public static SequentialResult of(List<String> tasks, double[][] accuracy) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("a sequential result needs at least one task; the task list is empty");
    }
    if (tasks.stream().distinct().count() < tasks.size()) {
      throw new IllegalArgumentException("task names must differ; got " + tasks);
    }
    int n = tasks.size();
    if (accuracy.length != n) {
      throw new IllegalArgumentException("the accuracy matrix needs one row per stage, " + n + " for tasks " + tasks
          + "; got " + accuracy.length);
    }
    for (int i = 0; i < n; i++) {
      if (accuracy[i].length != n) {
        throw new IllegalArgumentException("row " + i + " of the accuracy matrix needs one entry per task, " + n
            + "; got " + accuracy[i].length);
      }
      for (int j = 0; j < n; j++) {
        double a = accuracy[i][j];
        if (!Double.isNaN(a) && !(a >= 0 && a <= 1)) {
          throw new IllegalArgumentException("accuracy[" + i + "][" + j + "] must be NaN or lie in [0, 1]; got " + a);
        }
      }
    }
    return new SequentialResult(tasks, accuracy, Trainer.emptyHistory());
  }

  /** The task names, in training order. */
  public List<String> taskNames() {
    return tasks;
  }

  /** The number of tasks, which is also the number of stages. */
  public int size() {
    return tasks.size();
  }

  /** A copy of the accuracy matrix: row {@code i} after stage {@code i}, column {@code j} for task {@code j}. */
  public double[][] accuracy() {
    return copy(accuracy);
  }

  /**
   * The accuracy on task {@code task} after stage {@code stage} (both from 0), NaN if it was not tested.
   *
   * @throws IllegalArgumentException if an index is out of range
   */
  public double accuracy(int stage, int task) {
    return accuracy[Checks.index("stage", stage, size())][Checks.index("task", task, size())];
  }

  /** ACC: the mean accuracy over all tasks after the last stage (NaN if a task was not tested then). */
  public double averageAccuracy() {
    return Arrays.stream(accuracy[size() - 1]).average().orElse(Double.NaN);
  }

  /** The mean accuracy over the tasks seen so far, after each stage: {@code (1/(i+1)) Σ_{j<=i} R[i][j]}. */
  public double[] averageAccuracyByStage() {
    return IntStream.range(0, size()).mapToDouble(i -> Arrays.stream(accuracy[i], 0, i + 1).average().orElseThrow())
        .toArray();
  }

  /** BWT (Lopez-Paz &amp; Ranzato 2017); negative when later tasks made the earlier ones worse; NaN for one task. */
  public double backwardTransfer() {
    int last = size() - 1;
    return IntStream.range(0, last).mapToDouble(j -> accuracy[last][j] - accuracy[j][j]).average().orElse(Double.NaN);
  }

  /** Forgetting (Chaudhry et al. 2018): the mean drop from each earlier task's best accuracy; NaN for one task. */
  public double forgetting() {
    int last = size() - 1;
    return IntStream.range(0, last).mapToDouble(j -> IntStream.range(j, last).mapToDouble(l -> accuracy[l][j]).max()
        .orElseThrow() - accuracy[last][j]).average().orElse(Double.NaN);
  }

  /**
   * The training history of the whole sequence, with the series {@code stage} (the stage of each step, from 1) and an
   * event at the start of each stage, which its charts mark; empty for a result made with {@link #of}.
   */
  public TrainingHistory history() {
    return history;
  }

  /** One row per tested (stage, task): {@code stage} (from 1), {@code trained_on}, {@code task}, {@code accuracy}. */
  public Table toTable() {
    Table table = Table.create("accuracy after each stage", IntColumn.create("stage"),
        StringColumn.create("trained_on"), StringColumn.create("task"), DoubleColumn.create("accuracy"));
    for (int i = 0; i < size(); i++) {
      for (int j = 0; j < size(); j++) {
        if (!Double.isNaN(accuracy[i][j])) {
          table.intColumn("stage").append(i + 1);
          table.stringColumn("trained_on").append(tasks.get(i));
          table.stringColumn("task").append(tasks.get(j));
          table.doubleColumn("accuracy").append(accuracy[i][j]);
        }
      }
    }
    return withDecimals(table);
  }

  /** The matrix as a wide table: a row per stage ({@code after}: {@code "1: go"}, …), a column per task. */
  public Table accuracyTable() {
    Table table = Table.create("accuracy (rows: after training on; columns: task)",
        StringColumn.create("after", stageNames(tasks)));
    for (int j = 0; j < size(); j++) {
      int task = j;
      table.addColumns(DoubleColumn.create(tasks.get(j), IntStream.range(0, size()).mapToDouble(i -> accuracy[i][task])
          .toArray()));
    }
    return withDecimals(table);
  }

  /**
   * The stage × task accuracy as a heat map, values written in the cells, colours from 0 to 1. Charts leave out a
   * prefix that every task name shares up to a dot ({@code yang19.go} shows as {@code go}).
   */
  public Figure plot() {
    return Figure.of(heatmap("Accuracy after each stage"));
  }

  /** The accuracy on each task after each stage from the one that trained it, and the mean over the tasks seen. */
  public Figure plotLines() {
    List<String> names = chartNames();
    LineChart chart = LineChart.of("Accuracy on each task after each stage", "Stage (tasks trained so far)",
        "Accuracy");
    for (int j = 0; j < size(); j++) {
      addFrom(chart, names.get(j), j);
    }
    chart.line("mean over the tasks seen", stageAxis(0), averageAccuracyByStage());
    return Figure.of(stageAxes(chart.chart(), size()));
  }

  /**
   * The heat maps of several runs side by side (e.g. plain training, EWC, intelligent synapses), each titled with
   * its key, on one colour scale, in the map's order (a {@code LinkedHashMap} keeps the order it was filled in).
   *
   * @throws IllegalArgumentException if {@code runs} is empty
   */
  public static Figure compare(Map<String, SequentialResult> runs) {
    requireRuns(runs);
    List<HeatMapChart> charts = new ArrayList<>();
    runs.forEach((name, run) -> charts.add(run.heatmap(name)));
    return Figure.row(charts);
  }

  /**
   * One chart per task of the first run: its accuracy after each stage from the one that trained it, a line per run
   * (the runs must train the same tasks in the same order).
   *
   * @throws IllegalArgumentException if {@code runs} is empty or the runs differ in their tasks
   */
  public static Figure compareLines(Map<String, SequentialResult> runs) {
    SequentialResult first = requireRuns(runs);
    runs.forEach((name, run) -> {
      if (!run.tasks.equals(first.tasks)) {
        throw new IllegalArgumentException("run '" + name + "' trained " + run.tasks + ", not " + first.tasks);
      }
    });
    List<String> names = first.chartNames();
    List<XYChart> charts = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      LineChart chart = LineChart.of(names.get(j) + " (trained in stage " + (j + 1) + ")", "Stage", "Accuracy")
          .size(420, 300);
      for (Map.Entry<String, SequentialResult> run : runs.entrySet()) {
        run.getValue().addFrom(chart, run.getKey(), j);
      }
      charts.add(stageAxes(chart.chart(), names.size()));
    }
    return Figure.grid(charts, Math.min(2, charts.size()));
  }

  /**
   * The measures of several runs: {@code run}, {@code average_accuracy}, {@code backward_transfer},
   * {@code forgetting}.
   *
   * @throws IllegalArgumentException if {@code runs} is empty
   */
  public static Table summary(Map<String, SequentialResult> runs) {
    requireRuns(runs);
    Table table = Table.create("continual learning", StringColumn.create("run"),
        DoubleColumn.create("average_accuracy"), DoubleColumn.create("backward_transfer"),
        DoubleColumn.create("forgetting"));
    runs.forEach((name, run) -> {
      table.stringColumn("run").append(name);
      table.doubleColumn("average_accuracy").append(run.averageAccuracy());
      table.doubleColumn("backward_transfer").append(run.backwardTransfer());
      table.doubleColumn("forgetting").append(run.forgetting());
    });
    return withDecimals(table);
  }

  /** Shows every double column with 3 decimals (the values keep every digit) and missing values as blanks. */
  private static Table withDecimals(Table table) {
    for (var column : table.columns()) {
      if (column instanceof DoubleColumn d) {
        d.setPrintFormatter(new DecimalFormat("0.000", DecimalFormatSymbols.getInstance(Locale.ROOT)), "");
      }
    }
    return table;
  }

  private static SequentialResult requireRuns(Map<String, SequentialResult> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("needs at least one run; got none");
    }
    return runs.values().iterator().next();
  }

  private HeatMapChart heatmap(String title) {
    List<String> names = chartNames();
    return LabelledHeatmap.chart(title, "Task", "After training on", stageNames(names), names, accuracy, 0, 1);
  }

  /**
   * The task names for charts: without a prefix that all of them share up to a dot ({@code yang19.go} → {@code go}),
   * which would only crowd the axes.
   */
  private List<String> chartNames() {
    String first = tasks.get(0);
    int cut = first.lastIndexOf('.') + 1;
    while (cut > 0) {
      String prefix = first.substring(0, cut);
      if (tasks.stream().allMatch(t -> t.startsWith(prefix) && t.length() > prefix.length())) {
        break;
      }
      cut = first.lastIndexOf('.', cut - 2) + 1;
    }
    int length = cut;
    return tasks.stream().map(t -> t.substring(length)).toList();
  }

  /** Adds the accuracy on task {@code j} from stage {@code j} on, as a curve named {@code name}. */
  private void addFrom(LineChart chart, String name, int j) {
    double[] y = IntStream.range(j, size()).mapToDouble(i -> accuracy[i][j]).toArray();
    chart.points(name, stageAxis(j), y);
  }

  /** Stages 1 to {@code stages} on the x axis, labelled at whole stages only; accuracy from 0 to 1 on the y axis. */
  private static XYChart stageAxes(XYChart chart, int stages) {
    // Ticks at least 80 px apart fall on whole stages for the few stages a sequence has.
    chart.getStyler().setXAxisMin(0.75).setXAxisMax(stages + 0.25).setYAxisMin(0.0).setYAxisMax(1.0)
        .setXAxisTickMarkSpacingHint(80).setXAxisDecimalPattern("0");
    return chart;
  }

  /** Stage numbers from {@code from + 1} to {@code T}. */
  private double[] stageAxis(int from) {
    return IntStream.rangeClosed(from + 1, size()).asDoubleStream().toArray();
  }

  /** {@code "1: go"}, {@code "2: anti"}, …: each stage by its number and the task it trained. */
  private static List<String> stageNames(List<String> names) {
    return IntStream.range(0, names.size()).mapToObj(i -> (i + 1) + ": " + names.get(i)).toList();
  }

  private static double[][] copy(double[][] m) {
    return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SequentialResult[%s: average accuracy %.3f, backward transfer %.3f, "
        + "forgetting %.3f]", tasks, averageAccuracy(), backwardTransfer(), forgetting());
  }
}
