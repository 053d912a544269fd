package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Anti-saccade (Munoz &amp; Everling 2004, "Look away: the anti-saccade task and the voluntary control of eye movement",
 * Nat. Rev. Neurosci. 5:218): neurogym's {@code AntiReach-v0}. A stimulus on a ring; after the fixation cue goes off,
 * answer the opposite direction ({@code anti}, the default) or the direction itself.
 *
 * <p>Each trial draws the answer {@code g} among {@code dimRing} directions; the stimulus is at θ_g + π (anti) or
 * θ_g. Inputs: {@code fixation} is 1 until the decision; {@code stimulus k} carries {@code cos(θ_k − θ_s)} (from −1
 * to 1, no offset, no noise) during the stimulus. Targets: 0, then {@code 1 + g} in the decision period, where the
 * answer is read. Trial variables: {@code ground_truth}, {@code anti} (1 or 0).
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation 500, stimulus 500, delay 0, decision 500 ms; 32 directions; anti.
 * (neurogym builds its angles with {@code arange}, which gives one angle too many for 61, 122 or 197 directions and
 * crashes; the angles here are exactly {@code 2πk/dimRing}.)
 */
public final class AntiReach extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");

  private final boolean anti;
  private final int dimRing;

  private AntiReach(Builder b) {
    super("AntiReach", b, PERIODS, concat("fixation", numbered("stimulus", b.dimRing)),
        concat("fixation", numbered("choice", b.dimRing)));
    this.anti = b.anti;
    this.dimRing = b.dimRing;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(dimRing);
    double shown = Rings.angle(groundTruth, dimRing) + (anti ? Math.PI : 0);
    TrialBuilder b = newTrial(PERIODS, rng);
    for (String p : List.of("fixation", "stimulus", "delay")) {
      b.addInput(p, 0, 1.0);
    }
    b.addInput("stimulus", 1, Rings.cosine(dimRing, shown, 1, 0)).setTarget("decision", 1 + groundTruth)
        .respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("anti", anti ? 1.0 : 0.0);
    return b.build(groundTruth, info);
  }

  /** Settings of an {@link AntiReach}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private boolean anti = true;
    private int dimRing = 32;

    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(500));
      defaultTiming("stimulus", Timing.constant(500));
      defaultTiming("delay", Timing.constant(0));
      defaultTiming("decision", Timing.constant(500));
    }

    /** Whether to answer the direction opposite to the stimulus (default true). */
    public Builder anti(boolean anti) {
      this.anti = anti;
      return this;
    }

    /** The number of directions (default 32). */
    public Builder dimRing(int dimRing) {
      this.dimRing = Rings.checkedSize(dimRing);
      return this;
    }

    @Override
    public AntiReach build() {
      return new AntiReach(this);
    }
  }
}
