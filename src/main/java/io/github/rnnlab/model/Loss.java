package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import java.util.Map;

/**
 * What a network's outputs are scored with at every step. Both losses honour a batch's loss weights: the loss is the
 * weighted mean {@code Σ w·ℓ / Σ w} over steps and sequences (and channels), so a weight of 0 masks a step out and,
 * without weights, it is the plain mean.
 *
 * <ul>
 *   <li>{@link #crossEntropy()}: softmax cross-entropy against class labels, as PyTorch's {@code CrossEntropyLoss}
 *       (the tutorial's); it also measures step accuracy (most likely output = label) and decision accuracy (the
 *       same over steps whose label is a choice, label > 0).</li>
 *   <li>{@link #meanSquaredError()}: {@code (y − target)²} against float targets, averaged over channels too, as
 *       PyTorch's {@code MSELoss}.</li>
 * </ul>
 */
public abstract sealed class Loss permits CrossEntropyLoss, MeanSquaredErrorLoss {

  Loss() {}

  /** Softmax cross-entropy against class labels. */
  public static Loss crossEntropy() {
    return CrossEntropyLoss.INSTANCE;
  }

  /** Mean squared error against float targets. */
  public static Loss meanSquaredError() {
    return MeanSquaredErrorLoss.INSTANCE;
  }

  /** The loss that fits a task's targets: cross-entropy for labels, mean squared error for float targets. */
  public static Loss forTargets(boolean labels) {
    return labels ? crossEntropy() : meanSquaredError();
  }

  /** A short name, e.g. {@code "cross-entropy"}. */
  public abstract String name();

  /** Whether the loss scores class labels (else float targets). */
  public abstract boolean usesLabels();

  /**
   * Checks that {@code batch}'s targets fit this loss and a network with {@code outputs} outputs.
   *
   * @throws IllegalArgumentException if they do not
   */
  abstract void check(Batch batch, int outputs);

  /** The denominator of the mean: the sum of the weights, or the number of scored values. */
  abstract double normaliser(Batch batch);

  /**
   * Scores rows {@code n = t·batch + b} for sequences {@code [b0, b1)}: writes each row's (weighted) loss term and the
   * gradient of the mean loss with respect to its outputs into {@code dy[n]}.
   */
  abstract void score(Batch batch, float[][] y, float[][] dy, int b0, int b1, double normaliser, double[] rowLoss);

  /** Measures of the outputs besides the loss, e.g. accuracies; computed once per batch. */
  abstract Map<String, Double> metrics(Batch batch, float[][] y);

  @Override
  public String toString() {
    return name();
  }
}
