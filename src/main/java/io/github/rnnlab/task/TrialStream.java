package io.github.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** An endless, reproducible stream of a task's trials, with its own seeded random generator. Not thread-safe. */
public final class TrialStream {
  private final Task task;
  private final SplittableRandom rng;
  private long index;

  TrialStream(Task task, long seed) {
    this.task = task;
    this.rng = new SplittableRandom(seed);
  }

  /** The task the trials come from. */
  public Task task() {
    return task;
  }

  /** The next trial. */
  public Trial next() {
    return task.sampleTrial(rng, index++);
  }

  /** The next {@code count} trials. */
  public List<Trial> next(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("trial count must be >= 0; got " + count);
    }
    List<Trial> trials = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      trials.add(next());
    }
    return trials;
  }
}
