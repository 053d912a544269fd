package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Producing a cued interval (Wang, Narain, Hosseini &amp; Jazayeri 2018, "Flexible timing by temporal scaling of cortical
 * responses", Nat. Neurosci. 21:102): neurogym's {@code MotorTiming-v0}. A cue says which of two intervals (800 or
 * 1500 ms) to produce; after Set, the network says "go" once that interval has passed.
 *
 * <p>Each trial draws the interval. Inputs (unnamed in neurogym): {@code fixation} is 1 until production;
 * {@code interval 800} or {@code interval 1500} is 1 during cue and set; {@code set} during set. No noise. Periods:
 * fixation, cue, set, production (twice the interval). Targets: 0 except one step, production start +
 * ⌊interval / dt⌋, labelled "go"; the answer is timed, right within {@code prodMargin·interval + 25} ms of it. The
 * ground truth is −1; trial variables {@code production_ind} (0 or 1), {@code production} (ms).
 *
 * <p>At neurogym's default dt of 80 ms the 50 ms set period floors to 0 steps, so the Set cue never shows, as in
 * neurogym; the offset of the fixation and cue inputs then marks the start of production. Use
 * {@code timingMs("set", 80)} for a visible Set cue. Defaults (neurogym's): dt 80 ms; fixation 500, cue U(1000, 3000),
 * set 50 ms; prodMargin 0.2.
 */
public final class MotorTiming extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "cue", "set", "production");
  private static final double[] INTERVALS_MS = {800, 1500};

  private final double prodMargin;

  private MotorTiming(Builder b) {
    super("MotorTiming", b, PERIODS, List.of("fixation", "interval 800", "interval 1500", "set"),
        List.of("fixation", "go"));
    this.prodMargin = b.prodMargin;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int which = rng.nextInt(INTERVALS_MS.length);
    double production = INTERVALS_MS[which];
    TrialBuilder b = newTrial(List.of("fixation", "cue", "set"), rng);
    ReadySetGo.addProduction(b, production, prodMargin, b.steps());
    b.addInput("fixation", 0, 1.0).addInput("cue", 0, 1.0).addInput("cue", 1 + which, 1.0).addInput("set", 0, 1.0)
        .addInput("set", 1 + which, 1.0).addInput("set", 3, 1.0);
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("production_ind", (double) which);
    info.put("production", production);
    return b.build(-1, info);
  }

  /** Settings of a {@link MotorTiming}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private double prodMargin = 0.2;

    private Builder() {
      super(80);
      defaultTiming("fixation", Timing.constant(500));
      defaultTiming("cue", Timing.uniform(1000, 3000));
      defaultTiming("set", Timing.constant(50));
    }

    /** The relative tolerance of a produced interval (default 0.2; plus 25 ms). */
    public Builder prodMargin(double prodMargin) {
      this.prodMargin = Checks.nonNegative("prodMargin", prodMargin);
      return this;
    }

    @Override
    public MotorTiming build() {
      return new MotorTiming(this);
    }
  }
}
