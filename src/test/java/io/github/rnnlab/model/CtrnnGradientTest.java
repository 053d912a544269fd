package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rnnlab.data.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Checks backpropagation through time against central finite differences of an independent double-precision
 * implementation of the same network and loss ({@link ReferenceNetwork}): every placement and activation, short-term
 * plasticity, noise, weighted and float targets, the rate penalty and weight constraints. Batches of 3 sequences are
 * split unevenly (1 + 2) by the engine's two partitions.
 */
class CtrnnGradientTest {
  private static final int IN = 3;
  private static final int HIDDEN = 7;
  private static final int OUT = 3;
  private static final int STEPS = 6;
  private static final int BATCH = 3;

  private static Ctrnn.Builder builder(ReluPlacement placement, Activation f, long seed) {
    return Ctrnn.builder().inputSize(IN).hiddenSize(HIDDEN).outputSize(OUT).dtMs(20).tauMs(50)
        .reluPlacement(placement).activation(f).seed(seed);
  }

  private static Ctrnn scaled(Ctrnn net) {
    // Larger weights switch many units on and off, so both sides of every ReLU are checked.
    ReferenceNetwork.scaleParameters(net, 2.5f);
    return net;
  }

  static Batch labels(long seed, boolean weighted) {
    return ReferenceNetwork.randomBatch(STEPS, BATCH, IN, OUT, weighted, seed);
  }

