package io.github.rnnlab.analysis;

import io.github.rnnlab.dynamics.Spectrum;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The eigenvalues of a real, generally non-symmetric square matrix (a Jacobian), by {@link Spectrum} (EJML's
 * Hessenberg/double-shift QR algorithm), sorted by decreasing magnitude, and the eigenvector of the eigenvalue with the
 * largest real part when that eigenvalue is real, by inverse iteration. (EJML's own eigenvectors fail on the many zero
 * rows of a ReLU network's Jacobian, where silent units sit; its eigenvalues do not.) Internal to the fixed-point
 * analysis.
 */
final class Linearization {
  private static final int INVERSE_ITERATIONS = 4;

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
   * @throws IllegalArgumentException if {@code m} holds a value that is not finite
   * @throws IllegalStateException if the QR iteration does not converge
   */
  static Linearization of(double[][] m) {
    Spectrum spectrum = Spectrum.of(Nd4j.create(m));
    double[] re = spectrum.real();
    double[] im = spectrum.imaginary();
    List<Eigenvalue> values = new ArrayList<>(re.length);
    Eigenvalue top = null;
    for (int i = 0; i < re.length; i++) {
      Eigenvalue e = new Eigenvalue(re[i], im[i]);
      values.add(e);
      if (top == null || e.real() > top.real() || (e.real() == top.real() && e.imaginary() > top.imaginary())) {
        top = e;
      }
    }
    return new Linearization(List.copyOf(values), top, top.isReal() ? eigenvector(m, top.real()) : null);
  }

  /**
   * The eigenvector of the real eigenvalue {@code lambda} by inverse iteration: repeatedly solve {@code (M − μI) x_new
   * = x} with μ a hair above λ, so that the component along λ's eigenvector grows by ~1/(μ − λ) per solve and
   * dominates after one or two. Unit length, largest entry positive.
   */
  private static double[] eigenvector(double[][] m, double lambda) {
    int n = m.length;
    double shift = lambda + 1e-10 * Math.max(1, Math.abs(lambda));
    DMatrixRMaj a = new DMatrixRMaj(m);
    for (int i = 0; i < n; i++) {
      a.add(i, i, -shift);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    x.fill(1 / Math.sqrt(n));
    DMatrixRMaj next = new DMatrixRMaj(n, 1);
    if (!solver.setA(a)) {
      // M − μI is exactly singular: μ itself is an eigenvalue, nearly λ. Fall back on the start vector's iterate.
      return normalised(x.data.clone());
    }
    for (int k = 0; k < INVERSE_ITERATIONS; k++) {
      solver.solve(x, next);
      double[] v = normalised(next.data.clone());
      if (!Double.isFinite(v[0])) {
        break;
      }
      System.arraycopy(v, 0, x.data, 0, n);
    }
    return x.data.clone();
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
