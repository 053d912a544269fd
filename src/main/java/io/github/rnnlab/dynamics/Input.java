package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import java.util.SplittableRandom;

/**
 * An external input current I(t) to a {@link RateNetwork}: at each step it adds its value for that step to every
 * unit's current. A lambda works: {@code (step, current) -> current[0] += 1}. Inputs must be deterministic functions of
 * the step (trajectories that are compared, as in {@link Divergence}, see the same input).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Input {

  /** Adds the input of step {@code step} (counted from 0) to {@code current}, one entry per unit. */
  void addTo(int step, float[] current);

  /** No input. */
  static Input none() {
    return (step, current) -> { };
  }

  /**
   * I_i(t) = A cos(2π f t + θ_i) with random phases θ_i ~ U(0, 2π): the input of Rajan, Abbott &amp; Sompolinsky
   * (2010, Phys. Rev. E 82:011903), which suppresses chaos when its amplitude is large enough for its frequency.
   *
   * @param amplitude A ≥ 0
   * @param frequencyHz f ≥ 0
   * @param dtMs the network's step, so that step s is time s·dt
   * @throws IllegalArgumentException if {@code units} &lt; 1, {@code amplitude} or {@code frequencyHz} is negative, or
   *     {@code dtMs} ≤ 0
   */
  static Input sinusoids(int units, double amplitude, double frequencyHz, double dtMs, long seed) {
    Checks.positive("units", units);
    Checks.nonNegative("amplitude", amplitude);
    Checks.nonNegative("frequencyHz", frequencyHz);
    Checks.positive("dtMs", dtMs);
    SplittableRandom random = new SplittableRandom(seed);
    double[] phase = new double[units];
    for (int i = 0; i < units; i++) {
      phase[i] = 2 * Math.PI * random.nextDouble();
    }
    double radiansPerStep = 2 * Math.PI * frequencyHz * dtMs / 1000;
    return (step, current) -> {
      if (current.length != units) {
        throw new IllegalArgumentException("this input drives " + units + " units; the network has "
            + current.length);
      }
      for (int i = 0; i < units; i++) {
        current[i] += (float) (amplitude * Math.cos(radiansPerStep * step + phase[i]));
      }
    };
  }
}
