package io.github.rnnlab.model;

import io.github.rnnlab.task.Task;

/**
 * The settings every CTRNN-based network shares, with their defaults: sizes, dt and τ in ms, the ReLU placement and
 * the seed of the initial weights. {@link Ctrnn.Builder} and {@link HierarchicalCtrnn.Builder} extend it.
 *
 * @param <B> the builder type, which every setter returns
 */
public abstract class CtrnnSettings<B extends CtrnnSettings<B>> {
  int inputSize;
  int outputSize;
  double dtMs = 100;
  double tauMs = 100;
  ReluPlacement reluPlacement = ReluPlacement.INSIDE;
  long seed;

  CtrnnSettings() {}

  abstract B self();

  /** Input size, output size and dt from {@code task}. */
  public B forTask(Task task) {
    return inputSize(task.inputSize()).outputSize(task.outputSize()).dtMs(task.dtMs());
  }

  /** The number of input channels (required, > 0). */
  public B inputSize(int inputSize) {
    this.inputSize = CtrnnStack.requirePositive("inputSize", inputSize);
    return self();
  }

  /** The number of outputs (required, > 0). */
  public B outputSize(int outputSize) {
    this.outputSize = CtrnnStack.requirePositive("outputSize", outputSize);
    return self();
  }

  /** The time step in ms (default 100, neurogym's). */
  public B dtMs(double dtMs) {
    this.dtMs = CtrnnStack.requireMs("dtMs", dtMs);
    return self();
  }

  /** The time constant τ in ms (default 100), shared by every module. */
  public B tauMs(double tauMs) {
    this.tauMs = CtrnnStack.requireMs("tauMs", tauMs);
    return self();
  }

  /** Where the ReLU sits relative to the leak (default {@link ReluPlacement#INSIDE}). */
  public B reluPlacement(ReluPlacement reluPlacement) {
    this.reluPlacement = reluPlacement;
    return self();
  }

  /** The seed of the initial weights (default 0). */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }
}
