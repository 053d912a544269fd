package io.github.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * An endless, reproducible stream of a task's trials, with its own seeded random generator (and, for tasks whose
 * trials depend on earlier ones, such as yang19's alternating rings or a block schedule, its own state). Not
 * thread-safe.
 */
public final class TrialStream {
  private final Task task;
  private final Supplier<Trial> next;

  /** The stream of {@code task.sampleTrial(rng, index)} for index 0, 1, 2, …, with rng seeded by {@code seed}. */
  TrialStream(Task task, long seed) {
    this.task = task;
    SplittableRandom rng = new SplittableRandom(seed);
    long[] index = {0};
    this.next = () -> task.sampleTrial(rng, index[0]++);
  }

  /** A stream whose trials come from {@code next}, for tasks that keep state from trial to trial. */
  TrialStream(Task task, Supplier<Trial> next) {
    this.task = task;
    this.next = next;
  }

  /** The task the trials come from. */
  public Task task() {
    return task;
  }

  /** The next trial. */
  public Trial next() {
    return next.get();
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
