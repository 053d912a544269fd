package io.github.rnnlab.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One supervised batch in time-major layout, as neurogym's {@code Dataset} serves it: inputs (seqLen, batch, inputs)
 * and integer target labels (seqLen, batch). Immutable.
 */
public final class Batch {
  private final int seqLen;
  private final int batchSize;
  private final int inputSize;
  private final float[] inputs;
  private final int[] targets;

  /**
   * A batch from flat arrays in (time, batch, channel) order; the arrays are copied.
   *
   * @throws IllegalArgumentException if the array lengths do not match the shape
   */
  public static Batch of(int seqLen, int batchSize, int inputSize, float[] inputs, int[] targets) {
    if (seqLen <= 0 || batchSize <= 0 || inputSize <= 0) {
      throw new IllegalArgumentException("batch shape must be positive; got seqLen " + seqLen + ", batch " + batchSize
          + ", inputs " + inputSize);
    }
    if (inputs.length != seqLen * batchSize * inputSize || targets.length != seqLen * batchSize) {
      throw new IllegalArgumentException("arrays do not match shape (" + seqLen + ", " + batchSize + ", " + inputSize
          + "): " + inputs.length + " inputs and " + targets.length + " targets");
    }
    return new Batch(seqLen, batchSize, inputSize, inputs.clone(), targets.clone());
  }

  Batch(int seqLen, int batchSize, int inputSize, float[] inputs, int[] targets) {
    this.seqLen = seqLen;
    this.batchSize = batchSize;
    this.inputSize = inputSize;
    this.inputs = inputs;
    this.targets = targets;
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

  /** The input on {@code channel} of sequence {@code b} at step {@code t}. */
  public float input(int t, int b, int channel) {
    return inputs[(t * batchSize + b) * inputSize + channel];
  }

  /** The target label of sequence {@code b} at step {@code t}. */
  public int target(int t, int b) {
    return targets[t * batchSize + b];
  }

  /** The inputs as a (seqLen, batch, inputs) float array. */
  public INDArray inputs() {
    return Nd4j.create(inputs, new long[] {seqLen, batchSize, inputSize}, 'c');
  }

  /** The target labels as a (seqLen, batch) integer array. */
  public INDArray targets() {
    return Nd4j.createFromArray(targets).reshape(seqLen, batchSize);
  }
}
