package io.github.rnnlab.task;

/** Factories for the built-in tasks. */
public final class Tasks {
  private Tasks() {}

  /** neurogym's {@code PerceptualDecisionMaking-v0} with its defaults (dt 100 ms, stimulus 2000 ms). */
  public static PerceptualDecisionMaking perceptualDecisionMaking() {
    return PerceptualDecisionMaking.builder().build();
  }

  /**
   * {@code PerceptualDecisionMaking-v0} with the given time step and stimulus duration; the tutorial uses
   * {@code perceptualDecisionMaking(20, 1000)}.
   */
  public static PerceptualDecisionMaking perceptualDecisionMaking(double dtMs, double stimulusMs) {
    return PerceptualDecisionMaking.builder().dtMs(dtMs).stimulusMs(stimulusMs).build();
  }

  static void requirePositiveDt(double dtMs) {
    if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
      throw new IllegalArgumentException("dtMs must be a finite number of ms > 0; got " + dtMs);
    }
  }
}
