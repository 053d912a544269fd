package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.task.Tasks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class CtrnnTest {

  @Test
  void badSizesAndTimesNameTheValue() {
    var hidden = assertThrows(IllegalArgumentException.class, () -> Ctrnn.builder().hiddenSize(0));
    assertTrue(hidden.getMessage().contains("hiddenSize must be > 0; got 0"), hidden.getMessage());
    var dt = assertThrows(IllegalArgumentException.class, () -> Ctrnn.builder().dtMs(-20));
    assertTrue(dt.getMessage().contains("dtMs") && dt.getMessage().contains("-20"), dt.getMessage());
    var alpha = assertThrows(IllegalArgumentException.class,
        () -> Ctrnn.builder().inputSize(1).hiddenSize(1).outputSize(1).dtMs(200).tauMs(100).build());
    assertTrue(alpha.getMessage().contains("must not exceed tauMs"), alpha.getMessage());
  }

  @Test
  void wrongInputWidthIsRejected() {
    Ctrnn net = Ctrnn.forTask(Tasks.perceptualDecisionMaking(), 8, 0);
    var e = assertThrows(IllegalArgumentException.class, () -> net.forward(Nd4j.zeros(5, 2, 4)));
    assertTrue(e.getMessage().contains("(time, batch, 3)") && e.getMessage().contains("[5, 2, 4]"), e.getMessage());
  }

  @Test
  void initialisationFollowsPyTorchLinear() {
    Ctrnn net = Ctrnn.builder().inputSize(3).hiddenSize(64).outputSize(3).seed(9).build();
    assertBounded(net.parameter("W_in"), 1 / Math.sqrt(3));
    assertBounded(net.parameter("b_in"), 1 / Math.sqrt(3));
    assertBounded(net.parameter("W_rec"), 1 / Math.sqrt(64));
    assertBounded(net.parameter("b_rec"), 1 / Math.sqrt(64));
    assertBounded(net.parameter("W_out"), 1 / Math.sqrt(64));
    // A uniform on ±a has variance a²/3.
    float[] w = net.parameter("W_rec").toArray().data().asFloat();
    double var = 0;
    for (float v : w) {
      var += v * v;
    }
    assertEquals(1.0 / 64 / 3, var / w.length, 0.1 / 64 / 3);
  }

  @Test
  void alphaIsDtOverTau() {
    Ctrnn net = Ctrnn.builder().inputSize(1).hiddenSize(1).outputSize(1).dtMs(20).tauMs(40).build();
    assertEquals(0.5, net.alpha(), 1e-7);
  }

  @Test
  void copyIsIndependent() {
    Ctrnn net = Ctrnn.forTask(Tasks.perceptualDecisionMaking(), 4, 1);
    Ctrnn copy = net.copy();
    copy.parameter("W_rec").values()[0][0] += 1;
    assertEquals(net.parameter("W_rec").get(0, 0) + 1, copy.parameter("W_rec").get(0, 0), 1e-6);
  }

  private static void assertBounded(Parameter p, double bound) {
    for (float v : p.toArray().data().asFloat()) {
      assertTrue(Math.abs(v) <= bound, p.name() + " value " + v + " outside ±" + bound);
    }
  }
}
