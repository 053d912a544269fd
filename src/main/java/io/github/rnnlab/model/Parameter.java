package io.github.rnnlab.model;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.HeatmapChart;
import java.util.Arrays;
import java.util.List;
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
  private final ConstraintSet constraints;

  Parameter(String name, int rows, int cols, boolean vector) {
    this.name = name;
    this.shape = vector ? new long[] {cols} : new long[] {rows, cols};
    this.values = new float[rows][cols];
    this.gradients = new float[rows][cols];
    this.constraints = new ConstraintSet(rows, cols);
  }

  /** A zero matrix parameter of {@code rows × cols}, e.g. for analyses that optimise their own variables. */
  public static Parameter matrix(String name, int rows, int cols) {
    return new Parameter(name, Checks.positive("rows", rows), Checks.positive("cols", cols), false);
  }

  /** A zero vector parameter of {@code length} entries. */
  public static Parameter vector(String name, int length) {
    return new Parameter(name, 1, Checks.positive("length", length), true);
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
    constraints.clear();
    other.constraints().forEach(this::constrain);
  }

  /**
   * Adds a constraint, which holds from now on: the network computes with the effective weights, training keeps the
   * constraint exactly (see {@link WeightConstraint}), and the raw values are projected onto it at once.
   *
   * @throws IllegalArgumentException if the constraint's shape does not fit this parameter
   */
  public Parameter constrain(WeightConstraint constraint) {
    constraints.add(constraint, values, name);
    enforceConstraints();
    return this;
  }

  /** Removes every constraint (the values stay as they are). */
  void clearConstraints() {
    constraints.clear();
  }

  /** The constraints, in the order they were added. */
  public List<WeightConstraint> constraints() {
    return constraints.list();
  }

  /**
   * Projects the raw values onto the constraints: masked-out entries become 0 and fixed entries get their values
   * back. Training calls this after every optimiser step; call it after changing {@link #values()} by hand.
   */
  public void enforceConstraints() {
    constraints.enforce(values);
  }

  /** The values the network computes with, after the constraints (the raw values if there are none), a copy. */
  public float[][] effectiveValues() {
    float[][] eff = effective();
    float[][] copy = new float[eff.length][];
    for (int r = 0; r < eff.length; r++) {
      copy[r] = eff[r].clone();
    }
    return copy;
  }

  /** The values the network computes with: the raw values, or their constrained transform (recomputed here). */
  float[][] effective() {
    return constraints.effective(values);
  }

  /** Turns gradients with respect to the effective values into gradients with respect to the raw values, in place. */
  void chainGradients() {
    constraints.chain(values, gradients);
  }

  /** The current values as a heat map titled with the name (a vector shows as one row); see {@link HeatmapChart}. */
  public Figure plot() {
    return HeatmapChart.of(name, values);
  }

  @Override
  public String toString() {
    List<WeightConstraint> list = constraints.list();
    String constrained = list.isEmpty() ? "" : " " + list.stream().map(WeightConstraint::describe).toList();
    return name + Arrays.toString(shape) + (trainable ? "" : " (frozen)") + constrained;
  }
}
