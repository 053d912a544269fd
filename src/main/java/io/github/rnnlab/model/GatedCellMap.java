package io.github.rnnlab.model;

import java.util.Arrays;

/**
 * What the one-step maps of the gated layers ({@link LstmCellMap}, {@link GruCellMap}) share: a snapshot of the
 * weights in double precision, PyTorch's layout ({@code gates} blocks of H rows), the pre-activations
 * {@code W_ih x + b_ih} and {@code W_hh h + b_hh} of every gate row, and the output h, the first H entries of the
 * state.
 */
abstract class GatedCellMap implements CellMap {
  final int inputs;
  final int hidden;
  final double[][] wIh;
  final double[][] wHh;
  private final double[] bIh;
  private final double[] bHh;

  GatedCellMap(float[][] wIh, float[][] wHh, float[] bIh, float[] bHh) {
    this.hidden = wHh[0].length;
    this.inputs = wIh[0].length;
    this.wIh = CellMap.toDouble(wIh);
    this.wHh = CellMap.toDouble(wHh);
    this.bIh = CellMap.toDouble(new float[][] {bIh})[0];
    this.bHh = CellMap.toDouble(new float[][] {bHh})[0];
  }

  @Override
  public final int inputSize() {
    return inputs;
  }

  @Override
  public final int outputSize() {
    return hidden;
  }

  @Override
  public final double[] initialState() {
    return new double[stateSize()];
  }

  @Override
  public final double[] output(double[] state) {
    return Arrays.copyOf(state, hidden);
  }

  @Override
  public final double[][] outputJacobian(double[] state) {
    double[][] jac = new double[hidden][stateSize()];
    for (int k = 0; k < hidden; k++) {
      jac[k][k] = 1;
    }
    return jac;
  }

  /** {@code W_ih·input + b_ih}, one entry per gate row. */
  final double[] inputPart(double[] input) {
    return affine(wIh, bIh, input);
  }

  /** {@code W_hh·h + b_hh} for h = the first H entries of {@code state}. */
  final double[] recurrentPart(double[] state) {
    return affine(wHh, bHh, state);
  }

  private static double[] affine(double[][] w, double[] bias, double[] v) {
    double[] y = bias.clone();
    for (int m = 0; m < w.length; m++) {
      for (int k = 0; k < w[m].length; k++) {
        y[m] += w[m][k] * v[k];
      }
    }
    return y;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
