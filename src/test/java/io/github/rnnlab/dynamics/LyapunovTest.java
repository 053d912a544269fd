package io.github.rnnlab.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LyapunovTest {

  @Test
  void linearNetworkExponentIsTheLogOfItsTopEulerMultiplier() {
    // For a linear network the separation is itself a solution, so Benettin's estimate converges to
    // ln max|1 − α + αλ| / dt exactly (up to the transient of the top mode).
    RateNetwork net = RateNetwork.gaussian(120, 0.6, 3).toBuilder().nonlinearity(Nonlinearity.LINEAR).build();
    double alpha = net.dtMs() / net.tauMs();
    double top = 0;
    Spectrum s = net.spectrum();
    for (int k = 0; k < s.size(); k++) {
      top = Math.max(top, Math.hypot(1 - alpha + alpha * s.real()[k], alpha * s.imaginary()[k]));
    }
    double expected = Math.log(top) / (net.dtMs() / 1000);
    double measured = Lyapunov.largest(net, Input.none(), 300, 3000, 1);
    assertEquals(expected, measured, 0.03 * Math.abs(expected));
  }

  @Test
  void exponentIsNegativeBelowGainOneAndPositiveInChaos() {
    Sweep sweep = Lyapunov.againstGain(400, List.of(0.5, 2.5), 200, 1000, 1);
    assertEquals(2, sweep.toTable().rowCount());
    assertEquals(-50, sweep.results()[0], 8, "about (g − 1)/τ for g = 0.5: " + sweep.results()[0]);
    assertTrue(sweep.results()[1] > 5, "chaos at g = 2.5: " + sweep.results()[1]);
  }

  @Test
  void divergenceGrowsInChaosAndShrinksBelowGainOne() {
    Divergence chaotic = Divergence.of(RateNetwork.gaussian(300, 2.0, 1), 1000, 2);
    Divergence quiet = Divergence.of(RateNetwork.gaussian(300, 0.5, 1), 1000, 2);
    assertEquals(Divergence.DEFAULT_PERTURBATION, chaotic.distances()[0], 1e-6);
    assertTrue(chaotic.finalDistance() > 50 * Divergence.DEFAULT_PERTURBATION, chaotic.toString());
    assertTrue(quiet.finalDistance() < 1e-3 * Divergence.DEFAULT_PERTURBATION, quiet.toString());
    assertEquals(1001, chaotic.toTable().rowCount());
  }
}
