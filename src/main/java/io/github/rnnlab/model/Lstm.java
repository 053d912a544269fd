package io.github.rnnlab.model;

import com.google.gson.JsonObject;
import io.github.rnnlab.task.Task;

/**
 * A long short-term memory network (Hochreiter &amp; Schmidhuber 1997) with a linear readout, with PyTorch's
 * {@code nn.LSTM} equations, gate order, parameters and initialisation. At every step, from h = c = 0:
 *
 * <pre>
 * i = σ(W_ii x + b_ii + W_hi h + b_hi)     f = σ(W_if x + b_if + W_hf h + b_hf)
 * g = tanh(W_ig x + b_ig + W_hg h + b_hg)  o = σ(W_io x + b_io + W_ho h + b_ho)
 * c ← f ⊙ c + i ⊙ g    h ← o ⊙ tanh(c)     y = W_out h + b_out
 * </pre>
 *
 * <p>Parameters: {@code weight_ih} (4H × inputs; rows i, f, g, o), {@code weight_hh} (4H × H), {@code bias_ih},
 * {@code bias_hh} (4H), named as PyTorch's {@code nn.LSTMCell} names them, then {@code W_out} and {@code b_out}; see
 * {@link GatedNetwork} for the initialisation. {@link Rollout#hidden()} is h; the gates and the cell state after
 * every step are {@code rollout.extra("lstm_i")}, {@code "lstm_f"}, {@code "lstm_g"}, {@code "lstm_o"} and
 * {@code "lstm_c"} (time, batch, H). {@link #stepMap()} maps the state {@code [h, c]}. Training gives bit-identical
 * results whatever the number of cores. Not thread-safe: it keeps work arrays between calls.
 *
 * <pre>{@code
 * var net = Lstm.builder().forTask(task).hiddenSize(64).seed(1).build();
 * Trainer.defaults().train(net, Dataset.of(task, 16, 100, 1));
 * var forget = net.forward(inputs).extra("lstm_f");
 * }</pre>
 */
public final class Lstm extends GatedNetwork {

  private Lstm(Builder b) {
    super(b, rng -> new LstmLayer(b.inputSize, b.hiddenSize, rng));
  }

  /** A builder; input, hidden and output sizes are required, or use {@link Builder#forTask}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A network sized for {@code task} (its inputs, outputs, dt and loss) with {@code hiddenSize} units. */
  public static Lstm forTask(Task task, int hiddenSize, long seed) {
    return builder().forTask(task).hiddenSize(hiddenSize).seed(seed).build();
  }

  /** A builder holding this network's settings (not its weights). */
  public Builder toBuilder() {
    return gatedSettingsInto(builder());
  }

  static Lstm fromSettings(JsonObject s) {
    return applyGated(builder(), s).build();
  }

  /** An independent copy with the same settings, parameter values, constraints and frozen flags. */
  public Lstm copy() {
    Lstm c = toBuilder().build();
    c.copyParametersFrom(this);
    return c;
  }

  /** Settings of an {@link Lstm}. */
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
    public Lstm build() {
      return new Lstm(this);
    }
  }
}
