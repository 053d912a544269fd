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
 * The reach ("go") tasks of neurogym's {@code yang19} collection (Yang et al. 2019, Nat. Neurosci.): the network
 * fixates, sees a direction on one of two input rings and answers by choosing that direction. The two variants are
 * neurogym's {@code yang19.go-v0} ({@link Variant#GO}) and {@code yang19.rtgo-v0} ({@link Variant#REACTION_TIME_GO}),
 * with the same inputs, outputs and targets as neurogym builds them.
 *
 * <p><b>Channels.</b> 33 inputs: channel 0 {@code "fixation"}, then two rings of 16 directions,
 * {@code "ring 1 dir 1".."ring 1 dir 16"} (channels 1–16, neurogym's modality 0) and
 * {@code "ring 2 dir 1".."ring 2 dir 16"} (channels 17–32, modality 1). Direction {@code k} of a ring (1-based) is the
 * angle θ = 2π(k−1)/16. 17 outputs: label 0 {@code "fixation"} and {@code "choice 1".."choice 16"}, one per direction.
 *
 * <p><b>Trial.</b> Each trial draws a ground truth {@code g} in 0..15 (the direction θ_g) and shows it on one ring, the
 * trial's modality {@code m}: ring channel {@code 1 + 16m + j} carries the bump {@code 0.8·exp(−d_j²/2)}, where
 * {@code d_j = min(|j − g|, 16 − |j − g|)} is the circular distance from direction {@code g} in units of 2π/16. So the
 * peak 0.8 is on channel {@code 1 + 16m + g}, its neighbours carry 0.4852, then 0.1083, 0.0089, and the other ring
 * stays 0. The bump is constant in time and there is no input noise at all (neurogym's reach tasks take no
 * {@code sigma}); a trial is determined by {@code g} and {@code m}.
 * <ul>
 *   <li>{@link Variant#GO}: periods fixation, stimulus, delay, decision. The fixation channel is 1 in fixation,
 *       stimulus and delay and 0 in decision (the go cue); the bump is on during the stimulus only.</li>
 *   <li>{@link Variant#REACTION_TIME_GO}: periods fixation and decision only. The fixation channel is 1 in fixation;
 *       the bump comes on with the decision period (stimulus onset is the go cue) and stays on through it. neurogym
 *       keeps {@code stimulus} and {@code delay} entries in this task's timing but never uses them, so the tutorial's
 *       {@code timing={'stimulus': 1000}} has no effect on rtgo; {@link Builder#timing} accepts and ignores them
 *       the same way, and {@link #timing()} lists only the periods the trial has.</li>
 * </ul>
 * Targets are 0 (fixate) except {@code 1 + g} in the decision period. Trial variables: {@code ground_truth} (g, 0..15)
 * and {@code modality} (m, 0 for ring 1, 1 for ring 2; neurogym keeps it only as the wrapper's {@code i_env}). The
 * constant {@code anti = False} that neurogym adds is left out.
 *
 * <p>Defaults follow neurogym: dt 100 ms, fixation 500, stimulus 500, delay 0, decision 500 ms. The tutorial's
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
 *
 * <p>neurogym's collection has 18 more {@code yang19} tasks (dlygo, anti, rtanti, dlyanti, the dm and
 * delayed-match families); they are not implemented yet.
 */
public final class Yang19Reach implements Task {
  /** Directions per ring, and the number of choices. */
  private static final int DIM_RING = 16;
  /** Rings (modalities) the stimulus can appear on. */
  private static final int MODALITIES = 2;
  /** Height of the bump at its peak; neurogym's reach tasks use 0.8, not 1. */
  private static final double BUMP_PEAK = 0.8;
  /** The periods whose timing can be set: neurogym's timing keys for the reach tasks, in trial order. */
  private static final List<String> TIMING_PERIODS = List.of("fixation", "stimulus", "delay", "decision");
  private static final List<String> INPUT_NAMES = channelNames();
  private static final List<String> OUTPUT_NAMES = choiceNames();

  /** The two tasks; each knows its neurogym id, its periods and where the bump and fixation cue go. */
  public enum Variant {
    /** neurogym's {@code yang19.go-v0}: the direction is shown before the go cue. */
    GO("yang19.go", List.of("fixation", "stimulus", "delay", "decision"), List.of("fixation", "stimulus", "delay"),
        "stimulus"),
    /** neurogym's {@code yang19.rtgo-v0}: the direction appears with the go cue and the answer may come at once. */
    REACTION_TIME_GO("yang19.rtgo", List.of("fixation", "decision"), List.of("fixation"), "decision");

    private final String taskName;
    private final List<String> periods;
    private final List<String> fixationPeriods;
    private final String bumpPeriod;

    Variant(String taskName, List<String> periods, List<String> fixationPeriods, String bumpPeriod) {
      this.taskName = taskName;
      this.periods = periods;
      this.fixationPeriods = fixationPeriods;
      this.bumpPeriod = bumpPeriod;
    }

    /** The task's name without version, e.g. {@code yang19.go}; neurogym's id is this plus {@code -v0}. */
    public String taskName() {
      return taskName;
    }

    /** The periods of a trial, in order. */
    public List<String> periods() {
      return periods;
    }
  }

  private final Variant variant;
  private final double dtMs;
  private final Map<String, Timing> timing;
  private final Map<String, Timing> periodTiming;

  private Yang19Reach(Builder b) {
    this.variant = b.variant;
    this.dtMs = b.dtMs;
    this.timing = Map.copyOf(b.timing);
    Map<String, Timing> used = new LinkedHashMap<>();
    for (String p : variant.periods) {
      used.put(p, b.timing.get(p));
    }
    this.periodTiming = Collections.unmodifiableMap(used);
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
    Builder b = new Builder(variant).dtMs(dtMs);
    timing.forEach(b::timing);
    return b;
  }

  /** Which of the reach tasks this is. */
  public Variant variant() {
    return variant;
  }

  @Override
  public String name() {
    return variant.taskName;
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  @Override
  public List<String> inputNames() {
    return INPUT_NAMES;
  }

  @Override
  public List<String> outputNames() {
    return OUTPUT_NAMES;
  }

  @Override
  public List<String> periodNames() {
    return variant.periods;
  }

  /** The timing of each period the trial has (for rtgo, fixation and decision only), in trial order. */
  @Override
  public Map<String, Timing> timing() {
    return periodTiming;
  }

  /** The number of directions per ring (16), which is also the number of choices. */
  public int dimRing() {
    return DIM_RING;
  }

  /**
   * Draws one trial on a ring chosen with probability ½ each. Used alone, with no stream to alternate in; the
   * trials of a stream ({@link #trials(long)}, a {@code Dataset} column) alternate rings as neurogym's do.
   */
  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    return sampleTrialWithModality(rng, rng.nextInt(MODALITIES));
  }

  /**
   * Draws one trial with the direction on ring {@code modality + 1}; the ground truth is the only random draw unless
   * the timing is random.
   *
   * @throws IllegalArgumentException if {@code modality} is not 0 or 1
   */
  public Trial sampleTrialWithModality(RandomGenerator rng, int modality) {
    if (modality < 0 || modality >= MODALITIES) {
      throw new IllegalArgumentException("modality must be 0 (ring 1) or 1 (ring 2); got " + modality);
    }
    int groundTruth = rng.nextInt(DIM_RING);
    TrialBuilder b = new TrialBuilder(dtMs, INPUT_NAMES.size()).addPeriods(variant.periods, timing, rng);
    for (String p : variant.fixationPeriods) {
      b.addInput(p, 0, 1.0);
    }
    b.addInput(variant.bumpPeriod, firstRingChannel(modality), bump(groundTruth))
        .setTarget("decision", 1 + groundTruth);
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("modality", (double) modality);
    return b.build(groundTruth, info);
  }

  /** Trial {@code index} of a stream: rings alternate, ring 1 first, as neurogym's {@code ScheduleEnvs} does. */
  @Override
  public Trial sampleTrial(RandomGenerator rng, long index) {
    return sampleTrialWithModality(rng, (int) (index % MODALITIES));
  }

  /** The input channel of direction 0 on ring {@code modality + 1}. */
  static int firstRingChannel(int modality) {
    return 1 + DIM_RING * modality;
  }

  /** The ring's input for direction {@code peak}: {@code 0.8·exp(−d²/2)} at circular distance d (in directions). */
  static double[] bump(int peak) {
    double[] values = new double[DIM_RING];
    for (int j = 0; j < DIM_RING; j++) {
      int d = Math.abs(j - peak);
      d = Math.min(d, DIM_RING - d);
      values[j] = BUMP_PEAK * Math.exp(-d * d / 2.0);
    }
    return values;
  }

  @Override
  public String toString() {
    return name() + "[dtMs=" + dtMs + ", timing=" + periodTiming + "]";
  }

  private static List<String> channelNames() {
    List<String> names = new ArrayList<>(List.of("fixation"));
    for (int m = 1; m <= MODALITIES; m++) {
      for (int k = 1; k <= DIM_RING; k++) {
        names.add("ring " + m + " dir " + k);
      }
    }
    return List.copyOf(names);
  }

  private static List<String> choiceNames() {
    List<String> names = new ArrayList<>(List.of("fixation"));
    for (int k = 1; k <= DIM_RING; k++) {
      names.add("choice " + k);
    }
    return List.copyOf(names);
  }

  /** Settings of a {@link Yang19Reach} task; defaults are neurogym's. */
  public static final class Builder {
    private final Variant variant;
    private double dtMs = 100;
    private final Map<String, Timing> timing = new LinkedHashMap<>(Map.of(
        "fixation", Timing.constant(500),
        "stimulus", Timing.constant(500),
        "delay", Timing.constant(0),
        "decision", Timing.constant(500)));

    private Builder(Variant variant) {
      this.variant = variant;
    }

    /** The time step in ms (default 100). */
    public Builder dtMs(double dtMs) {
      Checks.positive("dtMs", dtMs);
      this.dtMs = dtMs;
      return this;
    }

    /**
     * Overrides the timing of one period: fixation, stimulus, delay or decision (defaults 500, 500, 0, 500 ms). As in
     * neurogym, the reaction-time variant accepts stimulus and delay but has no such periods, so they have no effect.
     */
    public Builder timing(String period, Timing periodTiming) {
      if (!TIMING_PERIODS.contains(period)) {
        throw new IllegalArgumentException("unknown period '" + period + "'; allowed: " + TIMING_PERIODS);
      }
      timing.put(period, Objects.requireNonNull(periodTiming, "periodTiming"));
      return this;
    }

    /** Shorthand for {@code timing("stimulus", Timing.constant(ms))}; no effect on the reaction-time variant. */
    public Builder stimulusMs(double ms) {
      return timing("stimulus", Timing.constant(ms));
    }

    /** The task. */
    public Yang19Reach build() {
      return new Yang19Reach(this);
    }
  }
}
