package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The decision family of neurogym's {@code yang19} collection (Yang et al. 2019; channels and ring code in
 * {@link Yang19Task}): two directions are shown with different strengths, on one ring or both, together or one after
 * the other; the answer is the direction with the larger (weighted) total strength. The ten variants are neurogym's
 * {@code dm1}, {@code dm2}, {@code ctxdm1}, {@code ctxdm2}, {@code multidm} and their delayed forms {@code dlydm1},
 * {@code dlydm2}, {@code ctxdlydm1}, {@code ctxdlydm2}, {@code multidlydm} ({@code yang19.<name>-v0}).
 *
 * <p><b>Trial.</b> Directions {@code i1} and {@code i2 ≠ i1} are drawn uniformly from 0..15 (any other direction),
 * then the period durations. On each ring the variant presents, two strengths {@code (coh1, coh2)} are drawn: for the
 * non-delayed tasks {@code c = coh·(±1)} with {@code coh} from the variant's {@link #cohs()} and
 * {@code coh1 = 0.5 + c/2}, {@code coh2 = 0.5 − c/2}; for the delayed tasks two different values of {@link #cohs()}.
 * The answer {@code g} is {@code i1} if {@code Σ w_m·coh1_m > Σ w_m·coh2_m} over the presented rings (ties broken at
 * random, as neurogym's ±10⁻⁶ jitter does), else {@code i2}; the weights {@code w} are 1 for both rings except in the
 * context tasks, where only ring 1 ({@code ctx…1}) or ring 2 ({@code ctx…2}) counts and the other is a distractor.
 *
 * <p><b>Inputs.</b> A presented ring carries {@code bump(i1)·coh1 + bump(i2)·coh2} during the stimulus (non-delayed),
 * or {@code bump(i1)·coh1} during {@code stim1} and {@code bump(i2)·coh2} during {@code stim2} (delayed). Both rings
 * get N(0, σ²/dt) noise during the stimulus periods, whether presented or not. The fixation channel is 1 until the
 * decision period and 0 in it: the go cue. Targets are 0 except {@code 1 + g} in the decision period, where the answer
 * is read. Trial variables: {@code ground_truth} (g), {@code theta1}, {@code theta2} (radians),
 * {@code stim_period} (ms; non-delayed tasks) and {@code coh1_modM}, {@code coh2_modM} for each presented ring M.
 *
 * <p><b>Where this differs from neurogym's newest release, on purpose.</b> neurogym 2.2 switches the fixation input
 * off after the fixation period (so the response period is marked only by the stimulus going off); we keep the go
 * cue of the release Yang et al.'s structure and the tutorial era used. The 2021 release added the noise to all 33
 * channels, the fixation channel included; like neurogym 2.2 we add it to the two rings only. Otherwise the newest
 * release is followed, including dm1's stimulus of 200, 400 or 600 ms (500 ms for the other non-delayed tasks).
 *
 * <p>Defaults: dt 100 ms, fixation U(200, 500) ms, then stimulus 500 ms (dm1: one of 200, 400, 600) and decision
 * 200 ms, or stim1 500, delay 1000, stim2 500 and decision 200 ms for the delayed tasks; σ = 1; coherences
 * {0.08, 0.16, 0.32, 0.64} (non-delayed) or {0.3, 0.6, 1.0} (delayed).
 */
public final class Yang19DecisionMaking extends Yang19Task {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "decision");
  private static final List<String> DELAYED_PERIODS = List.of("fixation", "stim1", "delay", "stim2", "decision");
  private static final double TIE = 1e-9;

  /** The ten tasks: which rings show stimuli, which count for the answer, and whether the stimuli are sequential. */
  public enum Variant {
    /** {@code yang19.dm1-v0}: two directions on ring 1; choose the stronger. */
    DM1("yang19.dm1", false, true, false, 1, 1),
    /** {@code yang19.dm2-v0}: as dm1 on ring 2. */
    DM2("yang19.dm2", false, false, true, 1, 1),
    /** {@code yang19.ctxdm1-v0}: both rings show evidence; only ring 1 counts. */
    CONTEXT_DM1("yang19.ctxdm1", false, true, true, 1, 0),
    /** {@code yang19.ctxdm2-v0}: both rings show evidence; only ring 2 counts. */
    CONTEXT_DM2("yang19.ctxdm2", false, true, true, 0, 1),
    /** {@code yang19.multidm-v0}: both rings show evidence; choose the larger sum over both. */
    MULTI_DM("yang19.multidm", false, true, true, 1, 1),
    /** {@code yang19.dlydm1-v0}: the two directions one after the other on ring 1, with a delay between. */
    DELAYED_DM1("yang19.dlydm1", true, true, false, 1, 1),
    /** {@code yang19.dlydm2-v0}: as dlydm1 on ring 2. */
    DELAYED_DM2("yang19.dlydm2", true, false, true, 1, 1),
    /** {@code yang19.ctxdlydm1-v0}: sequential stimuli on both rings; only ring 1 counts. */
    CONTEXT_DELAYED_DM1("yang19.ctxdlydm1", true, true, true, 1, 0),
    /** {@code yang19.ctxdlydm2-v0}: sequential stimuli on both rings; only ring 2 counts. */
    CONTEXT_DELAYED_DM2("yang19.ctxdlydm2", true, true, true, 0, 1),
    /** {@code yang19.multidlydm-v0}: sequential stimuli on both rings; the sum over both counts. */
    MULTI_DELAYED_DM("yang19.multidlydm", true, true, true, 1, 1);

    private final String taskName;
    private final boolean delayed;
    private final boolean[] presented;
    private final double[] weights;

    Variant(String taskName, boolean delayed, boolean ring1, boolean ring2, double w1, double w2) {
      this.taskName = taskName;
      this.delayed = delayed;
      this.presented = new boolean[] {ring1, ring2};
      this.weights = new double[] {w1, w2};
    }

    /** The task's name without version, e.g. {@code yang19.dm1}. */
    public String taskName() {
      return taskName;
    }

    /** Whether the two stimuli come one after the other, with a delay between. */
    public boolean delayed() {
      return delayed;
    }

    /** The periods of a trial, in order. */
    public List<String> periods() {
      return delayed ? DELAYED_PERIODS : PERIODS;
    }
  }

  private final Variant variant;
  private final List<Double> cohs;
  private final double sigma;

  private Yang19DecisionMaking(Builder b) {
    super(b.variant.taskName, b, b.variant.periods(), false);
    this.variant = b.variant;
    this.cohs = b.cohs;
    this.sigma = b.sigma();
  }

  /** A builder for {@code variant} with neurogym's defaults. */
  public static Builder builder(Variant variant) {
    return new Builder(Objects.requireNonNull(variant, "variant"));
  }

  /** Which of the decision tasks this is. */
  public Variant variant() {
    return variant;
  }

  /** The strengths a trial draws from. */
  public List<Double> cohs() {
    return cohs;
  }

  /** The input noise per unit time; per step its standard deviation is {@code sigma / sqrt(dtMs)}. */
  public double sigma() {
    return sigma;
  }

  @Override
  Trial sample(RandomGenerator rng, int unused) {
    int i1 = rng.nextInt(DIM_RING);
    int i2 = rng.nextInt(DIM_RING - 1);
    i2 = i2 >= i1 ? i2 + 1 : i2;
    TrialBuilder b = newTrial(variant.periods(), rng);
    List<String> stimuli = variant.delayed ? List.of("stim1", "stim2") : List.of("stimulus");
    double noise = sigma / Math.sqrt(dtMs());
    for (int m = 0; m < MODALITIES; m++) {
      for (String p : stimuli) {
        b.addNoise(p, firstRingChannel(m), firstRingChannel(m) + DIM_RING, noise, rng);
      }
    }
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", Double.NaN);
    info.put("theta1", theta(i1));
    info.put("theta2", theta(i2));
    if (!variant.delayed) {
      Period stimulus = b.period("stimulus");
      info.put("stim_period", stimulus.steps() * dtMs());
    }
    double total1 = 0;
    double total2 = 0;
    for (int m = 0; m < MODALITIES; m++) {
      if (!variant.presented[m]) {
        continue;
      }
      double coh1;
      double coh2;
      if (variant.delayed) {
        int first = rng.nextInt(cohs.size());
        int second = rng.nextInt(cohs.size() - 1);
        coh1 = cohs.get(first);
        coh2 = cohs.get(second >= first ? second + 1 : second);
      } else {
        double c = cohs.get(rng.nextInt(cohs.size())) * (rng.nextBoolean() ? 1 : -1);
        coh1 = 0.5 + c / 2;
        coh2 = 0.5 - c / 2;
      }
      int ring = firstRingChannel(m);
      if (variant.delayed) {
        b.addInput("stim1", ring, bump(i1, coh1)).addInput("stim2", ring, bump(i2, coh2));
      } else {
        b.addInput("stimulus", ring, bump(i1, coh1)).addInput("stimulus", ring, bump(i2, coh2));
      }
      info.put("coh1_mod" + (m + 1), coh1);
      info.put("coh2_mod" + (m + 1), coh2);
      total1 += variant.weights[m] * coh1;
      total2 += variant.weights[m] * coh2;
    }
    // Equal totals (up to round-off) are a tie, broken at random as neurogym's ±1e-6 jitter does.
    int groundTruth = Math.abs(total1 - total2) < TIE ? (rng.nextBoolean() ? i1 : i2) : total1 > total2 ? i1 : i2;
    info.put("ground_truth", (double) groundTruth);
    for (String p : variant.periods()) {
      if (!p.equals("decision")) {
        b.addInput(p, 0, 1.0);
      }
    }
    b.setTarget("decision", 1 + groundTruth).respondIn("decision");
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link Yang19DecisionMaking} task; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.NoisyBuilder<Builder> {
    private final Variant variant;
    private List<Double> cohs;

    private Builder(Variant variant) {
      super(100);
      this.variant = variant;
      defaultTiming("fixation", Timing.uniform(200, 500));
      if (variant.delayed) {
        defaultTiming("stim1", Timing.constant(500));
        defaultTiming("delay", Timing.constant(1000));
        defaultTiming("stim2", Timing.constant(500));
        this.cohs = List.of(0.3, 0.6, 1.0);
      } else {
        defaultTiming("stimulus", variant == Variant.DM1 ? Timing.choice(List.of(200.0, 400.0, 600.0))
            : Timing.constant(500));
        this.cohs = List.of(0.08, 0.16, 0.32, 0.64);
      }
      defaultTiming("decision", Timing.constant(200));
    }

    /**
     * The strengths to draw from (non-delayed: coherences in [0, 1]; delayed: at least two strengths >= 0).
     *
     * @throws IllegalArgumentException if the list is empty, holds a value out of range, or (delayed) fewer than two
     */
    public Builder cohs(List<Double> cohs) {
      List<Double> values = Rings.checkedValues("cohs", cohs);
      for (double v : values) {
        Checks.inRange("each coh", v, 0, variant.delayed ? Double.MAX_VALUE : 1);
      }
      if (variant.delayed && values.size() < 2) {
        throw new IllegalArgumentException("a delayed decision task draws two different strengths; cohs must hold at "
            + "least two; got " + values);
      }
      this.cohs = values;
      return this;
    }

    @Override
    public Yang19DecisionMaking build() {
      return new Yang19DecisionMaking(this);
    }
  }
}
