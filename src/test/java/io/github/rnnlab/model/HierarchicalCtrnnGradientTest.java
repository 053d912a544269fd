package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks the hierarchical network's backpropagation through time and through its modules against central finite
 * differences of an independent double-precision implementation written straight from the equations.
 */
class HierarchicalCtrnnGradientTest {
  private static final int IN = 3;
  private static final int[] HIDDEN = {5, 6, 4};
  private static final int OUT = 3;
  private static final int STEPS = 6;
  private static final int BATCH = 3;

  private static HierarchicalCtrnn network(ReluPlacement placement, double dt, double tau, long seed) {
    return HierarchicalCtrnn.builder().inputSize(IN).hiddenSizes(HIDDEN).outputSize(OUT).dtMs(dt).tauMs(tau)
        .reluPlacement(placement).seed(seed).build();
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void gradientsMatchFiniteDifferences(ReluPlacement placement) {
    HierarchicalCtrnn net = network(placement, 20, 50, 3);
    // Larger weights than the default init, so many units switch on and off and the check covers both branches.
    for (Parameter p : net.parameters()) {
      for (float[] row : p.values()) {
        for (int c = 0; c < row.length; c++) {
          row[c] *= 2.5f;
        }
      }
    }
    Batch batch = CtrnnGradientTest.randomBatch(11);
    BatchResult result = net.computeGradients(batch);
    Reference ref = new Reference(net, placement);
    assertEquals(ref.loss(batch), result.loss(), 1e-5, "loss");

    double h = 1e-6;
    double worst = 0;
    double scale = 0;
    for (Parameter p : net.parameters()) {
      double[][] values = ref.params.get(p.name());
      double moduleScale = 0;
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
          moduleScale = Math.max(moduleScale, Math.abs(numeric));
        }
      }
      assertTrue(moduleScale > 1e-5, p.name() + " needs a non-trivial gradient for the check; largest was "
          + moduleScale);
    }
    assertTrue(scale > 1e-3, "the check needs non-trivial gradients; largest was " + scale);
    assertTrue(worst < 2e-5 + 1e-3 * scale, "largest gradient error " + worst + " (largest gradient " + scale + ")");
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void forwardMatchesReferenceForEveryModule(ReluPlacement placement) {
    HierarchicalCtrnn net = network(placement, 10, 40, 5);
    Batch batch = CtrnnGradientTest.randomBatch(2);
    Reference ref = new Reference(net, placement);
    double[][][] expected = ref.outputs(batch);
    float[] outputs = net.forward(batch.inputs()).outputs().data().asFloat();
    for (int t = 0; t < STEPS; t++) {
      for (int b = 0; b < BATCH; b++) {
        for (int o = 0; o < OUT; o++) {
          assertEquals(expected[t][b][o], outputs[(t * BATCH + b) * OUT + o], 1e-5, "output " + t + "," + b + "," + o);
        }
      }
    }
    List<INDArray> modules = net.forwardModules(batch.inputs());
    assertEquals(HIDDEN.length, modules.size());
    for (int m = 0; m < HIDDEN.length; m++) {
      assertArrayEquals(new long[] {STEPS, BATCH, HIDDEN[m]}, modules.get(m).shape());
      float[] activity = modules.get(m).data().asFloat();
      for (int t = 0; t < STEPS; t++) {
        for (int b = 0; b < BATCH; b++) {
          for (int j = 0; j < HIDDEN[m]; j++) {
            assertEquals(ref.rates[m][t][b][j], activity[(t * BATCH + b) * HIDDEN[m] + j], 1e-5,
                "module " + (m + 1) + " rate " + t + "," + b + "," + j);
          }
        }
      }
    }
    assertArrayEquals(modules.get(HIDDEN.length - 1).data().asFloat(),
        net.forward(batch.inputs()).hidden().data().asFloat());
    assertArrayEquals(modules.get(0).data().asFloat(),
        net.viewingModule(1).forward(batch.inputs()).hidden().data().asFloat());
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void gradientsAreTheSameOnEveryCall(ReluPlacement placement) {
    HierarchicalCtrnn net = network(placement, 100, 100, 0);
    Batch batch = CtrnnGradientTest.randomBatch(4);
    net.computeGradients(batch);
    float[] first = net.parameter("m1.W_rec").gradientArray().data().asFloat();
    net.computeGradients(batch);
    assertArrayEquals(first, net.parameter("m1.W_rec").gradientArray().data().asFloat());
  }

  /** The network written out plainly in double precision. */
  private static final class Reference {
    final Map<String, double[][]> params = new HashMap<>();
    final double alpha;
    final ReluPlacement placement;
    /** rates[m][t][b][j] of the last {@link #outputs} call. */
    double[][][][] rates;

    Reference(HierarchicalCtrnn net, ReluPlacement placement) {
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
      int modules = HIDDEN.length;
      double[][] wOut = params.get("W_out");
      double[] bOut = params.get("b_out")[0];
      double[][][] y = new double[STEPS][BATCH][OUT];
      rates = new double[modules][STEPS][BATCH][];
      for (int b = 0; b < BATCH; b++) {
        double[][] h = new double[modules][];
        for (int m = 0; m < modules; m++) {
          h[m] = new double[HIDDEN[m]];
        }
        for (int t = 0; t < STEPS; t++) {
          double[] input = new double[IN];
          for (int i = 0; i < IN; i++) {
            input[i] = batch.input(t, b, i);
          }
          for (int m = 0; m < modules; m++) {
            String prefix = "m" + (m + 1) + ".";
            double[][] wIn = params.get(prefix + "W_in");
            double[] bIn = params.get(prefix + "b_in")[0];
            double[][] wRec = params.get(prefix + "W_rec");
            double[] bRec = params.get(prefix + "b_rec")[0];
            double[] next = new double[HIDDEN[m]];
            for (int j = 0; j < HIDDEN[m]; j++) {
              double drive = bIn[j] + bRec[j];
              for (int i = 0; i < input.length; i++) {
                drive += wIn[j][i] * input[i];
              }
              for (int k = 0; k < HIDDEN[m]; k++) {
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
          for (int o = 0; o < OUT; o++) {
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
