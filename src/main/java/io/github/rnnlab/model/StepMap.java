package io.github.rnnlab.model;

import java.util.List;

/**
 * The one-step map of a network's recurrent state, {@code s_{t+1} = F(s_t, x_t)}, in double precision, with its
 * analytic Jacobians: what fixed-point and linearisation analyses need (Sussillo &amp; Barak 2013). The state is every
 * recurrent variable the cells carry, in layer order: the rates (or leaky state) of a CTRNN, also the synaptic
 * resources and utilisation with short-term plasticity, h and c of an LSTM. Noise is left out. Immutable: it reads a
 * snapshot of the network's weights taken when it was made.
 */
public interface StepMap {

  /** The length of the state vector. */
  int stateSize();

  /** The number of input channels. */
  int inputSize();

  /** What the state's entries are, as named blocks in order, e.g. {@code [r (128)]} or {@code [h (64), c (64)]}. */
  List<String> blocks();

  /** The state every sequence starts from. */
  double[] initialState();

  /**
   * F(state, input).
   *
   * @throws IllegalArgumentException if a vector has the wrong length
   */
  double[] apply(double[] state, double[] input);

  /** ∂F/∂state at (state, input): [output entry][state entry]. */
  double[][] stateJacobian(double[] state, double[] input);

  /** ∂F/∂input at (state, input): [output entry][input channel]. */
  double[][] inputJacobian(double[] state, double[] input);

  /** The activity the readout and {@code Rollout.hidden()} see for a state: the last recurrent layer's rates. */
  double[] rates(double[] state);
}
