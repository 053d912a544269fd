package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * What a double-precision reference network needs to check a network's backpropagation: a snapshot of its parameters
 * to perturb, the mean loss of outputs, and central finite differences of that loss compared with the network's
 * gradients.
 */
final class GradientCheck {
  private GradientCheck() {}

  /** Every parameter of {@code net} by name, in double precision. */
  static Map<String, double[][]> snapshot(RecurrentNetwork net) {
    Map<String, double[][]> params = new HashMap<>();
    for (Parameter p : net.parameters()) {
      params.put(p.name(), CellMap.toDouble(p.values()));
    }
    return params;
  }

  /**
   * The loss {@code Σ w·ℓ / Σ w} of outputs {@code y[t][b][o]} over every step and sequence, as {@link Loss} defines
   * it: ℓ the cross-entropy for labels, the squared error of each value for float targets, w the batch's weights.
   */
  static double meanLoss(double[][][] y, Batch batch) {
    double sum = 0;
    double weights = 0;
    for (int t = 0; t < y.length; t++) {
      for (int b = 0; b < y[t].length; b++) {
        if (batch.hasLabels()) {
          double norm = 0;
          for (double v : y[t][b]) {
            norm += Math.exp(v);
          }
          double w = batch.weight(t, b, 0);
          sum += w * (Math.log(norm) - y[t][b][batch.target(t, b)]);
          weights += w;
        } else {
          for (int o = 0; o < y[t][b].length; o++) {
            double w = batch.weight(t, b, o);
            double e = y[t][b][o] - batch.targetValue(t, b, o);
            sum += w * e * e;
            weights += w;
          }
        }
      }
    }
    return sum / weights;
  }

  /** Whether entry (r, c) of a parameter is fixed (not trained), so its expected gradient is 0. */
  interface Fixed {
    boolean test(String parameter, int r, int c);
  }

  /** As the other overload, with no fixed entries. */
  static void assertMatches(RecurrentNetwork net, Map<String, double[][]> params, DoubleSupplier loss,
      double absolute, double relative) {
    assertMatches(net, params, loss, (p, r, c) -> false, absolute, relative);
  }

  /**
   * Asserts that every gradient {@code net} holds matches the central finite differences of {@code loss}, which
   * reads {@code params} (perturbed here one entry at a time; 0 for {@code fixed} entries), within {@code absolute}
   * plus {@code relative} times the largest gradient; and that each parameter's gradient is large enough for the
   * comparison to mean something.
   */
  static void assertMatches(RecurrentNetwork net, Map<String, double[][]> params, DoubleSupplier loss, Fixed fixed,
      double absolute, double relative) {
    double step = 1e-6;
    double worst = 0;
    String where = "";
    double scale = 0;
    for (Parameter p : net.parameters()) {
      double[][] values = params.get(p.name());
      double largest = 0;
      for (int r = 0; r < values.length; r++) {
        for (int c = 0; c < values[r].length; c++) {
          double numeric = 0;
          if (!fixed.test(p.name(), r, c)) {
            double saved = values[r][c];
            values[r][c] = saved + step;
            double up = loss.getAsDouble();
            values[r][c] = saved - step;
            double down = loss.getAsDouble();
            values[r][c] = saved;
            numeric = (up - down) / (2 * step);
          }
          double error = Math.abs(numeric - p.gradients()[r][c]);
          if (error > worst) {
            worst = error;
            where = p.name() + "[" + r + "][" + c + "]";
          }
          largest = Math.max(largest, Math.abs(numeric));
        }
      }
      assertTrue(largest > 1e-5, p.name() + " needs a non-trivial gradient for the check; largest was " + largest);
      scale = Math.max(scale, largest);
    }
    assertTrue(worst < absolute + relative * scale, "largest gradient error " + worst + " at " + where
        + " (largest gradient " + scale + ")");
  }
}
