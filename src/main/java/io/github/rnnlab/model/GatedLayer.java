package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What {@link LstmLayer} and {@link GruLayer} share: PyTorch's parameters of a gated layer with {@code gates} blocks
 * of {@code hidden} rows ({@code weight_ih}, {@code weight_hh}, {@code bias_ih}, {@code bias_hh}, blocks in PyTorch's
 * gate order), the row layout and the packing of weights into it, and the fixed-order gradient reduction.
 *
 * <p>Layout: row n = t·batch + b of {@code z} is {@code [x_t, 1, h_{t−1}]}, so one product of a row with packed
 * weights {@code [W_ih | b | W_hh]ᵀ} gives every gate's pre-activation, and the input part is a prefix (the GRU's
 * candidate reads it alone). Rows 0..batch hold h_{−1} = 0; a step writes h_t into its output row and into row
 * n + batch. The products of a step run over all its sequences at once ({@link Kernels#addScaledRowsMany}), and the
 * weight gradients are sums over the sequences of a step of outer products of the step's rows (transposed) with the
 * output gradients, in long rows.
 */
abstract class GatedLayer extends Layer {
  final int inputs;
  final int hidden;
  /** The length of a row of {@code z}: inputs, the constant 1, hidden. */
  final int width;
  final Parameter weightIh;
  final Parameter weightHh;
  final Parameter biasIh;
  final Parameter biasHh;
  private final List<Parameter> parameters;

  int steps;
  int batch;
  private int parts;
  /** [x_t, 1, h_{t−1}] at row n; rows + batch rows. */
  float[][] z = new float[0][];
  /** h_t at row n: the output. */
  float[][] h = new float[0][];
  /** The effective weights of the last {@link #begin}. */
  float[][] wIh = new float[0][];
  float[][] wHh = new float[0][];

  /**
   * A layer reading {@code inputs} values per row with {@code hidden} units and {@code gates} blocks of rows per
   * weight; every entry is drawn from U(−1/√hidden, 1/√hidden), parameter by parameter in PyTorch's order.
   */
  GatedLayer(int inputs, int hidden, int gates, SplittableRandom rng) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.width = inputs + 1 + hidden;
    this.weightIh = new Parameter("weight_ih", gates * hidden, inputs, false);
    this.weightHh = new Parameter("weight_hh", gates * hidden, hidden, false);
    this.biasIh = new Parameter("bias_ih", 1, gates * hidden, true);
    this.biasHh = new Parameter("bias_hh", 1, gates * hidden, true);
    this.parameters = List.of(weightIh, weightHh, biasIh, biasHh);
    parameters.forEach(p -> Init.uniform(p, hidden, rng));
  }

  @Override
  final int inputSize() {
    return inputs;
  }

  @Override
  final int outputSize() {
    return hidden;
  }

  @Override
  final boolean recurrent() {
    return true;
  }

  @Override
  final List<Parameter> parameters() {
    return parameters;
  }

  @Override
  final float[][] output() {
    return h;
  }

  @Override
  final void begin(int steps, int batch, int parts) {
    if (steps != this.steps || batch != this.batch || parts > this.parts) {
      this.steps = steps;
      this.batch = batch;
      this.parts = parts;
      int rows = steps * batch;
      z = new float[rows + batch][width];
      for (float[] row : z) {
        row[inputs] = 1f;
      }
      h = new float[rows][hidden];
      allocate(rows, parts);
    }
    wIh = weightIh.effective();
    wHh = weightHh.effective();
    pack();
  }

  /** Allocates the subclass's work arrays for {@code rows} rows and {@code parts} gradient partitions. */
  abstract void allocate(int rows, int parts);

  /** Packs the effective weights into the subclass's product matrices. */
  abstract void pack();

  /**
   * Packs gate rows {@code [from, to)} of the weights, transposed, into the same columns of {@code packed}
   * ({@code width} rows): the input weights (or zeros if not {@code withInput}), the bias ({@code bias_hh}, plus
   * {@code bias_ih} if {@code withInput}), the recurrent weights.
   */
  final void packColumns(float[][] packed, int from, int to, boolean withInput) {
    float[] bi = biasIh.effective()[0];
    float[] bh = biasHh.effective()[0];
    for (int m = from; m < to; m++) {
      for (int i = 0; i < inputs; i++) {
        packed[i][m] = withInput ? wIh[m][i] : 0f;
      }
      packed[inputs][m] = withInput ? bi[m] + bh[m] : bh[m];
      for (int k = 0; k < hidden; k++) {
        packed[inputs + 1 + k][m] = wHh[m][k];
      }
    }
  }

  /**
   * The inverse of {@link #packColumns} for gradients: adds columns {@code [from, to)} of {@code g} ({@code width}
   * rows, a gradient with respect to {@code packed}) into the parameters' gradients of the same gate rows.
   */
  final void addGradientColumns(float[][] g, int from, int to, boolean withInput) {
    float[][] gIh = weightIh.gradients();
    float[][] gHh = weightHh.gradients();
    float[] gbIh = biasIh.gradients()[0];
    float[] gbHh = biasHh.gradients()[0];
    for (int m = from; m < to; m++) {
      if (withInput) {
        float[] wi = gIh[m];
        for (int i = 0; i < inputs; i++) {
          wi[i] += g[i][m];
        }
        gbIh[m] += g[inputs][m];
      }
      gbHh[m] += g[inputs][m];
      float[] wh = gHh[m];
      for (int k = 0; k < hidden; k++) {
        wh[k] += g[inputs + 1 + k][m];
      }
    }
  }

  /**
   * Readies step t of sequences {@code [b0, b1)}: copies their inputs into their rows of {@code z} and collects those
   * rows in {@code zRows}.
   */
  final void loadStep(float[][] in, int t, int b0, int b1, float[][] zRows) {
    for (int b = b0; b < b1; b++) {
      int n = t * batch + b;
      System.arraycopy(in[n], 0, z[n], 0, inputs);
      zRows[b - b0] = z[n];
    }
  }

  /** After step t of sequences {@code [b0, b1)}: copies h_t into the rows of step t+1. */
  final void storeState(int t, int b0, int b1) {
    for (int b = b0; b < b1; b++) {
      int n = t * batch + b;
      System.arraycopy(h[n], 0, z[n + batch], inputs + 1, hidden);
    }
  }

  /** The number of leading entries of step t's rows that can be nonzero: at t = 0 the recurrent part is zero. */
  final int live(int t) {
    return t == 0 ? inputs + 1 : width;
  }

  /** Step t's rows of sequences {@code [b0, b1)}, transposed: {@code zT[k][b − b0]}. */
  final void transposeStep(int t, int b0, int b1, float[][] zT) {
    for (int b = b0; b < b1; b++) {
      float[] zr = z[t * batch + b];
      for (int k = 0; k < width; k++) {
        zT[k][b - b0] = zr[k];
      }
    }
  }

  /**
   * Adds one step's weight gradients, batched over its sequences: {@code g[k] += Σ_s zT[k][s]·d[s]} over the first
   * {@code rows} entries k of a row of {@code z} and the gradients {@code d[s]} with respect to a product's outputs.
   * The product's rows are long (4H for the LSTM), so this runs faster than one row of weights at a time.
   */
  static void addWeightGradients(float[][] g, float[][] zT, float[][] d, int count, int rows) {
    for (int k = 0; k < rows; k++) {
      Kernels.addScaledRows(g[k], zT[k], d, count, g[k].length);
    }
  }

  static void zero(float[][] rows) {
    for (float[] row : rows) {
      Arrays.fill(row, 0f);
    }
  }
}
