package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rnnlab.data.Batch;
import java.util.HashMap;
import java.util.Map;

/**
 * An LSTM or GRU with a linear readout, written plainly in double precision from the equations in PyTorch's
 * documentation of {@code torch.nn.LSTM} and {@code torch.nn.GRU} (gate blocks of {@code weight_ih} and
 * {@code weight_hh} in the order i, f, g, o and r, z, n), with the (weighted) mean cross-entropy on labels or squared
 * error on float targets over every step, and central finite differences of that loss: the independent check of
 * {@link LstmLayer} and {@link GruLayer}.
 */
final class ReferenceGated {
  enum Kind { LSTM, GRU }

  private final Kind kind;
  private final int hidden;
  private final Map<String, double[][]> params;
  /** Of the last {@link #outputs} call, [t][b][j]: h, and for the LSTM c; the gates by name as the rollout names them. */
  double[][][] h = new double[0][][];
  double[][][] c = new double[0][][];
  final Map<String, double[][][]> gates = new HashMap<>();

  ReferenceGated(Kind kind, RecurrentNetwork net) {
    this.kind = kind;
    this.params = GradientCheck.snapshot(net);
    this.hidden = params.get("weight_hh")[0].length;
  }

  static GatedNetwork network(Kind kind, int inputs, int hidden, int outputs, Loss loss, long seed) {
    return kind == Kind.LSTM
        ? Lstm.builder().inputSize(inputs).hiddenSize(hidden).outputSize(outputs).loss(loss).seed(seed).build()
        : Gru.builder().inputSize(inputs).hiddenSize(hidden).outputSize(outputs).loss(loss).seed(seed).build();
  }

  /** {@code W[block·H + j]·v + b[block·H + j]} for weight {@code w} and bias {@code b}: gate block's affine part. */
  private double affine(String w, String b, int block, int j, double[] v) {
    int row = block * hidden + j;
    double s = params.get(b)[0][row];
    double[] weights = params.get(w)[row];
    for (int k = 0; k < v.length; k++) {
      s += weights[k] * v[k];
    }
    return s;
  }

  private double inputPart(int block, int j, double[] x) {
    return affine("weight_ih", "bias_ih", block, j, x);
  }

  private double hiddenPart(int block, int j, double[] hPrev) {
    return affine("weight_hh", "bias_hh", block, j, hPrev);
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** Outputs y[t][b][o] from a zero state; fills {@link #h}, {@link #c} and {@link #gates}. */
  double[][][] outputs(Batch batch) {
    int steps = batch.seqLen();
    int size = batch.batchSize();
    double[][] wOut = params.get("W_out");
    double[] bOut = params.get("b_out")[0];
    double[][][] y = new double[steps][size][wOut.length];
    h = new double[steps][size][];
    c = new double[steps][size][];
    String[] names = kind == Kind.LSTM ? new String[] {"lstm_i", "lstm_f", "lstm_g", "lstm_o"}
        : new String[] {"gru_r", "gru_z", "gru_n"};
    for (String name : names) {
      gates.put(name, new double[steps][size][hidden]);
    }
    for (int b = 0; b < size; b++) {
      double[] hPrev = new double[hidden];
      double[] cPrev = new double[hidden];
      for (int t = 0; t < steps; t++) {
        double[] x = new double[batch.inputSize()];
        for (int i = 0; i < x.length; i++) {
          x[i] = batch.input(t, b, i);
        }
        double[] hNew = new double[hidden];
        double[] cNew = new double[hidden];
        for (int j = 0; j < hidden; j++) {
          if (kind == Kind.LSTM) {
            double in = sigmoid(inputPart(0, j, x) + hiddenPart(0, j, hPrev));
            double forget = sigmoid(inputPart(1, j, x) + hiddenPart(1, j, hPrev));
            double cand = Math.tanh(inputPart(2, j, x) + hiddenPart(2, j, hPrev));
            double out = sigmoid(inputPart(3, j, x) + hiddenPart(3, j, hPrev));
            cNew[j] = forget * cPrev[j] + in * cand;
            hNew[j] = out * Math.tanh(cNew[j]);
            double[] values = {in, forget, cand, out};
            for (int g = 0; g < 4; g++) {
              gates.get(names[g])[t][b][j] = values[g];
            }
          } else {
            double reset = sigmoid(inputPart(0, j, x) + hiddenPart(0, j, hPrev));
            double update = sigmoid(inputPart(1, j, x) + hiddenPart(1, j, hPrev));
            double cand = Math.tanh(inputPart(2, j, x) + reset * hiddenPart(2, j, hPrev));
            hNew[j] = (1 - update) * cand + update * hPrev[j];
            double[] values = {reset, update, cand};
            for (int g = 0; g < 3; g++) {
              gates.get(names[g])[t][b][j] = values[g];
            }
          }
        }
        hPrev = hNew;
        cPrev = cNew;
        h[t][b] = hNew;
        c[t][b] = cNew;
        for (int o = 0; o < wOut.length; o++) {
          double v = bOut[o];
          for (int j = 0; j < hidden; j++) {
            v += wOut[o][j] * hNew[j];
          }
          y[t][b][o] = v;
        }
      }
    }
    return y;
  }

  /** The network's loss of this reference's outputs: see {@link GradientCheck#meanLoss}. */
  double loss(Batch batch) {
    return GradientCheck.meanLoss(outputs(batch), batch);
  }

  /**
   * Asserts that every gradient {@code net} holds for {@code batch} matches this reference's central finite
   * differences (within 1e-6 plus 1e-5 times the largest gradient; float rounding leaves about 1e-8 of it).
   */
  void assertGradientsMatch(RecurrentNetwork net, Batch batch) {
    GradientCheck.assertMatches(net, params, () -> loss(batch), 1e-6, 1e-5);
  }

  /** Asserts that {@code actual}, flat (time, batch, units), matches {@code expected}[t][b][unit]. */
  static void assertSame(double[][][] expected, float[] actual, double tolerance, String what) {
    int n = 0;
    for (int t = 0; t < expected.length; t++) {
      for (int b = 0; b < expected[t].length; b++) {
        for (int j = 0; j < expected[t][b].length; j++, n++) {
          assertEquals(expected[t][b][j], actual[n], tolerance, what + " " + t + "," + b + "," + j);
        }
      }
    }
    assertEquals(n, actual.length, what + " size");
  }
}
