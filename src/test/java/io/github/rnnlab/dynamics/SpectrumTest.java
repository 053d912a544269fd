package io.github.rnnlab.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SpectrumTest {

  @Test
  void circularLawGivesRadiusGAtN1000() {
    // Girko: the eigenvalues of an N × N matrix with i.i.d. N(0, g²/N) entries fill the disk of radius g; at N = 1000
    // the largest modulus is within a few percent of g (the edge fluctuates by about N^(-1/2) relative).
    double g = 1.5;
    Spectrum s = Spectrum.of(Connectivity.gaussian(1000, g, 11));
    assertEquals(1000, s.size());
    assertEquals(g, s.radius(), 0.05 * g);
  }

  @Test
  void knownEigenvaluesComeBackSortedByModulus() {
    // A rotation by 90° scaled by 2 (eigenvalues ±2i) and a 1 × 1 block 0.5: a block-diagonal 3 × 3 matrix.
    double[][] m = {{0, -2, 0}, {2, 0, 0}, {0, 0, 0.5}};
    Spectrum s = Spectrum.of(Nd4j.create(m));
    assertArrayEquals(new double[] {0, 0, 0.5}, s.real(), 1e-12);
    assertArrayEquals(new double[] {2, -2, 0}, s.imaginary(), 1e-12);
    assertEquals(2, s.radius(), 1e-12);
    assertEquals(0.5, s.abscissa(), 1e-12);
    assertEquals(3, s.toTable().rowCount());
  }

  @Test
  void unbalancedExcitationGivesOneOutlierAtTheMeanEigenvalue() {
    ExcitatoryInhibitory unbalanced = new ExcitatoryInhibitory(300, 0.5, 1.0, -0.5, 0.5, 0.5, false);
    Spectrum s = Spectrum.of(Connectivity.excitatoryInhibitory(unbalanced, 2));
    // The mean matrix has rank 1 and eigenvalue √N (f μ_E + (1 − f) μ_I) = √300 · 0.25 ≈ 4.33, far outside the bulk
    // of radius 0.5; the random part moves it by O(σ).
    assertEquals(unbalanced.meanEigenvalue(), s.real()[0], 0.5);
    assertEquals(0, s.imaginary()[0], 1e-9);
    assertEquals(0.5, Math.hypot(s.real()[1], s.imaginary()[1]), 0.1);
  }

  @Test
  void nonSquareMatricesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Spectrum.of(Nd4j.create(2, 3)));
  }
}
