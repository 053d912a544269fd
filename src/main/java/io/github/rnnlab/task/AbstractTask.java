package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What the built-in tasks share: a name, a time step, the timing of each period (neurogym's {@code timing}
 * dictionary), the period order and the channel names. A subclass draws trials in {@link #sampleTrial}; its builder
 * extends {@link Builder}, which holds the time step and the timing and checks every override.
 */
public abstract class AbstractTask implements Task {
  private final String name;
  private final double dtMs;
  private final Map<String, Timing> settings;
  private final Map<String, Timing> timing;
  private final List<String> periods;
  private final List<String> inputNames;
  private final List<String> outputNames;

  /**
   * A task called {@code name} with the builder's time step and timing, the given periods (in trial order; periods
   * without a timing entry are ones the task derives, e.g. ReadySetGo's production) and channel names.
   */
  protected AbstractTask(String name, Builder<?> settings, List<String> periods, List<String> inputNames,
      List<String> outputNames) {
    this.name = Objects.requireNonNull(name, "name");
    this.dtMs = settings.dtMs;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings.timing));
    this.periods = List.copyOf(periods);
    Map<String, Timing> used = new LinkedHashMap<>();
    for (String p : this.periods) {
      Timing t = settings.timing.get(p);
      if (t != null) {
        used.put(p, t);
      }
    }
    this.timing = Collections.unmodifiableMap(used);
    this.inputNames = List.copyOf(inputNames);
    this.outputNames = List.copyOf(outputNames);
  }

  @Override
  public String name() {
    return name;
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
    return periods;
  }

  /** The timing of each period the trial has and draws, in trial order. */
  @Override
  public Map<String, Timing> timing() {
    return timing;
  }

  /** Every timing setting, including ones this task accepts but does not use (as neurogym's rtgo keeps stimulus). */
  protected Map<String, Timing> timingSettings() {
    return settings;
  }

  /** A trial builder with this task's time step and input channels, for label targets. */
  protected TrialBuilder newTrial() {
    return new TrialBuilder(dtMs, inputNames.size());
  }

  /** A trial builder with {@code periods} appended back to back, durations drawn from the timing in that order. */
  protected TrialBuilder newTrial(List<String> periods, RandomGenerator rng) {
    return newTrial().addPeriods(periods, settings, rng);
  }

  /** {@code prefix 1}, …, {@code prefix n}: numbered channel names. */
  protected static List<String> numbered(String prefix, int n) {
    List<String> names = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      names.add(prefix + " " + i);
    }
    return names;
  }

  /** {@code first} followed by {@code rest}: e.g. "fixation" and the stimulus channels. */
  protected static List<String> concat(String first, List<String> rest) {
    List<String> names = new ArrayList<>(List.of(first));
    names.addAll(rest);
    return names;
  }

  @Override
  public String toString() {
    return name + "[dtMs=" + dtMs + ", timing=" + timing + "]";
  }

  /**
   * Settings every built-in task has: the time step and the timing of its periods, with neurogym's defaults.
   *
   * @param <B> the concrete builder, returned by every setter so calls chain
   */
  public abstract static class Builder<B extends Builder<B>> {
    private double dtMs;
    private final Map<String, Timing> timing = new LinkedHashMap<>();

    /** A builder with the task's default time step; subclasses then add the default timing in trial order. */
    protected Builder(double defaultDtMs) {
      this.dtMs = Checks.positive("dtMs", defaultDtMs);
    }

    /** Adds the default timing of {@code period}; called by subclass constructors, in trial order. */
    protected final void defaultTiming(String period, Timing periodTiming) {
      timing.put(Objects.requireNonNull(period, "period"), Objects.requireNonNull(periodTiming, "periodTiming"));
    }

    @SuppressWarnings("unchecked")
    B self() {
      return (B) this;
    }

    /** The time step in ms. */
    public B dtMs(double dtMs) {
      this.dtMs = Checks.positive("dtMs", dtMs);
      return self();
    }

    /**
     * Overrides the timing of one period.
     *
     * @throws IllegalArgumentException if the task has no such timing entry
     */
    public B timing(String period, Timing periodTiming) {
      Objects.requireNonNull(periodTiming, "periodTiming");
      if (!timing.containsKey(period)) {
        throw new IllegalArgumentException("unknown period '" + period + "'; allowed: " + List.copyOf(timing.keySet()));
      }
      timing.put(period, periodTiming);
      return self();
    }

    /**
     * Overrides the timing of every period {@code overrides} names, as neurogym's {@code timing} argument does.
     *
     * @throws IllegalArgumentException if a period is not one of the task's
     */
    public B timing(Map<String, Timing> overrides) {
      overrides.forEach(this::timing);
      return self();
    }

    /** Shorthand for {@code timing(period, Timing.constant(ms))}. */
    public B timingMs(String period, double ms) {
      return timing(period, Timing.constant(ms));
    }

    /** The time step so far, in ms. */
    public double dtMs() {
      return dtMs;
    }

    /** The timing so far, in trial order. */
    public Map<String, Timing> timing() {
      return Collections.unmodifiableMap(timing);
    }

    /** The task. */
    public abstract AbstractTask build();
  }

  /**
   * Settings of a task with input noise: N(0, σ²/dt) per step, so that the noise per unit time is σ whatever the time
   * step (neurogym's {@code sigma}, default 1).
   *
   * @param <B> the concrete builder
   */
  public abstract static class NoisyBuilder<B extends NoisyBuilder<B>> extends Builder<B> {
    private double sigma = 1;

    /** A builder with the task's default time step. */
    protected NoisyBuilder(double defaultDtMs) {
      super(defaultDtMs);
    }

    /** The input noise per unit time (default 1); per step its standard deviation is {@code sigma / sqrt(dtMs)}. */
    public B sigma(double sigma) {
      this.sigma = Checks.nonNegative("sigma", sigma);
      return self();
    }

    /** The input noise per unit time so far. */
    public double sigma() {
      return sigma;
    }
  }

  /**
   * Settings of a noisy task on a ring of {@code dimRing} directions or choices (neurogym's {@code dim_ring}).
   *
   * @param <B> the concrete builder
   */
  public abstract static class RingBuilder<B extends RingBuilder<B>> extends NoisyBuilder<B> {
    private int dimRing = 2;

    /** A builder with the task's default time step and two directions. */
    protected RingBuilder(double defaultDtMs) {
      super(defaultDtMs);
    }

    /** The number of directions (or choices) on the ring, at least 2 (default 2). */
    public B dimRing(int dimRing) {
      this.dimRing = Rings.checkedSize(dimRing);
      return self();
    }

    /** The number of directions so far. */
    public int dimRing() {
      return dimRing;
    }
  }
}
