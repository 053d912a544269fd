package io.github.rnnlab.train;

import io.github.rnnlab.model.BatchResult;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One optimiser step as a {@link StepListener} sees it: the step's number, the batch's result, and for every parameter
 * its values before the step and the gradient of the batch's loss there. The values after the step are the
 * network's own ({@code network().parameter(name).values()}), so a parameter moved by
 * {@code after − before(name)}.
 *
 * <p>The gradient is that of the loss the network computed for the batch: the task loss, plus the rate penalty if the
 * trainer has one (both come from the same backward pass); weight penalties and gradient clipping are not in it. This
 * is the "unregularised" gradient that Zenke et al. 2017 and Yang et al. 2019 integrate along the training path.
 *
 * <p>The arrays are lent, not copied: read them during {@link StepListener#stepTaken} only and do not change them.
 * The session reuses one instance for every step of a {@code train} call.
 */
public final class TrainingStep {
  private final RecurrentNetwork network;
  private final List<Parameter> parameters;
  private final float[][][] before;
  private final float[][][] gradients;
  private int step;
  private @Nullable BatchResult result;

  TrainingStep(RecurrentNetwork network) {
    this.network = network;
    this.parameters = network.parameters();
    this.before = new float[parameters.size()][][];
    this.gradients = new float[parameters.size()][][];
    for (int i = 0; i < parameters.size(); i++) {
      float[][] values = parameters.get(i).values();
      before[i] = new float[values.length][values[0].length];
      gradients[i] = new float[values.length][values[0].length];
    }
  }

  /** Copies the parameters' values and the gradients of {@code result}'s backward pass, before the update. */
  void capture(BatchResult batchResult) {
    this.result = batchResult;
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      copy(p.values(), before[i]);
      copy(p.gradients(), gradients[i]);
    }
  }

  void setStep(int step) {
    this.step = step;
  }

  /** The step's number, counted from 1 over the whole session. */
  public int step() {
    return step;
  }

  /** The network being trained, with its parameters as they are after the step. */
  public RecurrentNetwork network() {
    return network;
  }

  /** The loss and measures of the step's batch, as the backward pass computed them before the update. */
  public BatchResult result() {
    return Objects.requireNonNull(result, "no step taken yet");
  }

  /**
   * The values of parameter {@code name} before the step, one array per row (lent: do not change them).
   *
   * @throws IllegalArgumentException if the network has no such parameter
   */
  public float[][] before(String name) {
    return before[index(name)];
  }

  /**
   * The gradient of the batch's loss (without weight penalties, before clipping) with respect to parameter
   * {@code name}'s values before the step, one array per row (lent: do not change them).
   *
   * @throws IllegalArgumentException if the network has no such parameter
   */
  public float[][] gradient(String name) {
    return gradients[index(name)];
  }

  private int index(String name) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown parameter '" + name + "'; parameters are "
        + parameters.stream().map(Parameter::name).toList());
  }

  private static void copy(float[][] from, float[][] to) {
    for (int r = 0; r < from.length; r++) {
      System.arraycopy(from[r], 0, to[r], 0, from[r].length);
    }
  }
}
