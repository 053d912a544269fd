package io.github.rnnlab.model;

/** Where a {@link Ctrnn} applies its ReLU relative to the leak. α = dt/τ. */
public enum ReluPlacement {
  /**
   * {@code h ← (1−α)·h + α·relu(W_in·x + b_in + W_rec·h + b_rec)}: the rate leaks toward a rectified drive. The
   * tutorial's current form and the default.
   */
  INSIDE,
  /**
   * {@code h ← relu((1−α)·h + α·(W_in·x + b_in + W_rec·h + b_rec))}: the rectified leaky state used by the tutorial's
   * dynamical-systems and working-memory notebooks.
   */
  OUTSIDE
}
