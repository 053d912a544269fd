package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.Arrays;

/** Checks a weight penalty's gradient against central differences of its value, in double precision. */
final class PenaltyGradients {
  private PenaltyGradients() {}

  /**
   * Compares the gradient {@code penalty} adds to parameter {@code name} of {@code network} with central differences
   * of its value over every entry (steps of 1e-3, divided by the float steps actually taken).
   */
  static void assertMatches(WeightPenalty penalty, RecurrentNetwork network, String name) {
    Parameter p = network.parameter(name);
    for (Parameter q : network.parameters()) {
      for (float[] g : q.gradients()) {
        Arrays.fill(g, 0f);
      }
    }
    penalty.addGradients(network);
    float[][] analytic = new float[p.values().length][];
    for (int r = 0; r < analytic.length; r++) {
      analytic[r] = p.gradients()[r].clone();
    }
    double h = 1e-3;
    for (int r = 0; r < analytic.length; r++) {
      for (int c = 0; c < analytic[r].length; c++) {
        float saved = p.values()[r][c];
        p.values()[r][c] = saved + (float) h;
        double up = penalty.addGradients(network);
        p.values()[r][c] = saved - (float) h;
        double down = penalty.addGradients(network);
        p.values()[r][c] = saved;
        double numeric = (up - down) / (((saved + (float) h) - (double) (saved - (float) h)));
        assertEquals(numeric, analytic[r][c], 1e-5 + 1e-4 * Math.abs(numeric), name + "[" + r + "][" + c + "]");
      }
    }
  }
}
