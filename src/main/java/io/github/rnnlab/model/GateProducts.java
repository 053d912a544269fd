package io.github.rnnlab.model;

/**
 * A gated layer's weights in double precision for its one-step map ({@link LstmCellMap}, {@link GruCellMap}): the
 * pre-activations {@code W_ih x + b_ih} and {@code W_hh h + b_hh} of every gate row, in PyTorch's layout.
 */
final class GateProducts {
  final int inputs;
  final int hidden;
  final double[][] wIh;
  final double[][] wHh;
  private final double[] bIh;
  private final double[] bHh;

  GateProducts(float[][] wIh, float[][] wHh, float[] bIh, float[] bHh, int gates) {
    this.hidden = wHh[0].length;
    this.inputs = wIh[0].length;
    if (wHh.length != gates * hidden) {
      throw new IllegalArgumentException("weight_hh must have " + gates + "·hidden rows; got " + wHh.length);
    }
    this.wIh = toDouble(wIh);
    this.wHh = toDouble(wHh);
    this.bIh = toDouble(new float[][] {bIh})[0];
    this.bHh = toDouble(new float[][] {bHh})[0];
  }

  private static double[][] toDouble(float[][] m) {
    double[][] d = new double[m.length][m[0].length];
    for (int r = 0; r < m.length; r++) {
      for (int c = 0; c < m[r].length; c++) {
        d[r][c] = m[r][c];
      }
    }
    return d;
  }

  /** {@code W_ih·input + b_ih}, one entry per gate row. */
  double[] inputPart(double[] input) {
    return affine(wIh, bIh, input);
  }

  /** {@code W_hh·h + b_hh} for h = the first {@code hidden} entries of {@code state}. */
  double[] recurrentPart(double[] state) {
    return affine(wHh, bHh, state);
  }

  /** Both parts summed. */
  double[] preActivations(double[] state, double[] input) {
    double[] a = inputPart(input);
    double[] b = recurrentPart(state);
    for (int m = 0; m < a.length; m++) {
      a[m] += b[m];
    }
    return a;
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

  /** The Jacobian of reading h, the first {@code h} of {@code size} state entries: [h][size]. */
  static double[][] selectH(int h, int size) {
    double[][] jac = new double[h][size];
    for (int k = 0; k < h; k++) {
      jac[k][k] = 1;
    }
    return jac;
  }
}
