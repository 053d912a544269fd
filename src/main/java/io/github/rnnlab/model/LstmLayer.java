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
  /** One weight gradient with respect to {@code packed}, [width][4H], per partition. */
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
    stacked = new float[parts][width][gates];
  }

  @Override
  void pack() {
    packColumns(packed, 0, gates, true);
  }

  @Override
  void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
    int count = b1 - b0;
    float[][] a = new float[count][gates];
    float[][] zRows = new float[count][];
    GateMath math = new GateMath(hidden);
    for (int t = 0; t < steps; t++) {
      loadStep(in, t, b0, b1, zRows);
      zero(a);
      Kernels.addScaledRowsMany(a, zRows, count, packed, live(t), gates);
      for (int b = b0; b < b1; b++) {
        step(t * batch + b, a[b - b0], math);
      }
      storeState(t, b0, b1);
    }
  }

  /** The gates, cell state and output of row n from the gates' pre-activations {@code a}. */
  private void step(int n, float[] a, GateMath math) {
    float[] gi = gateI[n];
    float[] gf = gateF[n];
    float[] go = gateO[n];
    float[] gg = gateG[n];
    math.sigmoid(a, 0, gi);
    math.sigmoid(a, hidden, gf);
    math.tanh(a, 2 * hidden, gg);
    math.sigmoid(a, 3 * hidden, go);
    float[] cPrev = cell[n];
    float[] c = cell[n + batch];
    for (int j = 0; j < hidden; j++) {
      c[j] = gf[j] * cPrev[j] + gi[j] * gg[j];
    }
    float[] tc = tanhCell[n];
    math.tanh(c, 0, tc);
    float[] hn = h[n];
    for (int j = 0; j < hidden; j++) {
      hn[j] = go[j] * tc[j];
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
    float[][] da = new float[count][gates];
    float[][] zT = new float[width][count];
    float[][] work = new float[4][hidden];
    float[][] g = stacked[part];
    zero(g);
    for (int t = steps - 1; t >= 0; t--) {
      for (int b = b0; b < b1; b++) {
        int s = b - b0;
        int n = t * batch + b;
        gateGradients(n, dOut[n], dh[s], dc[s], da[s], work);
        if (dIn != null) {
          Arrays.fill(dIn[n], 0f);
          Kernels.addScaledRows(dIn[n], da[s], wIh, gates, inputs);
        }
      }
      if (t > 0) {
        zero(dh);
        Kernels.addScaledRowsMany(dh, da, count, wHh, gates, hidden);
      }
      transposeStep(t, b0, b1, zT);
      addWeightGradients(g, zT, da, count, live(t));
    }
  }

  /**
   * Row n's gate pre-activation gradients {@code da} from the output gradient {@code d} and the carries from step
   * t+1, {@code dh} (with respect to h_t, through the recurrent weights) and {@code dc} (with respect to c_t), which
   * it replaces with the carry to step t−1 through the cell state. {@code work} holds four rows of H.
   */
  private void gateGradients(int n, float[] d, float[] dh, float[] dc, float[] da, float[][] work) {
    float[] gi = gateI[n];
    float[] gf = gateF[n];
    float[] gg = gateG[n];
    float[] go = gateO[n];
    float[] cPrev = cell[n];
    float[] tc = tanhCell[n];
    float[] di = work[0];
    float[] df = work[1];
    float[] dg = work[2];
    float[] dO = work[3];
    // One array per gate: stores at offsets H, 2H, 3H of one array would keep C2 from vectorising the loop.
    for (int j = 0; j < hidden; j++) {
      float dhj = d[j] + dh[j];
      float dcj = dc[j] + dhj * go[j] * (1 - tc[j] * tc[j]);
      di[j] = dcj * gg[j] * gi[j] * (1 - gi[j]);
      df[j] = dcj * cPrev[j] * gf[j] * (1 - gf[j]);
      dg[j] = dcj * gi[j] * (1 - gg[j] * gg[j]);
      dO[j] = dhj * tc[j] * go[j] * (1 - go[j]);
      dc[j] = dcj * gf[j];
    }
    for (int gate = 0; gate < 4; gate++) {
      System.arraycopy(work[gate], 0, da, gate * hidden, hidden);
    }
  }

  @Override
  void reduce(int parts) {
    parameters().forEach(Parameter::zeroGradients);
    for (int part = 0; part < parts; part++) {
      addGradientColumns(stacked[part], 0, gates, true);
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
