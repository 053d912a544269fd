package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-step map reproduces the network's forward pass step by step, and its Jacobians match central finite
 * differences of the map itself.
 */
class StepMapTest {

  static Stream<Arguments> cells() {
    return CtrnnGradientTest.placementsAndActivations().map(a -> Arguments.of(a.get()[0], a.get()[1], false));
  }

  static Stream<Arguments> plasticCells() {
    return Stream.of(ReluPlacement.values()).map(p -> Arguments.of(p, Activation.RELU, true));
  }

  private static Ctrnn network(ReluPlacement placement, Activation f, boolean plastic) {
    Ctrnn.Builder b = Ctrnn.builder().inputSize(3).hiddenSize(6).outputSize(2).dtMs(50).tauMs(100)
        .reluPlacement(placement).activation(f).seed(3);
    Ctrnn net = plastic ? b.plasticity(new ShortTermPlasticity(List.of(new ShortTermPlasticity.Synapse(100, 150, 0.5),
        ShortTermPlasticity.FACILITATING))).build() : b.build();
    ReferenceNetwork.scaleParameters(net, 2.5f);
    return net;
  }

  @ParameterizedTest
  @MethodSource({"cells", "plasticCells"})
  void jacobiansMatchFiniteDifferences(ReluPlacement placement, Activation f, boolean plastic) {
    StepMap map = network(placement, f, plastic).stepMap();
    double[] state = visitedState(map, 7);
    if (plastic) {
      // Silent units keep x = 1 exactly, where the clip makes finite differences one-sided: move x and u inside.
      SplittableRandom rng = new SplittableRandom(1);
      for (int k = 6; k < 18; k++) {
        state[k] = rng.nextDouble(0.2, 0.8);
      }
    }
    double[] input = {0.7, -0.4, 1.1};
    assertJacobianMatches(map, state, input);
  }

  @Test
  void stackedModulesChainTheirJacobians() {
    HierarchicalCtrnn net = HierarchicalCtrnn.builder().inputSize(3).hiddenSizes(4, 5, 3).outputSize(2).dtMs(20)
        .tauMs(50).activation(Activation.TANH).seed(2).build();
    ReferenceNetwork.scaleParameters(net, 2f);
    StepMap map = net.stepMap();
    assertEquals(12, map.stateSize());
    assertEquals(List.of("m1.r (4)", "m2.r (5)", "m3.r (3)"), map.blocks());
    assertJacobianMatches(map, visitedState(map, 5), new double[] {0.3, 0.9, -0.2});
  }

  @ParameterizedTest
  @MethodSource({"cells", "plasticCells"})
  void iteratingTheMapReproducesTheForwardPass(ReluPlacement placement, Activation f, boolean plastic) {
    Ctrnn net = network(placement, f, plastic);
    Batch batch = ReferenceNetwork.randomBatch(8, 1, 3, 2, false, 4);
    float[] hidden = net.forward(batch.inputs()).hidden().data().asFloat();
    StepMap map = net.stepMap();
    double[] state = map.initialState();
    for (int t = 0; t < 8; t++) {
      double[] input = {batch.input(t, 0, 0), batch.input(t, 0, 1), batch.input(t, 0, 2)};
      state = map.apply(state, input);
      double[] rates = map.rates(state);
      for (int j = 0; j < 6; j++) {
        assertEquals(rates[j], hidden[t * 6 + j], 1e-4 * (1 + Math.abs(rates[j])), "step " + t + " unit " + j);
      }
    }
  }

  @Test
  void wrongSizesAreRefused() {
    StepMap map = network(ReluPlacement.INSIDE, Activation.RELU, false).stepMap();
    var e = assertThrows(IllegalArgumentException.class, () -> map.apply(new double[5], new double[3]));
    assertTrue(e.getMessage().contains("6 and 3"), e.getMessage());
  }

  /** A state the network visits: a few steps from the initial state with random inputs. */
  private static double[] visitedState(StepMap map, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] s = map.initialState();
    for (int t = 0; t < 6; t++) {
      double[] x = new double[map.inputSize()];
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextDouble(-1, 1.5);
      }
      s = map.apply(s, x);
    }
    return s;
  }

  private static void assertJacobianMatches(StepMap map, double[] state, double[] input) {
    double h = 1e-6;
    double[][] js = map.stateJacobian(state, input);
    double[][] jx = map.inputJacobian(state, input);
    double worst = 0;
    double largest = 0;
    for (int c = 0; c < state.length; c++) {
      double[] up = state.clone();
      double[] down = state.clone();
      up[c] += h;
      down[c] -= h;
      double[] fu = map.apply(up, input);
      double[] fd = map.apply(down, input);
      for (int r = 0; r < fu.length; r++) {
        double numeric = (fu[r] - fd[r]) / (2 * h);
        worst = Math.max(worst, Math.abs(numeric - js[r][c]));
        largest = Math.max(largest, Math.abs(numeric));
      }
    }
    for (int c = 0; c < input.length; c++) {
      double[] up = input.clone();
      double[] down = input.clone();
      up[c] += h;
      down[c] -= h;
      double[] fu = map.apply(state, up);
      double[] fd = map.apply(state, down);
      for (int r = 0; r < fu.length; r++) {
        worst = Math.max(worst, Math.abs((fu[r] - fd[r]) / (2 * h) - jx[r][c]));
      }
    }
    assertTrue(largest > 0.01, "a non-trivial Jacobian; largest entry " + largest);
    assertTrue(worst < 1e-6 * (1 + largest), "largest Jacobian error " + worst + " (largest entry " + largest + ")");
  }
}
