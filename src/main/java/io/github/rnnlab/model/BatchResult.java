package io.github.rnnlab.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training batch measured, in the forward pass that computed its gradients.
 *
 * @param loss the task loss: the (weighted) mean of the network's {@link Loss} over steps and sequences
 * @param ratePenalty the rate penalty's value (its coefficient times the mean squared rate), 0 if none was asked for
 * @param metrics the loss's measures by name, e.g. {@code step_accuracy} (fraction of scored steps whose most likely
 *     output is the label, fixation included) and {@code decision_accuracy} (the same over steps whose label is a
 *     choice, NaN if none) for cross-entropy; empty for mean squared error
 */
public record BatchResult(double loss, double ratePenalty, Map<String, Double> metrics) {

  /** A result; the metrics are copied, in their order. */
  public BatchResult {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The step accuracy, NaN if the loss does not measure it. */
  public double stepAccuracy() {
    return metrics.getOrDefault("step_accuracy", Double.NaN);
  }

  /** The decision accuracy, NaN if the loss does not measure it or no step was a decision. */
  public double decisionAccuracy() {
    return metrics.getOrDefault("decision_accuracy", Double.NaN);
  }
}
