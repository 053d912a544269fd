package io.github.rnnlab.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class RateNetworkTest {

  @Test
  void linearNetworkDecaysAtTheRateOfItsTopEigenvalue() {
    // x ← (1 − α)x + αJx multiplies each eigen-mode by μ = 1 − α + αλ per step, so ‖x‖ decays like max|μ|^s once the
    // top mode dominates. Fit ln‖x‖ over steps 600..2400 and compare with ln max|μ| from J's eigenvalues (EJML).
    RateNetwork net = RateNetwork.gaussian(150, 0.8, 5).toBuilder().nonlinearity(Nonlinearity.LINEAR).build();
    Spectrum spectrum = net.spectrum();
    double alpha = net.dtMs() / net.tauMs();
    double top = 0;
    double[] re = spectrum.real();
    double[] im = spectrum.imaginary();
    for (int k = 0; k < re.length; k++) {
      top = Math.max(top, Math.hypot(1 - alpha + alpha * re[k], alpha * im[k]));
    }
    double[] rms = net.simulate(2400, 6).rmsState();
    double slope = slope(rms, 600, 2400);
    assertEquals(Math.log(top), slope, 0.03 * Math.abs(Math.log(top)), "decay per step");
    // In continuous time the same rate is about (max Re λ − 1)/τ.
    assertEquals((spectrum.abscissa() - 1) / net.tauMs(), slope / net.dtMs(), 0.1 * Math.abs(slope));
  }

  @Test
  void tanhNetworkDecaysBelowGainOneAndStaysActiveAboveIt() {
    double[] quiet = RateNetwork.gaussian(300, 0.5, 1).simulate(500, 2).rmsState();
    double[] chaotic = RateNetwork.gaussian(300, 2.0, 1).simulate(500, 2).rmsState();
    assertTrue(quiet[500] < 1e-8, "g = 0.5 decays to 0: " + quiet[500]);
    assertTrue(chaotic[500] > 0.5, "g = 2 stays active: " + chaotic[500]);
  }

  @Test
  void sameSeedSameRunAndNoiseHasItsScale() {
    RateNetwork noisy = RateNetwork.gaussian(50, 0.0, 1).toBuilder().noiseLevel(0.5).build();
    float[][] a = noisy.simulate(2000, 3).states().toFloatMatrix();
    float[][] b = noisy.simulate(2000, 3).states().toFloatMatrix();
    assertArrayEquals(a[7], b[7]);
    // With J = 0, x is an Ornstein-Uhlenbeck process: x ← (1 − α)x + α σ ξ with σ = 0.5 √(τ/dt) = 0.5/√α, whose
    // stationary variance is α² σ² / (1 − (1 − α)²) = 0.25/(2 − α) = 0.1316 for α = 0.1, nearly independent of dt.
    double squares = 0;
    int count = 0;
    for (float[] unit : a) {
      for (int s = 500; s < unit.length; s++) {
        squares += unit[s] * unit[s];
        count++;
      }
    }
    assertEquals(0.25 / 1.9, squares / count, 0.1 * 0.25 / 1.9);
  }

  @Test
  void frozenInputIsAddedEachStep() {
    // J = 0 and a constant input of 1 from a frozen matrix: x relaxes to 1 as 1 − 0.9^s from 0.
    FrozenInput ones = FrozenInput.of(Nd4j.ones(3, 20));
    RateNetwork net = RateNetwork.builder().weights(Nd4j.zeros(3, 3)).build();
    float[][] x = net.simulate(20, ones, Nd4j.zeros(3), 1).states().toFloatMatrix();
    assertEquals(1 - Math.pow(0.9, 20), x[2][20], 1e-6);
    assertThrows(IllegalArgumentException.class, () -> net.simulate(21, ones, Nd4j.zeros(3), 1));
  }

  @Test
  void smoothedNoiseStartsAtOneAndHasTheLabsVariance() {
    // I_s = η + (I_{s−1} − η) e^{−dt/τ}, η ~ √(τ/dt) N(0, 1): stationary variance (τ/dt)(1 − a)²/(1 − a²) with
    // a = e^{−dt/τ}, i.e. (τ/dt)(1 − a)/(1 + a) ≈ 1/2 for dt ≪ τ.
    FrozenInput input = FrozenInput.smoothedNoise(200, 3000, 1, 100, 1, 4);
    assertEquals(1, input.value(5, 0));
    double a = Math.exp(-0.01);
    double expected = 100 * (1 - a) / (1 + a);
    double squares = 0;
    int count = 0;
    for (int i = 0; i < 200; i++) {
      for (int s = 1000; s < 3000; s += 10) {
        squares += input.value(i, s) * input.value(i, s);
        count++;
      }
    }
    assertEquals(expected, squares / count, 0.1 * expected);
  }

  @Test
  void badSettingsNameTheValueAndWhatIsAllowed() {
    IllegalArgumentException dt = assertThrows(IllegalArgumentException.class,
        () -> RateNetwork.builder().weights(Nd4j.zeros(2, 2)).tauMs(10).dtMs(10).build());
    assertTrue(dt.getMessage().contains("dtMs must be smaller than tauMs") && dt.getMessage().contains("10.0"),
        dt.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RateNetwork.builder().weights(Nd4j.zeros(2, 3)));
    assertThrows(IllegalArgumentException.class, () -> RateNetwork.builder().build());
    assertThrows(IllegalArgumentException.class, () -> RateNetwork.builder().noiseLevel(-1));
    assertThrows(IllegalArgumentException.class, () -> RateNetwork.gaussian(-3, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> RateNetwork.gaussian(10, 1, 1).simulate(0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> RateNetwork.gaussian(10, 1, 1).simulate(5, Input.none(), Nd4j.zeros(9), 1));
  }

  @Test
  void tablesAndChartsCoverEveryStep() {
    Simulation sim = RateNetwork.gaussian(20, 1.5, 1).simulate(100, 1);
    assertEquals(101, sim.toTable().rowCount());
    assertEquals(202, sim.toTable(List.of(0, 19)).rowCount());
    assertEquals(2, sim.plot().charts().size());
    assertThrows(IllegalArgumentException.class, () -> sim.toTable(List.of(20)));
  }

  /** The least-squares slope of ln y[s] against s over [from, to). */
  static double slope(double[] y, int from, int to) {
    double n = to - from;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int s = from; s < to; s++) {
      double ly = Math.log(y[s]);
      sx += s;
      sy += ly;
      sxx += (double) s * s;
      sxy += s * ly;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }
}
