package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rnnlab.data.Batch;
import java.util.List;
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
    ReferenceNetwork.scaleParameters(net, 2.5f);
    ReferenceNetwork.assertBackpropMatches(net, CtrnnGradientTest.labels(11, false), 0);
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void forwardMatchesReferenceForEveryModule(ReluPlacement placement) {
    HierarchicalCtrnn net = network(placement, 10, 40, 5);
    Batch batch = CtrnnGradientTest.labels(2, false);
    ReferenceNetwork ref = ReferenceNetwork.of(net, false);
    ref.assertOutputsMatch(net.forward(batch.inputs()).outputs().data().asFloat(), batch);
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
    Batch batch = CtrnnGradientTest.labels(4, false);
    net.computeGradients(batch);
    float[] first = net.parameter("m1.W_rec").gradientArray().data().asFloat();
    net.computeGradients(batch);
    assertArrayEquals(first, net.parameter("m1.W_rec").gradientArray().data().asFloat());
  }
}
