package io.github.rnnlab.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A continuous-time RNN with a linear readout: the tutorial's {@code RNNNet}.
 *
 * <p>With α = dt/τ, each step updates the hidden rates by (the tutorial's current form, {@link ReluPlacement#INSIDE})
 *
 * <pre>h ← (1−α)·h + α·relu(W_in·x + b_in + W_rec·h + b_rec),    y = W_out·h + b_out</pre>
 *
 * <p>or, with {@link ReluPlacement#OUTSIDE}, {@code h ← relu((1−α)·h + α·(W_in·x + b_in + W_rec·h + b_rec))}; or with
 * {@link ReluPlacement#STATE} a leaky state read through the activation. The activation may be relu (default), tanh,
 * softplus or sigmoid; training may add recurrent and input noise ({@link Builder#sigmaRec}, {@link Builder#sigmaIn});
 * the recurrent synapses may be short-term plastic ({@link Builder#plasticity}). The hidden state starts at 0 for
 * every sequence. Weights and biases start as PyTorch's {@code nn.Linear} does: U(−1/√fan_in, 1/√fan_in), fan_in =
 * inputs for W_in and b_in, hidden for the others, drawn from {@code seed}.
 *
 * <p>τ is honoured. The tutorial's {@code CTRNN} fixes τ = 100 ms and silently ignores a {@code tau} argument, so its
 * exercise 1 compares two identical networks; here {@code tauMs(40)} gives α = dt/40.
 *
 * <p>Parameters are named {@code W_in}, {@code b_in}, {@code W_rec}, {@code b_rec}, {@code W_out} and {@code b_out};
 * constrain them with {@link Parameter#constrain}. Training gives bit-identical results whatever the number of cores.
 * Not thread-safe: it keeps work arrays between calls.
 */
public final class Ctrnn extends CtrnnNetwork {
  private final int hiddenSize;
  private final @Nullable ShortTermPlasticity plasticity;

  private Ctrnn(Builder b) {
    super(b, engine(b));
    this.hiddenSize = b.hiddenSize;
    this.plasticity = b.plasticity;
  }

  private static Engine engine(Builder b) {
    b.requireSizes("hiddenSize", b.hiddenSize);
    SplittableRandom rng = new SplittableRandom(b.seed);
    CtrnnLayer cell = new CtrnnLayer("", b.inputSize, b.hiddenSize, alpha(b.dtMs, b.tauMs), b.reluPlacement,
        b.activation, b.sigmaRec, b.plasticity, b.dtMs, rng);
    DenseLayer readout = new DenseLayer("W_out", "b_out", b.hiddenSize, b.outputSize, rng);
    return new Engine(List.of(cell, readout), b.loss, b.sigmaIn);
  }

  /** A builder; input, hidden and output sizes are required, or use {@link Builder#forTask}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A network sized for {@code task} (its inputs, outputs and dt) with {@code hiddenSize} units and τ = 100 ms. */
  public static Ctrnn forTask(Task task, int hiddenSize, long seed) {
    return builder().forTask(task).hiddenSize(hiddenSize).seed(seed).build();
  }

  /** A builder holding this network's settings (not its weights). */
  public Builder toBuilder() {
    Builder b = ctrnnSettingsInto(builder()).hiddenSize(hiddenSize);
    return plasticity == null ? b : b.plasticity(plasticity);
  }

  /** An independent copy with the same settings, parameter values, constraints and frozen flags. */
  public Ctrnn copy() {
    Ctrnn c = toBuilder().build();
    c.copyParametersFrom(this);
    return c;
  }

  @Override
  JsonObject settings() {
    JsonObject o = super.settings();
    o.addProperty("hiddenSize", hiddenSize);
    if (plasticity != null) {
      JsonArray pattern = new JsonArray();
      for (ShortTermPlasticity.Synapse s : plasticity.pattern()) {
        JsonObject syn = new JsonObject();
        syn.addProperty("tauXMs", s.tauXMs());
        syn.addProperty("tauUMs", s.tauUMs());
        syn.addProperty("u", s.u());
        pattern.add(syn);
      }
      o.add("plasticity", pattern);
    }
    return o;
  }

  static Ctrnn fromSettings(JsonObject s) {
    Builder b = apply(builder(), s).hiddenSize(s.get("hiddenSize").getAsInt());
    if (s.has("plasticity")) {
      List<ShortTermPlasticity.Synapse> pattern = new ArrayList<>();
      for (JsonElement e : s.getAsJsonArray("plasticity")) {
        JsonObject syn = e.getAsJsonObject();
        pattern.add(new ShortTermPlasticity.Synapse(syn.get("tauXMs").getAsDouble(), syn.get("tauUMs").getAsDouble(),
            syn.get("u").getAsDouble()));
      }
      b.plasticity(new ShortTermPlasticity(pattern));
    }
    return b.build();
  }

  /** The number of hidden units. */
  public int hiddenSize() {
    return hiddenSize;
  }

  /** The short-term plasticity of the recurrent synapses, or null if they are static. */
  public @Nullable ShortTermPlasticity plasticity() {
    return plasticity;
  }

  @Override
  public String toString() {
    return "Ctrnn[" + inputSize() + " → " + hiddenSize + " → " + outputSize() + ", " + timeConstants()
        + (plasticity == null ? "" : ", short-term plasticity") + "]";
  }

  /** Settings of a {@link Ctrnn}. */
  public static final class Builder extends CtrnnSettings<Builder> {
    private int hiddenSize;
    private @Nullable ShortTermPlasticity plasticity;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The number of hidden units (required, > 0). */
    public Builder hiddenSize(int hiddenSize) {
      this.hiddenSize = Checks.positive("hiddenSize", hiddenSize);
      return this;
    }

    /** Short-term plasticity of the recurrent synapses (default: none), e.g. {@link ShortTermPlasticity#facilitating}. */
    public Builder plasticity(ShortTermPlasticity plasticity) {
      this.plasticity = plasticity;
      return this;
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException if a size is missing or dt exceeds τ (α = dt/τ must be at most 1)
     */
    public Ctrnn build() {
      return new Ctrnn(this);
    }
  }
}
