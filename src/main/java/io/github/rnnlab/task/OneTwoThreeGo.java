package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Interval reproduction from a rhythm (Egger, Remington, Chang &amp; Jazayeri 2019, "Internal models of sensorimotor
 * integration regulate cortical dynamics", Nat. Neurosci. 22:1871): neurogym's {@code OneTwoThreeGo-v0}. Three
 * flashes separated by the same interval; the network says "go" one more interval after the third.
 *
 * <p>Each trial draws the interval (floored to whole steps), then the fixation and target durations. Periods:
 * fixation, target, s1, interval1, s2, interval2, s3, interval3, response; the three intervals all last the drawn
 * interval (neurogym's {@code interval2}/{@code interval3} timing entries are unused, so they are not offered).
 * Inputs: {@code fixation} is 1 for the whole trial; {@code stimulus} is 1 during s1, s2 and s3; {@code target} is 1
 * from the target period on. No noise. Targets: "go" throughout the response period, which starts one interval after
 * s3. The answer is timed: the first go from interval3 on, right within {@code prodMargin·interval + 25} ms of the
 * response onset, as neurogym's reward. The ground truth is −1; trial variable {@code interval} (ms).
 *
 * <p>Defaults (neurogym's): dt 80 ms; fixation truncated exponential (mean 400, 100–800), target truncated
 * exponential (mean 1000, 500–1500), s1, s2, s3 100 ms, interval one of 600, 700, 800, 900, 1000 ms, response 1000
 * ms; prodMargin 0.2.
 */
public final class OneTwoThreeGo extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "target", "s1", "interval1", "s2", "interval2",
      "s3", "interval3", "response");

  private final double prodMargin;

  private OneTwoThreeGo(Builder b) {
    super("OneTwoThreeGo", b, PERIODS, List.of("fixation", "stimulus", "target"), List.of("fixation", "go"));
    this.prodMargin = b.prodMargin;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int intervalSteps = Timing.steps(timingSettings().get("interval1").sampleMs(rng), dtMs());
    TrialBuilder b = newTrial(List.of("fixation", "target", "s1"), rng).addPeriod("interval1", intervalSteps)
        .addPeriods(List.of("s2"), timingSettings(), rng).addPeriod("interval2", intervalSteps)
        .addPeriods(List.of("s3"), timingSettings(), rng).addPeriod("interval3", intervalSteps)
        .addPeriods(List.of("response"), timingSettings(), rng);
    double interval = intervalSteps * dtMs();
    b.addInput(0, b.steps(), 0, 1.0).addInput(b.period("target").start(), b.steps(), 2, 1.0);
    for (String flash : List.of("s1", "s2", "s3")) {
      b.addInput(flash, 1, 1.0);
    }
    Period response = b.period("response");
    b.setTarget("response", 1);
    if (response.steps() > 0) {
      b.respondAt(b.period("interval3").start(), response.end(), response.start(),
          ReadySetGo.toleranceSteps(interval, prodMargin, dtMs()));
    }
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("interval", interval);
    return b.build(-1, info);
  }

  /** Settings of a {@link OneTwoThreeGo}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private double prodMargin = 0.2;

    private Builder() {
      super(80);
      defaultTiming("fixation", Timing.truncatedExponential(400, 100, 800));
      defaultTiming("target", Timing.truncatedExponential(1000, 500, 1500));
      defaultTiming("s1", Timing.constant(100));
      defaultTiming("interval1", Timing.choice(List.of(600.0, 700.0, 800.0, 900.0, 1000.0)));
      defaultTiming("s2", Timing.constant(100));
      defaultTiming("s3", Timing.constant(100));
      defaultTiming("response", Timing.constant(1000));
    }

    /** The relative tolerance of a produced interval (default 0.2; plus 25 ms). */
    public Builder prodMargin(double prodMargin) {
      this.prodMargin = Checks.nonNegative("prodMargin", prodMargin);
      return this;
    }

    @Override
    public OneTwoThreeGo build() {
      return new OneTwoThreeGo(this);
    }
  }
}
