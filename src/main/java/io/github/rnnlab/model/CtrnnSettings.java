package io.github.rnnlab.model;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.task.Task;
import java.util.Objects;

/**
 * The settings every CTRNN-based network shares, with their defaults: sizes, dt and τ in ms, the activation and its
 * placement, noise, the loss and the seed of the initial weights. {@link Ctrnn.Builder}, {@link EiRnn.Builder} and
 * {@link HierarchicalCtrnn.Builder} extend it.
 *
 * @param <B> the builder type, which every setter returns
 */
public abstract class CtrnnSettings<B extends CtrnnSettings<B>> {
  int inputSize;
  int outputSize;
  double dtMs = 100;
  double tauMs = 100;
  ReluPlacement reluPlacement = ReluPlacement.INSIDE;
  Activation activation = Activation.RELU;
  double sigmaRec;
  double sigmaIn;
  Loss loss = Loss.crossEntropy();
  long seed;

  CtrnnSettings() {}

  abstract B self();

  /**
   * Input size, output size, dt and the loss from {@code task}: cross-entropy for label targets, mean squared error
   * for float targets.
   */
  public B forTask(Task task) {
    return inputSize(task.inputSize()).outputSize(task.outputSize()).dtMs(task.dtMs())
        .loss(Loss.forTargets(task.hasLabels()));
  }

  /** The number of input channels (required, > 0). */
  public B inputSize(int inputSize) {
    this.inputSize = Checks.positive("inputSize", inputSize);
    return self();
  }

  /** The number of outputs (required, > 0). */
  public B outputSize(int outputSize) {
    this.outputSize = Checks.positive("outputSize", outputSize);
    return self();
  }

  /** The time step in ms (default 100, neurogym's). */
  public B dtMs(double dtMs) {
    this.dtMs = Checks.positive("dtMs", dtMs);
    return self();
  }

  /** The time constant τ in ms (default 100), shared by every module. */
  public B tauMs(double tauMs) {
    this.tauMs = Checks.positive("tauMs", tauMs);
    return self();
  }

  /** Where the activation sits relative to the leak (default {@link ReluPlacement#INSIDE}). */
  public B reluPlacement(ReluPlacement reluPlacement) {
    this.reluPlacement = Objects.requireNonNull(reluPlacement, "reluPlacement");
    return self();
  }

  /** The units' activation (default {@link Activation#RELU}). */
  public B activation(Activation activation) {
    this.activation = Objects.requireNonNull(activation, "activation");
    return self();
  }

  /**
   * Recurrent noise σ_rec (default 0): in training, {@code √(2α)·σ_rec·N(0,1)} per unit and step on the leaky state
   * (Yang et al. 2019; Song et al. 2016), drawn per sequence; off in {@code forward(inputs)}.
   */
  public B sigmaRec(double sigmaRec) {
    this.sigmaRec = Checks.nonNegative("sigmaRec", sigmaRec);
    return self();
  }

  /** Input noise σ_in (default 0): in training, {@code σ_in·N(0,1)} added to every input channel at every step. */
  public B sigmaIn(double sigmaIn) {
    this.sigmaIn = Checks.nonNegative("sigmaIn", sigmaIn);
    return self();
  }

  /** The training loss (default cross-entropy; {@link #forTask} picks the one that fits the task's targets). */
  public B loss(Loss loss) {
    this.loss = Objects.requireNonNull(loss, "loss");
    return self();
  }

  /** The seed of the initial weights and of the training noise (default 0). */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }

  /** Checks the sizes were set. */
  void requireSizes(String hidden, int hiddenSize) {
    if (inputSize == 0 || hiddenSize == 0 || outputSize == 0) {
      throw new IllegalArgumentException("inputSize, " + hidden + " and outputSize must all be set (> 0); got "
          + inputSize + ", " + hiddenSize + ", " + outputSize);
    }
    CtrnnNetwork.alpha(dtMs, tauMs);
  }
}
