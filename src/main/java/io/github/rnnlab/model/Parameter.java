package io.github.rnnlab.model;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A named, trainable weight matrix or bias vector with its gradient. Values and gradients are float32.
 *
 * <p>{@link #values()} and {@link #gradients()} expose the live storage, one {@code float[]} per row (a vector is a
 * single row), for optimisers and fast loops; notebooks use {@link #toArray()} and {@link #set(INDArray)}.
 */
public final class Parameter {
  private final String name;
  private final long[] shape;
  private final float[][] values;
  private final float[][] gradients;
  private boolean trainable = true;

  Parameter(String name, int rows, int cols, boolean vector) {
    this.name = name;
    this.shape = vector ? new long[] {cols} : new long[] {rows, cols};
    this.values = new float[rows][cols];
    this.gradients = new float[rows][cols];
  }

  /** The name, e.g. {@code "W_rec"}. */
  public String name() {
    return name;
  }

  /** The shape: {@code [rows, cols]} for a matrix, {@code [length]} for a vector. */
  public long[] shape() {
    return shape.clone();
  }

  /** The number of scalar values. */
  public int size() {
    return values.length * values[0].length;
  }

  /** Whether training updates this parameter (true unless frozen). */
  public boolean trainable() {
    return trainable;
  }

  /** Freezes ({@code false}) or unfreezes this parameter for training. */
  public void setTrainable(boolean trainable) {
    this.trainable = trainable;
  }

  /** The value at ({@code row}, {@code col}); a vector has row 0. */
  public float get(int row, int col) {
    return values[row][col];
  }

  /** A copy of the values as a float array of this parameter's shape. */
  public INDArray toArray() {
    return shape.length == 1 ? Nd4j.create(values[0].clone()) : Nd4j.create(values);
  }

  /** A copy of the gradient of the last backward pass, of this parameter's shape. */
  public INDArray gradientArray() {
    return shape.length == 1 ? Nd4j.create(gradients[0].clone()) : Nd4j.create(gradients);
  }

  /**
   * Overwrites the values.
   *
   * @throws IllegalArgumentException if {@code array}'s shape differs from {@link #shape()}
   */
  public void set(INDArray array) {
    if (!Arrays.equals(array.shape(), shape)) {
      throw new IllegalArgumentException("cannot set " + name + " of shape " + Arrays.toString(shape)
          + " from an array of shape " + Arrays.toString(array.shape()));
    }
    INDArray m = array.reshape(values.length, values[0].length);
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        values[r][c] = m.getFloat(r, c);
      }
    }
  }

  /** The live values, one array per row. */
  public float[][] values() {
    return values;
  }

  /** The live gradients, one array per row, in the layout of {@link #values()}. */
  public float[][] gradients() {
    return gradients;
  }

  void zeroGradients() {
    for (float[] g : gradients) {
      Arrays.fill(g, 0f);
    }
  }

  void copyValuesFrom(Parameter other) {
    for (int r = 0; r < values.length; r++) {
      System.arraycopy(other.values[r], 0, values[r], 0, values[r].length);
    }
    trainable = other.trainable;
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape) + (trainable ? "" : " (frozen)");
  }
}
