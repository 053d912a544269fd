package io.github.rnnlab.model;

import com.google.gson.JsonObject;
import io.github.rnnlab.internal.Checks;
import java.util.Locale;

/**
 * A network of continuous-time RNN modules with a readout, sharing dt, τ, the activation and its placement: what
 * {@link Ctrnn} (one module), {@link EiRnn} (one module under Dale's law), {@link HierarchicalCtrnn} (several) and
 * {@link ConvCtrnn} (one module behind a convolution) have in common. Not thread-safe: it keeps work
 * arrays between calls.
 */
public abstract sealed class CtrnnNetwork extends Network permits Ctrnn, EiRnn, HierarchicalCtrnn, ConvCtrnn {
  private final double tauMs;
  private final ReluPlacement reluPlacement;
  private final Activation activation;
  private final double sigmaRec;
  private final double sigmaIn;
  private final double alpha;

  CtrnnNetwork(CtrnnSettings<?> settings, Engine engine) {
    super(settings.inputSize, settings.outputSize, settings.dtMs, settings.seed, engine);
    this.tauMs = settings.tauMs;
    this.reluPlacement = settings.reluPlacement;
    this.activation = settings.activation;
    this.sigmaRec = settings.sigmaRec;
    this.sigmaIn = settings.sigmaIn;
    this.alpha = alpha(settings.dtMs, settings.tauMs);
  }

  /** The time constant in ms, shared by every module. */
  public double tauMs() {
    return tauMs;
  }

  /** α = dt/τ, the fraction of the way the rates move toward their drive in one step. */
  public double alpha() {
    return alpha;
  }

  /** Where the activation sits relative to the leak. */
  public ReluPlacement reluPlacement() {
    return reluPlacement;
  }

  /** The units' activation. */
  public Activation activation() {
    return activation;
  }

  /** The recurrent noise σ_rec (0 for none). */
  public double sigmaRec() {
    return sigmaRec;
  }

  /** The input noise σ_in (0 for none). */
  public double sigmaIn() {
    return sigmaIn;
  }

  @Override
  JsonObject settings() {
    JsonObject o = super.settings();
    o.addProperty("tauMs", tauMs);
    o.addProperty("reluPlacement", reluPlacement.name());
    o.addProperty("activation", activation.name());
    o.addProperty("sigmaRec", sigmaRec);
    o.addProperty("sigmaIn", sigmaIn);
    return o;
  }

  /** {@code builder} with the settings every CTRNN network shares, this network's. */
  <B extends CtrnnSettings<B>> B ctrnnSettingsInto(B builder) {
    return networkSettingsInto(builder).tauMs(tauMs).reluPlacement(reluPlacement).activation(activation)
        .sigmaRec(sigmaRec).sigmaIn(sigmaIn);
  }

  /** Applies the settings every CTRNN network shares, as {@link #settings()} wrote them, to a builder. */
  static <B extends CtrnnSettings<B>> B apply(B b, JsonObject s) {
    return applySettings(b, s).tauMs(s.get("tauMs").getAsDouble())
        .reluPlacement(ReluPlacement.valueOf(s.get("reluPlacement").getAsString()))
        .activation(Activation.valueOf(s.get("activation").getAsString()))
        .sigmaRec(s.get("sigmaRec").getAsDouble()).sigmaIn(s.get("sigmaIn").getAsDouble());
  }

  /** α = dt/τ, which must be at most 1. */
  static double alpha(double dtMs, double tauMs) {
    if (dtMs > tauMs) {
      throw new IllegalArgumentException("dtMs (" + dtMs + ") must not exceed tauMs (" + tauMs
          + "): α = dt/τ must be at most 1");
    }
    return Checks.positive("dtMs", dtMs) / Checks.positive("tauMs", tauMs);
  }

  /** {@code dt 20.0 ms, τ 100.0 ms, α 0.2, relu INSIDE}, for the subclasses' descriptions. */
  String timeConstants() {
    String noise = (sigmaRec > 0 ? ", σ_rec " + sigmaRec : "") + (sigmaIn > 0 ? ", σ_in " + sigmaIn : "");
    return "dt " + dtMs() + " ms, τ " + tauMs + " ms, α " + (float) alpha + ", "
        + activation.name().toLowerCase(Locale.ROOT) + " " + reluPlacement + noise;
  }
}
