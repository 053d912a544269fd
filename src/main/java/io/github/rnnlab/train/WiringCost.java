package io.github.rnnlab.train;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;

/** {@code coefficient · Σ |W_ij|·D_ij}: see {@link Penalty#wiringCost}. */
final class WiringCost implements WeightPenalty {
  private final String parameter;
  private final double coefficient;
  private final float[][] distances;

  WiringCost(String parameter, double coefficient, float[][] distances) {
    this.parameter = parameter;
    this.coefficient = coefficient;
    this.distances = new float[distances.length][];
    for (int r = 0; r < distances.length; r++) {
      if (distances[r].length != distances[0].length) {
        throw new IllegalArgumentException("distances row " + r + " has " + distances[r].length
            + " entries but row 0 has " + distances[0].length);
      }
      for (float d : distances[r]) {
        Checks.nonNegative("distance", d);
      }
      this.distances[r] = distances[r].clone();
    }
  }

  @Override
  public String name() {
    return "wiring_cost";
  }

  @Override
  public double addGradients(RecurrentNetwork network) {
    Parameter p = network.parameter(parameter);
    float[][] w = p.values();
    if (w.length != distances.length || w[0].length != distances[0].length) {
      throw new IllegalArgumentException("the wiring cost's distances are " + distances.length + " × "
          + distances[0].length + " but " + parameter + " is " + w.length + " × " + w[0].length);
    }
    float[][] g = p.gradients();
    double sum = 0;
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < w[r].length; c++) {
        sum += Math.abs(w[r][c]) * (double) distances[r][c];
        g[r][c] += (float) (coefficient * distances[r][c] * Math.signum(w[r][c]));
      }
    }
    return coefficient * sum;
  }

  @Override
  public String toString() {
    return name() + " on " + parameter + " × " + coefficient;
  }
}
