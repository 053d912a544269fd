package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.List;

/**
 * The LSTM's one-step map in double precision, from a snapshot of its effective weights: the state is {@code [h, c]},
 * the output h. Mirrors {@link LstmLayer} equation by equation.
 */
final class LstmCellMap extends GatedCellMap {
  private final int h;

  LstmCellMap(float[][] wIh, float[][] wHh, float[] bIh, float[] bHh) {
    super(wIh, wHh, bIh, bHh);
    this.h = hidden;
  }

  @Override
  public int stateSize() {
    return 2 * h;
  }

  @Override
  public List<String> blocks() {
    return List.of("h (" + h + ")", "c (" + h + ")");
  }

  /** The gates and the new state at (state, input). */
  private final class Step {
    final double[] i = new double[h];
    final double[] f = new double[h];
    final double[] g = new double[h];
    final double[] o = new double[h];
    final double[] c = new double[h];
    final double[] tc = new double[h];
    final double[] next = new double[2 * h];

    Step(double[] state, double[] input) {
      double[] a = inputPart(input);
      double[] b = recurrentPart(state);
      for (int j = 0; j < h; j++) {
        i[j] = sigmoid(a[j] + b[j]);
        f[j] = sigmoid(a[h + j] + b[h + j]);
        g[j] = Math.tanh(a[2 * h + j] + b[2 * h + j]);
        o[j] = sigmoid(a[3 * h + j] + b[3 * h + j]);
        c[j] = f[j] * state[h + j] + i[j] * g[j];
        tc[j] = Math.tanh(c[j]);
        next[j] = o[j] * tc[j];
        next[h + j] = c[j];
      }
    }

    /**
     * ∂[h', c']/∂v for a vector v that enters every gate's pre-activation through {@code weights} (W_hh for h, W_ih
     * for the input): [2H][columns of weights].
     */
    double[][] through(double[][] weights, double[] oldC) {
      int cols = weights[0].length;
      double[][] jac = new double[2 * h][cols];
      for (int j = 0; j < h; j++) {
        double di = g[j] * i[j] * (1 - i[j]);
        double df = oldC[j] * f[j] * (1 - f[j]);
        double dg = i[j] * (1 - g[j] * g[j]);
        double doo = tc[j] * o[j] * (1 - o[j]);
        double dhdc = o[j] * (1 - tc[j] * tc[j]);
        double[] wi = weights[j];
        double[] wf = weights[h + j];
        double[] wg = weights[2 * h + j];
        double[] wo = weights[3 * h + j];
        for (int k = 0; k < cols; k++) {
          double dc = di * wi[k] + df * wf[k] + dg * wg[k];
          jac[h + j][k] = dc;
          jac[j][k] = doo * wo[k] + dhdc * dc;
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
    double[] oldC = Arrays.copyOfRange(state, h, 2 * h);
    double[][] byH = st.through(wHh, oldC);
    double[][] jac = new double[2 * h][2 * h];
    for (int r = 0; r < 2 * h; r++) {
      System.arraycopy(byH[r], 0, jac[r], 0, h);
    }
    for (int j = 0; j < h; j++) {
      jac[h + j][h + j] = st.f[j];
      jac[j][h + j] = st.o[j] * (1 - st.tc[j] * st.tc[j]) * st.f[j];
    }
    return jac;
  }

  @Override
  public double[][] inputJacobian(double[] state, double[] input) {
    return new Step(state, input).through(wIh, Arrays.copyOfRange(state, h, 2 * h));
  }
}
