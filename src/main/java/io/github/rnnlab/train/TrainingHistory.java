package io.github.rnnlab.train;

import io.github.rnnlab.plot.Charts;
import io.github.rnnlab.plot.Figure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What happened at every training step, as named series: {@code loss} (the total training loss), and, when the loss
 * has extra terms, {@code task_loss} and one series per penalty (e.g. {@code wiring_cost}); then the loss's measures
 * ({@code step_accuracy} and {@code decision_accuracy} for cross-entropy). Also the wall-clock time of the loop and
 * why it stopped early, if it did. Steps are counted from 1, as progress prints them. A {@link Curriculum} adds
 * the series {@code stage} (the stage of each step, from 1) and {@code performance} (the measured performance at each
 * check, NaN between checks), and an {@link Event} at the start of each stage, which the charts mark. Immutable.
 */
public final class TrainingHistory {
  private final Map<String, double[]> series;
  private final double seconds;
  private final @Nullable String stopReason;
  private final List<Event> events;

  TrainingHistory(Map<String, double[]> series, double seconds, @Nullable String stopReason) {
    this(series, seconds, stopReason, List.of());
  }

  TrainingHistory(Map<String, double[]> series, double seconds, @Nullable String stopReason, List<Event> events) {
    Map<String, double[]> copy = new LinkedHashMap<>();
    series.forEach((name, values) -> copy.put(name, values.clone()));
    if (!copy.containsKey(LOSS)) {
      throw new IllegalArgumentException("a history needs a '" + LOSS + "' series; got " + series.keySet());
    }
    this.series = Collections.unmodifiableMap(copy);
    this.seconds = seconds;
    this.stopReason = stopReason;
    this.events = List.copyOf(events);
  }

  /**
   * Something that happened at a training step, e.g. the start of a curriculum stage.
   *
   * @param step the step, counted from 1
   * @param label what happened, e.g. {@code "stage 2: coherence 25.6"}
   */
  public record Event(int step, String label) {}

  /** The name of the series of curriculum stages. */
  public static final String STAGE = "stage";

  /** The name of the series of measured performance (NaN between measurements). */
  public static final String PERFORMANCE = "performance";

  /** The name of the total-loss series. */
  public static final String LOSS = "loss";

