package io.github.rnnlab.model;

import io.github.rnnlab.task.Task;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A continuous-time RNN with a linear readout: the tutorial's {@code RNNNet}.
 *
 * <p>With α = dt/τ, each step updates the hidden rates by (the tutorial's current form, {@link ReluPlacement#INSIDE})
 *
 * <pre>h ← (1−α)·h + α·relu(W_in·x + b_in + W_rec·h + b_rec),    y = W_out·h + b_out</pre>
 *
 * <p>or, with {@link ReluPlacement#OUTSIDE}, {@code h ← relu((1−α)·h + α·(W_in·x + b_in + W_rec·h + b_rec))}. The
 * hidden state starts at 0 for every sequence. Weights and biases start as PyTorch's {@code nn.Linear} does:
 * U(−1/√fan_in, 1/√fan_in), fan_in = inputs for W_in and b_in, hidden for the others, drawn from {@code seed}.
 *
 * <p>τ is honoured. The tutorial's {@code CTRNN} fixes τ = 100 ms and silently ignores a {@code tau} argument, so its
 * exercise 1 compares two identical networks; here {@code tauMs(40)} gives α = dt/40.
 *
 * <p>Parameters are named {@code W_in}, {@code b_in}, {@code W_rec}, {@code b_rec}, {@code W_out} and {@code b_out}.
 * Training runs on all cores and gives bit-identical results whatever their number. Not thread-safe: it keeps work
 * arrays between calls.
 */
public final class Ctrnn extends CtrnnNetwork {
  private final int hiddenSize;

  private Ctrnn(Builder b) {
    super(b, new int[] {b.hiddenSize}, false);
    this.hiddenSize = b.hiddenSize;
  }

  /** A builder; input, hidden and output sizes are required, or use {@link Builder#forTask}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A network sized for {@code task} (its inputs, outputs and dt) with {@code hiddenSize} units and τ = 100 ms. */
  public static Ctrnn forTask(Task task, int hiddenSize, long seed) {
    return builder().forTask(task).hiddenSize(hiddenSize).seed(seed).build();
  }

  /** An independent copy with the same settings, parameter values and frozen flags. */
  public Ctrnn copy() {
    Ctrnn c = builder().inputSize(inputSize()).hiddenSize(hiddenSize).outputSize(outputSize()).dtMs(dtMs())
        .tauMs(tauMs()).reluPlacement(reluPlacement()).build();
    c.stack.copyValuesFrom(stack);
    return c;
  }

  /** The number of hidden units. */
  public int hiddenSize() {
    return hiddenSize;
  }

  @Override
  public Rollout forward(INDArray inputs) {
    return stack.forward(inputs, 0);
  }

  @Override
  public String toString() {
    return "Ctrnn[" + inputSize() + " → " + hiddenSize + " → " + outputSize() + ", " + timeConstants() + "]";
  }

  /** Settings of a {@link Ctrnn}. */
  public static final class Builder extends CtrnnSettings<Builder> {
    private int hiddenSize;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The number of hidden units (required, > 0). */
    public Builder hiddenSize(int hiddenSize) {
      this.hiddenSize = CtrnnStack.requirePositive("hiddenSize", hiddenSize);
      return this;
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException if a size is missing or dt exceeds τ (α = dt/τ must be at most 1)
     */
    public Ctrnn build() {
      if (inputSize == 0 || hiddenSize == 0 || outputSize == 0) {
        throw new IllegalArgumentException("inputSize, hiddenSize and outputSize must all be set (> 0); got "
            + inputSize + ", " + hiddenSize + ", " + outputSize);
      }
      return new Ctrnn(this);
    }
  }
}
