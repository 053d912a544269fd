package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * PyTorch's GRU as a {@link Layer}, gates in PyTorch's order r, z, n:
 *
 * <pre>
 * r = σ(W_ir x + b_ir + W_hr h + b_hr)     z = σ(W_iz x + b_iz + W_hz h + b_hz)
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 * h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 *
 * <p>The reset gate scales only the recurrent part of the candidate, so it takes two products over the row
 * {@code [x_t, 1, h_{t−1}]} (see {@link GatedLayer}): one of width 3H over the whole row for r, z and
 * {@code W_hn h + b_hn}, and one of width H over its input prefix for {@code W_in x + b_in}. The gates are kept for
 * the backward pass and reported as {@code gru_r, gru_z, gru_n}.
 */
final class GruLayer extends GatedLayer {
  private final int gates;
  /** [width][3H]: r and z over the whole row, then the recurrent part of the candidate. */
  private float[][] packed = new float[0][];
  /** [inputs + 1][H]: the input part of the candidate. */
  private float[][] packedIn = new float[0][];
  /** The candidate's rows of the effective {@code weight_ih}. */
  private float[][] wInN = new float[0][];
  private float[][] gateR = new float[0][];
  private float[][] gateZ = new float[0][];
  private float[][] gateN = new float[0][];
  /** {@code W_hn h + b_hn} at row n. */
  private float[][] recN = new float[0][];
  private float[][][] stacked = new float[0][][];
  private float[][][] stackedIn = new float[0][][];

  GruLayer(int inputs, int hidden, SplittableRandom rng) {
    super(inputs, hidden, 3, rng);
    this.gates = 3 * hidden;
  }

  @Override
  void allocate(int rows, int parts) {
    packed = new float[width][gates];
    packedIn = new float[inputs + 1][hidden];
    gateR = new float[rows][hidden];
    gateZ = new float[rows][hidden];
    gateN = new float[rows][hidden];
    recN = new float[rows][hidden];
    stacked = new float[parts][gates][width];
    stackedIn = new float[parts][hidden][inputs + 1];
  }

  @Override
  void pack() {
    packColumns(packed, 0, 0, 2 * hidden, true);
    packColumns(packed, 2 * hidden, 2 * hidden, gates, false);
    float[] bi = biasIh.effective()[0];
    for (int j = 0; j < hidden; j++) {
      for (int i = 0; i < inputs; i++) {
        packedIn[i][j] = wIh[2 * hidden + j][i];
      }
      packedIn[inputs][j] = bi[2 * hidden + j];
    }
    wInN = rows(wIh, 2 * hidden, gates);
  }

