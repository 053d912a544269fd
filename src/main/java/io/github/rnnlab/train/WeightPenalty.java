package io.github.rnnlab.train;

import io.github.rnnlab.model.RecurrentNetwork;

/**
 * A penalty on parameter values. Implementations are immutable or keep only what they were given; consolidation
 * penalties (which anchor weights learned on earlier tasks) implement it too.
 */
public interface WeightPenalty extends Penalty {

  /**
   * Adds this term's gradient with respect to the raw parameter values to the parameters' gradients and returns the
   * term's value, for the network's current values.
   *
   * @throws IllegalArgumentException if the network has no parameter this penalty names, or its shape does not fit
   */
  double addGradients(RecurrentNetwork network);
}
