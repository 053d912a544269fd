package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.LineChart;
import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * How far apart two runs of the same network drift when one starts a tiny distance from the other: the Euclidean
 * distance |x'(t) − x(t)| at every step. Both runs see the same input and the same noise. Below g = 1 the distance
 * shrinks with the state; in chaos it grows exponentially (at the rate of the largest Lyapunov exponent, see {@link
 * Lyapunov}) until it is as large as the attractor. Immutable.
 *
 * <p>The default perturbation, 10⁻³ in norm, is "tiny" for float32 state: each unit moves by about 10⁻³/√N, well above
 * float32 rounding of values near 1 (6·10⁻⁸) and far inside the linear regime.
 *
 * @since 0.1.0
 */
public final class Divergence {
  /** The default size of the initial perturbation (Euclidean norm). */
  public static final double DEFAULT_PERTURBATION = 1e-3;

  private final double[] distance;
  private final double dtMs;

  private Divergence(double[] distance, double dtMs) {
    this.distance = distance;
    this.dtMs = dtMs;
  }

  /**
   * Runs {@code net} without input for {@code steps} steps from x(0) ~ N(0, 1) and from x(0) plus a random
   * perturbation of norm 10⁻³ (both drawn from {@code seed}).
   *
   * @throws IllegalArgumentException if {@code steps} &lt; 1
   */
  public static Divergence of(RateNetwork net, int steps, long seed) {
    return of(net, Input.none(), steps, DEFAULT_PERTURBATION, seed);
  }

  /**
   * The same with an input and a perturbation size of your choice.
   *
   * @throws IllegalArgumentException if {@code steps} &lt; 1, {@code perturbation} is not positive, or the input does
   *     not fit
   */
  public static Divergence of(RateNetwork net, Input input, int steps, double perturbation, long seed) {
    Checks.positive("steps", steps);
    Checks.positive("perturbation", perturbation);
    net.requireFits(input, steps);
    SplittableRandom random = new SplittableRandom(seed);
    float[] x0 = RateNetwork.gaussianState(net.units(), 1, random);
    float[] direction = unitVector(net.units(), random);
    Integrator a = net.integrator(input, seed);
    Integrator b = net.integrator(input, seed);
    a.reset(x0);
    float[] x1 = x0.clone();
    for (int i = 0; i < x1.length; i++) {
      x1[i] += (float) (perturbation * direction[i]);
    }
    b.reset(x1);
    double[] distance = new double[steps + 1];
    distance[0] = distance(a.state(), b.state());
    for (int s = 0; s < steps; s++) {
      step(a, s);
      step(b, s);
      distance[s + 1] = distance(a.state(), b.state());
    }
    return new Divergence(distance, net.dtMs());
  }

  /** The distance at steps 0 … steps (a copy). */
  public double[] distances() {
    return distance.clone();
  }

  /** The times of {@link #distances()} in ms. */
  public double[] timesMs() {
    double[] t = new double[distance.length];
    for (int s = 0; s < t.length; s++) {
      t[s] = s * dtMs;
    }
    return t;
  }

  /** The distance after the last step. */
  public double finalDistance() {
    return distance[distance.length - 1];
  }

  /** One row per step: {@code step}, {@code time_ms}, {@code distance}. */
  public Table toTable() {
    int[] step = new int[distance.length];
    for (int s = 0; s < step.length; s++) {
      step[s] = s;
    }
    return Table.create("divergence", IntColumn.create("step", step), DoubleColumn.create("time_ms", timesMs()),
        DoubleColumn.create("distance", distance));
  }

  /** The distance against time on a logarithmic axis, where exponential growth or decay is a straight line. */
  public Figure plot() {
    String title = String.format(Locale.ROOT, "Distance between two runs (start %.0e)", distance[0]);
    return addTo(LineChart.of(title, "Time (ms)", "|x' − x|").logY(), "distance").figure();
  }

  /**
   * Adds the distance curve to {@code chart} as one named line, to overlay several runs (give the chart a log y axis
   * with {@link LineChart#logY()}).
   */
  public LineChart addTo(LineChart chart, String name) {
    return chart.line(name, timesMs(), positive(distance));
  }

  static void step(Integrator integrator, int step) {
    integrator.computeCurrent(step);
    integrator.advance();
  }

  static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) b[i] - a[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /** A uniformly random direction: N(0, 1) entries, normalised. */
  static float[] unitVector(int n, SplittableRandom random) {
    double[] v = new double[n];
    double norm = 0;
    for (int i = 0; i < n; i++) {
      v[i] = random.nextGaussian();
      norm += v[i] * v[i];
    }
    norm = Math.sqrt(norm);
    float[] u = new float[n];
    for (int i = 0; i < n; i++) {
      u[i] = (float) (v[i] / norm);
    }
    return u;
  }

  /** Zeros (two runs that met exactly in float32) cannot go on a log axis; they show at the smallest double. */
  private static double[] positive(double[] values) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(out[i], Double.MIN_NORMAL);
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Divergence[%d steps, distance %.3g -> %.3g]", distance.length - 1,
        distance[0], finalDistance());
  }
}
