package io.github.rnnlab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.jspecify.annotations.Nullable;

/**
 * The eigen-decomposition of a real, generally non-symmetric square matrix (a Jacobian), with EJML's
 * Hessenberg/double-shift QR algorithm. Eigenvalues are sorted by decreasing magnitude; real eigenvalues come with
 * unit eigenvectors. Internal to the fixed-point analysis.
 */
final class Linearization {
  private final List<Eigenvalue> eigenvalues;
  private final Eigenvalue top;
  private final double @Nullable [] topVector;

  private Linearization(List<Eigenvalue> eigenvalues, Eigenvalue top, double @Nullable [] topVector) {
    this.eigenvalues = eigenvalues;
    this.top = top;
    this.topVector = topVector;
  }

  /**
   * Decomposes {@code m}.
   *
   * @throws IllegalStateException if the QR iteration does not converge (EJML gives up; a matrix with NaN or infinite
   *     entries does that)
   */
  static Linearization of(double[][] m) {
    int n = m.length;
    DMatrixRMaj a = new DMatrixRMaj(m);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, false);
    if (!eig.decompose(a)) {
      throw new IllegalStateException("the eigen-decomposition of a " + n + " × " + n + " Jacobian did not converge");
    }
    List<Eigenvalue> values = new ArrayList<>(n);
    int topIndex = 0;
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      Complex_F64 c = eig.getEigenvalue(i);
      values.add(new Eigenvalue(c.real, c.imaginary));
      Complex_F64 best = eig.getEigenvalue(topIndex);
      if (c.real > best.real || (c.real == best.real && c.imaginary > best.imaginary)) {
        topIndex = i;
      }
    }
    Complex_F64 best = eig.getEigenvalue(topIndex);
    double @Nullable [] vector = null;
    DMatrixRMaj v = best.imaginary == 0 ? eig.getEigenVector(topIndex) : null;
    if (v != null) {
      vector = normalised(v.data.clone());
    }
    values.sort(Comparator.comparingDouble(Eigenvalue::magnitude).reversed()
        .thenComparing(Comparator.comparingDouble(Eigenvalue::imaginary).reversed()));
    return new Linearization(List.copyOf(values), new Eigenvalue(best.real, best.imaginary), vector);
  }

  /** Unit length, with its largest-magnitude entry positive, so that the direction does not depend on the solver. */
  private static double[] normalised(double[] v) {
    double norm = 0;
    int largest = 0;
    for (int i = 0; i < v.length; i++) {
      norm += v[i] * v[i];
      if (Math.abs(v[i]) > Math.abs(v[largest])) {
        largest = i;
      }
    }
    double scale = (v[largest] < 0 ? -1 : 1) / Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return v;
  }

  List<Eigenvalue> eigenvalues() {
    return eigenvalues;
  }

  /** The eigenvalue with the largest real part (of a complex pair, the one with positive imaginary part). */
  Eigenvalue top() {
    return top;
  }

  /** The unit eigenvector of {@link #top()}, or null when that eigenvalue is complex. */
  double @Nullable [] topVector() {
    return topVector == null ? null : topVector.clone();
  }
}
