package io.github.rnnlab.task;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One trial of a task: its periods, the input at every time step, the target label at every step and the trial's
 * variables (neurogym's {@code env.trial} dictionary). Immutable.
 */
public final class Trial {
  private final double dtMs;
  private final List<Period> periods;
  private final float[][] inputs;
  private final int[] targets;
  private final int groundTruth;
  private final Map<String, Double> info;

  Trial(double dtMs, List<Period> periods, float[][] inputs, int[] targets, int groundTruth, Map<String, Double> info) {
    this.dtMs = dtMs;
    this.periods = List.copyOf(periods);
    this.inputs = inputs;
    this.targets = targets;
    this.groundTruth = groundTruth;
    this.info = Map.copyOf(info);
  }

  /** The time step in milliseconds. */
  public double dtMs() {
    return dtMs;
  }

  /** The number of time steps. */
  public int steps() {
    return targets.length;
  }

  /** The number of input channels. */
  public int inputSize() {
    return inputs.length == 0 ? 0 : inputs[0].length;
  }

  /** The periods in order. */
  public List<Period> periods() {
    return periods;
  }

  /** The period called {@code name}. */
  public Period period(String name) {
    for (Period p : periods) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown period '" + name + "'; this trial has periods " + periods.stream().map(Period::name).toList());
  }

  /** The input on {@code channel} at step {@code t}. */
  public float input(int t, int channel) {
    return inputs[t][channel];
  }

  /** The target label at step {@code t} (0 = fixate; neurogym's {@code gt}). */
  public int target(int t) {
    return targets[t];
  }

  /** The trial's correct choice, e.g. 0 or 1 for a two-alternative task (neurogym's {@code ground_truth}). */
  public int groundTruth() {
    return groundTruth;
  }

  /** The trial's variables, e.g. {@code ground_truth} and {@code coherence}. */
  public Map<String, Double> info() {
    return info;
  }

  /** The inputs as a (steps, inputs) float array. */
  public INDArray inputs() {
    return Nd4j.create(inputs);
  }

  /** The target labels, a copy. */
  public int[] targets() {
    return targets.clone();
  }

  @Override
  public String toString() {
    return "Trial" + info + " (" + steps() + " steps of " + dtMs + " ms)";
  }
}
