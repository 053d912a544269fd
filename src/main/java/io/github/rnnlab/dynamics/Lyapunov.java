package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The largest Lyapunov exponent of a network's trajectory, estimated as Benettin et al. (1980) do: run the trajectory
 * and a copy a small distance d₀ = 10⁻³ away (same input, same noise); every 10 ms add up ln(d/d₀) and pull the copy
 * back to distance d₀ along the current separation; the exponent is the sum over the time. It is in 1/s: positive in
 * chaos (nearby states separate), negative when activity settles (for tanh units below g = 1 it is about (g − 1)/τ,
 * the decay of the slowest mode of J), and it crosses 0 near g = 1.
 *
 * <p>A transient of {@code transientMs} runs first so the estimate starts on the network's attractor.
 *
 * @since 0.1.0
 */
public final class Lyapunov {
  /** Time between renormalisations in ms. */
  public static final double RENORMALISE_MS = 10;

  private Lyapunov() {}

  /**
   * The largest Lyapunov exponent in 1/s of {@code net} driven by {@code input}, from x(0) ~ N(0, 1) drawn from
   * {@code seed}, over {@code durationMs} after a transient of {@code transientMs}.
   *
   * @throws IllegalArgumentException if {@code durationMs} is shorter than 10 ms or a step, {@code transientMs} is
   *     negative, or the input does not fit
   */
  public static double largest(RateNetwork net, Input input, double transientMs, double durationMs, long seed) {
    Checks.nonNegative("transientMs", transientMs);
    Checks.positive("durationMs", durationMs);
    int transientSteps = (int) Math.round(transientMs / net.dtMs());
    int every = Math.max(1, (int) Math.round(RENORMALISE_MS / net.dtMs()));
    int intervals = (int) Math.round(durationMs / (every * net.dtMs()));
    if (intervals < 1) {
      throw new IllegalArgumentException("durationMs must cover at least one " + RENORMALISE_MS
          + " ms interval; got " + durationMs);
    }
    net.requireFits(input, transientSteps + intervals * every);
    SplittableRandom random = new SplittableRandom(seed);
    float[] x0 = RateNetwork.gaussianState(net.units(), 1, random);
    float[] direction = Divergence.unitVector(net.units(), random);
    Integrator a = net.integrator(input, seed);
    Integrator b = net.integrator(input, seed);
    a.reset(x0);
    b.reset(x0);
    int step = 0;
    for (; step < transientSteps; step++) {
      Divergence.step(a, step);
      Divergence.step(b, step);
    }
    double d0 = Divergence.DEFAULT_PERTURBATION;
    float[] y = b.state().clone();
    for (int i = 0; i < y.length; i++) {
      y[i] += (float) (d0 * direction[i]);
    }
    b.reset(y);
    double sum = 0;
    for (int k = 0; k < intervals; k++) {
      for (int s = 0; s < every; s++, step++) {
        Divergence.step(a, step);
        Divergence.step(b, step);
      }
      float[] xa = a.state();
      float[] xb = b.state();
      double d = Divergence.distance(xa, xb);
      if (!(d > 0)) {
        // The copy collapsed onto the trajectory in float32: contraction beyond what can be measured.
        return Double.NEGATIVE_INFINITY;
      }
      sum += Math.log(d / d0);
      double scale = d0 / d;
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) (xa[i] + scale * ((double) xb[i] - xa[i]));
      }
      b.reset(y);
    }
    return sum / (intervals * every * net.dtMs() / 1000);
  }

  /**
   * The largest exponent against the gain g of Gaussian tanh networks ({@link RateNetwork#gaussian}, τ 10 ms, dt 1 ms,
   * no input), one network per gain with weights and initial state drawn from {@code seed}.
   *
   * @throws IllegalArgumentException if {@code gains} is empty or holds a negative value, or a time is invalid
   */
  public static Sweep againstGain(int units, List<Double> gains, double transientMs, double durationMs, long seed) {
    if (gains.isEmpty()) {
      throw new IllegalArgumentException("give at least one gain");
    }
    double[] g = gains.stream().mapToDouble(Double::doubleValue).toArray();
    double[] exponent = new double[g.length];
    for (int k = 0; k < g.length; k++) {
      exponent[k] = largest(RateNetwork.gaussian(units, g[k], seed), Input.none(), transientMs, durationMs, seed);
    }
    return new Sweep("gain", g, "lyapunov_per_s", exponent);
  }
}
