package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.ComplexPlaneChart;
import io.github.rnnlab.plot.Figure;
import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The eigenvalues of a square real matrix (a connectivity J), computed in float64 by EJML's general eigensolver
 * (Hessenberg reduction and shifted QR, no eigenvectors), sorted by decreasing modulus. Immutable.
 *
 * <p>Cost grows as N³: about 1.5 s for N = 500 and 10 s for N = 1000 on one core here.
 *
 * <pre>{@code
 * Spectrum s = Spectrum.of(Connectivity.gaussian(500, 1.5, 1));
 * s.radius();                 // ≈ 1.5: Girko's circular law
 * s.plot(1.5);                // the eigenvalues and the circle of radius g
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Spectrum {
  private final double[] real;
  private final double[] imaginary;

  private Spectrum(double[] real, double[] imaginary) {
    this.real = real;
    this.imaginary = imaginary;
  }

  /**
   * The eigenvalues of {@code matrix}.
   *
   * @throws IllegalArgumentException if it is not square, is empty or holds non-finite values
   */
  public static Spectrum of(INDArray matrix) {
    if (matrix.rank() != 2 || matrix.size(0) != matrix.size(1) || matrix.size(0) == 0) {
      throw new IllegalArgumentException("eigenvalues need a non-empty square matrix; got shape "
          + Arrays.toString(matrix.shape()));
    }
    Checks.shape("matrix", matrix, -1, -1);
    return of(matrix.toDoubleMatrix());
  }

  static Spectrum of(double[][] rows) {
    int n = rows.length;
    DMatrixRMaj m = new DMatrixRMaj(rows);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, false);
    if (!eig.decompose(m)) {
      throw new IllegalStateException("the eigenvalue iteration did not converge for this " + n + " × " + n
          + " matrix");
    }
    Integer[] order = new Integer[n];
    double[] re = new double[n];
    double[] im = new double[n];
    for (int k = 0; k < n; k++) {
      Complex_F64 value = eig.getEigenvalue(k);
      re[k] = value.real;
      im[k] = value.imaginary;
      order[k] = k;
    }
    // By decreasing modulus, then by real part and imaginary part, so the order does not depend on the solver's.
    Arrays.sort(order, (a, b) -> {
      int byModulus = Double.compare(Math.hypot(re[b], im[b]), Math.hypot(re[a], im[a]));
      return byModulus != 0 ? byModulus : re[a] != re[b] ? Double.compare(re[b], re[a]) : Double.compare(im[b], im[a]);
    });
    double[] sortedRe = new double[n];
    double[] sortedIm = new double[n];
    for (int k = 0; k < n; k++) {
      sortedRe[k] = re[order[k]];
      sortedIm[k] = im[order[k]];
    }
    return new Spectrum(sortedRe, sortedIm);
  }

  /** The number of eigenvalues (N). */
  public int size() {
    return real.length;
  }

  /** The real parts, by decreasing modulus. */
  public double[] real() {
    return real.clone();
  }

  /** The imaginary parts, in the same order as {@link #real()}. */
  public double[] imaginary() {
    return imaginary.clone();
  }

  /** The spectral radius max |λ|. */
  public double radius() {
    return Math.hypot(real[0], imaginary[0]);
  }

  /**
   * The spectral abscissa max Re λ. The fixed point x = 0 of τ dx/dt = −x + J φ(x) with φ'(0) = 1 is stable exactly
   * when it is below 1; perturbations then decay at the rate (1 − max Re λ)/τ.
   */
  public double abscissa() {
    return Arrays.stream(real).max().orElseThrow();
  }

  /** One row per eigenvalue: {@code index}, {@code real}, {@code imaginary}, {@code modulus}. */
  public Table toTable() {
    int n = real.length;
    int[] index = new int[n];
    double[] modulus = new double[n];
    for (int k = 0; k < n; k++) {
      index[k] = k;
      modulus[k] = Math.hypot(real[k], imaginary[k]);
    }
    return Table.create("eigenvalues", IntColumn.create("index", index), DoubleColumn.create("real", real),
        DoubleColumn.create("imaginary", imaginary), DoubleColumn.create("modulus", modulus));
  }

  /** The eigenvalues in the complex plane with the circle of radius {@code circleRadius} (none if ≤ 0). */
  public Figure plot(double circleRadius) {
    return plot(String.format(Locale.ROOT, "Eigenvalues (N = %d, radius %.3f)", size(), radius()), circleRadius);
  }

  /** The same with a title of your own. */
  public Figure plot(String title, double circleRadius) {
    return ComplexPlaneChart.of(title, real, imaginary, circleRadius);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Spectrum[%d eigenvalues, radius %.4f, abscissa %.4f]", size(), radius(),
        abscissa());
  }
}
