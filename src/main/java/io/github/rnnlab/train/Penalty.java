package io.github.rnnlab.train;

import io.github.rnnlab.internal.Checks;
import java.util.Objects;

/**
 * A term added to the training loss beside the task loss. The {@link Trainer} logs each term separately in the
 * {@link TrainingHistory} under its {@link #name()}. Weight penalties ({@link WeightPenalty}) act on parameter values;
 * the rate penalty ({@link #rateL2}) acts on the recurrent units' activity and is computed inside the forward and
 * backward passes. Consolidation penalties ({@link #ewc}, {@link #intelligentSynapses}) protect earlier tasks in
 * continual learning ({@link ConsolidationPenalty}).
 *
 * <pre>{@code
 * Trainer.builder().penalty(Penalty.wiringCost("W_rec", 1e-3, grid.distances())).build()
 * }</pre>
 */
public interface Penalty {

  /** The name it is logged under, e.g. {@code "l2(W_rec)"} or {@code "wiring_cost"}. */
  String name();

  /**
   * {@code coefficient · mean |W|} over the entries of parameter {@code parameter} (PsychRNN's and Yang et al.'s L1
   * weight regulariser).
   *
   * @throws IllegalArgumentException if {@code coefficient} is negative or not finite
   */
  static WeightPenalty l1(String parameter, double coefficient) {
    return new NormPenalty(Objects.requireNonNull(parameter), Checks.nonNegative("coefficient", coefficient), 1);
  }

  /**
   * {@code coefficient · mean W²} over the entries of parameter {@code parameter}.
   *
   * @throws IllegalArgumentException if {@code coefficient} is negative or not finite
   */
  static WeightPenalty l2(String parameter, double coefficient) {
    return new NormPenalty(Objects.requireNonNull(parameter), Checks.nonNegative("coefficient", coefficient), 2);
  }

  /**
   * The wiring cost {@code coefficient · Σ_ij |W_ij|·D_ij} of a weight matrix whose units sit at distances {@code D}
   * (the tutorial's exercise 7: long connections cost more); see {@link io.github.rnnlab.model.UnitGrid} for units on a grid.
   *
   * @throws IllegalArgumentException if {@code coefficient} is negative or {@code distances} is ragged, negative or
   *     not finite (its shape is checked against the parameter when training starts)
   */
  static WeightPenalty wiringCost(String parameter, double coefficient, float[][] distances) {
    return new WiringCost(Objects.requireNonNull(parameter), Checks.nonNegative("coefficient", coefficient),
        distances);
  }

  /**
   * Elastic weight consolidation (Kirkpatrick et al. 2017) with strength λ = {@code strength} and the defaults of
   * {@link ElasticWeightConsolidation#builder()}: a {@link ConsolidationPenalty}, 0 until its first {@code
   * consolidate}, logged as {@code "ewc"}.
   *
   * @throws IllegalArgumentException if {@code strength} is negative or not finite
   */
  static ElasticWeightConsolidation ewc(double strength) {
    return ElasticWeightConsolidation.builder().strength(strength).build();
  }

  /**
   * Intelligent synapses (Zenke et al. 2017) with strength {@code c} and damping {@code xi}: see {@link
   * IntelligentSynapses#of}. A {@link ConsolidationPenalty}, 0 until its first {@code consolidate}, logged as {@code
   * "intelligent_synapses"}.
   *
   * @throws IllegalArgumentException if {@code c} is negative or not finite, or {@code xi} is not a finite number
   *     &gt; 0
   */
  static IntelligentSynapses intelligentSynapses(double c, double xi) {
    return IntelligentSynapses.of(c, xi);
  }

  /**
   * {@code coefficient · mean r²} over the steps, sequences and units of the recurrent layers (PsychRNN's
   * {@code L2_firing_rate}, Yang et al.'s {@code l2_h}), logged as {@code "rate_l2"}.
   *
   * @throws IllegalArgumentException if {@code coefficient} is negative or not finite
   */
  static RatePenalty rateL2(double coefficient) {
    return new RatePenalty(coefficient);
  }
}
