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
  private float[] zeros = new float[0];
  private float[][] gateR = new float[0][];
  private float[][] gateZ = new float[0][];
  private float[][] gateN = new float[0][];
  /** {@code W_hn h + b_hn} at row n. */
  private float[][] recN = new float[0][];
  /** Per partition, the weight gradients with respect to {@code packed} and {@code packedIn}. */
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
    zeros = new float[hidden];
    gateR = new float[rows][hidden];
    gateZ = new float[rows][hidden];
    gateN = new float[rows][hidden];
    recN = new float[rows][hidden];
    stacked = new float[parts][width][gates];
    stackedIn = new float[parts][inputs + 1][hidden];
  }

  @Override
  void pack() {
    packColumns(packed, 0, 2 * hidden, true);
    packColumns(packed, 2 * hidden, gates, false);
    float[] bi = biasIh.effective()[0];
    for (int j = 0; j < hidden; j++) {
      for (int i = 0; i < inputs; i++) {
        packedIn[i][j] = wIh[2 * hidden + j][i];
      }
      packedIn[inputs][j] = bi[2 * hidden + j];
    }
    wInN = Arrays.copyOfRange(wIh, 2 * hidden, gates);
  }

  @Override
  void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
    int count = b1 - b0;
    float[][] a = new float[count][gates];
    float[][] an = new float[count][hidden];
    float[][] zRows = new float[count][];
    float[] pre = new float[hidden];
    GateMath math = new GateMath(hidden);
    for (int t = 0; t < steps; t++) {
      loadStep(in, t, b0, b1, zRows);
      zero(a);
      zero(an);
      Kernels.addScaledRowsMany(a, zRows, count, packed, live(t), gates);
      Kernels.addScaledRowsMany(an, zRows, count, packedIn, inputs + 1, hidden);
      for (int b = b0; b < b1; b++) {
        step(t * batch + b, a[b - b0], an[b - b0], pre, math);
      }
      storeState(t, b0, b1);
    }
  }

  /**
   * The gates and output of row n from the pre-activations {@code a} of r, z and {@code W_hn h + b_hn}, and
   * {@code an = W_in x + b_in}; {@code pre} is work space.
   */
  private void step(int n, float[] a, float[] an, float[] pre, GateMath math) {
    float[] r = gateR[n];
    float[] u = gateZ[n];
    math.sigmoid(a, 0, r);
    math.sigmoid(a, hidden, u);
    float[] rn = recN[n];
    System.arraycopy(a, 2 * hidden, rn, 0, hidden);
    for (int j = 0; j < hidden; j++) {
      pre[j] = an[j] + r[j] * rn[j];
    }
    float[] c = gateN[n];
    math.tanh(pre, 0, c);
    float[] hPrev = previous(n);
    float[] hn = h[n];
    for (int j = 0; j < hidden; j++) {
      hn[j] = (1 - u[j]) * c[j] + u[j] * hPrev[j];
    }
  }

  /**
   * h_{t−1} of row n: the output row of the step before, or zeros. (The same values start row n of {@code z}, but a
   * loop reading them at an offset is not vectorised.)
   */
  private float[] previous(int n) {
    return n >= batch ? h[n - batch] : zeros;
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
    float[][] da = new float[count][gates];
    float[][] dn = new float[count][hidden];
    float[][] zT = new float[width][count];
    float[][] work = new float[3][hidden];
    float[][] g = stacked[part];
    float[][] gIn = stackedIn[part];
    zero(g);
    zero(gIn);
    for (int t = steps - 1; t >= 0; t--) {
      for (int b = b0; b < b1; b++) {
        int s = b - b0;
        int n = t * batch + b;
        gateGradients(n, dOut[n], carry[s], da[s], dn[s], work);
        if (dIn != null) {
          Arrays.fill(dIn[n], 0f);
          Kernels.addScaledRows(dIn[n], da[s], wIh, 2 * hidden, inputs);
          Kernels.addScaledRows(dIn[n], dn[s], wInN, hidden, inputs);
        }
      }
      if (t > 0) {
        Kernels.addScaledRowsMany(carry, da, count, wHh, gates, hidden);
      }
      transposeStep(t, b0, b1, zT);
      addWeightGradients(g, zT, da, count, live(t));
      addWeightGradients(gIn, zT, dn, count, inputs + 1);
    }
  }

  /**
   * Row n's pre-activation gradients {@code da} of r, z and {@code W_hn h + b_hn}, and {@code dn} of
   * {@code W_in x + b_in}, from the output gradient {@code d} and the carry from step t+1, which it replaces with the
   * direct part of the carry to step t−1 ({@code z ⊙} the gradient with respect to h_t). {@code work} holds three
   * rows of H.
   */
  private void gateGradients(int n, float[] d, float[] carry, float[] da, float[] dn, float[][] work) {
    float[] r = gateR[n];
    float[] u = gateZ[n];
    float[] c = gateN[n];
    float[] rn = recN[n];
    float[] dr = work[0];
    float[] du = work[1];
    float[] dhn = work[2];
    float[] hPrev = previous(n);
    // One array per gate: stores at offsets H, 2H of one array would keep C2 from vectorising the loop.
    for (int j = 0; j < hidden; j++) {
      float dh = d[j] + carry[j];
      float dc = dh * (1 - u[j]) * (1 - c[j] * c[j]);
      dn[j] = dc;
      dr[j] = dc * rn[j] * r[j] * (1 - r[j]);
      du[j] = dh * (hPrev[j] - c[j]) * u[j] * (1 - u[j]);
      dhn[j] = dc * r[j];
      carry[j] = dh * u[j];
    }
    for (int gate = 0; gate < 3; gate++) {
      System.arraycopy(work[gate], 0, da, gate * hidden, hidden);
    }
  }

  @Override
  void reduce(int parts) {
    parameters().forEach(Parameter::zeroGradients);
    float[][] gIh = weightIh.gradients();
    float[] gbIh = biasIh.gradients()[0];
    for (int part = 0; part < parts; part++) {
      addGradientColumns(stacked[part], 0, 2 * hidden, true);
      addGradientColumns(stacked[part], 2 * hidden, gates, false);
      float[][] gn = stackedIn[part];
      for (int j = 0; j < hidden; j++) {
        float[] wi = gIh[2 * hidden + j];
        for (int i = 0; i < inputs; i++) {
          wi[i] += gn[i][j];
        }
        gbIh[2 * hidden + j] += gn[inputs][j];
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
