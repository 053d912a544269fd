package io.github.rnnlab.train;

import io.github.rnnlab.internal.Checks;

/**
 * {@code coefficient · mean r²} over the recurrent units' rates: see {@link Penalty#rateL2}.
 *
 * @param coefficient the weight of the term (>= 0)
 */
public record RatePenalty(double coefficient) implements Penalty {

  /**
   * @throws IllegalArgumentException if {@code coefficient} is negative or not finite
   */
  public RatePenalty {
    Checks.nonNegative("coefficient", coefficient);
  }

  @Override
  public String name() {
    return "rate_l2";
  }
}
