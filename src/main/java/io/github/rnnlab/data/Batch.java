package io.github.rnnlab.data;

import io.github.rnnlab.internal.Checks;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One supervised batch in time-major layout, as neurogym's {@code Dataset} serves it: inputs (seqLen, batch, inputs),
 * targets that are either class labels (seqLen, batch) or float values (seqLen, batch, targetSize), and optional loss
 * weights (seqLen, batch, targetSize; targetSize 1 for labels) that mask or weight steps. Batches made from trials
 * ({@link Dataset}, {@link TrialBatches}) also say where each trial lies ({@link #trials()}). Immutable.
 */
public final class Batch {
  private final int seqLen;
  private final int batchSize;
  private final int inputSize;
  private final int targetSize;
  private final float[] inputs;
  private final int @Nullable [] labels;
  private final float @Nullable [] values;
  private final float @Nullable [] weights;
  private final List<BatchTrial> trials;

  /**
   * A batch with class-label targets from flat arrays in (time, batch, channel) order; the arrays are copied.
   *
   * @throws IllegalArgumentException if the array lengths do not match the shape or a label is negative
   */
  public static Batch of(int seqLen, int batchSize, int inputSize, float[] inputs, int[] targets) {
    checkShape(seqLen, batchSize, inputSize, 1, inputs, targets.length);
    for (int label : targets) {
      Checks.nonNegative("target label", label);
    }
    return new Batch(seqLen, batchSize, inputSize, inputs.clone(), targets.clone(), null, null, List.of());
  }

  /**
   * A batch with float targets, {@code targetSize} per step and sequence, from flat arrays in (time, batch, channel)
   * order; the arrays are copied.
   *
   * @throws IllegalArgumentException if the array lengths do not match the shape
   */
  public static Batch ofValues(int seqLen, int batchSize, int inputSize, float[] inputs, int targetSize,
      float[] targets) {
    Checks.positive("targetSize", targetSize);
    checkShape(seqLen, batchSize, inputSize, targetSize, inputs, targets.length);
    return new Batch(seqLen, batchSize, inputSize, inputs.clone(), null, targets.clone(), null, List.of());
  }

  /**
   * This batch with loss weights (>= 0), {@link #targetSize()} per step and sequence in (time, batch, channel) order;
   * the array is copied. A weight of 0 masks a target out of the loss.
   *
   * @throws IllegalArgumentException if the length does not match or a weight is negative or not finite
   */
  public Batch withWeights(float[] weights) {
    if (weights.length != seqLen * batchSize * targetSize) {
      throw new IllegalArgumentException("weights must have seqLen·batch·targetSize = " + seqLen * batchSize
          * targetSize + " entries; got " + weights.length);
    }
    for (float w : weights) {
      Checks.nonNegative("loss weight", w);
    }
    return new Batch(seqLen, batchSize, inputSize, inputs, labels, values, weights.clone(), trials);
  }

  Batch(int seqLen, int batchSize, int inputSize, float[] inputs, int @Nullable [] labels, float @Nullable [] values,
      float @Nullable [] weights, List<BatchTrial> trials) {
    this.trials = List.copyOf(trials);
    this.seqLen = seqLen;
    this.batchSize = batchSize;
    this.inputSize = inputSize;
    this.targetSize = values == null ? 1 : values.length / (seqLen * batchSize);
    this.inputs = inputs;
    this.labels = labels;
    this.values = values;
    this.weights = weights;
  }

  private static void checkShape(int seqLen, int batchSize, int inputSize, int targetSize, float[] inputs,
      int targets) {
    if (seqLen <= 0 || batchSize <= 0 || inputSize <= 0) {
      throw new IllegalArgumentException("batch shape must be positive; got seqLen " + seqLen + ", batch " + batchSize
          + ", inputs " + inputSize);
    }
    if (inputs.length != seqLen * batchSize * inputSize || targets != seqLen * batchSize * targetSize) {
      throw new IllegalArgumentException("arrays do not match shape (" + seqLen + ", " + batchSize + ", " + inputSize
          + ") with " + targetSize + " target(s) per step: " + inputs.length + " inputs and " + targets + " targets");
    }
  }

  /** The number of time steps. */
  public int seqLen() {
    return seqLen;
  }

  /** The number of sequences. */
  public int batchSize() {
    return batchSize;
  }

  /** The number of input channels. */
  public int inputSize() {
    return inputSize;
  }

  /** Whether the targets are class labels rather than float values. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** The number of targets per step and sequence: 1 for labels. */
  public int targetSize() {
    return targetSize;
  }

  /** Whether the batch carries loss weights. */
  public boolean hasWeights() {
    return weights != null;
  }

  /**
   * The trials the batch holds, each with its column and start step, column by column in time order; empty for a
   * batch made from arrays.
   */
  public List<BatchTrial> trials() {
    return trials;
  }

  /** The steps of column {@code b} at which a trial starts, ascending (0 for every column of a trial-aligned batch). */
  public int[] trialStarts(int b) {
    Checks.index("batch column", b, batchSize);
    return trials.stream().filter(t -> t.column() == b && t.start() >= 0).mapToInt(BatchTrial::start).toArray();
  }

  /** The input on {@code channel} of sequence {@code b} at step {@code t}. */
  public float input(int t, int b, int channel) {
    return inputs[(t * batchSize + b) * inputSize + channel];
  }

  /**
   * The target label of sequence {@code b} at step {@code t}.
   *
   * @throws IllegalStateException if the batch has float targets
   */
  public int target(int t, int b) {
    if (labels == null) {
      throw new IllegalStateException("this batch has float targets; use targetValue(t, b, channel)");
    }
    return labels[t * batchSize + b];
  }

  /**
   * The float target on {@code channel} of sequence {@code b} at step {@code t}.
   *
   * @throws IllegalStateException if the batch has label targets
   */
  public float targetValue(int t, int b, int channel) {
    if (values == null) {
      throw new IllegalStateException("this batch has class-label targets; use target(t, b)");
    }
    return values[(t * batchSize + b) * targetSize + channel];
  }

  /** The loss weight on target {@code channel} (0 for labels) of sequence {@code b} at step {@code t}; 1 by default. */
  public float weight(int t, int b, int channel) {
    return weights == null ? 1f : weights[(t * batchSize + b) * targetSize + channel];
  }

  /** The inputs as a (seqLen, batch, inputs) float array. */
  public INDArray inputs() {
    return Nd4j.create(inputs, new long[] {seqLen, batchSize, inputSize}, 'c');
  }

  /**
   * The targets: labels as a (seqLen, batch) integer array, float targets as a (seqLen, batch, targetSize) float
   * array.
   */
  public INDArray targets() {
    if (labels != null) {
      return Nd4j.createFromArray(labels).reshape(seqLen, batchSize);
    }
    return Nd4j.create(values, new long[] {seqLen, batchSize, targetSize}, 'c');
  }

  /** The loss weights as a (seqLen, batch, targetSize) float array (all ones when the batch has none). */
  public INDArray weights() {
    float[] w = weights;
    if (w == null) {
      w = new float[seqLen * batchSize * targetSize];
      Arrays.fill(w, 1f);
    }
    return Nd4j.create(w, new long[] {seqLen, batchSize, targetSize}, 'c');
  }
}
