package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.Table;

class PsychometricTest {
  private static final double[] LEVELS = {-51.2, -25.6, -12.8, -6.4, 0, 6.4, 12.8, 25.6, 51.2};
  private static final int[] CHOSE = {2, 5, 11, 16, 21, 26, 30, 36, 39};

  /**
   * 40 trials per coherence level, {@code CHOSE[l]} of them choosing. Golden values from a SciPy script run here:
   * {@code x = np.repeat(LEVELS, 40)}, {@code y} the choices; {@code nll(p) = −Σ y·log F(p0 + p1·x) + (1 − y)·log(1 −
   * F(p0 + p1·x))} with {@code F = scipy.stats.norm.cdf} (probit) or the logistic function, clipped to
   * [1e−15, 1 − 1e−15]; {@code minimize(nll, [0, 0], method="Nelder-Mead", xatol=1e-12, fatol=1e-14)} polished by
   * {@code minimize(..., method="BFGS", gtol=1e-10)}; standard errors from {@code np.linalg.inv([[Σw, Σwx], [Σwx,
   * Σwx²]])} with {@code w = f(η)²/(F(η)(1 − F(η)))} at the estimate.
   */
  @Test
  void fitsMatchAnIndependentScipyFit() {
    double[] x = new double[LEVELS.length * 40];
    boolean[] y = new boolean[x.length];
    for (int l = 0; l < LEVELS.length; l++) {
      for (int i = 0; i < 40; i++) {
        x[40 * l + i] = LEVELS[l];
        y[40 * l + i] = i < CHOSE[l];
      }
    }
    Psychometric probit = Psychometric.fit(x, y, Psychometric.Link.PROBIT);
    assertEquals(0.06667738193221198, probit.bias(), 1e-6);
    assertEquals(0.04128322072656433, probit.slope(), 1e-8);
    assertEquals(0.07836175454307222, probit.biasStandardError(), 1e-7);
    assertEquals(0.004298346652210388, probit.slopeStandardError(), 1e-8);
    assertEquals(-168.6959005533925, probit.logLikelihood(), 1e-8);
    Psychometric logit = Psychometric.fit(x, y, Psychometric.Link.LOGISTIC);
    assertEquals(0.10739025609454395, logit.bias(), 1e-6);
    assertEquals(0.07388418814058849, logit.slope(), 1e-8);
    assertEquals(0.13397953533560264, logit.biasStandardError(), 1e-7);
    assertEquals(0.008466790765649842, logit.slopeStandardError(), 1e-8);
    assertEquals(-167.86679581183006, logit.logLikelihood(), 1e-8);
    double z = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);
    Table table = probit.toTable();
    assertEquals(List.of("parameter", "estimate", "std_error", "ci_low", "ci_high"), table.columnNames());
    assertEquals(probit.slope() - z * probit.slopeStandardError(), table.doubleColumn("ci_low").get(1), 1e-12);
    Table binned = probit.binnedTable();
    assertEquals(LEVELS.length, binned.rowCount());
    assertEquals(CHOSE[0] / 40.0, binned.doubleColumn("p_choice").get(0), 1e-12);
    assertEquals(Math.sqrt(0.05 * 0.95 * 40 / 39 / 40), binned.doubleColumn("sem").get(0), 1e-12);
    assertEquals(600, probit.plot().toImage().getWidth());
  }

  /** Choices simulated from a known curve: the fit recovers it within its intervals. */
  @ParameterizedTest
  @EnumSource(Psychometric.Link.class)
  void recoversKnownParametersWithinTheirIntervals(Psychometric.Link link) {
    double bias = -0.3;
    double slope = 0.06;
    Psychometric fit = fit(simulate(link, bias, slope, 5000, new SplittableRandom(11)), link);
    double[] b = fit.biasInterval();
    double[] s = fit.slopeInterval();
    assertTrue(b[0] < bias && bias < b[1], "bias " + bias + " outside " + fit);
    assertTrue(s[0] < slope && slope < s[1], "slope " + slope + " outside " + fit);
    assertEquals(slope, fit.slope(), 0.1 * slope);
    assertEquals(fit.probability(-bias / slope), 0.5, 0.05);
  }

  /** Over 100 simulated experiments the 95 % intervals hold the true values about 95 % of the time. */
  @Test
  void intervalsHaveTheirCoverage() {
    SplittableRandom rng = new SplittableRandom(5);
    int covered = 0;
    int runs = 100;
    for (int r = 0; r < runs; r++) {
      Psychometric fit = fit(simulate(Psychometric.Link.PROBIT, 0.2, 0.04, 500, rng), Psychometric.Link.PROBIT);
      double[] s = fit.slopeInterval();
      double[] b = fit.biasInterval();
      covered += (s[0] < 0.04 && 0.04 < s[1] ? 1 : 0) + (b[0] < 0.2 && 0.2 < b[1] ? 1 : 0);
    }
    // 200 intervals: 190 expected, binomial sd 3.1.
    assertEquals(190, covered, 13);
  }

  private static double[][] simulate(Psychometric.Link link, double bias, double slope, int n, SplittableRandom rng) {
    double[][] data = new double[2][n];
    NormalDistribution normal = new NormalDistribution(0, 1);
    double[] p = new double[LEVELS.length];
    for (int l = 0; l < p.length; l++) {
      double eta = bias + slope * LEVELS[l];
      p[l] = link == Psychometric.Link.PROBIT ? normal.cumulativeProbability(eta) : 1 / (1 + Math.exp(-eta));
    }
    for (int i = 0; i < n; i++) {
      int l = rng.nextInt(LEVELS.length);
      data[0][i] = LEVELS[l];
      data[1][i] = rng.nextDouble() < p[l] ? 1 : 0;
    }
    return data;
  }

  private static Psychometric fit(double[][] data, Psychometric.Link link) {
    boolean[] y = new boolean[data[1].length];
    for (int i = 0; i < y.length; i++) {
      y[i] = data[1][i] == 1;
    }
    return Psychometric.fit(data[0], y, link);
  }

  @Test
  void badInputIsRejected() {
    var lengths = assertThrows(IllegalArgumentException.class,
        () -> Psychometric.fit(new double[] {1, 2}, new boolean[] {true}, Psychometric.Link.PROBIT));
    assertTrue(lengths.getMessage().contains("got 2 and 1"), lengths.getMessage());
    var same = assertThrows(IllegalArgumentException.class,
        () -> Psychometric.fit(new double[] {1, 2}, new boolean[] {true, true}, Psychometric.Link.PROBIT));
    assertTrue(same.getMessage().contains("both choices"), same.getMessage());
    var flat = assertThrows(IllegalArgumentException.class,
        () -> Psychometric.fit(new double[] {3, 3}, new boolean[] {true, false}, Psychometric.Link.LOGISTIC));
    assertTrue(flat.getMessage().contains("two distinct evidence values"), flat.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Psychometric.fit(new double[] {1, Double.NaN}, new boolean[] {true, false}, Psychometric.Link.PROBIT));
    assertThrows(IllegalArgumentException.class,
        () -> Psychometric.fit(new double[] {1, 2}, new boolean[] {true, false}, Psychometric.Link.PROBIT, 1.0));
  }

  @Test
  void chronometricBinsByEvidence() {
    Chronometric c = Chronometric.of(new double[] {-1, -1, 1, 1, 1}, new double[] {300, 500, 200, 220, 240});
    Table t = c.toTable();
    assertEquals(List.of(-1.0, 1.0), t.doubleColumn("evidence").asList());
    assertEquals(List.of(400.0, 220.0), t.doubleColumn("reaction_time_ms").asList());
    assertEquals(Math.sqrt(20000.0) / Math.sqrt(2), t.doubleColumn("sem").get(0), 1e-9);
    assertEquals(20 / Math.sqrt(3), t.doubleColumn("sem").get(1), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> Chronometric.of(new double[] {1}, new double[] {}));
  }
}
