package io.github.rnnlab.model;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.task.Task;
import java.util.Objects;

/**
 * The settings every network's builder shares, with their defaults: input and output sizes, dt in ms, the loss and
 * the seed of the initial weights. {@link CtrnnSettings} and {@link GatedSettings} extend it.
 *
 * @param <B> the builder type, which every setter returns
 */
public abstract class NetworkSettings<B extends NetworkSettings<B>> {
  int inputSize;
  int outputSize;
  double dtMs = 100;
  Loss loss = Loss.crossEntropy();
  long seed;

  NetworkSettings() {}

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

  /** Checks the sizes were set; {@code hidden} names the hidden size's setting. */
  void requireSizes(String hidden, int hiddenSize) {
    if (inputSize == 0 || hiddenSize == 0 || outputSize == 0) {
      throw new IllegalArgumentException("inputSize, " + hidden + " and outputSize must all be set (> 0); got "
          + inputSize + ", " + hiddenSize + ", " + outputSize);
    }
  }
}
