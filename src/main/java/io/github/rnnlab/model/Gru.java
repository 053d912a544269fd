package io.github.rnnlab.model;

import com.google.gson.JsonObject;
import io.github.rnnlab.task.Task;

/**
 * A gated recurrent unit network (Cho et al. 2014) with a linear readout, with PyTorch's {@code nn.GRU} equations,
 * gate order, parameters and initialisation. At every step, from h = 0:
 *
 * <pre>
 * r = σ(W_ir x + b_ir + W_hr h + b_hr)     z = σ(W_iz x + b_iz + W_hz h + b_hz)
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 * h ← (1 − z) ⊙ n + z ⊙ h                 y = W_out h + b_out
 * </pre>
 *
 * <p>The reset gate scales the recurrent part of the candidate after its bias, as PyTorch (and cuDNN) do; Cho et
 * al.'s original applies it to h before the product. Parameters: {@code weight_ih} (3H × inputs; rows r, z, n),
 * {@code weight_hh} (3H × H), {@code bias_ih}, {@code bias_hh} (3H), named as PyTorch's {@code nn.GRUCell} names
 * them, then {@code W_out} and {@code b_out}; see {@link GatedNetwork} for the initialisation.
 * {@link Rollout#hidden()} is h; the gates after every step are {@code rollout.extra("gru_r")}, {@code "gru_z"} and
 * {@code "gru_n"} (time, batch, H). Training gives bit-identical results whatever the number of cores. Not
 * thread-safe: it keeps work arrays between calls.
 *
 * <pre>{@code
 * var net = Gru.builder().forTask(task).hiddenSize(64).seed(1).build();
 * Trainer.defaults().train(net, Dataset.of(task, 16, 100, 1));
 * }</pre>
 */
public final class Gru extends GatedNetwork {

  private Gru(Builder b) {
    super(b, rng -> new GruLayer(b.inputSize, b.hiddenSize, rng));
  }

  /** A builder; input, hidden and output sizes are required, or use {@link Builder#forTask}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A network sized for {@code task} (its inputs, outputs, dt and loss) with {@code hiddenSize} units. */
  public static Gru forTask(Task task, int hiddenSize, long seed) {
    return builder().forTask(task).hiddenSize(hiddenSize).seed(seed).build();
  }

  /** A builder holding this network's settings (not its weights). */
  public Builder toBuilder() {
    return gatedSettingsInto(builder());
  }

  static Gru fromSettings(JsonObject s) {
    return applyGated(builder(), s).build();
  }

  /** An independent copy with the same settings, parameter values, constraints and frozen flags. */
  public Gru copy() {
    Gru c = toBuilder().build();
    c.copyParametersFrom(this);
    return c;
  }

  /** Settings of a {@link Gru}. */
  public static final class Builder extends GatedSettings<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException if a size is missing
     */
    public Gru build() {
      return new Gru(this);
    }
  }
}
