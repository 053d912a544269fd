package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recursive least squares as FORCE, PINning and CURBD use it (Sussillo &amp; Abbott 2009; Haykin, Adaptive Filter
 * Theory): P, the running inverse of the regressors' correlation matrix, starts at P₀·I, and each regressor r (the
 * presynaptic rates) updates it by
 *
 * <pre>
 *   k = P r,   c = 1/(1 + rᵀk),   P ← P − c k kᵀ
 * </pre>
 *
 * and returns the gain P r = c k; every weight vector w fed by r then moves against its error measured before the
 * update, w ← w − e·(P r). After regressors r₁ … r_T with targets y₁ … y_T this gives exactly the ridge solution
 * w = (Σ r rᵀ + I/P₀)⁻¹ Σ r y, without solving a system; P₀ is the learning rate (the inverse of the ridge penalty).
 *
 * <p><b>Precision.</b> float64: P is updated by rank-1 downdates thousands of times and loses its symmetry and
 * positive definiteness in float32. Its size is the number of plastic units squared (50 × 50 in the PINning problem;
 * N × N when every unit is plastic, as in CURBD and FORCE). Every loop over P is of the form {@code y[j] += s·x[j]},
 * which the JIT vectorises. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class Rls {
  private final double[][] p;
  private final double[] k;
  private final double[] gain;

  /**
   * P = {@code p0}·I for {@code inputs} regressors.
   *
   * @throws IllegalArgumentException if {@code inputs} &lt; 1 or {@code p0} is not positive
   */
  public Rls(int inputs, double p0) {
    Checks.positive("inputs", inputs);
    Checks.positive("p0", p0);
    p = new double[inputs][inputs];
    for (int i = 0; i < inputs; i++) {
      p[i][i] = p0;
    }
    k = new double[inputs];
    gain = new double[inputs];
  }

  /** The number of regressors. */
  public int inputs() {
    return p.length;
  }

  /**
   * Updates P with regressor {@code r} and returns the gain P r (after the update), valid until the next call.
   *
   * @throws IllegalArgumentException if {@code r} does not have {@link #inputs()} values
   */
  public double[] update(double[] r) {
    int n = p.length;
    if (r.length != n) {
      throw new IllegalArgumentException("the regressor needs " + n + " values; got " + r.length);
    }
    // k = P r as a sum of P's rows (P is exactly symmetric, see below): y += s·row loops, which vectorise.
    Arrays.fill(k, 0);
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      add4(k, r[j], r[j + 1], r[j + 2], r[j + 3], p[j], p[j + 1], p[j + 2], p[j + 3], n);
    }
    for (; j < n; j++) {
      add4(k, r[j], 0, 0, 0, p[j], p[j], p[j], p[j], n);
    }
    double rPr = 0;
    for (int i = 0; i < n; i++) {
      rPr += r[i] * k[i];
    }
    double c = 1 / (1 + rPr);
    for (int i = 0; i < n; i++) {
      double[] row = p[i];
      double ki = k[i];
      // c·(k_i·k_j) is the same number for (i, j) and (j, i), so P stays exactly symmetric.
      for (int m = 0; m < n; m++) {
        row[m] -= c * (ki * k[m]);
      }
      gain[i] = c * ki;
    }
    return gain;
  }

  private static void add4(double[] y, double s0, double s1, double s2, double s3, double[] x0, double[] x1,
      double[] x2, double[] x3, int n) {
    for (int m = 0; m < n; m++) {
      y[m] += s0 * x0[m] + s1 * x1[m] + s2 * x2[m] + s3 * x3[m];
    }
  }

  /** P as it is now (a copy), float64. */
  public INDArray p() {
    return Nd4j.create(p);
  }
}
