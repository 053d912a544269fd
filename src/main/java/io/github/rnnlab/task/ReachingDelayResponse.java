package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Delayed reach to a remembered position, with float targets: neurogym's {@code ReachingDelayResponse-v0} (no paper
 * in its metadata). A scalar position is shown; after a delay a go signal comes, and the network outputs "go" and the
 * position.
 *
 * <p>Each trial draws the position {@code x} uniformly in [lowBound, highBound). Inputs: {@code go} is 1 in the
 * decision period; {@code stimulus} is {@code x} during the stimulus and −0.5 after it. Targets (two float channels,
 * scored with mean squared error): {@code go} −1 and {@code position} −0.5 before the decision, then 1 and {@code x}.
 * The ground truth is −1 (the answer is a value, not a choice); trial variable {@code position} holds {@code x}. No
 * noise.
 *
 * <p>Defaults (neurogym's): dt 100 ms; stimulus 500, delay one of 0, 1000, 2000, decision 500 ms; bounds 0 and 1.
 */
public final class ReachingDelayResponse extends AbstractTask {
  private static final List<String> PERIODS = List.of("stimulus", "delay", "decision");

  private final double lowBound;
  private final double highBound;

  private ReachingDelayResponse(Builder b) {
    super("ReachingDelayResponse", b, PERIODS, List.of("go", "stimulus"), List.of("go", "position"));
    this.lowBound = b.lowBound;
    this.highBound = b.highBound;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** False: the targets are float values, trained with mean squared error. */
  @Override
  public boolean hasLabels() {
    return false;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    double position = lowBound + (highBound - lowBound) * rng.nextDouble();
    TrialBuilder b = TrialBuilder.withFloatTargets(dtMs(), 2, 2).addPeriods(PERIODS, timing(), rng);
    b.addInput("stimulus", 1, position).addInput("delay", 1, -0.5).addInput("decision", 1, -0.5)
        .addInput("decision", 0, 1.0);
    for (String p : List.of("stimulus", "delay")) {
      b.setTargetValue(p, 0, -1).setTargetValue(p, 1, -0.5);
    }
    b.setTargetValue("decision", 0, 1).setTargetValue("decision", 1, position);
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("position", position);
    return b.build(-1, info);
  }

  /** Settings of a {@link ReachingDelayResponse}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private double lowBound = 0;
    private double highBound = 1;

    private Builder() {
      super(100);
      defaultTiming("stimulus", Timing.constant(500));
      defaultTiming("delay", Timing.choice(List.of(0.0, 1000.0, 2000.0)));
      defaultTiming("decision", Timing.constant(500));
    }

    /**
     * The range positions are drawn from (default 0 to 1).
     *
     * @throws IllegalArgumentException if a bound is not finite or {@code high < low}
     */
    public Builder bounds(double low, double high) {
      Checks.finite("lowBound", low);
      Checks.finite("highBound", high);
      if (high < low) {
        throw new IllegalArgumentException("highBound must be >= lowBound; got " + low + " and " + high);
      }
      this.lowBound = low;
      this.highBound = high;
      return this;
    }

    @Override
    public ReachingDelayResponse build() {
      return new ReachingDelayResponse(this);
    }
  }
}
