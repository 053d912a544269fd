package io.github.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What the 20 tasks of neurogym's {@code yang19} collection (Yang, Joglekar, Song, Newsome &amp; Wang 2019, "Task
 * representations in neural networks trained to perform many cognitive tasks", Nat. Neurosci. 22:297) share: the
 * channels, the ring code and, for the reach and match families, the alternation of the stimulus ring.
 *
 * <p><b>Channels.</b> 33 inputs: channel 0 {@code "fixation"}, then two rings of 16 directions,
 * {@code "ring 1 dir 1".."ring 1 dir 16"} (channels 1–16, neurogym's modality 1) and
 * {@code "ring 2 dir 1".."ring 2 dir 16"} (channels 17–32). Direction {@code k} of a ring (from 0) is the angle
 * θ = 2πk/16. 17 outputs: label 0 {@code "fixation"} and {@code "choice 1".."choice 16"}, label {@code 1 + k} for
 * direction {@code k}. The number of directions is fixed at neurogym's default, 16 (neurogym's bump keeps its width
 * π/8 whatever the number of directions, so other numbers change the code's shape).
 *
 * <p><b>Ring code.</b> A direction {@code g} shows on a ring as the bump {@code 0.8·exp(−d_j²/2)·strength}, where
 * {@code d_j} is the circular distance of channel {@code j} from {@code g} in units of π/8: peak 0.8, then 0.4852,
 * 0.1083, 0.0089, … (strength 1).
 *
 * <p><b>Rule inputs.</b> neurogym's tasks carry no rule (task identity) input; {@code ScheduleEnvs(env_input=True)}
 * appends one channel per task of a mix, on for the whole trial. {@link MultiTask} does that here, with the same
 * rule channels for every task of a set: {@code MultiTask.of(Yang19.ids(), dtMs)} is neurogym's 53-input mix of all
 * 20 tasks.
 */
public abstract sealed class Yang19Task extends AbstractTask permits Yang19Reach, Yang19DecisionMaking,
    Yang19DelayMatch {
  /** Directions per ring, and the number of choices. */
  static final int DIM_RING = 16;
  /** Rings (modalities). */
  static final int MODALITIES = 2;
  /** Height of the bump at its peak; neurogym's yang19 tasks use 0.8, not 1. */
  private static final double BUMP_PEAK = 0.8;
  private static final List<String> INPUT_NAMES = channelNames();
  private static final List<String> OUTPUT_NAMES = concat("fixation", numbered("choice", DIM_RING));

  /** neurogym's {@code yang19} collection in its own order, which is also the order of its rule inputs. */
  private static final List<String> NAMES = List.of("go", "rtgo", "dlygo", "anti", "rtanti", "dlyanti", "dm1", "dm2",
      "ctxdm1", "ctxdm2", "multidm", "dlydm1", "dlydm2", "ctxdlydm1", "ctxdlydm2", "multidlydm", "dms", "dnms", "dmc",
      "dnmc");

  private final boolean alternatesRings;

  Yang19Task(String name, Builder<?> settings, List<String> periods, boolean alternatesRings) {
    super(name, settings, periods, INPUT_NAMES, OUTPUT_NAMES);
    this.alternatesRings = alternatesRings;
  }

  /**
   * The registry ids of the 20 tasks in neurogym's collection order, {@code yang19.go-v0} … {@code yang19.dnmc-v0}:
   * {@code MultiTask.of(Yang19Task.ids(), dtMs)} gives them neurogym's rule inputs (channels 33–52).
   */
  public static List<String> ids() {
    return NAMES.stream().map(n -> "yang19." + n + "-v0").toList();
  }

  /** The number of directions per ring (16), which is also the number of choices. */
  public int dimRing() {
    return DIM_RING;
  }

  /**
   * Draws one trial. For the reach and match families, whose stimulus goes on one ring, the ring is chosen with
   * probability ½ each: a single trial has no stream to alternate in (see {@link #sampleTrial(RandomGenerator, long)}).
   */
  @Override
  public final Trial sampleTrial(RandomGenerator rng) {
    return sample(rng, alternatesRings ? rng.nextInt(MODALITIES) : -1);
  }

  /**
   * Trial {@code index} of a stream. For the reach and match families the rings alternate, ring 1 first, as
   * neurogym's {@code ScheduleEnvs} over two single-ring copies does; each stream keeps its own alternation.
   */
  @Override
  public final Trial sampleTrial(RandomGenerator rng, long index) {
    return sample(rng, alternatesRings ? (int) (index % MODALITIES) : -1);
  }

  /**
   * Draws one trial with the stimulus on ring {@code modality + 1} (reach and match families only).
   *
   * @throws IllegalArgumentException if {@code modality} is not 0 or 1, or this task fixes its rings (the decision
   *     family)
   */
  public final Trial sampleTrialWithModality(RandomGenerator rng, int modality) {
    if (!alternatesRings) {
      throw new IllegalArgumentException(name() + " shows its stimuli on fixed rings; it has no modality to choose");
    }
    if (modality < 0 || modality >= MODALITIES) {
      throw new IllegalArgumentException("modality must be 0 (ring 1) or 1 (ring 2); got " + modality);
    }
    return sample(rng, modality);
  }

  /** One trial on ring {@code modality + 1}, or with the task's own rings when {@code modality} is −1. */
  abstract Trial sample(RandomGenerator rng, int modality);

  /** The input channel of direction 0 on ring {@code modality + 1}. */
  static int firstRingChannel(int modality) {
    return 1 + DIM_RING * modality;
  }

  /** The ring's input for direction {@code peak} at strength 1: {@code 0.8·exp(−d²/2)} at circular distance d. */
  static double[] bump(int peak) {
    return bump(peak, 1);
  }

  /** The ring's input for direction {@code peak}: {@code 0.8·exp(−d²/2)·strength} at circular distance d. */
  static double[] bump(int peak, double strength) {
    double[] values = new double[DIM_RING];
    for (int j = 0; j < DIM_RING; j++) {
      int d = Math.abs(j - peak);
      d = Math.min(d, DIM_RING - d);
      values[j] = BUMP_PEAK * Math.exp(-d * d / 2.0) * strength;
    }
    return values;
  }

  /** The angle of direction {@code k}, 2πk/16, as neurogym stores it in trial variables. */
  static double theta(int k) {
    return Rings.angle(k, DIM_RING);
  }

  private static List<String> channelNames() {
    List<String> names = new ArrayList<>(List.of("fixation"));
    for (int m = 1; m <= MODALITIES; m++) {
      names.addAll(numbered("ring " + m + " dir", DIM_RING));
    }
    return List.copyOf(names);
  }
}