  private static final BasicStroke DASHED =
      new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f}, 0f);

  /** The number of completed steps. */
  public int steps() {
    return series.get(LOSS).length;
  }

  /** The names of the series, in table order. */
  public List<String> seriesNames() {
    return List.copyOf(series.keySet());
  }

  /**
   * The per-step values of series {@code name}.
   *
   * @throws IllegalArgumentException if there is no such series
   */
  public double[] values(String name) {
    double[] v = series.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unknown series '" + name + "'; this history has " + series.keySet());
    }
    return v.clone();
  }

  /** The total loss at step {@code step}, counted from 1. */
  public double loss(int step) {
    if (step < 1 || step > steps()) {
      throw new IllegalArgumentException("step must be in 1.." + steps() + " (steps are counted from 1); got " + step);
    }
    return series.get(LOSS)[step - 1];
  }

  /** The loss of the last completed step, NaN if none. */
  public double finalLoss() {
    double[] loss = series.get(LOSS);
    return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
  }

  /** The mean loss over steps {@code (step − window, step]}, as the tutorial prints it every 100 steps. */
  public double meanLoss(int step, int window) {
    double[] loss = series.get(LOSS);
    double sum = 0;
    int from = Math.max(0, step - window);
    for (int i = from; i < step; i++) {
      sum += loss[i];
    }
    return sum / (step - from);
  }

  /** Seconds spent in the training loop, batch generation included. */
  public double seconds() {
    return seconds;
  }

  /** Why training stopped before its last step, or null if it did not. */
  public @Nullable String stopReason() {
    return stopReason;
  }

  /** One row per step: {@code step}, then every series. */
  public Table toTable() {
    int n = steps();
    int[] steps = new int[n];
    for (int i = 0; i < n; i++) {
      steps[i] = i + 1;
    }
    Table table = Table.create("training history", IntColumn.create("step", steps));
    series.forEach((name, values) -> table.addColumns(DoubleColumn.create(name, values)));
    return table;
  }

  /** The events, in step order (the start of each curriculum stage). */
  public List<Event> events() {
    return events;
  }

  /** This history with one more series (replacing one of the same name). */
  TrainingHistory withSeries(String name, double[] values) {
    if (values.length != steps()) {
      throw new IllegalArgumentException("series '" + name + "' has " + values.length + " values for " + steps()
          + " steps");
    }
    Map<String, double[]> more = new LinkedHashMap<>(series);
    more.put(name, values);
    return new TrainingHistory(more, seconds, stopReason, events);
  }

  /** This history with {@code more} events after its own. */
  TrainingHistory withEvents(List<Event> more) {
    List<Event> all = new ArrayList<>(events);
    all.addAll(more);
    return new TrainingHistory(series, seconds, stopReason, all);
  }

  /** This history followed by {@code next}'s steps (the series both have) and events; seconds add up. */
  TrainingHistory then(TrainingHistory next) {
    Map<String, double[]> joined = new LinkedHashMap<>();
    for (String name : series.keySet()) {
      double[] a = series.get(name);
      double[] b = next.series.get(name);
      if (b != null) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        joined.put(name, c);
      }
    }
    List<Event> all = new ArrayList<>(events);
    next.events.forEach(e -> all.add(new Event(steps() + e.step(), e.label())));
    return new TrainingHistory(joined, seconds + next.seconds, next.stopReason, all);
  }

  /** What {@link #compare} plots: one of the per-step series of {@link #toTable()}. */
  public enum Metric {
    /** Mean cross-entropy of the batch. */
    LOSS("loss", "Loss"),
    /** Fraction of all time steps of the batch whose most likely output is the target, fixation included. */
    STEP_ACCURACY("step_accuracy", "Accuracy over all time steps"),
    /** The same fraction over the decision period only (steps whose target is a choice). */
    DECISION_ACCURACY("decision_accuracy", "Decision accuracy");

    private final String series;
    private final String label;

    Metric(String series, String label) {
      this.series = series;
      this.label = label;
    }

    /** The name of the series it reads. */
    public String series() {
      return series;
    }
  }

  /** The loss curve; with penalties, the total, the task loss and each penalty; events marked. */
  public Figure plot() {
    List<String> losses = seriesNames().stream()
        .filter(n -> !n.endsWith("accuracy") && !n.equals(STAGE) && !n.equals(PERFORMANCE)).toList();
    XYChart chart = stepChart(losses.size() > 1 ? "Loss and its terms" : "Loss", "Loss", steps(), losses.size());
    double[] x = stepAxis(steps());
    for (String name : losses) {
      chart.addSeries(name, x, series.get(name)).setMarker(SeriesMarkers.NONE);
    }
    markEvents(chart, losses.stream().flatMapToDouble(n -> Arrays.stream(series.get(n)))
        .filter(Double::isFinite).max().orElse(1));
    return Figure.of(chart);
  }

  /** A dashed vertical line at each event, labelled just right of it at height {@code top} (in data units). */
  private void markEvents(XYChart chart, double top) {
    chart.getStyler().setAnnotationLineColor(Color.GRAY).setAnnotationLineStroke(DASHED)
        .setAnnotationTextFontColor(Color.DARK_GRAY);
    // XChart centres a text on its x; shift it by half its width (about 3.3 px a character, in a plot of about
    // 520 px) so that it starts at the line.
    double stepsPerPixel = roundUp(steps()) / 520.0;
    for (Event e : events) {
      chart.addAnnotation(new AnnotationLine(e.step(), true, false));
      chart.addAnnotation(new AnnotationText(e.label(), e.step() + (e.label().length() * 3.3 + 4) * stepsPerPixel,
          top, false));
    }
  }

  /**
   * The decision accuracy and the accuracy over all time steps against the training step.
   *
   * @throws IllegalStateException if the loss measured no accuracy (mean squared error)
   */
  public Figure plotAccuracy() {
    if (!series.containsKey(Metric.DECISION_ACCURACY.series)) {
      throw new IllegalStateException("this history has no accuracies (its series are " + series.keySet() + ")");
    }
    boolean measured = series.containsKey(PERFORMANCE);
    XYChart chart = stepChart("Accuracy during training", "Accuracy", steps(), measured ? 3 : 2);
    double[] x = stepAxis(steps());
    chart.addSeries("decision accuracy (decision period)", x, series.get(Metric.DECISION_ACCURACY.series))
        .setMarker(SeriesMarkers.NONE);
    chart.addSeries("step accuracy (all time steps)", x, series.get(Metric.STEP_ACCURACY.series))
        .setMarker(SeriesMarkers.NONE);
    if (measured) {
      double[] p = series.get(PERFORMANCE);
      double[] at = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i]))
          .mapToDouble(i -> i + 1).toArray();
      double[] values = java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).toArray();
      if (at.length > 0) {
        chart.addSeries("curriculum performance (checks)", at, values)
            .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      }
    }
    markEvents(chart, 1);
    return Figure.of(chart);
  }

  /** The per-step values of {@code metric}. */
  public double[] values(Metric metric) {
    return values(metric.series);
  }

  /**
   * Several runs' curves of {@code metric} on one chart, one line per run named by its key, each a moving average over
   * {@code window} steps ({@code 1} plots every step). Runs may differ in length; each is plotted against its own
   * steps.
   *
   * @throws IllegalArgumentException if {@code runs} is empty or {@code window} is not positive
   */
  public static Figure compare(Map<String, TrainingHistory> runs, Metric metric, int window) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("compare needs at least one run; got none");
    }
    if (window <= 0) {
      throw new IllegalArgumentException("window must be > 0 steps; got " + window);
    }
    String title = metric.label + (window > 1 ? " (mean over " + window + " steps)" : "");
    int longest = runs.values().stream().mapToInt(TrainingHistory::steps).max().orElse(1);
    XYChart chart = stepChart(title, metric.label, longest, runs.size());
    runs.forEach((name, run) -> {
      double[] y = movingAverage(run.values(metric), window);
      if (y.length > 0) {
        chart.addSeries(name, stepAxis(y.length), y).setMarker(SeriesMarkers.NONE);
      }
    });
    return Figure.of(chart);
  }

  /** A chart of curves against the training step, with round step ticks and the legend (if any) below the plot. */
  private static XYChart stepChart(String title, String yTitle, int steps, int curves) {
    XYChart chart = Charts.xy(title, "Training step", yTitle, Charts.WIDTH, Charts.HEIGHT);
    XYStyler style = chart.getStyler();
    style.setLegendVisible(curves > 1);
    // Below the plot, so rising accuracy curves never run under the legend.
    style.setLegendPosition(Styler.LegendPosition.OutsideS);
    style.setXAxisMin(0.0);
    // Half a step past a round end: XChart puts ticks only at data points when the axis values are equally spaced.
    style.setXAxisMax(roundUp(steps) + 0.5);
    style.setXAxisDecimalPattern("#");
    return chart;
  }

  /** {@code n} rounded up to a multiple of half its power of ten (1000 → 1000, 1234 → 1500), for round ticks. */
  static double roundUp(int n) {
    double half = Math.pow(10, Math.floor(Math.log10(Math.max(n, 1)))) / 2;
    return Math.max(1, Math.ceil(n / half) * half);
  }

  /** Mean of the last {@code window} values at each point (fewer at the start). */
  static double[] movingAverage(double[] values, int window) {
    double[] out = new double[values.length];
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[i];
      if (i >= window) {
        sum -= values[i - window];
      }
      out[i] = sum / Math.min(i + 1, window);
    }
    return out;
  }

  private static double[] stepAxis(int steps) {
    double[] x = new double[steps];
    for (int i = 0; i < steps; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TrainingHistory[%d steps, final loss %.4f, %.1f s%s]", steps(), finalLoss(),
        seconds, stopReason == null ? "" : ", stopped: " + stopReason);
  }
}
