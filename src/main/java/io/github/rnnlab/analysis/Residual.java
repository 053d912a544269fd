package io.github.rnnlab.analysis;

/**
 * A square residual r(x) with its Jacobian, whose half squared norm {@code q = ½‖r‖²} a search minimises; for the
 * fixed-point search, {@code r(s) = F(s, x) − s}. Internal.
 */
interface Residual {
  /** r(x). */
  double[] value(double[] x);

  /** ∂r/∂x at x, [residual entry][x entry]. */
  double[][] jacobian(double[] x);

  /** Where a search ended: the point, q there and the number of iterations it took. */
  record Result(double[] x, double q, int iterations) {}

  /** ½‖r‖². */
  static double half(double[] r) {
    double s = 0;
    for (double v : r) {
      s += v * v;
    }
    return 0.5 * s;
  }
}
