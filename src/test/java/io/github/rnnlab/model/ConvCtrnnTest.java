package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.task.SimpleVisualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingProgress;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The convolutional front-end and {@link ConvCtrnn}: the convolution against PyTorch, backpropagation into trainable
 * filters against finite differences of the independent double-precision {@link ReferenceNetwork}, the step map, save
 * and load, fixed filters in training, and bad settings. Images are 2 channels of 4 × 5 pixels (not square, so rows
 * and columns cannot be swapped unnoticed) and filters 3 × 3.
 */
class ConvCtrnnTest {
  private static final int CHANNELS = 2;
  private static final int HEIGHT = 4;
  private static final int WIDTH = 5;
  private static final int PIXELS = CHANNELS * HEIGHT * WIDTH;

  private static ConvCtrnn.Builder builder(long seed) {
    return ConvCtrnn.builder().inputSize(PIXELS).channels(CHANNELS).image(HEIGHT, WIDTH).filters(2).hiddenSize(5)
        .outputSize(3).dtMs(20).tauMs(50).seed(seed);
  }

  /**
   * Golden values from PyTorch 2 (float64), {@code Conv2d(2, 2, 3)} then {@code Flatten()} on one image:
   * x[c][r][s] = (((c·4 + r)·5 + s)·7 mod 11)/10 − 0.5, weight[f][c][u][v] = ((f·18 + (c·9 + u·3 + v))·5 mod 13)/10
   * − 0.6, bias (0.25, −0.125); printed with {@code ", ".join(f"{v:.10g}" for v in y[0].tolist())}.
   */
  @Test
  void convolutionAndFlatteningMatchPyTorch() {
    ConvLayer conv = new ConvLayer(CHANNELS, HEIGHT, WIDTH, 3, 2, new SplittableRandom(1));
    float[][] w = conv.weight.values();
    for (int f = 0; f < 2; f++) {
      for (int k = 0; k < 18; k++) {
        w[f][k] = (float) (((f * 18 + k) * 5 % 13) / 10.0 - 0.6);
      }
    }
    conv.bias.values()[0][0] = 0.25f;
    conv.bias.values()[0][1] = -0.125f;
    float[][] in = new float[1][PIXELS];
    for (int p = 0; p < PIXELS; p++) {
      in[0][p] = (float) ((p * 7 % 11) / 10.0 - 0.5);
    }
    conv.begin(1, 1, 2);
    conv.forward(in, 0, 1, false, 0);
    float[] expected = {0.26f, 0.17f, 0.19f, -0.19f, 0.16f, 1.39f, -0.535f, -0.285f, 0.075f, -0.605f, 0.195f, 0.335f};
    assertEquals(12, conv.outputSize(), "2 filters × 2 × 3");
    assertArrayEquals(expected, conv.output()[0], 1e-6f);
  }

  @ParameterizedTest
  @EnumSource(ReluPlacement.class)
  void trainableFilterGradientsMatchFiniteDifferences(ReluPlacement placement) {
    ConvCtrnn net = builder(3).reluPlacement(placement).trainableFilters(true).sigmaRec(0.2).sigmaIn(0.3).build();
    ReferenceNetwork.scaleParameters(net, 2.5f);
    Batch batch = ReferenceNetwork.randomBatch(6, 3, PIXELS, 3, true, 11);
    ReferenceNetwork.assertBackpropMatches(net, batch, 0.01);
    Batch values = ReferenceNetwork.randomValueBatch(5, 3, PIXELS, 3, false, 12);
    ReferenceNetwork.assertBackpropMatches(builder(4).loss(Loss.meanSquaredError()).trainableFilters(true).build(),
        values, 0);
  }

  @Test
  void outputsMatchTheReferenceAndFixedFiltersStillGetTheirGradients() {
    ConvCtrnn net = builder(5).build();
    assertFalse(net.parameter("W_conv").trainable());
    assertFalse(net.parameter("b_conv").trainable());
    assertTrue(net.parameter("W_in").trainable());
    Batch batch = ReferenceNetwork.randomBatch(4, 2, PIXELS, 3, false, 13);
    ReferenceNetwork.of(net, false).assertOutputsMatch(net.forward(batch.inputs()).outputs().data().asFloat(), batch);
    ReferenceNetwork.assertBackpropMatches(net, batch, 0);
    assertArrayEquals(new long[] {4, 2, 5}, net.forward(batch.inputs()).hidden().shape(), "the CTRNN's activity");
  }

