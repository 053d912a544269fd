package io.github.rnnlab.data;

import io.github.rnnlab.task.Trial;
import java.util.Objects;

/**
 * Where a trial lies in a batch: batch column {@code column}, from step {@code start} of the batch. In a trial-aligned
 * batch every trial starts at 0; in a window of a back-to-back {@link Dataset} a trial may have begun in an earlier
 * window ({@code start < 0}) or go on past the window's end.
 *
 * @param column the batch column (sequence)
 * @param start the batch step of the trial's first step
 * @param trial the trial, with its periods, targets and variables
 */
public record BatchTrial(int column, int start, Trial trial) {

  /** A trial's place; the trial is required. */
  public BatchTrial {
    Objects.requireNonNull(trial, "trial");
  }

  /** One past the batch step of the trial's last step. */
  public int end() {
    return start + trial.steps();
  }

  /** Whether the whole trial lies within a batch of {@code seqLen} steps. */
  public boolean completeIn(int seqLen) {
    return start >= 0 && end() <= seqLen;
  }
}
