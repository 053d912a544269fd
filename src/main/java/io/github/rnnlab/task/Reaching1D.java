package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Reaching on a ring (Georgopoulos, Schwartz &amp; Kettner 1986, "Neuronal population coding of movement direction",
 * Science 233:1416), as a supervised task: neurogym's {@code Reaching1D-v0} and
 * {@code Reaching1DWithSelfDistraction-v0}. A target direction appears; the network steers its own position on the
 * ring towards it, one step of 0.05 rad at a time ("left" = +0.05, "right" = −0.05, "fixation" = stay).
 *
 * <p><b>How this differs from neurogym, and why.</b> neurogym's versions are closed-loop: the network's own position
 * is fed back as input through {@code step()} only, so its supervised {@code Dataset} shows the position channels as
 * zeros, and its ground truth writes angles into integer labels (truncated to 0..6, neither actions nor angles).
 * Here the trial is teacher-forced: the position follows the ideal trajectory (from π, one step towards the target
 * at each step of the reach period, staying once within half a step), the position channels show it, and the target
 * at each step is the action that trajectory takes. The network thus learns neurogym's task (turn towards the target
 * given where you are) with a well-defined target.
 *
 * <p>Inputs, plain variant: {@code target k} carries {@code cos(θ_k − θ_target)} during the reach period (16
 * directions), {@code self k} carries {@code cos(θ_k − position)} at every step. With self-distraction (32
 * directions, one ring, unnamed in neurogym as here {@code ring k}): {@code 0.3·cos(θ_k − θ_target)} during reach plus
 * {@code cos(θ_k − position)} at every step, so a weak target rides on a strong self signal. Targets: 0 in the
 * fixation period, the ideal action in the reach period, read at its end. The ground truth is the first reach
 * action's direction (0 = left, 1 = right). Trial variables: {@code ground_truth}, {@code target} (radians).
 *
 * <p>Defaults (neurogym's): dt 100 ms; fixation 500, reach 500 ms.
 */
public final class Reaching1D extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "reach");
  private static final double STEP_RAD = 0.05;
  private static final double TARGET_GAIN_DISTRACTED = 0.3;

  private final boolean selfDistraction;
  private final int dimRing;

  private Reaching1D(Builder b) {
    super(b.selfDistraction ? "Reaching1DWithSelfDistraction" : "Reaching1D", b, PERIODS,
        b.selfDistraction ? numbered("ring", 32) : plainInputNames(), List.of("fixation", "left", "right"));
    this.selfDistraction = b.selfDistraction;
    this.dimRing = b.selfDistraction ? 32 : 16;
  }

  /** A builder for {@code Reaching1D-v0} with neurogym's defaults. */
  public static Builder builder() {
    return new Builder(false);
  }

  /** A builder for {@code Reaching1DWithSelfDistraction-v0} with neurogym's defaults. */
  public static Builder withSelfDistraction() {
    return new Builder(true);
  }

  private static List<String> plainInputNames() {
    List<String> names = numbered("target", 16);
    names.addAll(numbered("self", 16));
    return names;
  }

  /** The ideal action from {@code position} towards {@code target}: 0 (stay), 1 (+0.05 rad) or 2 (−0.05 rad). */
  static int action(double position, double target) {
    double diff = Math.IEEEremainder(target - position, 2 * Math.PI);
    return Math.abs(diff) < STEP_RAD / 2 ? 0 : diff > 0 ? 1 : 2;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    double target = rng.nextDouble() * 2 * Math.PI;
    TrialBuilder b = newTrial(PERIODS, rng);
    Period reach = b.period("reach");
    int selfChannel = selfDistraction ? 0 : dimRing;
    double targetGain = selfDistraction ? TARGET_GAIN_DISTRACTED : 1;
    b.addInput("reach", 0, Rings.cosine(dimRing, target, targetGain, 0));
    double position = Math.PI;
    int first = action(position, target);
    for (int t = 0; t < b.steps(); t++) {
      double[] self = Rings.cosine(dimRing, position, 1, 0);
      for (int k = 0; k < dimRing; k++) {
        b.addInput(t, t + 1, selfChannel + k, self[k]);
      }
      if (reach.contains(t)) {
        int a = action(position, target);
        b.setTarget(t, t + 1, a);
        position = (position + (a == 1 ? STEP_RAD : a == 2 ? -STEP_RAD : 0) + 2 * Math.PI) % (2 * Math.PI);
      }
    }
    b.respondIn("reach");
    int groundTruth = first == 2 ? 1 : 0;
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("target", target);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link Reaching1D}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private final boolean selfDistraction;

    private Builder(boolean selfDistraction) {
      super(100);
      this.selfDistraction = selfDistraction;
      defaultTiming("fixation", Timing.constant(500));
      defaultTiming("reach", Timing.constant(500));
    }

    @Override
    public Reaching1D build() {
      return new Reaching1D(this);
    }
  }
}
