package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent network with a readout, trainable by backpropagation through time. Implementations are mutable
 * (training changes their parameters) and not thread-safe.
 */
public interface RecurrentNetwork {

  /** The number of input channels. */
  int inputSize();

  /** The number of output units. */
  int outputSize();

  /** The time step in ms. */
  double dtMs();

  /** What the outputs are scored with in training: cross-entropy on labels or mean squared error on float targets. */
  Loss loss();

  /** The parameters, in a fixed order. */
  List<Parameter> parameters();

  /** The parameter called {@code name}. */
  default Parameter parameter(String name) {
    for (Parameter p : parameters()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown parameter '" + name + "'; parameters are "
        + parameters().stream().map(Parameter::name).toList());
  }

  /**
   * Runs the network from its initial state over {@code inputs} of shape (time, batch, inputs), without noise.
   *
   * @throws IllegalArgumentException if the input shape does not fit the network
   */
  Rollout forward(INDArray inputs);

  /**
   * Runs the network with its training noise (recurrent and input noise, if it has any) drawn from {@code noiseSeed},
   * per sequence, so the result does not depend on the number of cores.
   *
   * @throws IllegalArgumentException if the input shape does not fit the network
   */
  Rollout forward(INDArray inputs, long noiseSeed);

  /**
   * Runs the network over {@code batch}, with its training noise, and sets every parameter's gradient of the loss
   * (backpropagation through time); the noise comes from a stream seeded with the network's seed.
   *
   * @throws IllegalArgumentException if the batch does not fit the network or its loss
   */
  default BatchResult computeGradients(Batch batch) {
    return computeGradients(batch, 0);
  }

  /**
   * As {@link #computeGradients(Batch)}, with {@code rateL2} times the mean squared rate of the recurrent units added
   * to the loss (its value is reported as {@link BatchResult#ratePenalty()}).
   *
   * @throws IllegalArgumentException if the batch does not fit the network or {@code rateL2} is negative
   */
  BatchResult computeGradients(Batch batch, double rateL2);
}
