package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rnnlab.data.Batch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks backpropagation through time against central finite differences of an independent double-precision
 * implementation of the same network and loss ({@link ReferenceCtrnn}).
 */
class CtrnnGradientTest {
  private static final int IN = 3;
  private static final int HIDDEN = 7;
  private static final int OUT = 3;
  private static final int STEPS = 6;
  private static final int BATCH = 3;

  private static Ctrnn network(ReluPlacement placement, double dt, double tau, long seed) {
    return Ctrnn.builder().inputSize(IN).hiddenSize(HIDDEN).outputSize(OUT).dtMs(dt).tauMs(tau)
        .reluPlacement(placement).seed(seed).build();
  }

  static Batch randomBatch(long seed) {
    return ReferenceCtrnn.randomBatch(STEPS, BATCH, IN, OUT, seed);
  }

  @ParameterizedTest
  @EnumSource(value = ReluPlacement.class, names = {"INSIDE", "OUTSIDE"})
  void gradientsMatchFiniteDifferences(ReluPlacement placement) {
    ReferenceCtrnn.assertBackpropMatches(network(placement, 20, 50, 3), randomBatch(11));
  }

  @ParameterizedTest
  @EnumSource(value = ReluPlacement.class, names = {"INSIDE", "OUTSIDE"})
  void forwardMatchesReference(ReluPlacement placement) {
    Ctrnn net = network(placement, 10, 100, 5);
    Batch batch = randomBatch(2);
    ReferenceCtrnn.of(net).assertOutputsMatch(net.forward(batch.inputs()).outputs().data().asFloat(), batch);
  }

  @ParameterizedTest
  @EnumSource(value = ReluPlacement.class, names = {"INSIDE", "OUTSIDE"})
  void gradientsAreTheSameOnEveryCall(ReluPlacement placement) {
    Ctrnn net = network(placement, 100, 100, 0);
    Batch batch = randomBatch(4);
    net.computeGradients(batch);
    float[] first = net.parameter("W_rec").gradientArray().data().asFloat();
    net.computeGradients(batch);
    assertArrayEquals(first, net.parameter("W_rec").gradientArray().data().asFloat());
  }
}
