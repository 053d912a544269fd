package io.github.rnnlab.data;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.task.StoreRecall;
import io.github.rnnlab.task.Trial;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Training batches for {@link StoreRecall} as the tutorial's LSTM notebook draws them: each batch draws one block
 * length L uniformly from the task's range, and each of its columns is one fresh trial whose blocks all last L steps,
 * so a batch is {@code repeats · L} steps long and needs no padding, and every column starts at a trial's start (the
 * hidden state starts at 0 there). Varying L from batch to batch keeps the network from relying on the timing. Not
 * thread-safe; the same seed gives the same batches.
 */
public final class StoreRecallBatches implements BatchSource {
  private final StoreRecall task;
  private final int batchSize;
  private final SplittableRandom rng;

  private StoreRecallBatches(StoreRecall task, int batchSize, long seed) {
    this.task = Objects.requireNonNull(task, "task");
    this.batchSize = Checks.positive("batchSize", batchSize);
    this.rng = new SplittableRandom(seed);
  }

  /**
   * Batches of {@code batchSize} trials of {@code task}, drawn with {@code seed} (the notebook uses 16).
   *
   * @throws IllegalArgumentException if {@code batchSize} is not positive
   */
  public static StoreRecallBatches of(StoreRecall task, int batchSize, long seed) {
    return new StoreRecallBatches(task, batchSize, seed);
  }

  /** The next batch: (repeats · L, batchSize, 3) inputs and (repeats · L, batchSize, 1) float targets. */
  @Override
  public Batch next() {
    int length = task.minBlockSteps() + rng.nextInt(task.maxBlockSteps() - task.minBlockSteps() + 1);
    List<Trial> trials = task.toBuilder().blockSteps(length, length).build().trials(rng.nextLong()).next(batchSize);
    int steps = trials.get(0).steps();
    int channels = task.inputSize();
    float[] inputs = new float[steps * batchSize * channels];
    float[] targets = new float[steps * batchSize];
    for (int b = 0; b < batchSize; b++) {
      Trial trial = trials.get(b);
      for (int t = 0; t < steps; t++) {
        int row = t * batchSize + b;
        for (int c = 0; c < channels; c++) {
          inputs[row * channels + c] = trial.input(t, c);
        }
        targets[row] = trial.targetValue(t, 0);
      }
    }
    return Batch.ofValues(steps, batchSize, channels, inputs, 1, targets);
  }
}
