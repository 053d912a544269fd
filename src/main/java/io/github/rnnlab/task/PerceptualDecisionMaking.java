package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Two-alternative forced choice on a noisy stimulus (random-dot motion, Britten et al. 1992): neurogym's
 * {@code PerceptualDecisionMaking-v0} as the tutorial used it.
 *
 * <p>Each trial draws a ground truth {@code g} in {@code 0..dimRing-1} and a coherence {@code c} from
 * {@link #cohs()}, then periods fixation, stimulus, delay and decision. Inputs: channel 0 ("fixation") is 1 during
 * fixation, stimulus and delay and 0 in the decision period, which is the go cue; channels {@code 1..dimRing}
 * ("stimulus i") carry {@code cos(θ_i − θ_g)·c/200 + 0.5}, θ_i = 2πi/dimRing, plus N(0, σ²/dt) noise, during the
 * stimulus only. Targets: 0 (fixate) except {@code 1 + g} in the decision period.
 *
 * <p>The fixation channel follows the neurogym release the tutorial used. Later neurogym releases switch it off at
 * stimulus onset, which removes the go cue: the network can no longer tell when to answer, so we keep the tutorial's
 * behaviour.
 *
 * <p>Defaults follow neurogym: dt 100 ms, fixation 100, stimulus 2000, delay 0, decision 100 ms, σ = 1,
 * coherences {0, 6.4, 12.8, 25.6, 51.2}. The tutorial uses dt 20 and a 1000 ms stimulus (60 steps a trial):
 * {@code PerceptualDecisionMaking.builder().dtMs(20).timing("stimulus", Timing.constant(1000)).build()}.
 */
public final class PerceptualDecisionMaking implements Task {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");

  private final double dtMs;
  private final Map<String, Timing> timing;
  private final List<Double> cohs;
  private final double sigma;
  private final int dimRing;
  private final List<String> inputNames;
  private final List<String> outputNames;

  private PerceptualDecisionMaking(Builder b) {
    this.dtMs = b.dtMs;
    Map<String, Timing> ordered = new LinkedHashMap<>();
    PERIODS.forEach(period -> ordered.put(period, b.timing.get(period)));
    this.timing = Collections.unmodifiableMap(ordered);
    this.cohs = List.copyOf(b.cohs);
    this.sigma = b.sigma;
    this.dimRing = b.dimRing;
    List<String> in = new ArrayList<>(List.of("fixation"));
    List<String> out = new ArrayList<>(List.of("fixation"));
    for (int i = 1; i <= dimRing; i++) {
      in.add("stimulus " + i);
      out.add("choice " + i);
    }
    this.inputNames = List.copyOf(in);
    this.outputNames = List.copyOf(out);
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this task's settings. */
  public Builder toBuilder() {
    Builder b = new Builder().dtMs(dtMs).cohs(cohs).sigma(sigma).dimRing(dimRing);
    timing.forEach(b::timing);
    return b;
  }

  @Override
  public String name() {
    return "PerceptualDecisionMaking";
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  @Override
  public List<String> inputNames() {
    return inputNames;
  }

  @Override
  public List<String> outputNames() {
    return outputNames;
  }

  @Override
  public List<String> periodNames() {
    return PERIODS;
  }

  /** The timing of each period, in trial order. */
  @Override
  public Map<String, Timing> timing() {
    return timing;
  }

  /** The coherences a trial draws from, in percent. */
  public List<Double> cohs() {
    return cohs;
  }

  /** The stimulus noise per unit time; the noise added per step has standard deviation {@code sigma / sqrt(dtMs)}. */
  public double sigma() {
    return sigma;
  }

  /** The number of choices (and stimulus channels). */
  public int dimRing() {
    return dimRing;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(dimRing);
    double coh = cohs.get(rng.nextInt(cohs.size()));
    TrialBuilder b = new TrialBuilder(dtMs, inputSize()).addPeriods(PERIODS, timing, rng);
    for (String p : List.of("fixation", "stimulus", "delay")) {
      b.addInput(p, 0, 1.0);
    }
    double[] stimulus = new double[dimRing];
    for (int i = 0; i < dimRing; i++) {
      double dTheta = 2 * Math.PI * (i - groundTruth) / dimRing;
      stimulus[i] = Math.cos(dTheta) * coh / 200 + 0.5;
    }
    b.addInput("stimulus", 1, stimulus)
        .addNoise("stimulus", 1, 1 + dimRing, sigma / Math.sqrt(dtMs), rng)
        .setTarget("decision", 1 + groundTruth);
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("coherence", coh);
    return b.build(groundTruth, info);
  }

  @Override
  public String toString() {
    return name() + "[dtMs=" + dtMs + ", timing=" + timing + ", cohs=" + cohs + ", sigma=" + sigma + "]";
  }

  /** Settings of a {@link PerceptualDecisionMaking} task; defaults are neurogym's. */
  public static final class Builder {
    private double dtMs = 100;
    private final Map<String, Timing> timing = new LinkedHashMap<>(Map.of(
        "fixation", Timing.constant(100),
        "stimulus", Timing.constant(2000),
        "delay", Timing.constant(0),
        "decision", Timing.constant(100)));
    private List<Double> cohs = List.of(0.0, 6.4, 12.8, 25.6, 51.2);
    private double sigma = 1.0;
    private int dimRing = 2;

    private Builder() {}

    /** The time step in ms (default 100). */
    public Builder dtMs(double dtMs) {
      Checks.positive("dtMs", dtMs);
      this.dtMs = dtMs;
      return this;
    }

    /** Overrides the timing of one period: fixation, stimulus, delay or decision. */
    public Builder timing(String period, Timing periodTiming) {
      if (!PERIODS.contains(period)) {
        throw new IllegalArgumentException("unknown period '" + period + "'; allowed: " + PERIODS);
      }
      timing.put(period, periodTiming);
      return this;
    }

    /** Shorthand for {@code timing("stimulus", Timing.constant(ms))}. */
    public Builder stimulusMs(double ms) {
      return timing("stimulus", Timing.constant(ms));
    }

    /** The coherences to draw from, in percent (default 0, 6.4, 12.8, 25.6, 51.2). */
    public Builder cohs(List<Double> cohs) {
      if (cohs.isEmpty()) {
        throw new IllegalArgumentException("cohs must hold at least one coherence; got an empty list");
      }
      this.cohs = List.copyOf(cohs);
      return this;
    }

    /** The stimulus noise per unit time (default 1). */
    public Builder sigma(double sigma) {
      if (!(sigma >= 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException("sigma must be a finite number >= 0; got " + sigma);
      }
      this.sigma = sigma;
      return this;
    }

    /** The number of choices (default 2). */
    public Builder dimRing(int dimRing) {
      if (dimRing < 2) {
        throw new IllegalArgumentException("dimRing must be >= 2; got " + dimRing);
      }
      this.dimRing = dimRing;
      return this;
    }

    /** The task. */
    public PerceptualDecisionMaking build() {
      return new PerceptualDecisionMaking(this);
    }
  }
}
