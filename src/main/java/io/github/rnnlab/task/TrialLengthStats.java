package io.github.rnnlab.task;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long a task's trials are, in steps, over a sample of trials (neurogym's {@code trial_length_stats}): pick a
 * {@code seqLen} for back-to-back windows from it rather than guessing, or use trial-aligned batches, which need none.
 *
 * @param trials the number of trials measured
 * @param meanSteps the mean length
 * @param stdSteps the standard deviation of the length (population, as NumPy's {@code std})
 * @param minSteps the shortest trial
 * @param percentile95Steps the 95th percentile (the smallest length at least 95 % of the trials do not exceed)
 * @param maxSteps the longest trial
 */
public record TrialLengthStats(int trials, double meanSteps, double stdSteps, int minSteps, int percentile95Steps,
    int maxSteps) {

  /** The statistics of the lengths of {@code trials}. */
  static TrialLengthStats of(List<Trial> trials) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("trial length statistics need at least one trial");
    }
    int[] steps = trials.stream().mapToInt(Trial::steps).sorted().toArray();
    double mean = Arrays.stream(steps).average().orElseThrow();
    double var = Arrays.stream(steps).mapToDouble(s -> (s - mean) * (s - mean)).sum() / steps.length;
    int p95 = steps[(int) Math.ceil(0.95 * steps.length) - 1];
    return new TrialLengthStats(steps.length, mean, Math.sqrt(var), steps[0], p95, steps[steps.length - 1]);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d trials: mean %.1f steps (sd %.1f), min %d, 95th percentile %d, max %d",
        trials, meanSteps, stdSteps, minSteps, percentile95Steps, maxSteps);
  }
}
