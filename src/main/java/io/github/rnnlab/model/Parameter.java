package io.github.rnnlab.model;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.HeatmapChart;
import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
  private final List<WeightConstraint> constraints = new ArrayList<>();
  /** The constraints compiled: W_eff = scale ⊙ (abs ? |W| : W); null fields mean "none". */
  private boolean abs;
  private float @Nullable [][] scale;
  private float @Nullable [][] fixedFlags;
  private float @Nullable [][] fixedValues;
  private float @Nullable [][] effective;

  Parameter(String name, int rows, int cols, boolean vector) {
    this.name = name;
    this.shape = vector ? new long[] {cols} : new long[] {rows, cols};
    this.values = new float[rows][cols];
    this.gradients = new float[rows][cols];
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
    other.constraints.forEach(this::constrain);
  }

  /**
   * Adds a constraint, which holds from now on: the network computes with the effective weights, training keeps the
   * constraint exactly (see {@link WeightConstraint}), and the raw values are projected onto it at once.
   *
   * @throws IllegalArgumentException if the constraint's shape does not fit this parameter
   */
  public Parameter constrain(WeightConstraint constraint) {
    int rows = values.length;
    int cols = values[0].length;
    if (constraint instanceof WeightConstraint.Mask m) {
      requireShape("mask", m.mask().length, m.mask()[0].length);
    } else if (constraint instanceof WeightConstraint.Fixed f) {
      requireShape("fixed", f.flags().length, f.flags()[0].length);
    } else if (constraint instanceof WeightConstraint.Dale d && d.size() != cols) {
      throw new IllegalArgumentException("Dale's law on " + name + " needs one sign per column (" + cols + "); got "
          + d.size());
    } else if (constraint instanceof WeightConstraint.NoAutapses && (rows != cols || shape.length == 1)) {
      throw new IllegalArgumentException("no autapses needs a square weight matrix; " + name + " is "
          + Arrays.toString(shape));
    }
    constraints.add(constraint);
    compile();
    enforceConstraints();
    return this;
  }

  /** Removes every constraint (the values stay as they are). */
  void clearConstraints() {
    constraints.clear();
    compile();
  }

  /** The constraints, in the order they were added. */
  public List<WeightConstraint> constraints() {
    return List.copyOf(constraints);
  }

  /**
   * Projects the raw values onto the constraints: masked-out entries become 0 and fixed entries get their values
   * back. Training calls this after every optimiser step; call it after changing {@link #values()} by hand.
   */
  public void enforceConstraints() {
    for (int r = 0; r < values.length; r++) {
      float[] w = values[r];
      for (int c = 0; c < w.length; c++) {
        if (scale != null && scale[r][c] == 0) {
          w[c] = 0;
        }
        if (fixedFlags != null && fixedFlags[r][c] != 0) {
          w[c] = fixedValues[r][c];
        }
      }
    }
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
    if (scale == null && !abs) {
      return values;
    }
    float[][] eff = effective;
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        float w = abs ? Math.abs(values[r][c]) : values[r][c];
        eff[r][c] = scale == null ? w : scale[r][c] * w;
      }
    }
    return eff;
  }

  /** Turns gradients with respect to the effective values into gradients with respect to the raw values, in place. */
  void chainGradients() {
    if (scale == null && !abs && fixedFlags == null) {
      return;
    }
    for (int r = 0; r < values.length; r++) {
      float[] g = gradients[r];
      for (int c = 0; c < g.length; c++) {
        float d = g[c];
        if (scale != null) {
          d *= scale[r][c];
        }
        if (abs) {
          d *= Math.signum(values[r][c]);
        }
        g[c] = fixedFlags != null && fixedFlags[r][c] != 0 ? 0f : d;
      }
    }
  }

  private void compile() {
    int rows = values.length;
    int cols = values[0].length;
    abs = false;
    scale = null;
    fixedFlags = null;
    for (WeightConstraint c : constraints) {
      if (c instanceof WeightConstraint.Mask m) {
        multiplyScale(m.mask());
      } else if (c instanceof WeightConstraint.NoAutapses) {
        float[][] diag = ones(rows, cols);
        for (int i = 0; i < rows; i++) {
          diag[i][i] = 0;
        }
        multiplyScale(diag);
      } else if (c instanceof WeightConstraint.Dale d) {
        abs = true;
        float[][] signs = ones(rows, cols);
        for (float[] row : signs) {
          for (int j = 0; j < cols; j++) {
            row[j] = d.sign(j);
          }
        }
        multiplyScale(signs);
      } else if (c instanceof WeightConstraint.Fixed f) {
        addFixed(f);
      }
    }
    effective = scale == null && !abs ? null : new float[rows][cols];
  }

  private void addFixed(WeightConstraint.Fixed f) {
    int rows = values.length;
    int cols = values[0].length;
    float[][] flags = fixedFlags == null ? new float[rows][cols] : fixedFlags;
    float[][] snapshot = fixedValues == null ? new float[rows][cols] : fixedValues;
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        if (f.isFixed(r, j) && flags[r][j] == 0) {
          flags[r][j] = 1;
          snapshot[r][j] = values[r][j];
        }
      }
    }
    fixedFlags = flags;
    fixedValues = snapshot;
  }

  private void multiplyScale(float[][] factor) {
    float[][] s = scale == null ? ones(values.length, values[0].length) : scale;
    for (int r = 0; r < s.length; r++) {
      for (int c = 0; c < s[r].length; c++) {
        // +0 rather than −0 where a sign meets a zero mask, so absent weights are exactly +0.
        s[r][c] = s[r][c] * factor[r][c] == 0 ? 0f : s[r][c] * factor[r][c];
      }
    }
    scale = s;
  }

  private static float[][] ones(int rows, int cols) {
    float[][] m = new float[rows][cols];
    for (float[] row : m) {
      Arrays.fill(row, 1f);
    }
    return m;
  }

  private void requireShape(String what, int rows, int cols) {
    if (rows != values.length || cols != values[0].length) {
      throw new IllegalArgumentException(what + " of shape [" + rows + ", " + cols + "] does not fit " + name
          + " of shape " + Arrays.toString(shape));
    }
  }

  /** The current values as a heat map titled with the name (a vector shows as one row); see {@link HeatmapChart}. */
  public Figure plot() {
    return HeatmapChart.of(name, values);
  }

  @Override
  public String toString() {
    String constrained = constraints.isEmpty() ? ""
        : " " + constraints.stream().map(WeightConstraint::describe).toList();
    return name + Arrays.toString(shape) + (trainable ? "" : " (frozen)") + constrained;
  }
}
