package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.Map;

/**
 * The work of {@link ShortTermPlasticity} inside a {@link CtrnnLayer}: per row the resources x and utilisation u of
 * every presynaptic unit, the presynaptic output {@code e = u·x·r}, and its backward pass. Rows 0..batch hold the
 * initial state (x = 1, u = U); row n + batch the state after step t.
 */
final class StpSynapses {
  private final int hidden;
  private final float[] alphaX;
  private final float[] alphaU;
  private final float[] baseU;
  private final float dtSeconds;
  private int batch;
  private float[][] x = new float[0][];
  private float[][] u = new float[0][];

  StpSynapses(ShortTermPlasticity plasticity, int hidden, double dtMs) {
    this.hidden = hidden;
    this.alphaX = new float[hidden];
    this.alphaU = new float[hidden];
    this.baseU = new float[hidden];
    for (int j = 0; j < hidden; j++) {
      ShortTermPlasticity.Synapse s = plasticity.synapse(j);
      alphaX[j] = (float) (dtMs / s.tauXMs());
      alphaU[j] = (float) (dtMs / s.tauUMs());
      baseU[j] = (float) s.u();
    }
    this.dtSeconds = (float) (dtMs / 1000);
  }

  void allocate(int rows, int batch) {
    this.batch = batch;
    x = new float[rows + batch][hidden];
    u = new float[rows + batch][hidden];
    for (int b = 0; b < batch; b++) {
      Arrays.fill(x[b], 1f);
      System.arraycopy(baseU, 0, u[b], 0, hidden);
    }
  }

  /** Updates x and u from row n's state with the rates {@code r} of the step before; writes e into {@code e[0..H)}. */
  void forward(int n, float[] r, float[] e) {
    float[] xp = x[n];
    float[] up = u[n];
    float[] xn = x[n + batch];
    float[] un = u[n + batch];
    float dts = dtSeconds;
    for (int j = 0; j < hidden; j++) {
      float xj = xp[j] + alphaX[j] * (1 - xp[j]) - dts * up[j] * xp[j] * r[j];
      float uj = up[j] + alphaU[j] * (baseU[j] - up[j]) + dts * baseU[j] * (1 - up[j]) * r[j];
      xn[j] = Math.min(1f, Math.max(0f, xj));
      un[j] = Math.min(1f, Math.max(0f, uj));
      e[j] = un[j] * xn[j] * r[j];
    }
  }

  /**
   * Backward through step t of the sequence of row n: {@code de} is the gradient with respect to e_t; adds the
   * gradient with respect to the rates of the step before ({@code r}) to {@code dr}. {@code gx} and {@code gu} hold
   * the gradients with respect to x_t and u_t carried from step t+1 (zeros at the last step) and are replaced by
   * those with respect to x_{t−1} and u_{t−1}. A clipped x or u (at 0 or 1) passes no gradient, as the clip's
   * derivative is 0 there.
   */
  void backward(int n, float[] r, float[] de, float[] dr, float[] gx, float[] gu) {
    float[] xp = x[n];
    float[] up = u[n];
    float[] xn = x[n + batch];
    float[] un = u[n + batch];
    float dts = dtSeconds;
    for (int j = 0; j < hidden; j++) {
      float rj = r[j];
      float dxT = gx[j] + de[j] * un[j] * rj;
      float duT = gu[j] + de[j] * xn[j] * rj;
      float dxRaw = xn[j] > 0f && xn[j] < 1f ? dxT : 0f;
      float duRaw = un[j] > 0f && un[j] < 1f ? duT : 0f;
      gx[j] = dxRaw * (1 - alphaX[j] - dts * up[j] * rj);
      gu[j] = dxRaw * (-dts * xp[j] * rj) + duRaw * (1 - alphaU[j] - dts * baseU[j] * rj);
      dr[j] += de[j] * un[j] * xn[j] - dxRaw * dts * up[j] * xp[j] + duRaw * dts * baseU[j] * (1 - up[j]);
    }
  }

  /** The resources and utilisation after every step, rows n = t·batch + b. */
  Map<String, float[][]> extras() {
    int rows = x.length - batch;
    return Map.of("stp_x", Arrays.copyOfRange(x, batch, rows + batch),
        "stp_u", Arrays.copyOfRange(u, batch, rows + batch));
  }
}
