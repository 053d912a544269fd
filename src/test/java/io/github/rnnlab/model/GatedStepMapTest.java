package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.model.ReferenceGated.Kind;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The LSTM's and GRU's one-step maps: their analytic Jacobians against central finite differences of their own
 * {@code apply}, and {@code apply} iterated over a sequence against the engine's rollout.
 */
class GatedStepMapTest {
  private static final int IN = 3;
  private static final int HIDDEN = 5;

  private static GatedNetwork network(Kind kind) {
    GatedNetwork net = ReferenceGated.network(kind, IN, HIDDEN, 2, Loss.crossEntropy(), 7);
    ReferenceNetwork.scaleParameters(net, 2f);
    return net;
  }

  private static double[] random(int n, SplittableRandom rng) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextDouble(-1, 1);
    }
    return v;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void jacobiansMatchFiniteDifferencesOfApply(Kind kind) {
    StepMap map = network(kind).stepMap();
    SplittableRandom rng = new SplittableRandom(1);
    for (int trial = 0; trial < 3; trial++) {
      double[] state = random(map.stateSize(), rng);
      double[] input = random(IN, rng);
      assertJacobian(map.stateJacobian(state, input), v -> map.apply(v, input), state, "state");
      assertJacobian(map.inputJacobian(state, input), v -> map.apply(state, v), input, "input");
    }
  }

  private interface VectorMap {
    double[] apply(double[] v);
  }

  private static void assertJacobian(double[][] jac, VectorMap f, double[] at, String what) {
    double h = 1e-6;
    for (int c = 0; c < at.length; c++) {
      double[] up = at.clone();
      double[] down = at.clone();
      up[c] += h;
      down[c] -= h;
      double[] fu = f.apply(up);
      double[] fd = f.apply(down);
      for (int r = 0; r < fu.length; r++) {
        assertEquals((fu[r] - fd[r]) / (2 * h), jac[r][c], 1e-7, what + " Jacobian [" + r + "][" + c + "]");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void applyIteratedOverASequenceReproducesTheRollout(Kind kind) {
    GatedNetwork net = network(kind);
    StepMap map = net.stepMap();
    assertEquals(kind == Kind.LSTM ? List.of("h (5)", "c (5)") : List.of("h (5)"), map.blocks());
    Batch batch = ReferenceNetwork.randomBatch(8, 2, IN, 2, false, 3);
    Rollout rollout = net.forward(batch.inputs());
    int b = 1;
    double[] state = map.initialState();
    for (int t = 0; t < batch.seqLen(); t++) {
      double[] input = new double[IN];
      for (int i = 0; i < IN; i++) {
        input[i] = batch.input(t, b, i);
      }
      state = map.apply(state, input);
      double[] h = map.rates(state);
      for (int j = 0; j < HIDDEN; j++) {
        assertEquals(h[j], rollout.hidden().getDouble(t, b, j), 1e-5, "h at step " + t + ", unit " + j);
        if (kind == Kind.LSTM) {
          assertEquals(state[HIDDEN + j], rollout.extra("lstm_c").getDouble(t, b, j), 1e-5, "c at step " + t);
        }
      }
    }
  }
}
