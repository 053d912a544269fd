package io.github.rnnlab.train;

import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;

/** {@code coefficient · mean |W|^p} for p = 1 or 2: see {@link Penalty#l1} and {@link Penalty#l2}. */
final class NormPenalty implements WeightPenalty {
  private final String parameter;
  private final double coefficient;
  private final int power;

  NormPenalty(String parameter, double coefficient, int power) {
    this.parameter = parameter;
    this.coefficient = coefficient;
    this.power = power;
  }

  @Override
  public String name() {
    return "l" + power + "(" + parameter + ")";
  }

  @Override
  public double addGradients(RecurrentNetwork network) {
    Parameter p = network.parameter(parameter);
    float[][] w = p.values();
    float[][] g = p.gradients();
    double mean = coefficient / p.size();
    double sum = 0;
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < w[r].length; c++) {
        double v = w[r][c];
        sum += power == 1 ? Math.abs(v) : v * v;
        g[r][c] += (float) (mean * (power == 1 ? Math.signum(v) : 2 * v));
      }
    }
    return mean * sum;
  }

  @Override
  public String toString() {
    return name() + " × " + coefficient;
  }
}
