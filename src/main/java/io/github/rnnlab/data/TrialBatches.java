package io.github.rnnlab.data;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Trial;
import io.github.rnnlab.task.TrialStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Trial-aligned supervised batches, beside neurogym's back-to-back {@link Dataset}: each batch column holds one whole
 * trial, starting at step 0, and the batch is as long as its longest trial. Shorter trials are padded with zero
 * inputs and a loss weight of 0, so the padding is masked out of the loss and gets no gradient; a {@link CostMask}
 * can weight the steps of each trial as well (e.g. Yang et al. 2019's). Each batch lists its trials with their
 * variables ({@link Batch#trials()}). There is no {@code seqLen} to choose; {@link Task#trialLengthStats} tells how
 * long batches will be.
 *
 * <p>The trials come from one seeded stream of the task ({@link Task#trials(long)}), in order, column by column and
 * batch after batch: the same seed gives the same batches. Not thread-safe.
 */
public final class TrialBatches implements BatchSource {
  private final Task task;
  private final int batchSize;
  private final CostMask costMask;
  private final TrialStream stream;

  private TrialBatches(Task task, int batchSize, CostMask costMask, long seed) {
    this.task = Objects.requireNonNull(task, "task");
    this.batchSize = Checks.positive("batchSize", batchSize);
    this.costMask = Objects.requireNonNull(costMask, "costMask");
    this.stream = task.trials(seed);
  }

  /**
   * Batches of {@code batchSize} trials of {@code task}, drawn with {@code seed}, with only the padding masked.
   *
   * @throws IllegalArgumentException if {@code batchSize} is not positive
   */
  public static TrialBatches of(Task task, int batchSize, long seed) {
    return new TrialBatches(task, batchSize, CostMask.none(), seed);
  }

  /**
   * Batches of {@code batchSize} trials of {@code task}, drawn with {@code seed}, weighted by {@code costMask}.
   *
   * @throws IllegalArgumentException if {@code batchSize} is not positive
   */
  public static TrialBatches of(Task task, int batchSize, long seed, CostMask costMask) {
    return new TrialBatches(task, batchSize, costMask, seed);
  }

  /** The task the trials come from. */
  public Task task() {
    return task;
  }

  /** The number of trials in a batch. */
  public int batchSize() {
    return batchSize;
  }

  /** The next batch: the stream's next {@code batchSize} trials, one per column, padded to the longest. */
  @Override
  public Batch next() {
    return batchOf(stream.next(batchSize), costMask);
  }

  /**
   * A trial-aligned batch of {@code trials} (one per column, in order), padded to the longest and weighted by
   * {@code costMask}.
   *
   * @throws IllegalArgumentException if there are no trials, or they differ in inputs or targets
   */
  public static Batch batchOf(List<Trial> trials, CostMask costMask) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one trial; got none");
    }
    Trial first = trials.get(0);
    int nIn = first.inputSize();
    int k = first.targetSize();
    boolean labels = first.hasLabels();
    int seqLen = 0;
    for (Trial t : trials) {
      if (t.inputSize() != nIn || t.hasLabels() != labels || t.targetSize() != k) {
        throw new IllegalArgumentException("the trials of a batch must share inputs and targets; got " + first
            + " and " + t);
      }
      seqLen = Math.max(seqLen, t.steps());
    }
    int n = trials.size();
    float[] inputs = new float[seqLen * n * nIn];
    int @Nullable [] targetLabels = labels ? new int[seqLen * n] : null;
    float @Nullable [] targetValues = labels ? null : new float[seqLen * n * k];
    float[] weights = new float[seqLen * n * k];
    List<BatchTrial> placed = new ArrayList<>(n);
    for (int b = 0; b < n; b++) {
      Trial trial = trials.get(b);
      placed.add(new BatchTrial(b, 0, trial));
      float[] stepWeights = costMask.weights(trial);
      for (int t = 0; t < trial.steps(); t++) {
        int row = t * n + b;
        for (int c = 0; c < nIn; c++) {
          inputs[row * nIn + c] = trial.input(t, c);
        }
        for (int c = 0; c < k; c++) {
          if (targetLabels != null) {
            targetLabels[row] = trial.target(t);
          } else {
            targetValues[row * k + c] = trial.targetValue(t, c);
          }
          weights[row * k + c] = stepWeights[t] * trial.weight(t, c);
        }
      }
    }
    return new Batch(seqLen, n, nIn, inputs, targetLabels, targetValues, weights, placed);
  }

  @Override
  public String toString() {
    return "TrialBatches[" + task.name() + ", " + batchSize + " trials a batch, " + costMask + "]";
  }
}
