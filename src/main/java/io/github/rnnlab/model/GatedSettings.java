package io.github.rnnlab.model;

import io.github.rnnlab.internal.Checks;

/**
 * The settings of a gated recurrent network ({@link Lstm.Builder}, {@link Gru.Builder}) besides those of
 * {@link NetworkSettings}: the number of hidden units.
 *
 * @param <B> the builder type, which every setter returns
 */
public abstract class GatedSettings<B extends GatedSettings<B>> extends NetworkSettings<B> {
  int hiddenSize;

  GatedSettings() {}

  /** The number of hidden units (required, > 0). */
  public B hiddenSize(int hiddenSize) {
    this.hiddenSize = Checks.positive("hiddenSize", hiddenSize);
    return self();
  }
}
