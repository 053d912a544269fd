package io.github.rnnlab.train;

import io.github.rnnlab.plot.Charts;
import io.github.rnnlab.plot.Figure;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What happened at every training step: loss and accuracies, the wall-clock time of the loop, and why it stopped
 * early, if it did. Immutable.
 */
public final class TrainingHistory {
  private final double[] loss;
  private final double[] stepAccuracy;
  private final double[] decisionAccuracy;
  private final double seconds;
  private final @Nullable String stopReason;

  TrainingHistory(double[] loss, double[] stepAccuracy, double[] decisionAccuracy, double seconds,
      @Nullable String stopReason) {
    this.loss = loss;
    this.stepAccuracy = stepAccuracy;
    this.decisionAccuracy = decisionAccuracy;
    this.seconds = seconds;
    this.stopReason = stopReason;
  }

  /** The number of completed steps. */
  public int steps() {
    return loss.length;
  }

  /** The loss (mean cross-entropy) at step {@code step}, counted from 1. */
  public double loss(int step) {
    return loss[step - 1];
  }

  /** The loss of the last completed step, NaN if none. */
  public double finalLoss() {
    return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
  }

  /** The mean loss over steps {@code (step − window, step]}, as the tutorial prints it every 100 steps. */
  public double meanLoss(int step, int window) {
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

  /** Why training stopped before its last step, if it did. */
  public Optional<String> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  /**
   * One row per step: {@code step}, {@code loss}, {@code step_accuracy} (all time steps of the batch, fixation
   * included) and {@code decision_accuracy} (only the steps whose target is a choice).
   */
  public Table toTable() {
    int n = loss.length;
    int[] steps = new int[n];
    for (int i = 0; i < n; i++) {
      steps[i] = i + 1;
    }
    return Table.create("training history",
        IntColumn.create("step", steps),
        DoubleColumn.create("loss", loss),
        DoubleColumn.create("step_accuracy", stepAccuracy),
        DoubleColumn.create("decision_accuracy", decisionAccuracy));
  }

  /** What {@link #compare} plots: one of the per-step series of {@link #toTable()}. */
  public enum Metric {
    /** Mean cross-entropy of the batch. */
    LOSS("Loss (cross-entropy)"),
    /** Fraction of all time steps of the batch whose most likely output is the target, fixation included. */
    STEP_ACCURACY("Accuracy over all time steps"),
    /** The same fraction over the decision period only (steps whose target is a choice). */
    DECISION_ACCURACY("Decision accuracy");

    private final String label;

    Metric(String label) {
      this.label = label;
    }
  }

  /** The loss curve. */
  public Figure plot() {
    return compare(Map.of("loss", this), Metric.LOSS, 1);
  }

  /** The decision accuracy and the accuracy over all time steps against the training step. */
  public Figure plotAccuracy() {
    XYChart chart = stepChart("Accuracy during training", "Accuracy", steps(), 2);
    double[] x = stepAxis(steps());
    chart.addSeries("decision accuracy (decision period)", x, decisionAccuracy).setMarker(SeriesMarkers.NONE);
    chart.addSeries("step accuracy (all time steps)", x, stepAccuracy).setMarker(SeriesMarkers.NONE);
    return Figure.of(chart);
  }

  /** The per-step values of {@code metric}. */
  public double[] values(Metric metric) {
    return switch (metric) {
      case LOSS -> loss.clone();
      case STEP_ACCURACY -> stepAccuracy.clone();
      case DECISION_ACCURACY -> decisionAccuracy.clone();
    };
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
    return String.format("TrainingHistory[%d steps, final loss %.4f, %.1f s%s]", steps(), finalLoss(), seconds,
        stopReason == null ? "" : ", stopped: " + stopReason);
  }
}