  static Stream<Arguments> placementsAndActivations() {
    List<Arguments> all = new ArrayList<>();
    for (ReluPlacement p : ReluPlacement.values()) {
      for (Activation f : Activation.values()) {
        all.add(Arguments.of(p, f));
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("placementsAndActivations")
  void gradientsMatchFiniteDifferences(ReluPlacement placement, Activation f) {
    ReferenceNetwork.assertBackpropMatches(scaled(builder(placement, f, 3).build()), labels(11, false), 0);
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void shortTermPlasticityGradientsMatch(ReluPlacement placement) {
    // dt 50 ms and fast synapses make the use-dependent terms (dt_s·u·x·r) large enough to matter in the check.
    ShortTermPlasticity fast = new ShortTermPlasticity(List.of(new ShortTermPlasticity.Synapse(100, 150, 0.5),
        ShortTermPlasticity.FACILITATING));
    Ctrnn net = scaled(builder(placement, Activation.RELU, 4).dtMs(50).tauMs(100).plasticity(fast).build());
    ReferenceNetwork.scaleParameters(net, 2f);
    ReferenceNetwork.assertBackpropMatches(net, labels(12, false), 0);
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void noisyGradientsMatch(ReluPlacement placement) {
    Ctrnn net = scaled(builder(placement, Activation.RELU, 5).sigmaRec(0.3).sigmaIn(0.2).build());
    ReferenceNetwork.assertBackpropMatches(net, labels(13, false), 0);
  }

  @Test
  void weightedCrossEntropyAndRatePenaltyGradientsMatch() {
    ReferenceNetwork.assertBackpropMatches(scaled(builder(ReluPlacement.INSIDE, Activation.RELU, 6).build()),
        labels(14, true), 0.05);
  }

  @Test
  void meanSquaredErrorGradientsMatch() {
    Ctrnn net = scaled(builder(ReluPlacement.STATE, Activation.TANH, 7).loss(Loss.meanSquaredError()).build());
    ReferenceNetwork.assertBackpropMatches(net, ReferenceNetwork.randomValueBatch(STEPS, BATCH, IN, OUT, true, 15), 0);
    Ctrnn plain = scaled(builder(ReluPlacement.INSIDE, Activation.RELU, 8).loss(Loss.meanSquaredError()).build());
    ReferenceNetwork.assertBackpropMatches(plain, ReferenceNetwork.randomValueBatch(STEPS, BATCH, IN, OUT, false, 16),
        0);
  }

  @Test
  void constrainedGradientsMatch() {
    Ctrnn net = scaled(builder(ReluPlacement.STATE, Activation.RELU, 9).build());
    List<Boolean> excitatory = List.of(true, true, true, true, true, false, false);
    net.parameter("W_rec").constrain(WeightConstraint.dale(excitatory)).constrain(WeightConstraint.noAutapses());
    net.parameter("W_in").constrain(WeightConstraint.mask(randomMask(HIDDEN, IN, 1)));
    boolean[][] fixed = new boolean[HIDDEN][HIDDEN];
    fixed[0][1] = true;
    fixed[3][4] = true;
    net.parameter("W_rec").constrain(WeightConstraint.fixed(fixed));
    ReferenceNetwork.assertBackpropMatches(net, labels(17, false), 0);
  }

  @Test
  void aBrokenBackwardPassFailsTheCheck() {
    // The readout passes 10% too little gradient back into the cell: every cell gradient is off.
    Ctrnn net = scaled(builder(ReluPlacement.INSIDE, Activation.RELU, 3).build());
    List<Layer> layers = net.engine.layers();
    Engine broken = new Engine(List.of(layers.get(0), new ScaledBackward((DenseLayer) layers.get(1), 0.9f)),
        net.loss(), 0);
    Batch batch = labels(11, false);
    broken.computeGradients(batch, 0, true, 0);
    ReferenceNetwork ref = ReferenceNetwork.of(net, false);
    assertThrows(AssertionFailedError.class, () -> ref.assertGradientsMatch(net, batch, 0));
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void forwardMatchesReference(ReluPlacement placement) {
    Ctrnn net = builder(placement, Activation.SOFTPLUS, 5).plasticity(ShortTermPlasticity.facilitating()).build();
    Batch batch = labels(2, false);
    ReferenceNetwork.of(net, false).assertOutputsMatch(net.forward(batch.inputs()).outputs().data().asFloat(),
        batch);
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void gradientsAreTheSameOnEveryCall(ReluPlacement placement) {
    Ctrnn net = builder(placement, Activation.RELU, 0).build();
    Batch batch = labels(4, false);
    net.computeGradients(batch);
    float[] first = net.parameter("W_rec").gradientArray().data().asFloat();
    net.computeGradients(batch);
    assertArrayEquals(first, net.parameter("W_rec").gradientArray().data().asFloat());
  }

  static float[][] randomMask(int rows, int cols, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] m = new float[rows][cols];
    for (float[] row : m) {
      for (int c = 0; c < cols; c++) {
        row[c] = rng.nextInt(3) == 0 ? 0f : 1f;
      }
    }
    return m;
  }

  /** A readout whose backward pass scales the gradient it sends to the cell: a deliberately wrong BPTT. */
  private static final class ScaledBackward extends Layer {
    private final DenseLayer inner;
    private final float factor;

    ScaledBackward(DenseLayer inner, float factor) {
      this.inner = inner;
      this.factor = factor;
    }

    @Override
    int inputSize() {
      return inner.inputSize();
    }

    @Override
    int outputSize() {
      return inner.outputSize();
    }

    @Override
    List<Parameter> parameters() {
      return inner.parameters();
    }

    @Override
    void begin(int steps, int batch, int parts) {
      inner.begin(steps, batch, parts);
    }

    @Override
    void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
      inner.forward(in, b0, b1, noise, noiseSeed);
    }

    @Override
    float[][] output() {
      return inner.output();
    }

    @Override
    void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part) {
      inner.backward(in, dOut, dIn, b0, b1, part);
      int batch = in.length / STEPS;
      for (int t = 0; t < STEPS; t++) {
        for (int b = b0; b < b1; b++) {
          for (int j = 0; dIn != null && j < dIn[t * batch + b].length; j++) {
            dIn[t * batch + b][j] *= factor;
          }
        }
      }
    }

    @Override
    void reduce(int parts) {
      inner.reduce(parts);
    }
  }
}
