package io.github.rnnlab.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a forward pass produced: the readout (time, batch, outputs) and the hidden activity (time, batch, hidden),
 * float32 ND4J arrays in time-major order.
 */
public final class Rollout {
  private final INDArray outputs;
  private final INDArray hidden;

  Rollout(INDArray outputs, INDArray hidden) {
    this.outputs = outputs;
    this.hidden = hidden;
  }

  /** The readout, (time, batch, outputs). */
  public INDArray outputs() {
    return outputs;
  }

  /** The hidden activity, (time, batch, hidden). */
  public INDArray hidden() {
    return hidden;
  }
}
