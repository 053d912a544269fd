package io.github.rnnlab.data;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.task.Period;
import io.github.rnnlab.task.Response;
import io.github.rnnlab.task.Timing;
import io.github.rnnlab.task.Trial;
import java.util.List;

/**
 * Per-step loss weights relative to a trial's response onset, as Yang et al. 2019 weight their loss (their
 * {@code c_mask}): steps in the first {@code ignoreFirstMs} of the trial get weight 0; steps from there to the
 * response onset get {@code preResponseWeight}; a grace period of {@code graceMs} after the onset gets 0 (the network
 * may take a moment to answer); every later step gets {@code responseWeight}. The response onset is the start of the
 * trial's first response window ({@link Trial#responses()}), or of its last period if it has none. Weights multiply
 * any the trial already has, and a trial-aligned batch masks its padding out as well. Yang et al.'s 100 ms grace
 * period suits their 500 ms response periods; on tasks that answer in 100 ms (perceptual decision making at its
 * defaults) it would mask the whole answer, so use a shorter one there, e.g. {@code new CostMask(100, 1, 0, 5)}.
 *
 * @param ignoreFirstMs how long the start of the trial is not scored, in ms
 * @param preResponseWeight the weight of the steps before the response
 * @param graceMs how long after the response onset is not scored, in ms
 * @param responseWeight the weight of the steps after the grace period
 */
public record CostMask(double ignoreFirstMs, double preResponseWeight, double graceMs, double responseWeight) {

  /**
   * A cost mask.
   *
   * @throws IllegalArgumentException if a duration or weight is negative or not finite
   */
  public CostMask {
    Checks.nonNegative("ignoreFirstMs", ignoreFirstMs);
    Checks.nonNegative("preResponseWeight", preResponseWeight);
    Checks.nonNegative("graceMs", graceMs);
    Checks.nonNegative("responseWeight", responseWeight);
  }

  /**
   * Yang et al. 2019's mask: the first 100 ms not scored, weight 1 before the response, a 100 ms grace period after
   * the go cue, weight 5 after it (gyyang/multitask, {@code Trial.add_c_mask}).
   */
  public static CostMask yang2019() {
    return new CostMask(100, 1, 100, 5);
  }

  /** Every step of the trial weighted 1: only the padding of a trial-aligned batch is masked out. */
  public static CostMask none() {
    return new CostMask(0, 1, 0, 1);
  }

  /** The weight of each step of {@code trial} (steps counted from the trial's start). */
  public float[] weights(Trial trial) {
    List<Response> responses = trial.responses();
    List<Period> periods = trial.periods();
    int onset = responses.isEmpty() ? periods.get(periods.size() - 1).start() : responses.get(0).start();
    int ignore = Timing.steps(ignoreFirstMs, trial.dtMs());
    int graceEnd = onset + Timing.steps(graceMs, trial.dtMs());
    float[] w = new float[trial.steps()];
    for (int t = 0; t < w.length; t++) {
      w[t] = (float) (t < ignore ? 0 : t < onset ? preResponseWeight : t < graceEnd ? 0 : responseWeight);
    }
    return w;
  }
}
