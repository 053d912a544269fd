package io.github.rnnlab.task;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How long a trial period lasts, in milliseconds: neurogym's timing specifications.
 *
 * <p>A sampled duration is floored to a whole number of time steps, as neurogym does ({@code (t // dt) * dt}), so a
 * 1000 ms stimulus lasts 50 steps at dt = 20 ms and a 100 ms fixation lasts 3 steps at dt = 30 ms.
 */
public sealed interface Timing {

  /** Draws one duration in milliseconds (before flooring to the time step). */
  double sampleMs(RandomGenerator rng);

  /** The shortest duration it can draw, in ms. */
  double shortestMs();

  /** The longest duration it can draw, in ms (a bound that a half-open range never quite reaches). */
  double longestMs();

  /** A fixed duration. */
  static Timing constant(double ms) {
    return new Constant(ms);
  }

  /** A duration drawn uniformly from the given values. */
  static Timing choice(List<Double> valuesMs) {
    return new Choice(valuesMs);
  }

  /** A duration drawn uniformly from {@code [lowMs, highMs)}. */
  static Timing uniform(double lowMs, double highMs) {
    return new Uniform(lowMs, highMs);
  }

  /**
   * An exponential duration with the given mean, truncated to {@code [minMs, maxMs)}, as neurogym's {@code TruncExp};
   * {@code maxMs} is returned when {@code minMs >= maxMs}. neurogym draws it by rejection; it is drawn here by inverting
   * the truncated distribution (the same distribution, one draw each, and no endless loop when {@code minMs} lies far
   * in the tail).
   */
  static Timing truncatedExponential(double meanMs, double minMs, double maxMs) {
    return new TruncatedExponential(meanMs, minMs, maxMs);
  }

  /** The most steps one period may last: longer periods are almost surely a unit mistake (seconds for ms). */
  int MAX_STEPS = 1_000_000;

  /**
   * Number of whole time steps in {@code ms}, floored as neurogym floors durations.
   *
   * @throws IllegalArgumentException if {@code ms} is negative or not finite, {@code dtMs} is not a positive number,
   *     or the duration exceeds {@link #MAX_STEPS} steps
   */
  static int steps(double ms, double dtMs) {
    requireDuration("duration", ms);
    if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
      throw new IllegalArgumentException("dtMs must be a finite number > 0; got " + dtMs);
    }
    // The tiny slack keeps 0.3 / 0.1 from flooring to 2 through round-off.
    double steps = Math.floor(ms / dtMs + 1e-9);
    if (steps > MAX_STEPS) {
      throw new IllegalArgumentException("a period of " + ms + " ms lasts " + (long) steps + " steps at dt " + dtMs
          + " ms; at most " + MAX_STEPS + " steps are allowed (is the time in ms?)");
    }
    return (int) steps;
  }

  /** A fixed duration. */
  record Constant(double ms) implements Timing {
    public Constant {
      requireDuration("constant duration", ms);
    }

    @Override
    public double sampleMs(RandomGenerator rng) {
      return ms;
    }

    @Override
    public double shortestMs() {
      return ms;
    }

    @Override
    public double longestMs() {
      return ms;
    }

    @Override
    public String toString() {
      return Timing.ms(ms);
    }
  }

  /** A duration drawn uniformly from a list of values. */
  record Choice(List<Double> valuesMs) implements Timing {
    public Choice {
      if (valuesMs.isEmpty()) {
        throw new IllegalArgumentException("choice timing needs at least one duration; got an empty list");
      }
      valuesMs = List.copyOf(valuesMs);
      valuesMs.forEach(v -> requireDuration("choice duration", v));
    }

    @Override
    public double sampleMs(RandomGenerator rng) {
      return valuesMs.get(rng.nextInt(valuesMs.size()));
    }

    @Override
    public double shortestMs() {
      return valuesMs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    @Override
    public double longestMs() {
      return valuesMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    @Override
    public String toString() {
      return "one of " + valuesMs.stream().map(Timing::ms).toList();
    }
  }

  /** A duration drawn uniformly from {@code [lowMs, highMs)}. */
  record Uniform(double lowMs, double highMs) implements Timing {
    public Uniform {
      requireDuration("uniform low", lowMs);
      requireDuration("uniform high", highMs);
      if (!(highMs >= lowMs)) {
        throw new IllegalArgumentException("uniform timing needs highMs >= lowMs; got low " + lowMs + ", high " + highMs);
      }
    }

    @Override
    public double sampleMs(RandomGenerator rng) {
      return lowMs + (highMs - lowMs) * rng.nextDouble();
    }

    @Override
    public double shortestMs() {
      return lowMs;
    }

    @Override
    public double longestMs() {
      return highMs;
    }

    @Override
    public String toString() {
      return "uniform [" + ms(lowMs) + ", " + ms(highMs) + ")";
    }
  }

  /** An exponential duration truncated to {@code [minMs, maxMs)} by rejection. */
  record TruncatedExponential(double meanMs, double minMs, double maxMs) implements Timing {
    public TruncatedExponential {
      if (!(meanMs > 0) || Double.isInfinite(meanMs)) {
        throw new IllegalArgumentException("truncated-exponential mean must be > 0 ms; got " + meanMs);
      }
      requireDuration("truncated-exponential min", minMs);
      if (Double.isNaN(maxMs)) {
        throw new IllegalArgumentException("truncated-exponential max must be a number (use infinity for no bound)");
      }
      if (minMs >= maxMs) {
        requireDuration("truncated-exponential max (returned when min >= max)", maxMs);
      }
    }

    @Override
    public double sampleMs(RandomGenerator rng) {
      if (minMs >= maxMs) {
        return maxMs;
      }
      // Inverse of the exponential's distribution restricted to [min, max): min + Exp(mean) given below max − min.
      double mass = -Math.expm1(-(maxMs - minMs) / meanMs);
      double t = minMs - meanMs * Math.log1p(-rng.nextDouble() * mass);
      return Math.min(t, Math.nextDown(maxMs));
    }

    @Override
    public double shortestMs() {
      return Math.min(minMs, maxMs);
    }

    @Override
    public double longestMs() {
      return maxMs;
    }

    @Override
    public String toString() {
      return "truncated exponential, mean " + ms(meanMs) + ", in [" + ms(minMs) + ", " + ms(maxMs) + ")";
    }
  }

  /** {@code 100 ms}, {@code 6.4 ms}: durations as people write them. */
  private static String ms(double ms) {
    if (Double.isInfinite(ms)) {
      return "∞ ms";
    }
    return (ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms)) + " ms";
  }

  private static void requireDuration(String what, double ms) {
    if (!(ms >= 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException(what + " must be a finite number of ms >= 0; got " + ms);
    }
  }
}