  @Override
  void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
    float[] a = new float[gates];
    float[] an = new float[hidden];
    int[] index = new int[width];
    int hz = inputs + 1;
    for (int t = 0; t < steps; t++) {
      for (int b = b0; b < b1; b++) {
        int n = t * batch + b;
        float[] zr = z[n];
        System.arraycopy(in[n], 0, zr, 0, inputs);
        Arrays.fill(a, 0f);
        Kernels.addScaledRowsSparse(a, zr, packed, width, gates, index);
        Arrays.fill(an, 0f);
        Kernels.addScaledRows(an, zr, packedIn, inputs + 1, hidden);
        float[] r = gateR[n];
        float[] u = gateZ[n];
        float[] c = gateN[n];
        float[] rn = recN[n];
        float[] hn = h[n];
        for (int j = 0; j < hidden; j++) {
          r[j] = sigmoid(a[j]);
          u[j] = sigmoid(a[hidden + j]);
          rn[j] = a[2 * hidden + j];
          c[j] = tanh(an[j] + r[j] * rn[j]);
          hn[j] = (1 - u[j]) * c[j] + u[j] * zr[hz + j];
        }
        System.arraycopy(hn, 0, z[n + batch], hz, hidden);
      }
    }
  }

  /**
   * Backpropagation through time for sequences {@code [b0, b1)}. At step t the gradient with respect to h_t is
   * {@code dOut} plus the carry from t+1 ({@code z ⊙} its gradient plus {@code W_hhᵀ·da}); it gives the
   * pre-activation gradients {@code da} of r, z and {@code W_hn h + b_hn}, and {@code dn} of the candidate's input
   * part, from which the input gradient and, batched over the sequences of the step, the weight gradients follow.
   */
  @Override
  void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part) {
    int count = b1 - b0;
    float[][] carry = new float[count][hidden];
    float[][] daT = new float[gates][count];
    float[][] dnT = new float[hidden][count];
    float[][] zRows = new float[count][];
    float[] da = new float[gates];
    float[] dn = new float[hidden];
    float[][] g = stacked[part];
    float[][] gIn = stackedIn[part];
    for (float[] row : g) {
      Arrays.fill(row, 0f);
    }
    for (float[] row : gIn) {
      Arrays.fill(row, 0f);
    }
    int hz = inputs + 1;
    for (int t = steps - 1; t >= 0; t--) {
      for (int b = b0; b < b1; b++) {
        int s = b - b0;
        int n = t * batch + b;
        float[] d = dOut[n];
        float[] cr = carry[s];
        float[] r = gateR[n];
        float[] u = gateZ[n];
        float[] c = gateN[n];
        float[] rn = recN[n];
        float[] zr = z[n];
        for (int j = 0; j < hidden; j++) {
          float dh = d[j] + cr[j];
          float dc = dh * (1 - u[j]) * (1 - c[j] * c[j]);
          dn[j] = dc;
          da[j] = dc * rn[j] * r[j] * (1 - r[j]);
          da[hidden + j] = dh * (zr[hz + j] - c[j]) * u[j] * (1 - u[j]);
          da[2 * hidden + j] = dc * r[j];
          cr[j] = dh * u[j];
        }
        for (int m = 0; m < gates; m++) {
          daT[m][s] = da[m];
        }
        for (int j = 0; j < hidden; j++) {
          dnT[j][s] = dn[j];
        }
        if (t > 0) {
          Kernels.addScaledRows(cr, da, wHh, gates, hidden);
        }
        if (dIn != null) {
          float[] di = dIn[n];
          Arrays.fill(di, 0f);
          Kernels.addScaledRows(di, da, wIh, 2 * hidden, inputs);
          Kernels.addScaledRows(di, dn, wInN, hidden, inputs);
        }
        zRows[s] = zr;
      }
      for (int m = 0; m < gates; m++) {
        Kernels.addScaledRows(g[m], daT[m], zRows, count, width);
      }
      for (int j = 0; j < hidden; j++) {
        Kernels.addScaledRows(gIn[j], dnT[j], zRows, count, inputs + 1);
      }
    }
  }

  @Override
  void reduce(int parts) {
    parameters().forEach(Parameter::zeroGradients);
    float[][] gIh = weightIh.gradients();
    float[] gbIh = biasIh.gradients()[0];
    for (int part = 0; part < parts; part++) {
      addGradientRows(stacked[part], 0, 2 * hidden, true);
      addGradientRows(stacked[part], 2 * hidden, gates, false);
      for (int j = 0; j < hidden; j++) {
        float[] row = stackedIn[part][j];
        float[] wi = gIh[2 * hidden + j];
        for (int i = 0; i < inputs; i++) {
          wi[i] += row[i];
        }
        gbIh[2 * hidden + j] += row[inputs];
      }
    }
  }

  @Override
  CellMap cellMap() {
    return new GruCellMap(weightIh.effective(), weightHh.effective(), biasIh.effective()[0], biasHh.effective()[0]);
  }

  @Override
  Map<String, float[][]> extras() {
    return Map.of("gru_r", gateR, "gru_z", gateZ, "gru_n", gateN);
  }
}
