package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.model.ReferenceGated.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Checks the LSTM's and GRU's forward pass and backpropagation through time against an independent double-precision
 * implementation of PyTorch's equations ({@link ReferenceGated}) and its central finite differences. Batches of 3
 * sequences are split by the engine into partitions of 1 and 2.
 */
class GatedGradientTest {
  private static final int IN = 3;
  private static final int HIDDEN = 4;
  private static final int OUT = 2;
  private static final int STEPS = 6;
  private static final int BATCH = 3;

  private static Batch batch(boolean labels, boolean weighted, long seed) {
    return labels ? ReferenceNetwork.randomBatch(STEPS, BATCH, IN, OUT, weighted, seed)
        : ReferenceNetwork.randomValueBatch(STEPS, BATCH, IN, OUT, weighted, seed);
  }

  /** A network whose parameters are scaled up, so gates saturate in places and the check covers their curvature. */
  private static GatedNetwork network(Kind kind, boolean labels, long seed) {
    GatedNetwork net = ReferenceGated.network(kind, IN, HIDDEN, OUT, Loss.forTargets(labels), seed);
    ReferenceNetwork.scaleParameters(net, 2f);
    return net;
  }

  /** Each kind with cross-entropy on labels and MSE on float targets, plain and with loss weights (some 0). */
  static Stream<Arguments> kindsAndLosses() {
    return Stream.of(Kind.values()).flatMap(k -> Stream.of(true, false).flatMap(labels ->
        Stream.of(Arguments.of(k, labels, false), Arguments.of(k, labels, true))));
  }

  @ParameterizedTest(name = "{0}, labels {1}, weighted {2}")
  @MethodSource("kindsAndLosses")
  void gradientsMatchFiniteDifferences(Kind kind, boolean labels, boolean weighted) {
    GatedNetwork net = network(kind, labels, 3);
    Batch batch = batch(labels, weighted, 11);
    BatchResult result = net.computeGradients(batch);
    ReferenceGated ref = new ReferenceGated(kind, net);
    assertEquals(ref.loss(batch), result.loss(), 1e-5, "loss");
    ref.assertGradientsMatch(net, batch);
  }

  /**
   * One unit, one input, one output (the gate notebook's LSTM), and batches of 1 and 2 sequences, so one of the
   * engine's two partitions is empty or both hold one sequence.
   */
  @ParameterizedTest(name = "{0}, batch {1}")
  @MethodSource("kindsAndSmallBatches")
  void tinyNetworksAndSmallBatches(Kind kind, int size) {
    GatedNetwork net = ReferenceGated.network(kind, 1, 1, 1, Loss.meanSquaredError(), 2);
    ReferenceNetwork.scaleParameters(net, 2f);
    Batch batch = ReferenceNetwork.randomValueBatch(STEPS, size, 1, 1, false, 5);
    BatchResult result = net.computeGradients(batch);
    ReferenceGated ref = new ReferenceGated(kind, net);
    assertEquals(ref.loss(batch), result.loss(), 1e-6, "loss");
    ref.assertGradientsMatch(net, batch);
    ReferenceGated.assertSame(ref.outputs(batch), net.forward(batch.inputs()).outputs().data().asFloat(), 1e-6,
        "output");
  }

  static Stream<Arguments> kindsAndSmallBatches() {
    return Stream.of(Kind.values()).flatMap(k -> Stream.of(Arguments.of(k, 1), Arguments.of(k, 2)));
  }

  /**
   * The check catches a wrong backward pass: with the signs of one gate's gradients flipped, as a wrong sign in that
   * gate's derivative would give (the LSTM's forget gate, the GRU's update gate), it must fail.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void aWrongGateDerivativeFailsTheCheck(Kind kind) {
    GatedNetwork net = network(kind, false, 3);
    Batch batch = batch(false, false, 11);
    net.computeGradients(batch);
    for (String name : new String[] {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}) {
      float[][] g = net.parameter(name).gradients();
      boolean vector = g.length == 1;
      for (int j = HIDDEN; j < 2 * HIDDEN; j++) {
        if (vector) {
          g[0][j] = -g[0][j];
        } else {
          for (int k = 0; k < g[j].length; k++) {
            g[j][k] = -g[j][k];
          }
        }
      }
    }
    ReferenceGated ref = new ReferenceGated(kind, net);
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ref.assertGradientsMatch(net, batch));
    assertTrue(e.getMessage().contains("largest gradient error"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void forwardMatchesReferenceWithGatesAndState(Kind kind) {
    GatedNetwork net = network(kind, true, 5);
    Batch batch = batch(true, false, 2);
    Rollout rollout = net.forward(batch.inputs());
    ReferenceGated ref = new ReferenceGated(kind, net);
    ReferenceGated.assertSame(ref.outputs(batch), rollout.outputs().data().asFloat(), 1e-5, "output");
    ReferenceGated.assertSame(ref.h, rollout.hidden().data().asFloat(), 1e-5, "h");
    assertEquals(ref.gates.keySet().size() + (kind == Kind.LSTM ? 1 : 0), rollout.extraNames().size());
    ref.gates.forEach((name, values) ->
        ReferenceGated.assertSame(values, rollout.extra(name).data().asFloat(), 1e-5, name));
    if (kind == Kind.LSTM) {
      ReferenceGated.assertSame(ref.c, rollout.extra("lstm_c").data().asFloat(), 1e-5, "c");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void resultsAreBitIdenticalOnEveryCall(Kind kind) {
    GatedNetwork net = network(kind, true, 0);
    Batch batch = batch(true, false, 4);
    float[] out = net.forward(batch.inputs()).outputs().data().asFloat();
    net.computeGradients(batch);
    float[][] first = net.parameters().stream().map(p -> p.gradientArray().data().asFloat()).toArray(float[][]::new);
    net.computeGradients(batch);
    for (int i = 0; i < first.length; i++) {
      assertArrayEquals(first[i], net.parameters().get(i).gradientArray().data().asFloat(),
          net.parameters().get(i).name());
    }
    assertArrayEquals(out, net.forward(batch.inputs()).outputs().data().asFloat());
  }
}
