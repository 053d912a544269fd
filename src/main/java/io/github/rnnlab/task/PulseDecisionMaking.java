package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Counting pulses (Scott et al. 2015, "Sources of noise during accumulation of evidence in unrestrained and
 * voluntarily head-restrained rats", eLife 4:e11308): neurogym's {@code PulseDecisionMaking-v0}. Two streams flash
 * brief pulses in {@code nBin} bins; report the stream with more pulses.
 *
 * <p>Each trial takes the pulse probabilities {@code pPulse} in a random order (swapped with probability ½), draws
 * each bin's pulse of stream 1 and then of stream 2, and the ground truth is 1 if stream 2 has more pulses, 0 if
 * stream 1 has; ties are broken at random (neurogym's ±0.1 jitter). Periods: fixation, then {@code cue0, bin0, …}
 * for each bin, then decision. Inputs: {@code fixation} is 1 until the decision; {@code stimulus 1} and
 * {@code stimulus 2} are 1 during cue {@code i} if stream 1 (2) pulses in bin {@code i}. No noise. Targets: 0, then
 * {@code 1 + g} in the decision period, where the answer is read. Trial variables: {@code ground_truth},
 * {@code pulses1}, {@code pulses2} (the counts).
 *
 * <p>Defaults (neurogym's): dt 10 ms; fixation 500, each cue 10, each bin 240, decision 500 ms; pPulse (0.3, 0.7),
 * 6 bins. The 10 ms cues last a step only for dt ≤ 10: at a coarser dt they floor to 0 steps and the pulses vanish,
 * as in neurogym, so the task then has no evidence.
 */
public final class PulseDecisionMaking extends AbstractTask {
  private final double[] pPulse;
  private final int nBin;

  private PulseDecisionMaking(Builder b) {
    super("PulseDecisionMaking", b, periods(b.nBin), List.of("fixation", "stimulus 1", "stimulus 2"),
        List.of("fixation", "choice 1", "choice 2"));
    this.pPulse = b.pPulse.clone();
    this.nBin = b.nBin;
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static List<String> periods(int nBin) {
    List<String> periods = new ArrayList<>(List.of("fixation"));
    for (int i = 0; i < nBin; i++) {
      periods.add("cue" + i);
      periods.add("bin" + i);
    }
    periods.add("decision");
    return periods;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    boolean swap = rng.nextDouble() < 0.5;
    double p1 = swap ? pPulse[1] : pPulse[0];
    double p2 = swap ? pPulse[0] : pPulse[1];
    boolean[][] pulses = new boolean[2][nBin];
    int[] counts = new int[2];
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < nBin; i++) {
        pulses[s][i] = rng.nextDouble() < (s == 0 ? p1 : p2);
        counts[s] += pulses[s][i] ? 1 : 0;
      }
    }
    int groundTruth = counts[0] == counts[1] ? rng.nextInt(2) : counts[0] < counts[1] ? 1 : 0;
    TrialBuilder b = newTrial(periodNames(), rng);
    for (String p : periodNames()) {
      if (!p.equals("decision")) {
        b.addInput(p, 0, 1.0);
      }
    }
    for (int i = 0; i < nBin; i++) {
      for (int s = 0; s < 2; s++) {
        if (pulses[s][i]) {
          b.addInput("cue" + i, 1 + s, 1.0);
        }
      }
    }
    b.setTarget("decision", 1 + groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    info.put("pulses1", (double) counts[0]);
    info.put("pulses2", (double) counts[1]);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link PulseDecisionMaking}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private static final int DEFAULT_BINS = 6;
    private double[] pPulse = {0.3, 0.7};
    private int nBin = DEFAULT_BINS;

    private Builder() {
      super(10);
      defaultTiming("fixation", Timing.constant(500));
      binTimings(DEFAULT_BINS);
      defaultTiming("decision", Timing.constant(500));
    }

    /** Default timings for the cues and bins that have none yet. */
    private void binTimings(int bins) {
      for (int i = 0; i < bins; i++) {
        if (!timing().containsKey("cue" + i)) {
          defaultTiming("cue" + i, Timing.constant(10));
          defaultTiming("bin" + i, Timing.constant(240));
        }
      }
    }

    /** The pulse probabilities of the two streams, in [0, 1] (default 0.3 and 0.7; their order is drawn per trial). */
    public Builder pPulse(double first, double second) {
      this.pPulse = new double[] {Checks.inRange("pPulse", first, 0, 1), Checks.inRange("pPulse", second, 0, 1)};
      return this;
    }

    /** The number of bins (default 6); set it before overriding the timing of cues and bins beyond the sixth. */
    public Builder nBin(int nBin) {
      this.nBin = Checks.positive("nBin", nBin);
      binTimings(nBin);
      return this;
    }

    @Override
    public PulseDecisionMaking build() {
      return new PulseDecisionMaking(this);
    }
  }
}
