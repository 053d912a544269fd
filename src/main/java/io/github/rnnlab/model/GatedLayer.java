package io.github.rnnlab.model;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What {@link LstmLayer} and {@link GruLayer} share: PyTorch's parameters of a gated layer with {@code gates} blocks
 * of {@code hidden} rows ({@code weight_ih}, {@code weight_hh}, {@code bias_ih}, {@code bias_hh}, blocks in PyTorch's
 * gate order), the row layout and the packing of weights into it, and the fixed-order gradient reduction.
 *
 * <p>Layout: row n = t·batch + b of {@code z} is {@code [x_t, 1, h_{t−1}]}, so one product of a row with packed
 * weights {@code [W_ih | b | W_hh]ᵀ} gives every gate's pre-activation, one more the weight gradients, and the input
 * part is a prefix (the GRU's candidate reads it alone). Rows 0..batch hold h_{−1} = 0; a step writes h_t into row
 * n + batch and into its output row.
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
   * Packs gate rows {@code [from, to)} of the weights, transposed, into columns {@code col..} of {@code packed}
   * ({@code width} rows): the input weights (or zeros if not {@code withInput}), the bias ({@code bias_hh}, plus
   * {@code bias_ih} if {@code withInput}), the recurrent weights.
   */
  final void packColumns(float[][] packed, int col, int from, int to, boolean withInput) {
    float[] bi = biasIh.effective()[0];
    float[] bh = biasHh.effective()[0];
    for (int m = from; m < to; m++) {
      int c = col + m - from;
      for (int i = 0; i < inputs; i++) {
        packed[i][c] = withInput ? wIh[m][i] : 0f;
      }
      packed[inputs][c] = withInput ? bi[m] + bh[m] : bh[m];
      for (int k = 0; k < hidden; k++) {
        packed[inputs + 1 + k][c] = wHh[m][k];
      }
    }
  }

  /**
   * The inverse of {@link #packColumns} for gradients: adds row m of {@code g} (a gradient over a row of {@code z})
   * into the parameters' gradients of gate row m, for m in {@code [from, to)}.
   */
  final void addGradientRows(float[][] g, int from, int to, boolean withInput) {
    float[][] gIh = weightIh.gradients();
    float[][] gHh = weightHh.gradients();
    float[] gbIh = biasIh.gradients()[0];
    float[] gbHh = biasHh.gradients()[0];
    for (int m = from; m < to; m++) {
      float[] row = g[m];
      if (withInput) {
        float[] wi = gIh[m];
        for (int i = 0; i < inputs; i++) {
          wi[i] += row[i];
        }
        gbIh[m] += row[inputs];
      }
      gbHh[m] += row[inputs];
      float[] wh = gHh[m];
      for (int k = 0; k < hidden; k++) {
        wh[k] += row[inputs + 1 + k];
      }
    }
  }

  /** Rows {@code [from, to)} of {@code m}, sharing their storage. */
  static float[][] rows(float[][] m, int from, int to) {
    return java.util.Arrays.copyOfRange(m, from, to);
  }

  /** The logistic sigmoid in float, computed in double. */
  static float sigmoid(float x) {
    return (float) (1 / (1 + Math.exp(-(double) x)));
  }

  /**
   * tanh in float, computed in double through {@code exp} (exact to far below a float's precision, and several times
   * faster than {@link Math#tanh} on JDK 17).
   */
  static float tanh(float x) {
    return (float) (1 - 2 / (Math.exp(2.0 * x) + 1));
  }
}
