package io.github.rnnlab.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class MetricsTest {

  @Test
  void pVarIsOneForAPerfectModelZeroForTheMeanAndOneMinusRelativeErrorOtherwise() {
    float[][] data = {{0, 1, 2}, {3, 4, 5}};
    assertEquals(1, Metrics.pVar(Nd4j.create(data), Nd4j.create(data)), 1e-12);
    float[][] mean = {{2.5f, 2.5f, 2.5f}, {2.5f, 2.5f, 2.5f}};
    assertEquals(0, Metrics.pVar(Nd4j.create(data), Nd4j.create(mean)), 1e-12);
    // Data variance (n divisor) of 0..5 is 35/12; an offset of 0.5 everywhere has mean squared error 0.25.
    float[][] shifted = {{0.5f, 1.5f, 2.5f}, {3.5f, 4.5f, 5.5f}};
    assertEquals(1 - 0.25 / (35.0 / 12), Metrics.pVar(Nd4j.create(data), Nd4j.create(shifted)), 1e-7);
  }

  @Test
  void shapesMustMatchAndDataMustVary() {
    assertThrows(IllegalArgumentException.class, () -> Metrics.pVar(Nd4j.zeros(2, 3), Nd4j.zeros(3, 2)));
    assertThrows(IllegalArgumentException.class, () -> Metrics.pVar(Nd4j.ones(2, 3), Nd4j.zeros(2, 3)));
  }
}
