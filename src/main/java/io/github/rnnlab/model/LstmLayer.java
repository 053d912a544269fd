package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * PyTorch's LSTM as a {@link Layer}, gates in PyTorch's order i, f, g, o:
 *
 * <pre>
 * i = σ(W_ii x + b_ii + W_hi h + b_hi)     f = σ(W_if x + b_if + W_hf h + b_hf)
 * g = tanh(W_ig x + b_ig + W_hg h + b_hg)  o = σ(W_io x + b_io + W_ho h + b_ho)
 * c' = f ⊙ c + i ⊙ g                       h' = o ⊙ tanh(c')
 * </pre>
 *
 * <p>The four gates are one product of width 4H over the row {@code [x_t, 1, h_{t−1}]} (see {@link GatedLayer}).
 * The gates and the cell state after every step are kept for the backward pass and reported as
 * {@code lstm_i, lstm_f, lstm_g, lstm_o, lstm_c}.
 */
final class LstmLayer extends GatedLayer {
  private final int gates;
  private float[][] packed = new float[0][];
  private float[][] gateI = new float[0][];
  private float[][] gateF = new float[0][];
  private float[][] gateG = new float[0][];
  private float[][] gateO = new float[0][];
  /** c_t at row n + batch (rows 0..batch are c_{−1} = 0). */
  private float[][] cell = new float[0][];
  private float[][] tanhCell = new float[0][];
  /** One [4H][width] weight gradient per partition. */
  private float[][][] stacked = new float[0][][];

  LstmLayer(int inputs, int hidden, SplittableRandom rng) {
    super(inputs, hidden, 4, rng);
    this.gates = 4 * hidden;
  }

  @Override
  void allocate(int rows, int parts) {
    packed = new float[width][gates];
    gateI = new float[rows][hidden];
    gateF = new float[rows][hidden];
    gateG = new float[rows][hidden];
    gateO = new float[rows][hidden];
    cell = new float[rows + batch][hidden];
    tanhCell = new float[rows][hidden];
    stacked = new float[parts][gates][width];
  }

  @Override
  void pack() {
    packColumns(packed, 0, 0, gates, true);
  }

  @Override
  void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
    float[] a = new float[gates];
    int[] index = new int[width];
    int hz = inputs + 1;
    for (int t = 0; t < steps; t++) {
      for (int b = b0; b < b1; b++) {
        int n = t * batch + b;
        float[] zr = z[n];
        System.arraycopy(in[n], 0, zr, 0, inputs);
        Arrays.fill(a, 0f);
        // Inputs are often zero, and at t = 0 the whole recurrent part is.
        Kernels.addScaledRowsSparse(a, zr, packed, width, gates, index);
        float[] gi = gateI[n];
        float[] gf = gateF[n];
        float[] gg = gateG[n];
        float[] go = gateO[n];
        float[] cPrev = cell[n];
        float[] c = cell[n + batch];
        float[] tc = tanhCell[n];
        float[] hn = h[n];
        for (int j = 0; j < hidden; j++) {
          gi[j] = sigmoid(a[j]);
          gf[j] = sigmoid(a[hidden + j]);
          gg[j] = tanh(a[2 * hidden + j]);
          go[j] = sigmoid(a[3 * hidden + j]);
          c[j] = gf[j] * cPrev[j] + gi[j] * gg[j];
          tc[j] = tanh(c[j]);
          hn[j] = go[j] * tc[j];
        }
        System.arraycopy(hn, 0, z[n + batch], hz, hidden);
      }
    }
  }

  /**
   * Backpropagation through time for sequences {@code [b0, b1)}. At step t the gradient with respect to h_t is
   * {@code dOut} plus {@code W_hhᵀ·da_{t+1}}, and with respect to c_t the part through h_t plus {@code f_{t+1} ⊙}
   * the one of c_{t+1}; they give the pre-activation gradients {@code da} of the four gates, from which the input
   * gradient {@code W_ihᵀ·da} and, batched over the sequences of the step, the weight gradients follow.
   */
  @Override
  void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part) {
    int count = b1 - b0;
    float[][] dh = new float[count][hidden];
    float[][] dc = new float[count][hidden];
    float[][] daT = new float[gates][count];
    float[][] zRows = new float[count][];
    float[] da = new float[gates];
    float[][] g = stacked[part];
    for (float[] row : g) {
      Arrays.fill(row, 0f);
    }
    for (int t = steps - 1; t >= 0; t--) {
      for (int b = b0; b < b1; b++) {
        int s = b - b0;
        int n = t * batch + b;
        float[] d = dOut[n];
        float[] carryH = dh[s];
        float[] carryC = dc[s];
        float[] gi = gateI[n];
        float[] gf = gateF[n];
        float[] gg = gateG[n];
        float[] go = gateO[n];
        float[] cPrev = cell[n];
        float[] tc = tanhCell[n];
        for (int j = 0; j < hidden; j++) {
          float dhj = d[j] + carryH[j];
          float dcj = carryC[j] + dhj * go[j] * (1 - tc[j] * tc[j]);
          da[j] = dcj * gg[j] * gi[j] * (1 - gi[j]);
          da[hidden + j] = dcj * cPrev[j] * gf[j] * (1 - gf[j]);
          da[2 * hidden + j] = dcj * gi[j] * (1 - gg[j] * gg[j]);
          da[3 * hidden + j] = dhj * tc[j] * go[j] * (1 - go[j]);
          carryC[j] = dcj * gf[j];
        }
        for (int m = 0; m < gates; m++) {
          daT[m][s] = da[m];
        }
        if (t > 0) {
          Arrays.fill(carryH, 0f);
          Kernels.addScaledRows(carryH, da, wHh, gates, hidden);
        }
        if (dIn != null) {
          float[] di = dIn[n];
          Arrays.fill(di, 0f);
          Kernels.addScaledRows(di, da, wIh, gates, inputs);
        }
        zRows[s] = z[n];
      }
      for (int m = 0; m < gates; m++) {
        Kernels.addScaledRows(g[m], daT[m], zRows, count, width);
      }
    }
  }

  @Override
  void reduce(int parts) {
    parameters().forEach(Parameter::zeroGradients);
    for (int part = 0; part < parts; part++) {
      addGradientRows(stacked[part], 0, gates, true);
    }
  }

  @Override
  CellMap cellMap() {
    return new LstmCellMap(weightIh.effective(), weightHh.effective(), biasIh.effective()[0],
        biasHh.effective()[0]);
  }

  @Override
  Map<String, float[][]> extras() {
    int rows = steps * batch;
    return Map.of("lstm_i", gateI, "lstm_f", gateF, "lstm_g", gateG, "lstm_o", gateO,
        "lstm_c", Arrays.copyOfRange(cell, batch, rows + batch));
  }
}
