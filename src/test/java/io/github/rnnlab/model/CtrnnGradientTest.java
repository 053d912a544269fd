package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks backpropagation through time against central finite differences of an independent double-precision
 * implementation of the same network and loss.
 */
class CtrnnGradientTest {
  private static final int IN = 3;
  private static final int HIDDEN = 7;
  private static final int OUT = 3;
  private static final int STEPS = 6;
  private static final int BATCH = 3;

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void gradientsMatchFiniteDifferences(ReluPlacement placement) {
    Ctrnn net = Ctrnn.builder().inputSize(IN).hiddenSize(HIDDEN).outputSize(OUT).dtMs(20).tauMs(50)
        .reluPlacement(placement).seed(3).build();
    // Larger weights than the default init, so many units switch on and off and the check covers both branches.
    for (Parameter p : net.parameters()) {
      for (float[] row : p.values()) {
        for (int c = 0; c < row.length; c++) {
          row[c] *= 2.5f;
        }
      }
    }
    Batch batch = randomBatch(11);
    BatchResult result = net.computeGradients(batch);
    Reference ref = new Reference(net, placement);
    assertEquals(ref.loss(batch), result.loss(), 1e-5, "loss");

    double h = 1e-6;
    double worst = 0;
    double scale = 0;
    for (Parameter p : net.parameters()) {
      double[][] values = ref.params.get(p.name());
      for (int r = 0; r < values.length; r++) {
        for (int c = 0; c < values[r].length; c++) {
          double saved = values[r][c];
          values[r][c] = saved + h;
          double up = ref.loss(batch);
          values[r][c] = saved - h;
          double down = ref.loss(batch);
          values[r][c] = saved;
          double numeric = (up - down) / (2 * h);
          double analytic = p.gradients()[r][c];
          worst = Math.max(worst, Math.abs(numeric - analytic));
          scale = Math.max(scale, Math.abs(numeric));
        }
      }
    }
    assertTrue(scale > 1e-3, "the check needs non-trivial gradients; largest was " + scale);
    assertTrue(worst < 2e-5 + 1e-3 * scale, "largest gradient error " + worst + " (largest gradient " + scale + ")");
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void forwardMatchesReference(ReluPlacement placement) {
    Ctrnn net = Ctrnn.builder().inputSize(IN).hiddenSize(HIDDEN).outputSize(OUT).dtMs(10).tauMs(100)
        .reluPlacement(placement).seed(5).build();
    Batch batch = randomBatch(2);
    float[] outputs = net.forward(batch.inputs()).outputs().data().asFloat();
    double[][][] expected = new Reference(net, placement).outputs(batch);
    for (int t = 0; t < STEPS; t++) {
      for (int b = 0; b < BATCH; b++) {
        for (int o = 0; o < OUT; o++) {
          assertEquals(expected[t][b][o], outputs[(t * BATCH + b) * OUT + o], 1e-5, "output " + t + "," + b + "," + o);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void gradientsAreTheSameOnEveryCall(ReluPlacement placement) {
    Ctrnn net = Ctrnn.builder().inputSize(IN).hiddenSize(HIDDEN).outputSize(OUT).reluPlacement(placement).build();
    Batch batch = randomBatch(4);
    net.computeGradients(batch);
    float[] first = net.parameter("W_rec").gradientArray().data().asFloat();
    net.computeGradients(batch);
    assertArrayEquals(first, net.parameter("W_rec").gradientArray().data().asFloat());
  }

  static Batch randomBatch(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] inputs = new float[STEPS * BATCH * IN];
    int[] targets = new int[STEPS * BATCH];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = (float) rng.nextDouble(-1, 1.5);
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] = rng.nextInt(OUT);
    }
    return Batch.of(STEPS, BATCH, IN, inputs, targets);
  }

  /** The network written out plainly in double precision, straight from the equations. */
  private static final class Reference {
    final java.util.Map<String, double[][]> params = new java.util.HashMap<>();
    final double alpha;
    final ReluPlacement placement;

    Reference(Ctrnn net, ReluPlacement placement) {
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
      this.alpha = net.dtMs() / net.tauMs();
      this.placement = placement;
    }

    double[][][] outputs(Batch batch) {
      double[][] wIn = params.get("W_in");
      double[] bIn = params.get("b_in")[0];
      double[][] wRec = params.get("W_rec");
      double[] bRec = params.get("b_rec")[0];
      double[][] wOut = params.get("W_out");
      double[] bOut = params.get("b_out")[0];
      double[][][] y = new double[STEPS][BATCH][OUT];
      for (int b = 0; b < BATCH; b++) {
        double[] h = new double[HIDDEN];
        for (int t = 0; t < STEPS; t++) {
          double[] next = new double[HIDDEN];
          for (int j = 0; j < HIDDEN; j++) {
            double drive = bIn[j] + bRec[j];
            for (int i = 0; i < IN; i++) {
              drive += wIn[j][i] * batch.input(t, b, i);
            }
            for (int k = 0; k < HIDDEN; k++) {
              drive += wRec[j][k] * h[k];
            }
            next[j] = placement == ReluPlacement.INSIDE
                ? (1 - alpha) * h[j] + alpha * Math.max(drive, 0)
                : Math.max((1 - alpha) * h[j] + alpha * drive, 0);
          }
          h = next;
          for (int o = 0; o < OUT; o++) {
            double v = bOut[o];
            for (int j = 0; j < HIDDEN; j++) {
              v += wOut[o][j] * h[j];
            }
            y[t][b][o] = v;
          }
        }
      }
      return y;
    }

    double loss(Batch batch) {
      double[][][] y = outputs(batch);
      double sum = 0;
      for (int t = 0; t < STEPS; t++) {
        for (int b = 0; b < BATCH; b++) {
          double norm = 0;
          for (int o = 0; o < OUT; o++) {
            norm += Math.exp(y[t][b][o]);
          }
          sum += Math.log(norm) - y[t][b][batch.target(t, b)];
        }
      }
      return sum / (STEPS * BATCH);
    }
  }
}
