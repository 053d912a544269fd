package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link GateMath}'s sigmoid and tanh against the exact values (double precision, rounded to float). */
class GateMathTest {

  private static float[] arguments() {
    float[] special = {0f, -0f, 1e-30f, -1e-30f, 1e-7f, -1e-7f, 0.1f, -0.1f, 0.34657f, -0.34657f, 0.5f, 1f, -1f, 5f,
        -5f, 17f, -17f, 20f, -20f, 43.5f, -43.5f, 87f, -87f, 88f, -88f, 89f, -89f, 1000f, -1000f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
    SplittableRandom rng = new SplittableRandom(1);
    float[] x = new float[special.length + 20000];
    System.arraycopy(special, 0, x, 0, special.length);
    for (int i = special.length; i < x.length; i++) {
      // Log-uniform magnitudes from 1e-8 to 100, both signs.
      x[i] = (float) ((rng.nextBoolean() ? 1 : -1) * Math.pow(10, rng.nextDouble(-8, 2)));
    }
    return x;
  }

  /**
   * The error in units in the last place of the exact float; 0 for an error below the smallest normal float (σ(x)
   * for x below −87, where e^(−x) is clamped).
   */
  private static double ulps(double exact, float actual) {
    double error = Math.abs(actual - exact);
    return error < Float.MIN_NORMAL ? 0 : error / Math.ulp((float) exact);
  }

  @Test
  void sigmoidAndTanhAreWithinThreeUlps() {
    float[] x = arguments();
    GateMath math = new GateMath(x.length);
    float[] sig = new float[x.length];
    float[] tanh = new float[x.length];
    math.sigmoid(x, 0, sig);
    math.tanh(x, 0, tanh);
    double worstSig = 0;
    double worstTanh = 0;
    for (int i = 0; i < x.length; i++) {
      worstSig = Math.max(worstSig, ulps(1 / (1 + Math.exp(-(double) x[i])), sig[i]));
      worstTanh = Math.max(worstTanh, ulps(Math.tanh(x[i]), tanh[i]));
    }
    assertTrue(worstSig <= 3, "sigmoid off by " + worstSig + " ulps");
    assertTrue(worstTanh <= 3, "tanh off by " + worstTanh + " ulps");
  }

  @Test
  void readsFromAnOffsetAndPassesNaN() {
    float[] x = {9f, 9f, 0.25f, Float.NaN};
    GateMath math = new GateMath(2);
    float[] y = new float[2];
    math.sigmoid(x, 2, y);
    assertEquals(1 / (1 + Math.exp(-0.25)), y[0], 1e-7);
    assertTrue(Float.isNaN(y[1]));
    math.tanh(x, 2, y);
    assertEquals(Math.tanh(0.25), y[0], 1e-7);
    assertTrue(Float.isNaN(y[1]));
  }
}
