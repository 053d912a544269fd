package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Ready-set-go interval reproduction (Remington, Narain, Hosseini &amp; Jazayeri 2018, "Flexible sensorimotor
 * computations through rapid reconfiguration of cortical dynamics", Neuron 98:1005): neurogym's
 * {@code ReadySetGo-v0}. A Ready flash, a random interval, a Set flash; then "go" after {@code gain ×} the interval.
 *
 * <p>Each trial draws the measured interval (floored to whole steps); the production interval is {@code gain ×} it.
 * Periods: fixation, then ready and measure starting together (ready is the first step(s) of measure), set, and
 * production, which lasts twice the production interval. Inputs: {@code fixation} is 1 except in production;
 * {@code ready} during ready, {@code set} during set. No noise. Targets: 0 except a single step, production start +
 * ⌊production / dt⌋, labelled "go". The answer is timed: the first step of the production period at which the network
 * says go, right within {@code prodMargin·production + 25} ms of the target step, as neurogym's reward. The ground
 * truth is −1; trial variables {@code measure}, {@code gain}, {@code production} (ms).
 *
 * <p>neurogym's reward times the production from the end of measure (the start of Set) while its target puts the go
 * one Set duration later, at production after the end of Set; a network can only learn the target, so the answer is
 * judged against the target's step here. A single labelled step is a sparse signal: weight it with a cost mask or
 * per-step weights if training struggles. Defaults (neurogym's): dt 80 ms; fixation 100, ready 83, measure U(800,
 * 1500), set 83 ms; gain 1, prodMargin 0.2.
 */
public final class ReadySetGo extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "ready", "measure", "set", "production");
  /** neurogym's fixed part of the production tolerance, in ms. */
  private static final double TOLERANCE_MS = 25;

  private final double gain;
  private final double prodMargin;

  private ReadySetGo(Builder b) {
    super("ReadySetGo", b, PERIODS, List.of("fixation", "ready", "set"), List.of("fixation", "go"));
    this.gain = b.gain;
    this.prodMargin = b.prodMargin;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** neurogym's tolerance of a produced interval, {@code margin·production + 25} ms, in whole steps. */
  static int toleranceSteps(double productionMs, double margin, double dtMs) {
    return Timing.steps(margin * productionMs + TOLERANCE_MS, dtMs);
  }

  /**
   * Appends a production period of twice {@code productionMs}, labels "go" at ⌊production / dt⌋ steps into it, and
   * marks the timed answer over {@code [windowStart, end of production)}.
   */
  static void addProduction(TrialBuilder b, double productionMs, double margin, int windowStart) {
    double dt = b.dtMs();
    b.addPeriod("production", Timing.steps(2 * productionMs, dt));
    Period production = b.period("production");
    int go = production.start() + Timing.steps(productionMs, dt);
    if (go < production.end()) {
      b.setTarget(go, go + 1, 1).respondAt(windowStart, production.end(), go, toleranceSteps(productionMs, margin, dt));
    }
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int measureSteps = Timing.steps(timing().get("measure").sampleMs(rng), dtMs());
    double measure = measureSteps * dtMs();
    double production = measure * gain;
    TrialBuilder b = newTrial(List.of("fixation"), rng);
    int start = b.steps();
    b.addPeriodAt("ready", start, Timing.steps(timing().get("ready").sampleMs(rng), dtMs()))
        .addPeriodAt("measure", start, measureSteps)
        .addPeriodAt("set", start + measureSteps, Timing.steps(timing().get("set").sampleMs(rng), dtMs()));
    addProduction(b, production, prodMargin, b.period("set").end());
    b.addInput(0, b.period("production").start(), 0, 1.0).addInput("ready", 1, 1.0).addInput("set", 2, 1.0);
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("measure", measure);
    info.put("gain", gain);
    info.put("production", production);
    return b.build(-1, info);
  }

  /** Settings of a {@link ReadySetGo}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private double gain = 1;
    private double prodMargin = 0.2;

    private Builder() {
      super(80);
      defaultTiming("fixation", Timing.constant(100));
      defaultTiming("ready", Timing.constant(83));
      defaultTiming("measure", Timing.uniform(800, 1500));
      defaultTiming("set", Timing.constant(83));
    }

    /** The production interval as a multiple of the measured one (default 1). */
    public Builder gain(double gain) {
      this.gain = Checks.positive("gain", gain);
      return this;
    }

    /** The relative tolerance of a produced interval (default 0.2; plus 25 ms). */
    public Builder prodMargin(double prodMargin) {
      this.prodMargin = Checks.nonNegative("prodMargin", prodMargin);
      return this;
    }

    @Override
    public ReadySetGo build() {
      return new ReadySetGo(this);
    }
  }
}
