package io.github.rnnlab.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.dynamics.RateNetwork;
import org.junit.jupiter.api.Test;

class ForceTest {

  @Test
  void chaoticNetworkLearnsToProduceThePeriodicTarget() {
    ForceResult r = Force.builder().network(RateNetwork.gaussian(300, 1.5, 1)).target(Force.sumOfSines(600))
        .phasesMs(600, 6000, 1200).seed(2).run();
    assertTrue(r.beforeError() > 0.3, r.toString());
    assertTrue(r.testError() < 0.1, r.toString());
    assertEquals(7800, r.toTable().rowCount());
    assertTrue(r.readoutChange() > 0);
  }

  @Test
  void targetSumOfSinesHasTheRightPeriodAndSize() {
    var f = Force.sumOfSines(1200);
    assertEquals(f.applyAsDouble(100), f.applyAsDouble(1300), 1e-12);
    assertEquals(0, f.applyAsDouble(0), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Force.builder().run());
    assertThrows(IllegalArgumentException.class, () -> Force.sumOfSines(0));
  }
}
