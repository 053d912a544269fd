package io.github.rnnlab.model;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One gated recurrent layer with PyTorch's equations and a linear readout {@code y = W_out·h + b_out}: what
 * {@link Lstm} and {@link Gru} share. The state starts at 0 for every sequence; the gated layer's weights and biases
 * are drawn first, in PyTorch's order ({@code weight_ih}, {@code weight_hh}, {@code bias_ih}, {@code bias_hh}), every
 * entry from U(−1/√hidden, 1/√hidden) as PyTorch's {@code nn.LSTM} and {@code nn.GRU} do, then the readout's as
 * PyTorch's {@code nn.Linear(hidden, outputs)}, all from the network's seed. Any {@link Loss} trains it; the gated
 * layer has no recurrent noise. Not thread-safe: it keeps work arrays between calls.
 */
public abstract sealed class GatedNetwork extends Network permits Lstm, Gru {
  private final int hiddenSize;

  GatedNetwork(GatedSettings<?> settings, Function<SplittableRandom, Layer> cell) {
    super(settings.inputSize, settings.outputSize, settings.dtMs, settings.seed, engine(settings, cell));
    this.hiddenSize = settings.hiddenSize;
  }

  private static Engine engine(GatedSettings<?> b, Function<SplittableRandom, Layer> cell) {
    b.requireSizes("hiddenSize", b.hiddenSize);
    SplittableRandom rng = new SplittableRandom(b.seed);
    Layer layer = cell.apply(rng);
    DenseLayer readout = new DenseLayer("W_out", "b_out", b.hiddenSize, b.outputSize, rng);
    return new Engine(List.of(layer, readout), b.loss, 0);
  }

  /** The number of hidden units. */
  public int hiddenSize() {
    return hiddenSize;
  }

  /** {@code builder} with this network's settings (not its weights). */
  <B extends GatedSettings<B>> B gatedSettingsInto(B builder) {
    return networkSettingsInto(builder).hiddenSize(hiddenSize);
  }

  @Override
  JsonObject settings() {
    JsonObject o = super.settings();
    o.addProperty("hiddenSize", hiddenSize);
    return o;
  }

  /** Applies saved settings, as {@link #settings()} wrote them, to a builder. */
  static <B extends GatedSettings<B>> B applyGated(B b, JsonObject s) {
    return applySettings(b, s).hiddenSize(s.get("hiddenSize").getAsInt());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + inputSize() + " → " + hiddenSize + " → " + outputSize() + ", dt "
        + dtMs() + " ms, " + loss() + "]";
  }
}
