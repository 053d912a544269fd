package io.github.rnnlab.model;

import io.github.rnnlab.internal.Checks;
import java.util.List;

/**
 * Short-term synaptic plasticity of the recurrent synapses (Mongillo, Barak &amp; Tsodyks 2008; Masse et al. 2019):
 * each presynaptic unit j has available resources x_j and utilisation u_j, and its recurrent output is
 * {@code r_j·x_j·u_j} instead of r_j. Per step of dt ms, with the rate r in spikes per second (Hz) and dt in seconds
 * {@code dt_s = dt/1000}, as in Masse et al.'s code:
 *
 * <pre>
 * x ← clip(x + (dt/τ_x)·(1 − x) − dt_s·u·x·r, 0, 1)     resources recover to 1 and are used up by activity
 * u ← clip(u + (dt/τ_u)·(U − u) + dt_s·U·(1 − u)·r, 0, 1) utilisation relaxes to U and rises with activity
 * e = u·x·r                                               (new x and u, the rate of the step before)
 * </pre>
 *
 * <p>Every sequence starts at x = 1, u = U. The tutorial's exercise 9 text writes the u update with a minus sign
 * (u would fall with activity, the opposite of facilitation) and its answer starts u at 0 and multiplies the
 * depletion by dt in ms; this class follows Masse et al. instead. Presets: {@link #facilitating()}
 * (τ_x 200 ms, τ_u 1500 ms, U 0.15), {@link #depressing()} (1500 ms, 200 ms, 0.45), and {@link #alternating()}
 * (Masse et al.'s mix: even units facilitating, odd depressing).
 *
 * @param pattern the synapse type of unit j is {@code pattern.get(j % pattern.size())}
 */
public record ShortTermPlasticity(List<Synapse> pattern) {

  /** Facilitating synapses: τ_x 200 ms, τ_u 1500 ms, U 0.15. */
  public static final Synapse FACILITATING = new Synapse(200, 1500, 0.15);
  /** Depressing synapses: τ_x 1500 ms, τ_u 200 ms, U 0.45. */
  public static final Synapse DEPRESSING = new Synapse(1500, 200, 0.45);

  /**
   * @throws IllegalArgumentException if the pattern is empty
   */
  public ShortTermPlasticity {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("a plasticity pattern needs at least one synapse type; got none");
    }
    pattern = List.copyOf(pattern);
  }

  /** Every synapse facilitating, the tutorial's hint for exercise 9. */
  public static ShortTermPlasticity facilitating() {
    return new ShortTermPlasticity(List.of(FACILITATING));
  }

  /** Every synapse depressing. */
  public static ShortTermPlasticity depressing() {
    return new ShortTermPlasticity(List.of(DEPRESSING));
  }

  /** Even units facilitating and odd units depressing, as Masse et al. 2019 mix them. */
  public static ShortTermPlasticity alternating() {
    return new ShortTermPlasticity(List.of(FACILITATING, DEPRESSING));
  }

  /** Every synapse of one type. */
  public static ShortTermPlasticity of(Synapse synapse) {
    return new ShortTermPlasticity(List.of(synapse));
  }

  /** The synapse type of presynaptic unit {@code j}. */
  public Synapse synapse(int j) {
    return pattern.get(j % pattern.size());
  }

  /**
   * One synapse type.
   *
   * @param tauXMs recovery time constant of the resources, ms (> 0)
   * @param tauUMs relaxation time constant of the utilisation, ms (> 0)
   * @param u baseline utilisation U, in (0, 1]
   */
  public record Synapse(double tauXMs, double tauUMs, double u) {
    /**
     * @throws IllegalArgumentException if a time constant is not positive or U is outside (0, 1]
     */
    public Synapse {
      Checks.positive("tauXMs", tauXMs);
      Checks.positive("tauUMs", tauUMs);
      if (!(u > 0 && u <= 1)) {
        throw new IllegalArgumentException("U must lie in (0, 1]; got " + u);
      }
    }
  }
}
