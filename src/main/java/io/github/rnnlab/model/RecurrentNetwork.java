package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent network with a linear readout, trainable by backpropagation through time. Implementations are
 * mutable (training changes their parameters) and not thread-safe.
 */
public interface RecurrentNetwork {

  /** The number of input channels. */
  int inputSize();

  /** The number of output units. */
  int outputSize();

  /** The time step in ms. */
  double dtMs();

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
   * Runs the network from a zero hidden state over {@code inputs} of shape (time, batch, inputs).
   *
   * @throws IllegalArgumentException if the input shape does not fit the network
   */
  Rollout forward(INDArray inputs);

  /**
   * Runs the network over {@code batch} from a zero hidden state, and sets every parameter's gradient of the mean
   * cross-entropy over all time steps and sequences (backpropagation through time).
   */
  BatchResult computeGradients(Batch batch);
}
