package io.github.rnnlab.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Minimises {@code q(x) = ½‖r(x)‖²} for a square residual r with its Jacobian, by the Levenberg–Marquardt method with
 * Nielsen's damping update: Madsen, Nielsen &amp; Tingleff (2004), "Methods for non-linear least squares problems",
 * algorithm 3.16. Each iteration solves {@code (JᵀJ + μI) δ = −Jᵀr} (Cholesky, EJML) and accepts the step when q falls;
 * μ shrinks after good steps (Gauss–Newton near a solution, so q falls quadratically) and grows after rejected ones
 * (gradient descent on q far from it). It stops when q reaches the tolerance, the gradient {@code Jᵀr} or the step
 * vanishes (a local minimum of q: a slow point rather than a fixed point), or after the iteration budget.
 */
final class LevenbergMarquardt {
  /** Initial damping relative to the largest diagonal entry of JᵀJ (MNT's τ for a start that may be far off). */
  private static final double TAU = 1e-3;
  /** Gradient size (max |Jᵀr|) below which x is a stationary point of q. */
  private static final double GRADIENT_TOLERANCE = 1e-15;
  /** Step size, relative to ‖x‖, below which the iteration has stalled. */
  private static final double STEP_TOLERANCE = 1e-15;

  private LevenbergMarquardt() {}

  /** Minimises q from {@code start}; the iterations counted include rejected steps. */
  static Residual.Result minimise(Residual residual, double[] start, double tolerance, int maxIterations) {
    int n = start.length;
    double[] x = start.clone();
    double[] r = residual.value(x);
    double q = Residual.half(r);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    double[] g = new double[n];
    normalEquations(residual.jacobian(x), r, a, g);
    double mu = TAU * maxDiagonal(a);
    double nu = 2;
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
    DMatrixRMaj damped = new DMatrixRMaj(n, n);
    DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
    DMatrixRMaj step = new DMatrixRMaj(n, 1);
    int k = 0;
    boolean done = q <= tolerance || maxAbs(g) <= GRADIENT_TOLERANCE;
    while (!done && k < maxIterations) {
      k++;
      damped.setTo(a);
      for (int i = 0; i < n; i++) {
        damped.add(i, i, mu);
        rhs.set(i, 0, -g[i]);
      }
      if (!solver.setA(damped)) {
        // Numerically not positive definite: damp harder and try again.
        mu = Math.max(mu * nu, Double.MIN_NORMAL);
        nu *= 2;
        continue;
      }
      solver.solve(rhs, step);
      double stepNorm = 0;
      double xNorm = 0;
      for (int i = 0; i < n; i++) {
        stepNorm += step.get(i) * step.get(i);
        xNorm += x[i] * x[i];
      }
      if (Math.sqrt(stepNorm) <= STEP_TOLERANCE * (Math.sqrt(xNorm) + STEP_TOLERANCE)) {
        break;
      }
      double[] candidate = new double[n];
      double predicted = 0;
      for (int i = 0; i < n; i++) {
        candidate[i] = x[i] + step.get(i);
        predicted += step.get(i) * (mu * step.get(i) - g[i]);
      }
      double[] rCandidate = residual.value(candidate);
      double qCandidate = Residual.half(rCandidate);
      double rho = (q - qCandidate) / (0.5 * predicted);
      if (rho > 0 && Double.isFinite(qCandidate)) {
        x = candidate;
        r = rCandidate;
        q = qCandidate;
        normalEquations(residual.jacobian(x), r, a, g);
        done = q <= tolerance || maxAbs(g) <= GRADIENT_TOLERANCE;
        double t = 2 * rho - 1;
        mu *= Math.max(1.0 / 3, 1 - t * t * t);
        nu = 2;
      } else {
        mu *= nu;
        nu *= 2;
      }
    }
    return new Residual.Result(x, q, k);
  }

  /** A = JᵀJ and g = Jᵀr. */
  private static void normalEquations(double[][] j, double[] r, DMatrixRMaj a, double[] g) {
    int n = g.length;
    a.zero();
    java.util.Arrays.fill(g, 0);
    for (int row = 0; row < j.length; row++) {
      double[] jr = j[row];
      for (int c = 0; c < n; c++) {
        double v = jr[c];
        if (v == 0) {
          continue;
        }
        g[c] += v * r[row];
        int offset = c * n;
        for (int d = 0; d < n; d++) {
          a.data[offset + d] += v * jr[d];
        }
      }
    }
  }

  private static double maxDiagonal(DMatrixRMaj a) {
    double m = 0;
    for (int i = 0; i < a.numRows; i++) {
      m = Math.max(m, a.get(i, i));
    }
    return m > 0 ? m : 1;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