  @Test
  void theStepMapConvolvesItsImageInput() {
    ConvCtrnn net = builder(6).build();
    ReferenceNetwork.scaleParameters(net, 2f);
    StepMap map = net.stepMap();
    assertEquals(PIXELS, map.inputSize());
    assertEquals(5, map.stateSize());
    Batch batch = ReferenceNetwork.randomBatch(2, 1, PIXELS, 3, false, 14);
    float[] hidden = net.forward(batch.inputs()).hidden().data().asFloat();
    double[] state = map.initialState();
    for (int t = 0; t < 2; t++) {
      double[] image = new double[PIXELS];
      for (int p = 0; p < PIXELS; p++) {
        image[p] = batch.input(t, 0, p);
      }
      state = map.apply(state, image);
      for (int j = 0; j < 5; j++) {
        assertEquals(hidden[t * 5 + j], state[j], 1e-5, "step " + t + ", unit " + j);
      }
    }
    double[] image = new double[PIXELS];
    for (int p = 0; p < PIXELS; p++) {
      image[p] = batch.input(1, 0, p);
    }
    double[][] jx = map.inputJacobian(state, image);
    double h = 1e-6;
    for (int p = 0; p < PIXELS; p++) {
      double[] up = image.clone();
      double[] down = image.clone();
      up[p] += h;
      down[p] -= h;
      double[] a = map.apply(state, up);
      double[] b = map.apply(state, down);
      for (int j = 0; j < 5; j++) {
        assertEquals((a[j] - b[j]) / (2 * h), jx[j][p], 1e-6, "∂F_" + j + "/∂pixel " + p);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> map.apply(map.initialState(), new double[3]));
  }

  @Test
  void savedNetworksComeBackBitForBitWithTheirFrozenFilters(@TempDir Path dir) {
    ConvCtrnn net = builder(7).sigmaIn(0.1).activation(Activation.TANH).build();
    net.parameter("W_rec").constrain(WeightConstraint.noAutapses());
    ReferenceNetwork.scaleParameters(net, 1.3f);
    Path file = dir.resolve("conv.npz");
    net.save(file);
    ConvCtrnn back = Network.load(file, ConvCtrnn.class);
    assertEquals(net.toString(), back.toString());
    assertEquals(net.settingsJson(), back.settingsJson());
    Batch batch = ReferenceNetwork.randomBatch(3, 2, PIXELS, 3, false, 15);
    assertArrayEquals(net.forward(batch.inputs(), 4).outputs().data().asFloat(),
        back.forward(batch.inputs(), 4).outputs().data().asFloat());
    for (int i = 0; i < net.parameters().size(); i++) {
      assertEquals(net.parameters().get(i).toString(), back.parameters().get(i).toString());
    }
    assertFalse(back.parameter("W_conv").trainable());
    assertEquals("ConvCtrnn[2×4×5 image → 2 fixed 3×3 filters → 12 features → 5 → 3, dt 20.0 ms, τ 50.0 ms, α 0.4, "
        + "tanh INSIDE, σ_in 0.1]", back.toString());
  }

  @Test
  void trainingLeavesFixedFiltersAloneAndMovesTrainableOnes() {
    SimpleVisualDecisionMaking task = SimpleVisualDecisionMaking.builder().build();
    Trainer quick = Trainer.builder().steps(5).progress(TrainingProgress.silent()).build();
    ConvCtrnn fixed = ConvCtrnn.forTask(task, 1, 8, 2);
    float[] filters = fixed.parameter("W_conv").toArray().data().asFloat();
    float[] input = fixed.parameter("W_in").toArray().data().asFloat();
    quick.train(fixed, Dataset.of(task, 4, 20, 1));
    assertArrayEquals(filters, fixed.parameter("W_conv").toArray().data().asFloat());
    assertFalse(java.util.Arrays.equals(input, fixed.parameter("W_in").toArray().data().asFloat()));
    ConvCtrnn trained = fixed.toBuilder().trainableFilters(true).build();
    float[] start = trained.parameter("W_conv").toArray().data().asFloat();
    assertArrayEquals(filters, start, "the same seed draws the same filters");
    quick.train(trained, Dataset.of(task, 4, 20, 1));
    assertFalse(java.util.Arrays.equals(start, trained.parameter("W_conv").toArray().data().asFloat()));
    assertEquals(64, trained.featureSize());
    assertEquals(1, trained.plotFilters().charts().size());
    ConvCtrnn copy = trained.copy();
    assertArrayEquals(trained.parameter("W_conv").toArray().data().asFloat(),
        copy.parameter("W_conv").toArray().data().asFloat());
    assertNotEquals(fixed.toString(), trained.toString(), "fixed or trainable shows");
  }

  @Test
  void badSettingsSayWhatIsWrong() {
    var pixels = assertThrows(IllegalArgumentException.class, () -> builder(1).image(4, 4).build());
    assertEquals("channels × height × width = 2 × 4 × 4 = 32 pixels, but inputSize is 40", pixels.getMessage());
    var kernel = assertThrows(IllegalArgumentException.class, () -> builder(1).kernelSize(5).build());
    assertTrue(kernel.getMessage().contains("kernelSize 5 does not fit in a 4 × 5 image"), kernel.getMessage());
    var image = assertThrows(IllegalArgumentException.class,
        () -> ConvCtrnn.builder().inputSize(9).hiddenSize(2).outputSize(2).build());
    assertTrue(image.getMessage().contains("image(height, width)"), image.getMessage());
    var square = assertThrows(IllegalArgumentException.class,
        () -> ConvCtrnn.forTask(Tasks.perceptualDecisionMaking(), 1, 8, 1));
    assertTrue(square.getMessage().contains("3 inputs"), square.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder(1).filters(0));
  }
}
