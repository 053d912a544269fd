package io.github.rnnlab.model;

/**
 * Where a continuous-time RNN applies its activation f (ReLU by default, hence the name) relative to the leak.
 * α = dt/τ; {@code drive = W_in·x + b_in + W_rec·r + b_rec} with r the rates of the step before.
 */
public enum ReluPlacement {
  /**
   * {@code h ← (1−α)·h + α·f(drive)}, rates r = h: the rate leaks toward a rectified drive. The tutorial's current form
   * and the default.
   */
  INSIDE,
  /**
   * {@code h ← f((1−α)·h + α·drive)}, rates r = h: the rectified leaky state used by the tutorial's dynamical-systems
   * and working-memory notebooks (and Masse et al. 2019).
   */
  OUTSIDE,
  /**
   * {@code x ← (1−α)·x + α·drive}, rates r = f(x): a leaky state read through f, as in the tutorial's EI-RNN notebook,
   * PsychRNN and Song et al. 2016. The state x may be negative; the readout and the recurrence see r.
   */
  STATE
}
