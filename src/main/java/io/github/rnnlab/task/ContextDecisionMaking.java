package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Context-dependent decision making (Mante, Sussillo, Shenoy &amp; Newsome 2013, "Context-dependent computation by
 * recurrent dynamics in prefrontal cortex", Nature 503:78): neurogym's {@code ContextDecisionMaking-v0}. Two
 * modalities (say motion and colour) each point to a choice; only the modality the context names counts.
 *
 * <p>Each trial draws the ground truth {@code g} and another choice {@code o} (independently, so they may agree: a
 * congruent trial), the context (fixed in implicit mode, drawn in explicit mode) and a coherence per modality from
 * {5, 15, 50}. The modality the context names points to {@code g}, the other to {@code o}. Inputs: {@code fixation};
 * {@code stim1_mod1 … stim{d}_mod1} and {@code stim1_mod2 …} carry {@code cos(θ_k − θ_choice)·coh/200 + 0.5} plus
 * N(0, σ²/dt) noise during the stimulus; in explicit mode {@code context1}/{@code context2} say the context for the
 * whole trial. Targets: 0, then {@code 1 + g} in the decision period, where the answer is read. Trial variables:
 * {@code ground_truth}, {@code other_choice}, {@code context}, {@code coh_1}, {@code coh_2} (of modality 1 and 2).
 *
 * <p><b>The go cue, kept on purpose.</b> neurogym 2.2 switches the fixation input off after the fixation period.
 * With a random delay (truncated exponential, 300–3000 ms) before a one-step decision, the delay and decision inputs
 * are then identical and the network cannot know when to answer (neurogym issue #279). Here the fixation input stays
 * on until the decision, as in the 2021 release; noise goes on the stimulus channels only, as in neurogym 2.2 (the
 * 2021 release also added it to fixation and context).
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation 300, stimulus 750, delay truncated exponential (mean 600, 300–3000),
 * decision 100 ms; σ = 1; two choices; implicit context, modality 1.
 */
public final class ContextDecisionMaking extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");
  private static final List<Double> COHS = List.of(5.0, 15.0, 50.0);

  private final boolean explicit;
  private final int contextModality;
  private final int dimRing;
  private final double sigma;

  private ContextDecisionMaking(Builder b) {
    super("ContextDecisionMaking", b, PERIODS, inputNames(b.dimRing(), b.explicit),
        concat("fixation", numbered("choice", b.dimRing())));
    this.explicit = b.explicit;
    this.contextModality = b.contextModality;
    this.dimRing = b.dimRing();
    this.sigma = b.sigma();
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static List<String> inputNames(int d, boolean explicit) {
    List<String> names = new ArrayList<>(List.of("fixation"));
    for (int m = 1; m <= 2; m++) {
      for (int k = 1; k <= d; k++) {
        names.add("stim" + k + "_mod" + m);
      }
    }
    if (explicit) {
      names.addAll(List.of("context1", "context2"));
    }
    return names;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(dimRing);
    int other = rng.nextInt(dimRing);
    int context = explicit ? rng.nextInt(2) : contextModality;
    double coh1 = COHS.get(rng.nextInt(COHS.size()));
    double coh2 = COHS.get(rng.nextInt(COHS.size()));
    int choice1 = context == 0 ? groundTruth : other;
    int choice2 = context == 0 ? other : groundTruth;
    TrialBuilder b = newTrial(PERIODS, rng);
    for (String p : List.of("fixation", "stimulus", "delay")) {
      b.addInput(p, 0, 1.0);
    }
    b.addInput("stimulus", 1, Rings.coherence(dimRing, choice1, coh1))
        .addInput("stimulus", 1 + dimRing, Rings.coherence(dimRing, choice2, coh2))
        .addNoise("stimulus", 1, 1 + 2 * dimRing, sigma / Math.sqrt(dtMs()), rng);
    if (explicit) {
      b.addInput(0, b.steps(), 1 + 2 * dimRing + context, 1.0);
    }
    b.setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("other_choice", (double) other);
    info.put("context", (double) context);
    info.put("coh_1", coh1);
    info.put("coh_2", coh2);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link ContextDecisionMaking}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.RingBuilder<Builder> {
    private boolean explicit;
    private int contextModality;

    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(300));
      defaultTiming("stimulus", Timing.constant(750));
      defaultTiming("delay", Timing.truncatedExponential(600, 300, 3000));
      defaultTiming("decision", Timing.constant(100));
    }

    /**
     * Explicit context (neurogym's {@code use_expl_context}, default false): the context is drawn per trial and shown
     * on two extra inputs; otherwise it is fixed ({@link #contextModality}) and never shown.
     */
    public Builder explicitContext(boolean explicit) {
      this.explicit = explicit;
      return this;
    }

    /** The modality that counts in implicit mode: 0 or 1 (neurogym's {@code impl_context_modality}, default 0). */
    public Builder contextModality(int modality) {
      this.contextModality = Checks.index("contextModality", modality, 2);
      return this;
    }

    @Override
    public ContextDecisionMaking build() {
      return new ContextDecisionMaking(this);
    }
  }
}
