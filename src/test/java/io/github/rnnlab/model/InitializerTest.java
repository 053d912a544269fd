package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.task.Tasks;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitializerTest {

  private static Ctrnn fresh(int hidden) {
    return Ctrnn.builder().inputSize(3).hiddenSize(hidden).outputSize(3).seed(4).build();
  }

  @Test
  void scaledIdentityIsExactlyPointOneTimesIdentityByDefault() {
    Ctrnn net = fresh(6);
    float[] inBefore = net.parameter("W_in").toArray().data().asFloat();
    assertSame(net, Initializer.scaledIdentity().applyTo(net));
    float[][] w = net.parameter("W_rec").values();
    for (int r = 0; r < 6; r++) {
      for (int c = 0; c < 6; c++) {
        assertEquals(r == c ? 0.1f : 0f, w[r][c], "W_rec[" + r + "," + c + "]");
      }
    }
    // Only the recurrent weights change.
    assertArrayEquals(inBefore, net.parameter("W_in").toArray().data().asFloat());
  }

  @Test
  void scaledIdentityTakesAScale() {
    Ctrnn net = Initializer.scaledIdentity(0.5).applyTo(fresh(4));
    assertEquals(0.5f, net.parameter("W_rec").get(3, 3));
    assertEquals(0f, net.parameter("W_rec").get(3, 2));
  }

  @Test
  void everyModuleOfAHierarchicalNetworkIsSet() {
    HierarchicalCtrnn net = HierarchicalCtrnn.builder().inputSize(3).hiddenSizes(4, 5, 6).outputSize(3).build();
    assertEquals(List.of("m1.W_rec", "m2.W_rec", "m3.W_rec"),
        Initializer.recurrentWeights(net).stream().map(Parameter::name).toList());
    Initializer.scaledIdentity().applyTo(net);
    assertEquals(0.1f, net.parameter("m3.W_rec").get(5, 5));
    Initializer.normal(1, 3).applyTo(net);
    assertNotEquals(net.parameter("m1.W_rec").get(0, 0), net.parameter("m2.W_rec").get(0, 0));
  }

  @Test
  void normalHasVarianceGainSquaredOverN() {
    int n = 200;
    Ctrnn net = Initializer.normal(1.5, 7).applyTo(fresh(n));
    float[] w = net.parameter("W_rec").toArray().data().asFloat();
    double mean = 0;
    double var = 0;
    for (float v : w) {
      mean += v;
      var += v * v;
    }
    mean /= w.length;
    var /= w.length;
    assertEquals(0, mean, 4 * 1.5 / Math.sqrt(n) / n);
    assertEquals(1.5 * 1.5 / n, var, 0.03 * 1.5 * 1.5 / n);
  }

  @Test
  void uniformIsBoundedAndSeeded() {
    int n = 64;
    float[] a = Initializer.uniform(3).applyTo(fresh(n)).parameter("W_rec").toArray().data().asFloat();
    float[] b = Initializer.uniform(3).applyTo(fresh(n)).parameter("W_rec").toArray().data().asFloat();
    float[] c = Initializer.uniform(4).applyTo(fresh(n)).parameter("W_rec").toArray().data().asFloat();
    assertArrayEquals(a, b);
    assertNotEquals(a[0], c[0]);
    double var = 0;
    for (float v : a) {
      assertTrue(Math.abs(v) <= 1 / Math.sqrt(n), "value " + v);
      var += v * v;
    }
    assertEquals(1.0 / n / 3, var / a.length, 0.1 / n / 3);
  }

  @Test
  void aSingleMatrixCanBeSet() {
    Ctrnn net = fresh(4);
    Initializer.scaledIdentity(2).applyTo(net.parameter("W_rec"));
    assertEquals(2f, net.parameter("W_rec").get(1, 1));
    var e = assertThrows(IllegalArgumentException.class,
        () -> Initializer.scaledIdentity().applyTo(net.parameter("W_in")));
    assertTrue(e.getMessage().contains("square") && e.getMessage().contains("W_in"), e.getMessage());
  }

  @Test
  void badArgumentsNameTheValue() {
    var gain = assertThrows(IllegalArgumentException.class, () -> Initializer.normal(-1, 0));
    assertTrue(gain.getMessage().contains("gain") && gain.getMessage().contains("-1"), gain.getMessage());
    assertTrue(Initializer.scaledIdentity().toString().contains("0.1"));
    Ctrnn net = Ctrnn.forTask(Tasks.perceptualDecisionMaking(), 4, 0);
    assertEquals(List.of("W_rec"), Initializer.recurrentWeights(net).stream().map(Parameter::name).toList());
  }
}
