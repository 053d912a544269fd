package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;

/**
 * The settings that PINning and CURBD share, with their setters: P₀, the seed and where progress goes.
 *
 * @param <B> the builder type, returned by each setter for chaining
 */
abstract class RunSettings<B extends RunSettings<B>> {
  double p0 = 1;
  long seed = 1;
  RunProgress progress = RunProgress.lines();

  abstract B self();

  /**
   * P₀, the initial diagonal of RLS's P: the learning rate (default 1).
   *
   * @throws IllegalArgumentException if not finite and &gt; 0
   */
  public B p0(double value) {
    p0 = Checks.positive("p0", value);
    return self();
  }

  /** The seed of every random choice of the training (default 1). */
  public B seed(long value) {
    seed = value;
    return self();
  }

  /** Where progress goes (default: a line after the first run, every tenth of the runs and the last). */
  public B progress(RunProgress value) {
    progress = value;
    return self();
  }
}
