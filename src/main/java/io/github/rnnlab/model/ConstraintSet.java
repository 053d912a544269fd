package io.github.rnnlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parameter's {@link WeightConstraint}s, compiled into one elementwise transform
 * {@code W_eff = scale ⊙ (abs ? |W| : W)} plus a set of fixed entries, with its chain rule and its projection.
 * Fields left null mean "none", so an unconstrained parameter costs nothing.
 */
final class ConstraintSet {
  private final int rows;
  private final int cols;
  private final List<WeightConstraint> constraints = new ArrayList<>();
  private boolean abs;
  private float @Nullable [][] scale;
  private float @Nullable [][] fixedFlags;
  private float @Nullable [][] fixedValues;
  private float @Nullable [][] effective;

  ConstraintSet(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
  }

  List<WeightConstraint> list() {
    return List.copyOf(constraints);
  }

  /**
   * Adds a constraint to the weight {@code name} whose current values are {@code values} (fixed entries keep these).
   *
   * @throws IllegalArgumentException if the constraint's shape does not fit
   */
  void add(WeightConstraint constraint, float[][] values, String name) {
    boolean vector = rows == 1;
    if (constraint instanceof WeightConstraint.Mask m) {
      requireShape("mask", m.mask().length, m.mask()[0].length, name);
    } else if (constraint instanceof WeightConstraint.Fixed f) {
      requireShape("fixed", f.flags().length, f.flags()[0].length, name);
    } else if (constraint instanceof WeightConstraint.Dale d && d.size() != cols) {
      throw new IllegalArgumentException("Dale's law on " + name + " needs one sign per column (" + cols + "); got "
          + d.size());
    } else if (constraint instanceof WeightConstraint.NoAutapses && (rows != cols || vector)) {
      throw new IllegalArgumentException("no autapses needs a square weight matrix; " + name + " is " + rows + " × "
          + cols);
    }
    constraints.add(constraint);
    compile(values);
  }

  void clear() {
    constraints.clear();
    compile(new float[rows][cols]);
  }

  /** Masked-out entries become 0 and fixed entries get their values back. */
  void enforce(float[][] values) {
    if (scale == null && fixedFlags == null) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      float[] w = values[r];
      for (int c = 0; c < cols; c++) {
        if (scale != null && scale[r][c] == 0) {
          w[c] = 0;
        }
        if (fixedFlags != null && fixedFlags[r][c] != 0) {
          w[c] = fixedValues[r][c];
        }
      }
    }
  }

  /** The effective values: {@code values} itself when nothing transforms them, else a buffer recomputed here. */
  float[][] effective(float[][] values) {
    if (scale == null && !abs) {
      return values;
    }
    float[][] eff = effective;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float w = abs ? Math.abs(values[r][c]) : values[r][c];
        eff[r][c] = scale == null ? w : scale[r][c] * w;
      }
    }
    return eff;
  }

  /** Gradients with respect to the effective values → with respect to the raw {@code values}, in place. */
  void chain(float[][] values, float[][] gradients) {
    if (scale == null && !abs && fixedFlags == null) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      float[] g = gradients[r];
      for (int c = 0; c < cols; c++) {
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

  private void compile(float[][] values) {
    abs = false;
    scale = null;
    fixedFlags = null;
    for (WeightConstraint c : constraints) {
      if (c instanceof WeightConstraint.Mask m) {
        multiplyScale(m.mask());
      } else if (c instanceof WeightConstraint.NoAutapses) {
        float[][] diag = ones();
        for (int i = 0; i < rows; i++) {
          diag[i][i] = 0;
        }
        multiplyScale(diag);
      } else if (c instanceof WeightConstraint.Dale d) {
        abs = true;
        float[][] signs = ones();
        for (float[] row : signs) {
          for (int j = 0; j < cols; j++) {
            row[j] = d.sign(j);
          }
        }
        multiplyScale(signs);
      } else if (c instanceof WeightConstraint.Fixed f) {
        addFixed(f, values);
      }
    }
    effective = scale == null && !abs ? null : new float[rows][cols];
  }

  private void addFixed(WeightConstraint.Fixed f, float[][] values) {
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
    float[][] s = scale == null ? ones() : scale;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        // +0 rather than −0 where a sign meets a zero mask, so absent weights are exactly +0.
        float v = s[r][c] * factor[r][c];
        s[r][c] = v == 0 ? 0f : v;
      }
    }
    scale = s;
  }

  private float[][] ones() {
    float[][] m = new float[rows][cols];
    for (float[] row : m) {
      Arrays.fill(row, 1f);
    }
    return m;
  }

  private void requireShape(String what, int r, int c, String name) {
    if (r != rows || c != cols) {
      throw new IllegalArgumentException(what + " of shape [" + r + ", " + c + "] does not fit " + name
          + " of shape [" + rows + ", " + cols + "]");
    }
  }
}
