package io.github.rnnlab.analysis;

import io.github.rnnlab.task.Trial;

/** Reading trial variables for the analyses. Internal. */
final class Trials {
  private Trials() {}

  /**
   * The value of {@code variable} in {@code trial} (e.g. "coherence").
   *
   * @throws IllegalArgumentException naming the trial's variables if it has no such variable
   */
  static double value(Trial trial, String variable) {
    Double v = trial.info().get(variable);
    if (v == null) {
      throw new IllegalArgumentException("unknown trial variable '" + variable + "'; trials have "
          + trial.info().keySet());
    }
    return v;
  }
}
