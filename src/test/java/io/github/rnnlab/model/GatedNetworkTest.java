package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.model.ReferenceGated.Kind;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingHistory;
import io.github.rnnlab.train.TrainingProgress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public face of {@link Lstm} and {@link Gru}: builders, parameters, initialisation, copies and training. */
class GatedNetworkTest {

  @Test
  void badSettingsNameTheValue() {
    var hidden = assertThrows(IllegalArgumentException.class, () -> Lstm.builder().hiddenSize(0));
    assertTrue(hidden.getMessage().contains("hiddenSize must be > 0; got 0"), hidden.getMessage());
    var dt = assertThrows(IllegalArgumentException.class, () -> Gru.builder().dtMs(-1));
    assertTrue(dt.getMessage().contains("dtMs") && dt.getMessage().contains("-1"), dt.getMessage());
    var missing = assertThrows(IllegalArgumentException.class, () -> Gru.builder().inputSize(3).hiddenSize(8).build());
    assertTrue(missing.getMessage().contains("must all be set (> 0); got 3, 8, 0"), missing.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void parametersAreNamedAndShapedAsPyTorchsAndDrawnFromItsBound(Kind kind) {
    int gates = kind == Kind.LSTM ? 4 : 3;
    GatedNetwork net = ReferenceGated.network(kind, 3, 64, 2, Loss.crossEntropy(), 9);
    assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh", "W_out", "b_out"),
        net.parameters().stream().map(Parameter::name).toList());
    assertArrayEquals(new long[] {gates * 64, 3}, net.parameter("weight_ih").shape());
    assertArrayEquals(new long[] {gates * 64, 64}, net.parameter("weight_hh").shape());
    assertArrayEquals(new long[] {gates * 64}, net.parameter("bias_ih").shape());
    assertArrayEquals(new long[] {gates * 64}, net.parameter("bias_hh").shape());
    assertArrayEquals(new long[] {2, 64}, net.parameter("W_out").shape());
    double bound = 1 / Math.sqrt(64);
    for (Parameter p : net.parameters()) {
      float[] w = p.toArray().data().asFloat();
      double var = 0;
      for (float v : w) {
        assertTrue(Math.abs(v) <= bound, p.name() + " value " + v + " outside ±" + bound);
        var += v * v;
      }
      if (w.length >= 500) {
        // A uniform on ±a has variance a²/3.
        assertEquals(bound * bound / 3, var / w.length, 0.15 * bound * bound / 3, p.name());
      }
    }
  }

  @Test
  void forTaskTakesSizesDtAndLossFromTheTask() {
    var task = Tasks.perceptualDecisionMaking(20, 1000);
    Lstm lstm = Lstm.forTask(task, 16, 1);
    assertEquals("Lstm[3 → 16 → 3, dt 20.0 ms, cross-entropy]", lstm.toString());
    Gru gru = Gru.builder().forTask(task).hiddenSize(8).loss(Loss.meanSquaredError()).seed(2).build();
    assertEquals("Gru[3 → 8 → 3, dt 20.0 ms, mean squared error]", gru.toString());
    assertEquals(2, gru.seed());
    assertEquals(8, gru.hiddenSize());
  }

  @Test
  void toBuilderRebuildsTheSameNetworkAndCopiesAreIndependent() {
    Lstm net = Lstm.builder().inputSize(2).hiddenSize(5).outputSize(3).dtMs(10).loss(Loss.meanSquaredError())
        .seed(4).build();
    Lstm again = net.toBuilder().build();
    assertEquals(net.toString(), again.toString());
    assertArrayEquals(net.parameter("weight_hh").toArray().data().asFloat(),
        again.parameter("weight_hh").toArray().data().asFloat());
    net.parameter("bias_ih").values()[0][0] += 1;
    Lstm copy = net.copy();
    assertEquals(net.parameter("bias_ih").get(0, 0), copy.parameter("bias_ih").get(0, 0));
    copy.parameter("bias_ih").values()[0][0] += 1;
    assertNotEquals(net.parameter("bias_ih").get(0, 0), copy.parameter("bias_ih").get(0, 0));
    Gru gru = Gru.builder().inputSize(2).hiddenSize(5).outputSize(3).seed(4).build();
    assertEquals(gru.toString(), gru.copy().toString());
  }

  /** The trainer drives both networks with mean squared error: the loss on a fixed batch falls to a fifth. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void trainingWithMeanSquaredErrorFitsABatch(Kind kind) {
    GatedNetwork net = ReferenceGated.network(kind, 3, 16, 2, Loss.meanSquaredError(), 1);
    Batch batch = ReferenceNetwork.randomValueBatch(20, 4, 3, 2, false, 5);
    TrainingHistory history = Trainer.builder().steps(200).progress(TrainingProgress.silent()).build()
        .train(net, () -> batch);
    assertTrue(history.finalLoss() < 0.2 * history.loss(1), history.loss(1) + " → " + history.finalLoss());
  }
}
