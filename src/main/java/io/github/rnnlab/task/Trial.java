package io.github.rnnlab.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One trial of a task: its periods, the input at every time step, the target at every step, an optional loss weight
 * per step (and per channel) and the trial's variables (neurogym's {@code env.trial} dictionary). Immutable.
 *
 * <p>Targets are either class labels, one per step (neurogym's {@code gt} for a discrete action space: 0 = fixate,
 * {@code 1 + i} = choice i), or float values, {@link #targetSize()} per step (a continuous action space, e.g.
 * {@code ReachingDelayResponse}). {@link #hasLabels()} tells which. Weights default to 1 everywhere; a weight of 0 masks
 * a step out of the loss (PsychRNN's output mask, Yang et al. 2019's cost mask).
 */
public final class Trial {
  private final double dtMs;
  private final List<Period> periods;
  private final float[][] inputs;
  private final int @Nullable [] labels;
  private final float @Nullable [][] values;
  private final float @Nullable [][] weights;
  private final int groundTruth;
  private final Map<String, Double> info;
  private final List<Response> responses;

  Trial(double dtMs, List<Period> periods, float[][] inputs, int @Nullable [] labels, float @Nullable [][] values,
      float @Nullable [][] weights, int groundTruth, Map<String, Double> info, List<Response> responses) {
    this.dtMs = dtMs;
    this.periods = List.copyOf(periods);
    this.inputs = inputs;
    this.labels = labels;
    this.values = values;
    this.weights = weights;
    this.groundTruth = groundTruth;
    this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    this.responses = List.copyOf(responses);
  }

  /** The time step in milliseconds. */
  public double dtMs() {
    return dtMs;
  }

  /** The number of time steps. */
  public int steps() {
    return inputs.length;
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

  /** Whether the targets are class labels ({@link #target}) rather than float values ({@link #targetValue}). */
  public boolean hasLabels() {
    return labels != null;
  }

  /** The number of target values per step: 1 for labels, the number of target channels for float targets. */
  public int targetSize() {
    return values == null ? 1 : values[0].length;
  }

  /**
   * The target label at step {@code t} (0 = fixate; neurogym's {@code gt}).
   *
   * @throws IllegalStateException if this trial has float targets
   */
  public int target(int t) {
    return labels()[t];
  }

  /**
   * The float target on {@code channel} at step {@code t}.
   *
   * @throws IllegalStateException if this trial has label targets
   */
  public float targetValue(int t, int channel) {
    if (values == null) {
      throw new IllegalStateException("this trial's targets are class labels; use target(t)");
    }
    return values[t][channel];
  }

  /** Whether some step or channel has a loss weight other than 1. */
  public boolean hasWeights() {
    return weights != null;
  }

  /** The loss weight of step {@code t} on target channel {@code channel} (channel 0 for label targets); 1 by default. */
  public float weight(int t, int channel) {
    return weights == null ? 1f : weights[t][channel];
  }

  /**
   * neurogym's {@code ground_truth} as an index from 0: the correct choice for a choice task (0 or 1 for two
   * alternatives, the direction 0..15 for yang19), or the index of the correct answer in the task's list (e.g. 0 =
   * match, 1 = non-match, 0 = no-go, 1 = go); −1 if the trial has none (e.g. a continuous target).
   */
  public int groundTruth() {
    return groundTruth;
  }

  /** The trial's variables in the order the task sets them, e.g. {@code ground_truth} and {@code coherence}. */
  public Map<String, Double> info() {
    return info;
  }

  /**
   * Where the answers of this trial are read, in order (e.g. the decision period); empty if the task does not say,
   * and then the answer is the most active output at the trial's last step.
   */
  public List<Response> responses() {
    return responses;
  }

  /**
   * This trial with {@code extra} more input channels after its own, zero except channel {@code inputSize() + on},
   * which is 1 at every step: a one-hot rule (task identity) input, as neurogym's {@code ScheduleEnvs(env_input=True)}
   * appends. The trial variable {@code rule} is set to {@code on}.
   */
  Trial withRuleInputs(int extra, int on) {
    int n = inputSize();
    float[][] wider = TrialBuilder.rows(inputs.length, n + extra);
    for (int t = 0; t < inputs.length; t++) {
      System.arraycopy(inputs[t], 0, wider[t], 0, n);
      wider[t][n + on] = 1f;
    }
    Map<String, Double> withRule = new LinkedHashMap<>(info);
    withRule.put("rule", (double) on);
    return new Trial(dtMs, periods, wider, labels, values, weights, groundTruth, withRule, responses);
  }

  /** The inputs as a (steps, inputs) float array. */
  public INDArray inputs() {
    return Nd4j.create(inputs);
  }

  /**
   * The target labels, a copy.
   *
   * @throws IllegalStateException if this trial has float targets
   */
  public int[] targets() {
    return labels().clone();
  }

  /**
   * The float targets as a (steps, targetSize) array.
   *
   * @throws IllegalStateException if this trial has label targets
   */
  public INDArray targetValues() {
    if (values == null) {
      throw new IllegalStateException("this trial's targets are class labels; use targets()");
    }
    return Nd4j.create(values);
  }

  /** The loss weights as a (steps, targetSize) float array (all ones when the trial has none). */
  public INDArray weights() {
    float[][] w = new float[steps()][targetSize()];
    for (int t = 0; t < w.length; t++) {
      for (int c = 0; c < w[t].length; c++) {
        w[t][c] = weight(t, c);
      }
    }
    return Nd4j.create(w);
  }

  /** The inputs as rows [step][channel], a copy. */
  float[][] inputRows() {
    float[][] rows = new float[inputs.length][];
    for (int t = 0; t < rows.length; t++) {
      rows[t] = inputs[t].clone();
    }
    return rows;
  }

  /** The targets as rows [step][target channel]; a label target is one channel holding the label. */
  float[][] targetRows() {
    float[][] rows = new float[steps()][targetSize()];
    for (int t = 0; t < rows.length; t++) {
      for (int c = 0; c < rows[t].length; c++) {
        rows[t][c] = values == null ? labels()[t] : values[t][c];
      }
    }
    return rows;
  }

  private int[] labels() {
    if (labels == null) {
      throw new IllegalStateException("this trial has float targets; use targetValue(t, channel)");
    }
    return labels;
  }

  @Override
  public String toString() {
    return "Trial" + info + " (" + steps() + " steps of " + dtMs + " ms)";
  }
}
