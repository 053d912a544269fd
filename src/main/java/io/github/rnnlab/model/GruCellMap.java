package io.github.rnnlab.model;

import java.util.List;

/**
 * The GRU's one-step map in double precision, from a snapshot of its effective weights: the state and the output are
 * h. Mirrors {@link GruLayer} equation by equation.
 */
final class GruCellMap extends GatedCellMap {
  private final int h;

  GruCellMap(float[][] wIh, float[][] wHh, float[] bIh, float[] bHh) {
    super(wIh, wHh, bIh, bHh);
    this.h = hidden;
  }

  @Override
  public int stateSize() {
    return h;
  }

  @Override
  public List<String> blocks() {
    return List.of("h (" + h + ")");
  }

  /** The gates and the new state at (state, input). */
  private final class Step {
    final double[] r = new double[h];
    final double[] u = new double[h];
    final double[] n = new double[h];
    /** W_hn h + b_hn. */
    final double[] rn = new double[h];
    final double[] next = new double[h];
    final double[] old;

    Step(double[] state, double[] input) {
      old = state;
      double[] ax = inputPart(input);
      double[] ah = recurrentPart(state);
      for (int j = 0; j < h; j++) {
        r[j] = sigmoid(ax[j] + ah[j]);
        u[j] = sigmoid(ax[h + j] + ah[h + j]);
        rn[j] = ah[2 * h + j];
        n[j] = Math.tanh(ax[2 * h + j] + r[j] * rn[j]);
        next[j] = (1 - u[j]) * n[j] + u[j] * state[j];
      }
    }

    /**
     * ∂h'/∂v for a vector v that enters the gates through {@code weights} (W_hh for h, W_ih for the input); the
     * candidate's rows are scaled by r for h ({@code reset}), whose product r gates, and not for the input.
     */
    double[][] through(double[][] weights, boolean reset) {
      int cols = weights[0].length;
      double[][] jac = new double[h][cols];
      for (int j = 0; j < h; j++) {
        double dn = (1 - u[j]) * (1 - n[j] * n[j]);
        double dr = dn * rn[j] * r[j] * (1 - r[j]);
        double du = (old[j] - n[j]) * u[j] * (1 - u[j]);
        double dc = reset ? dn * r[j] : dn;
        double[] wr = weights[j];
        double[] wz = weights[h + j];
        double[] wn = weights[2 * h + j];
        for (int k = 0; k < cols; k++) {
          jac[j][k] = dr * wr[k] + du * wz[k] + dc * wn[k];
        }
      }
      return jac;
    }
  }

  @Override
  public double[] next(double[] state, double[] input) {
    return new Step(state, input).next;
  }

  @Override
  public double[][] stateJacobian(double[] state, double[] input) {
    Step st = new Step(state, input);
    double[][] jac = st.through(wHh, true);
    for (int j = 0; j < h; j++) {
      jac[j][j] += st.u[j];
    }
    return jac;
  }

  @Override
  public double[][] inputJacobian(double[] state, double[] input) {
    return new Step(state, input).through(wIh, false);
  }
}
