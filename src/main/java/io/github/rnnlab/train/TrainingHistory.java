package io.github.rnnlab.train;

import io.github.rnnlab.plot.Charts;
import io.github.rnnlab.plot.Figure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

  /** The mean loss over steps {@code (step − window, step]}, as the tutorial prints it. */
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

  /** The loss curve. */
  public Figure plot() {
    return Figure.of(Charts.lines("Training loss", "Training step", "Loss (cross-entropy)", stepAxis(),
        Map.of("loss", loss)));
  }

  /** The two accuracies against the training step. */
  public Figure plotAccuracy() {
    Map<String, double[]> curves = new LinkedHashMap<>();
    curves.put("decision accuracy (decision period)", decisionAccuracy);
    curves.put("step accuracy (all time steps)", stepAccuracy);
    return Figure.of(Charts.lines("Accuracy during training", "Training step", "Accuracy", stepAxis(), curves));
  }

  private double[] stepAxis() {
    double[] x = new double[loss.length];
    for (int i = 0; i < x.length; i++) {
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
