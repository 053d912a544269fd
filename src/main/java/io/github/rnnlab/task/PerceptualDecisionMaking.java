package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Two-alternative forced choice on a noisy stimulus (random-dot motion, Britten et al. 1992): neurogym's
 * {@code PerceptualDecisionMaking-v0} as the tutorial used it, and its two collection variants
 * {@code perceptualdecisionmaking.roitman02-v0} (reaction time) and {@code perceptualdecisionmaking.ibl20-v0}
 * (biased blocks).
 *
 * <p>Each trial draws a ground truth {@code g} in {@code 0..dimRing-1} and a coherence {@code c} from
 * {@link #cohs()}, then periods fixation, stimulus, delay and decision. Inputs: channel 0 ("fixation") is 1 during
 * fixation, stimulus and delay and 0 in the decision period, which is the go cue; channels {@code 1..dimRing}
 * ("stimulus i") carry {@code cos(θ_i − θ_g)·c/200 + 0.5}, θ_i = 2πi/dimRing, plus N(0, σ²/dt) noise, during the
 * stimulus only. Targets: 0 (fixate) except {@code 1 + g} in the decision period, where the answer is read.
 * Trial variables: {@code ground_truth} and {@code coherence}.
 *
 * <p>The fixation channel follows the neurogym release the tutorial used. Later neurogym releases switch it off at
 * stimulus onset, which removes the go cue: the network can no longer tell when to answer, so we keep the tutorial's
 * behaviour.
 *
 * <p><b>Reaction time</b> ({@link Builder#reactionTime}, neurogym's {@code roitman02}: the task wrapped in
 * {@code ReactionTime}): the trial ends with the stimulus (periods fixation and stimulus only), the fixation input is
 * on during the fixation period only, so stimulus onset is the go cue, and the target is {@code 1 + g} from the
 * second stimulus step on. neurogym builds this target only inside {@code step()}, so its own supervised
 * {@code Dataset} silently serves plain trials; here the trials themselves carry it.
 *
 * <p><b>Biased blocks</b> ({@link Builder#blocks}, neurogym's {@code ibl20}: blocks of 90 trials in which ground
 * truth 0 has probability 0.8, then 0.2, alternating): a stream's trial {@code i} is in block {@code ⌊i/90⌋}, which
 * the inputs do not show. Trial variables add {@code block} (0 or 1) and {@code prior} (the probability of ground
 * truth 0). A trial drawn on its own, outside a stream, draws its block with probability ½.
 *
 * <p>Defaults follow neurogym: dt 100 ms, fixation 100, stimulus 2000, delay 0, decision 100 ms, σ = 1,
 * coherences {0, 6.4, 12.8, 25.6, 51.2}. The tutorial uses dt 20 and a 1000 ms stimulus (60 steps a trial):
 * {@code PerceptualDecisionMaking.builder().dtMs(20).timing("stimulus", Timing.constant(1000)).build()}.
 */
public final class PerceptualDecisionMaking extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");
  private static final List<String> REACTION_PERIODS = List.of("fixation", "stimulus");

  private final List<Double> cohs;
  private final double sigma;
  private final int dimRing;
  private final boolean reactionTime;
  private final int blockTrials;
  private final double blockPrior;

  private PerceptualDecisionMaking(Builder b) {
    super(b.reactionTime ? "perceptualdecisionmaking.roitman02" : b.blockTrials > 0
            ? "perceptualdecisionmaking.ibl20" : "PerceptualDecisionMaking", b,
        b.reactionTime ? REACTION_PERIODS : PERIODS, concat("fixation", numbered("stimulus", b.dimRing())),
        concat("fixation", numbered("choice", b.dimRing())));
    this.cohs = List.copyOf(b.cohs);
    this.sigma = b.sigma();
    this.dimRing = b.dimRing();
    this.reactionTime = b.reactionTime;
    this.blockTrials = b.blockTrials;
    this.blockPrior = b.blockPrior;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this task's settings. */
  public Builder toBuilder() {
    Builder b = new Builder().dtMs(dtMs()).cohs(cohs).sigma(sigma).dimRing(dimRing).reactionTime(reactionTime);
    timingSettings().forEach(b::timing);
    return blockTrials > 0 ? b.blocks(blockTrials, blockPrior) : b;
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

  /** Whether this is the reaction-time variant (roitman02). */
  public boolean reactionTime() {
    return reactionTime;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    return sample(rng, blockTrials > 0 ? rng.nextInt(2) : -1);
  }

  /** Trial {@code index} of a stream: with biased blocks, its block is {@code ⌊index / trials per block⌋ mod 2}. */
  @Override
  public Trial sampleTrial(RandomGenerator rng, long index) {
    return sample(rng, blockTrials > 0 ? (int) ((index / blockTrials) % 2) : -1);
  }

  private Trial sample(RandomGenerator rng, int block) {
    double prior = block == 0 ? blockPrior : 1 - blockPrior;
    int groundTruth = block < 0 ? rng.nextInt(dimRing) : rng.nextDouble() < prior ? 0 : 1;
    double coh = cohs.get(rng.nextInt(cohs.size()));
    TrialBuilder b = newTrial(periodNames(), rng);
    for (String p : reactionTime ? List.of("fixation") : List.of("fixation", "stimulus", "delay")) {
      b.addInput(p, 0, 1.0);
    }
    b.addNoisyInput("stimulus", 1, Rings.coherence(dimRing, groundTruth, coh), sigma / Math.sqrt(dtMs()), rng);
    if (reactionTime) {
      Period stimulus = b.period("stimulus");
      b.setTarget(Math.min(stimulus.start() + 1, stimulus.end()), stimulus.end(), 1 + groundTruth)
          .respondIn("stimulus");
    } else {
      b.setTarget("decision", 1 + groundTruth).respondIn("decision");
    }
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("coherence", coh);
    if (block >= 0) {
      info.put("block", (double) block);
      info.put("prior", prior);
    }
    return b.build(groundTruth, info);
  }

  @Override
  public String toString() {
    return name() + "[dtMs=" + dtMs() + ", timing=" + timing() + ", cohs=" + cohs + ", sigma=" + sigma + "]";
  }

  /** Settings of a {@link PerceptualDecisionMaking} task; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.RingBuilder<Builder> {
    private List<Double> cohs = List.of(0.0, 6.4, 12.8, 25.6, 51.2);
    private boolean reactionTime;
    private int blockTrials;
    private double blockPrior = 0.8;

    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(100));
      defaultTiming("stimulus", Timing.constant(2000));
      defaultTiming("delay", Timing.constant(0));
      defaultTiming("decision", Timing.constant(100));
    }

    /** Shorthand for {@code timing("stimulus", Timing.constant(ms))}. */
    public Builder stimulusMs(double ms) {
      return timing("stimulus", Timing.constant(ms));
    }

    /** The coherences to draw from, in percent (default 0, 6.4, 12.8, 25.6, 51.2). */
    public Builder cohs(List<Double> cohs) {
      this.cohs = Rings.checkedValues("cohs", cohs);
      return this;
    }


    /** The reaction-time variant, neurogym's {@code roitman02} (default false); see the class comment. */
    public Builder reactionTime(boolean reactionTime) {
      this.reactionTime = reactionTime;
      return this;
    }

    /**
     * Biased blocks, neurogym's {@code ibl20} with {@code blocks(90, 0.8)}: in even blocks of {@code trialsPerBlock}
     * trials ground truth 0 has probability {@code prior}, in odd blocks {@code 1 − prior}. Needs two choices.
     *
     * @throws IllegalArgumentException if {@code trialsPerBlock} is not positive or {@code prior} is not in [0, 1]
     */
    public Builder blocks(int trialsPerBlock, double prior) {
      this.blockTrials = Checks.positive("trialsPerBlock", trialsPerBlock);
      this.blockPrior = Checks.inRange("prior", prior, 0, 1);
      return this;
    }

    /**
     * The task.
     *
     * @throws IllegalArgumentException if biased blocks are asked for with more than two choices, or together with
     *     reaction time
     */
    @Override
    public PerceptualDecisionMaking build() {
      if (blockTrials > 0 && (dimRing() != 2 || reactionTime)) {
        throw new IllegalArgumentException("biased blocks need two choices and no reaction time (as ibl20); got "
            + "dimRing " + dimRing() + ", reactionTime " + reactionTime);
      }
      return new PerceptualDecisionMaking(this);
    }
  }
}
