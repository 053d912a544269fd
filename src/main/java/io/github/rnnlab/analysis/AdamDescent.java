package io.github.rnnlab.analysis;

/**
 * Minimises {@code q(x) = ½‖r(x)‖²} by Adam (Kingma &amp; Ba 2015) on its gradient {@code ∇q = Jᵀr}, with β = 0.9 and
 * 0.999 and ε = 1e-8, as the tutorial's notebooks minimise the speed of a network's state (their loss, the mean
 * squared speed, has the same Adam trajectory up to ε, since Adam does not see the gradient's scale). Slow to converge
 * along flat directions of q, so a fixed budget of iterations leaves points spread along an approximate line
 * attractor. Stops when q reaches the tolerance or after the budget.
 */
final class AdamDescent {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private AdamDescent() {}

  static Residual.Result minimise(Residual residual, double[] start, double tolerance, int maxIterations,
      double learningRate) {
    int n = start.length;
    double[] x = start.clone();
    double[] m = new double[n];
    double[] v = new double[n];
    double[] r = residual.value(x);
    double q = Residual.half(r);
    int k = 0;
    while (q > tolerance && k < maxIterations) {
      k++;
      double[][] j = residual.jacobian(x);
      double[] g = new double[n];
      for (int row = 0; row < j.length; row++) {
        double rr = r[row];
        if (rr != 0) {
          double[] jr = j[row];
          for (int c = 0; c < n; c++) {
            g[c] += jr[c] * rr;
          }
        }
      }
      double correction1 = 1 - Math.pow(BETA1, k);
      double correction2 = 1 - Math.pow(BETA2, k);
      for (int c = 0; c < n; c++) {
        m[c] = BETA1 * m[c] + (1 - BETA1) * g[c];
        v[c] = BETA2 * v[c] + (1 - BETA2) * g[c] * g[c];
        x[c] -= learningRate * (m[c] / correction1) / (Math.sqrt(v[c] / correction2) + EPSILON);
      }
      r = residual.value(x);
      q = Residual.half(r);
    }
    return new Residual.Result(x, q, k);
  }
}
