package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * CTRNN modules in sequence with a readout, written plainly in double precision straight from the equations, with
 * central finite differences of its loss: the independent check of the networks' BPTT. A {@link Ctrnn} is one module
 * with unprefixed parameter names; a {@link HierarchicalCtrnn} names module m's parameters {@code m<m>.W_in}, ….
 */
final class ReferenceCtrnn {
  private final Map<String, double[][]> params = new HashMap<>();
  private final List<String> prefixes;
  private final double alpha;
  private final ReluPlacement placement;
  /** rates[m][t][b][j] of the last {@link #outputs} call. */
  double[][][][] rates = new double[0][][][];

  ReferenceCtrnn(RecurrentNetwork net, List<String> modulePrefixes, double alpha, ReluPlacement placement) {
    for (Parameter p : net.parameters()) {
      float[][] v = p.values();
      double[][] d = new double[v.length][v[0].length];
      for (int r = 0; r < v.length; r++) {
        for (int c = 0; c < v[r].length; c++) {
          d[r][c] = v[r][c];
        }
      }
      params.put(p.name(), d);
    }
    this.prefixes = List.copyOf(modulePrefixes);
    this.alpha = alpha;
    this.placement = placement;
  }

  static ReferenceCtrnn of(CtrnnNetwork net) {
    List<String> prefixes = net instanceof HierarchicalCtrnn h
        ? java.util.stream.IntStream.rangeClosed(1, h.modules()).mapToObj(m -> "m" + m + ".").toList()
        : List.of("");
    return new ReferenceCtrnn(net, prefixes, net.alpha(), net.reluPlacement());
  }

  /** Outputs y[t][b][o] from a zero state; fills {@link #rates}. */
  double[][][] outputs(Batch batch) {
    int steps = batch.seqLen();
    int size = batch.batchSize();
    int modules = prefixes.size();
    double[][] wOut = params.get("W_out");
    double[] bOut = params.get("b_out")[0];
    double[][][] y = new double[steps][size][wOut.length];
    rates = new double[modules][steps][size][];
    for (int b = 0; b < size; b++) {
      double[][] h = new double[modules][];
      for (int m = 0; m < modules; m++) {
        h[m] = new double[params.get(prefixes.get(m) + "W_rec").length];
      }
      for (int t = 0; t < steps; t++) {
        double[] input = new double[batch.inputSize()];
        for (int i = 0; i < input.length; i++) {
          input[i] = batch.input(t, b, i);
        }
        for (int m = 0; m < modules; m++) {
          double[][] wIn = params.get(prefixes.get(m) + "W_in");
          double[] bIn = params.get(prefixes.get(m) + "b_in")[0];
          double[][] wRec = params.get(prefixes.get(m) + "W_rec");
          double[] bRec = params.get(prefixes.get(m) + "b_rec")[0];
          double[] next = new double[h[m].length];
          for (int j = 0; j < next.length; j++) {
            double drive = bIn[j] + bRec[j];
            for (int i = 0; i < input.length; i++) {
              drive += wIn[j][i] * input[i];
            }
            for (int k = 0; k < next.length; k++) {
              drive += wRec[j][k] * h[m][k];
            }
            next[j] = placement == ReluPlacement.INSIDE
                ? (1 - alpha) * h[m][j] + alpha * Math.max(drive, 0)
                : Math.max((1 - alpha) * h[m][j] + alpha * drive, 0);
          }
          h[m] = next;
          rates[m][t][b] = next;
          input = next;
        }
        for (int o = 0; o < wOut.length; o++) {
          double v = bOut[o];
          for (int j = 0; j < input.length; j++) {
            v += wOut[o][j] * input[j];
          }
          y[t][b][o] = v;
        }
      }
    }
    return y;
  }

  /** Mean cross-entropy over every step and sequence. */
  double loss(Batch batch) {
    double[][][] y = outputs(batch);
    double sum = 0;
    for (int t = 0; t < y.length; t++) {
      for (int b = 0; b < y[t].length; b++) {
        double norm = 0;
        for (double v : y[t][b]) {
          norm += Math.exp(v);
        }
        sum += Math.log(norm) - y[t][b][batch.target(t, b)];
      }
    }
    return sum / (batch.seqLen() * batch.batchSize());
  }

  /**
   * Asserts that every gradient {@code net} computed for {@code batch} matches this reference's central finite
   * differences, and that each parameter's gradient is large enough for the comparison to mean something.
   */
  void assertGradientsMatch(RecurrentNetwork net, Batch batch) {
    double h = 1e-6;
    double worst = 0;
    double scale = 0;
    for (Parameter p : net.parameters()) {
      double[][] values = params.get(p.name());
      double largest = 0;
      for (int r = 0; r < values.length; r++) {
        for (int c = 0; c < values[r].length; c++) {
          double saved = values[r][c];
          values[r][c] = saved + h;
          double up = loss(batch);
          values[r][c] = saved - h;
          double down = loss(batch);
          values[r][c] = saved;
          double numeric = (up - down) / (2 * h);
          worst = Math.max(worst, Math.abs(numeric - p.gradients()[r][c]));
          largest = Math.max(largest, Math.abs(numeric));
        }
      }
      assertTrue(largest > 1e-5, p.name() + " needs a non-trivial gradient for the check; largest was " + largest);
      scale = Math.max(scale, largest);
    }
    assertTrue(worst < 2e-5 + 1e-3 * scale, "largest gradient error " + worst + " (largest gradient " + scale + ")");
  }

  /**
   * Scales {@code net}'s parameters up (so many units switch on and off), runs its BPTT on {@code batch}, and checks
   * its loss and every gradient against the reference built from those parameters.
   */
  static void assertBackpropMatches(CtrnnNetwork net, Batch batch) {
    scaleParameters(net, 2.5f);
    BatchResult result = net.computeGradients(batch);
    ReferenceCtrnn ref = of(net);
    assertEquals(ref.loss(batch), result.loss(), 1e-5, "loss");
    ref.assertGradientsMatch(net, batch);
  }

  /** Asserts that {@code outputs}, flat (time, batch, outputs), match this reference's outputs on {@code batch}. */
  void assertOutputsMatch(float[] outputs, Batch batch) {
    double[][][] expected = outputs(batch);
    int n = 0;
    for (int t = 0; t < expected.length; t++) {
      for (int b = 0; b < expected[t].length; b++) {
        for (int o = 0; o < expected[t][b].length; o++, n++) {
          assertEquals(expected[t][b][o], outputs[n], 1e-5, "output " + t + "," + b + "," + o);
        }
      }
    }
  }

  /** Multiplies every parameter by {@code factor}, so many units switch on and off and checks cover both branches. */
  static void scaleParameters(RecurrentNetwork net, float factor) {
    for (Parameter p : net.parameters()) {
      for (float[] row : p.values()) {
        for (int c = 0; c < row.length; c++) {
          row[c] *= factor;
        }
      }
    }
  }

  /** A batch of random inputs in [−1, 1.5) and random targets. */
  static Batch randomBatch(int steps, int size, int inputs, int outputs, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] in = new float[steps * size * inputs];
    int[] targets = new int[steps * size];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) rng.nextDouble(-1, 1.5);
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] = rng.nextInt(outputs);
    }
    return Batch.of(steps, size, inputs, in, targets);
  }
}
