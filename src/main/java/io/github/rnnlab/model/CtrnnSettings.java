package io.github.rnnlab.model;

import io.github.rnnlab.internal.Checks;
import java.util.Objects;

/**
 * The settings every CTRNN-based network shares besides those of {@link NetworkSettings}, with their defaults: τ in
 * ms, the activation and its placement, and noise. {@link Ctrnn.Builder}, {@link EiRnn.Builder} and
 * {@link HierarchicalCtrnn.Builder} extend it.
 *
 * @param <B> the builder type, which every setter returns
 */
public abstract class CtrnnSettings<B extends CtrnnSettings<B>> extends NetworkSettings<B> {
  double tauMs = 100;
  ReluPlacement reluPlacement = ReluPlacement.INSIDE;
  Activation activation = Activation.RELU;
  double sigmaRec;
  double sigmaIn;

  CtrnnSettings() {}

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

  /** Checks the sizes were set and α = dt/τ is at most 1. */
  @Override
  void requireSizes(String hidden, int hiddenSize) {
    super.requireSizes(hidden, hiddenSize);
    CtrnnNetwork.alpha(dtMs, tauMs);
  }
}
