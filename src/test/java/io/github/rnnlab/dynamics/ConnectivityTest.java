package io.github.rnnlab.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConnectivityTest {

  @Test
  void gaussianEntriesHaveVarianceGSquaredOverNAndAreSeeded() {
    int n = 400;
    double g = 1.5;
    double[][] j = Connectivity.gaussian(n, g, 7).toDoubleMatrix();
    double sum = 0;
    double squares = 0;
    for (double[] row : j) {
      for (double v : row) {
        sum += v;
        squares += v * v;
      }
    }
    long count = (long) n * n;
    double mean = sum / count;
    double variance = squares / count - mean * mean;
    // 160 000 samples: the sample variance has a relative standard error of sqrt(2/count) = 0.35%.
    assertEquals(g * g / n, variance, 0.02 * g * g / n);
    assertEquals(0, mean, 5 * g / Math.sqrt(n) / Math.sqrt(count));
    assertArrayEquals(j[3], Connectivity.gaussian(n, g, 7).toDoubleMatrix()[3]);
    assertTrue(j[3][5] != Connectivity.gaussian(n, g, 8).toDoubleMatrix()[3][5]);
  }

  @Test
  void excitatoryInhibitoryColumnsHaveTheirMeansAndZeroRowSumsWhenAsked() {
    ExcitatoryInhibitory balanced = ExcitatoryInhibitory.balanced(200, 0.8, 2.0, 1.0, 1.0);
    assertEquals(-8.0, balanced.meanInhibitory(), 1e-12);
    assertEquals(0, balanced.meanEigenvalue(), 1e-9);
    double[][] free = Connectivity.excitatoryInhibitory(balanced, 3).toDoubleMatrix();
    double excitatoryMean = 0;
    double inhibitoryMean = 0;
    for (double[] row : free) {
      for (int c = 0; c < 200; c++) {
        if (c < 160) {
          excitatoryMean += row[c] / (200.0 * 160);
        } else {
          inhibitoryMean += row[c] / (200.0 * 40);
        }
      }
    }
    // Entries are (μ + σ z)/√N: means 2/√200 and −8/√200 up to sampling error σ/√N/√count.
    assertEquals(2 / Math.sqrt(200), excitatoryMean, 5 / Math.sqrt(200) / Math.sqrt(200 * 160));
    assertEquals(-8 / Math.sqrt(200), inhibitoryMean, 5 / Math.sqrt(200) / Math.sqrt(200 * 40));
    double[][] constrained = Connectivity.excitatoryInhibitory(balanced.withZeroRowSums(true), 3).toDoubleMatrix();
    for (double[] row : constrained) {
      double s = 0;
      for (double v : row) {
        s += v;
      }
      assertEquals(0, s, 1e-12);
    }
    assertEquals(1.0, balanced.bulkRadius(), 1e-12);
  }

  @Test
  void randomUnitsAreDistinctAndSeeded() {
    int[] a = Connectivity.randomUnits(50, 20, new SplittableRandom(1));
    assertEquals(20, java.util.Arrays.stream(a).distinct().count());
    assertTrue(java.util.Arrays.stream(a).allMatch(u -> u >= 0 && u < 50));
    assertArrayEquals(a, Connectivity.randomUnits(50, 20, new SplittableRandom(1)));
  }

  @Test
  void badSizesAndGainsAreRejectedWithTheValue() {
    IllegalArgumentException units = assertThrows(IllegalArgumentException.class,
        () -> Connectivity.gaussian(0, 1.5, 1));
    assertTrue(units.getMessage().contains("units") && units.getMessage().contains("0"), units.getMessage());
    IllegalArgumentException gain = assertThrows(IllegalArgumentException.class,
        () -> Connectivity.gaussian(10, -0.5, 1));
    assertTrue(gain.getMessage().contains("gain") && gain.getMessage().contains("-0.5"), gain.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExcitatoryInhibitory.balanced(100, 1.0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Connectivity.randomUnits(5, 6, new SplittableRandom(1)));
  }
}
