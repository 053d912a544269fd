package io.github.rnnlab.model;

import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a forward pass produced: the readout (time, batch, outputs), the hidden activity (time, batch, hidden) and any
 * other per-step values the network's cells keep (e.g. {@code stp_x} and {@code stp_u} of short-term plasticity, an
 * LSTM's gates), float32 ND4J arrays in time-major order.
 */
public final class Rollout {
  private final INDArray outputs;
  private final INDArray hidden;
  private final Map<String, INDArray> extras;

  Rollout(INDArray outputs, INDArray hidden, Map<String, INDArray> extras) {
    this.outputs = outputs;
    this.hidden = hidden;
    this.extras = Map.copyOf(extras);
  }

  /** The readout, (time, batch, outputs). */
  public INDArray outputs() {
    return outputs;
  }

  /** The hidden activity (the rates), (time, batch, hidden). */
  public INDArray hidden() {
    return hidden;
  }

  /** The names of the other per-step values, e.g. {@code [stp_x, stp_u]}. */
  public Set<String> extraNames() {
    return extras.keySet();
  }

  /**
   * The per-step values called {@code name}, (time, batch, units).
   *
   * @throws IllegalArgumentException if the network keeps no such values
   */
  public INDArray extra(String name) {
    INDArray a = extras.get(name);
    if (a == null) {
      throw new IllegalArgumentException("this rollout has no values called '" + name + "'; it has "
          + extras.keySet());
    }
    return a;
  }
}
