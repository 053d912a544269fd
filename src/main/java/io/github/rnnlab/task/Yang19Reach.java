package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The reach family of neurogym's {@code yang19} collection (Yang et al. 2019; channels and ring code in
 * {@link Yang19Task}): the network fixates, sees a direction on one of two input rings and answers by choosing that
 * direction ({@code go}) or the opposite one ({@code anti}), after the fixation cue goes off, after a memory delay
 * ({@code dlygo}, {@code dlyanti}) or as soon as the direction appears ({@code rtgo}, {@code rtanti}). The six
 * variants are neurogym's {@code yang19.go-v0}, {@code rtgo}, {@code dlygo}, {@code anti}, {@code rtanti} and
 * {@code dlyanti}, with the same inputs, outputs and targets as neurogym builds them.
 *
 * <p><b>Trial.</b> Each trial draws a ground truth {@code g} in 0..15 (the direction to answer) and shows a direction
 * {@code s} on one ring, the trial's modality {@code m}: {@code s = g}, or for the anti tasks the opposite direction
 * {@code s = (g + 8) mod 16}. Ring channel {@code 1 + 16m + j} carries the bump around {@code s}; the other ring stays
 * 0. The bump is constant in time and there is no input noise at all (neurogym's reach tasks take no {@code sigma}); a
 * trial is determined by {@code g} and {@code m}.
 * <ul>
 *   <li>go, anti, dlygo, dlyanti: periods fixation, stimulus, delay, decision. The fixation channel is 1 in
 *       fixation, stimulus and delay and 0 in decision (the go cue); the bump is on during the stimulus only.</li>
 *   <li>rtgo, rtanti: periods fixation and decision only. The fixation channel is 1 in fixation; the bump comes on
 *       with the decision period (stimulus onset is the go cue) and stays on through it. neurogym keeps
 *       {@code stimulus} and {@code delay} entries in this task's timing but never uses them, so the tutorial's
 *       {@code timing={'stimulus': 1000}} has no effect on rtgo; {@link Builder#timing} accepts and ignores them the
 *       same way, and {@link #timing()} lists only the periods the trial has.</li>
 * </ul>
 * Targets are 0 (fixate) except {@code 1 + g} in the decision period, where the answer is read. Trial variables:
 * {@code ground_truth} (g, 0..15) and {@code modality} (m, 0 for ring 1, 1 for ring 2; neurogym keeps it only as the
 * wrapper's {@code i_env}). The constant {@code anti} that neurogym adds is left out.
 *
 * <p>Defaults follow neurogym: dt 100 ms, fixation 500, stimulus 500, delay 0 (500 for dlygo and dlyanti), decision
 * 500 ms. neurogym's {@code dlygo} and {@code dlyanti} replace any timing the user passes by {@code {delay: 500}},
 * silently dropping it; here the 500 ms delay is only the default and other timing is honoured. The tutorial's
 * exercise uses dt 20 and a 1000 ms stimulus: go trials last 25 + 50 + 0 + 25 = 100 steps, rtgo trials 25 + 25 = 50.
 *
 * <p><b>Modality schedule.</b> neurogym builds each task as two single-ring copies behind a {@code ScheduleEnvs}
 * with {@code RandomSchedule(2)}, which, having to pick "another" of two copies, strictly alternates rather than
 * drawing. So a stream of trials from {@link #trials(long)} alternates too: ring 1, ring 2, ring 1, … starting with
 * ring 1, as the first trial neurogym's {@code Dataset} caches is on ring 1. Each stream keeps its own alternation,
 * as each {@code Dataset} column has its own environment in neurogym. Two things follow, as in neurogym:
 * <ul>
 *   <li>With go at dt 20 and a 1000 ms stimulus (100 steps), a {@code Dataset} of 16 × 100 caches two trials per
 *       column and serves only the first window of each cache, so every training window is a ring-1 trial.</li>
 *   <li>Trials drawn one at a time by {@link #sampleTrial(RandomGenerator)} have no stream to alternate in; they
 *       draw the modality with probability ½ each instead. {@link #sampleTrialWithModality} fixes it.</li>
 * </ul>
 * neurogym also seeds both copies with the same seed, so its seeded trials come in pairs with equal ground truth
 * (trials 0 and 1, 2 and 3, …). That is an artefact of the wrapper, not part of the task, and is not reproduced:
 * every trial's ground truth is drawn independently from its stream's generator. Also not reproduced, having no
 * step-by-step API here: the stale first observation neurogym's wrapper shows at each trial switch through
 * {@code step}.
 */
public final class Yang19Reach extends Yang19Task {

  /** The six tasks; each knows its neurogym name, its periods, where the bump and fixation cue go and whether to invert. */
  public enum Variant {
    /** neurogym's {@code yang19.go-v0}: the direction is shown before the go cue. */
    GO("yang19.go", false, false, 0),
    /** neurogym's {@code yang19.rtgo-v0}: the direction appears with the go cue and the answer may come at once. */
    REACTION_TIME_GO("yang19.rtgo", false, true, 0),
    /** neurogym's {@code yang19.dlygo-v0}: as go, with a 500 ms memory delay before the go cue. */
    DELAYED_GO("yang19.dlygo", false, false, 500),
    /** neurogym's {@code yang19.anti-v0}: as go, answering the direction opposite to the one shown. */
    ANTI("yang19.anti", true, false, 0),
    /** neurogym's {@code yang19.rtanti-v0}: as rtgo, answering the opposite direction. */
    REACTION_TIME_ANTI("yang19.rtanti", true, true, 0),
    /** neurogym's {@code yang19.dlyanti-v0}: as dlygo, answering the opposite direction. */
    DELAYED_ANTI("yang19.dlyanti", true, false, 500);

    private final String taskName;
    private final boolean anti;
    private final boolean reactionTime;
    private final double delayMs;

    Variant(String taskName, boolean anti, boolean reactionTime, double delayMs) {
      this.taskName = taskName;
      this.anti = anti;
      this.reactionTime = reactionTime;
      this.delayMs = delayMs;
    }

    /** The task's name without version, e.g. {@code yang19.go}; neurogym's id is this plus {@code -v0}. */
    public String taskName() {
      return taskName;
    }

    /** The periods of a trial, in order. */
    public List<String> periods() {
      return reactionTime ? List.of("fixation", "decision") : List.of("fixation", "stimulus", "delay", "decision");
    }

    /** Whether the answer is the direction opposite to the one shown. */
    public boolean anti() {
      return anti;
    }
  }

  private final Variant variant;

  private Yang19Reach(Builder b) {
    super(b.variant.taskName, b, b.variant.periods(), true);
    this.variant = b.variant;
  }

  /** A builder for {@code yang19.go-v0} with neurogym's defaults. */
  public static Builder go() {
    return new Builder(Variant.GO);
  }

  /** A builder for {@code yang19.rtgo-v0} with neurogym's defaults. */
  public static Builder reactionTimeGo() {
    return new Builder(Variant.REACTION_TIME_GO);
  }

  /** A builder for {@code variant} with neurogym's defaults. */
  public static Builder builder(Variant variant) {
    return new Builder(Objects.requireNonNull(variant, "variant"));
  }

  /** A builder holding this task's settings, including timing the variant ignores. */
  public Builder toBuilder() {
    Builder b = new Builder(variant).dtMs(dtMs());
    timingSettings().forEach(b::timing);
    return b;
  }

  /** Which of the reach tasks this is. */
  public Variant variant() {
    return variant;
  }

  @Override
  Trial sample(RandomGenerator rng, int modality) {
    int groundTruth = rng.nextInt(DIM_RING);
    int shown = variant.anti ? (groundTruth + DIM_RING / 2) % DIM_RING : groundTruth;
    TrialBuilder b = newTrial(variant.periods(), rng);
    for (String p : variant.reactionTime ? List.of("fixation") : List.of("fixation", "stimulus", "delay")) {
      b.addInput(p, 0, 1.0);
    }
    b.addInput(variant.reactionTime ? "decision" : "stimulus", firstRingChannel(modality), bump(shown))
        .setTarget("decision", 1 + groundTruth)
        .respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("modality", (double) modality);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link Yang19Reach} task; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private final Variant variant;

    private Builder(Variant variant) {
      super(100);
      this.variant = variant;
      defaultTiming("fixation", Timing.constant(500));
      defaultTiming("stimulus", Timing.constant(500));
      defaultTiming("delay", Timing.constant(variant.delayMs));
      defaultTiming("decision", Timing.constant(500));
    }

    /** Shorthand for {@code timing("stimulus", Timing.constant(ms))}; no effect on the reaction-time variants. */
    public Builder stimulusMs(double ms) {
      return timing("stimulus", Timing.constant(ms));
    }

    @Override
    public Yang19Reach build() {
      return new Yang19Reach(this);
    }
  }
}
