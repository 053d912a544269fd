package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import java.util.List;

/**
 * A network of continuous-time RNN modules with a linear readout, sharing dt, τ and the ReLU placement: what
 * {@link Ctrnn} (one module) and {@link HierarchicalCtrnn} (several) have in common. Not thread-safe: it keeps work
 * arrays between calls.
 */
public abstract sealed class CtrnnNetwork implements RecurrentNetwork permits Ctrnn, HierarchicalCtrnn {
  private final int inputSize;
  private final int outputSize;
  private final double dtMs;
  private final double tauMs;
  private final ReluPlacement reluPlacement;
  private final double alpha;
  final CtrnnStack stack;

  /**
   * @throws IllegalArgumentException if dt exceeds τ (α = dt/τ must be at most 1)
   */
  CtrnnNetwork(CtrnnSettings<?> settings, int[] hiddenSizes, boolean prefixModuleNames) {
    this.inputSize = settings.inputSize;
    this.outputSize = settings.outputSize;
    this.dtMs = settings.dtMs;
    this.tauMs = settings.tauMs;
    this.reluPlacement = settings.reluPlacement;
    this.alpha = CtrnnStack.alpha(dtMs, tauMs);
    this.stack = new CtrnnStack(inputSize, hiddenSizes, outputSize, alpha, reluPlacement, settings.seed,
        prefixModuleNames);
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public int outputSize() {
    return outputSize;
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  /** The time constant in ms, shared by every module. */
  public double tauMs() {
    return tauMs;
  }

  /** α = dt/τ, the fraction of the way the rates move toward their drive in one step. */
  public double alpha() {
    return alpha;
  }

  /** Where the ReLU sits relative to the leak. */
  public ReluPlacement reluPlacement() {
    return reluPlacement;
  }

  @Override
  public List<Parameter> parameters() {
    return stack.parameters();
  }

  @Override
  public BatchResult computeGradients(Batch batch) {
    return stack.computeGradients(batch);
  }

  /** {@code dt 20.0 ms, τ 100.0 ms, α 0.2, relu INSIDE}, for the subclasses' descriptions. */
  String timeConstants() {
    return "dt " + dtMs + " ms, τ " + tauMs + " ms, α " + (float) alpha + ", relu " + reluPlacement;
  }
}
