package io.github.rnnlab.sweep;

import java.util.List;

/**
 * Runs a sweep's runs, in parallel, and hands back each result as it finishes. {@link #local()} uses the cores of this
 * machine and needs nothing beyond rnnlab; {@link #spark()} uses Apache Spark, embedded or on a cluster, and needs
 * Spark on the class path. Whichever runs a sweep, its table is the same: every run trains from its own seed, and
 * rows are sorted into the sweep's order, not the order in which runs finish. Closing an executor releases what it
 * holds (Spark's context, if it started one); the local executor holds nothing between sweeps.
 */
public interface SweepExecutor extends AutoCloseable {

  /**
   * Starts {@code runs}. Results come back through the returned execution, in the order they finish.
   *
   * @throws IllegalArgumentException if this executor cannot run {@code function} (e.g. Spark cannot serialize it)
   */
  Execution start(List<Run> runs, SweepFunction function);

  /** Runs under way: their results as they finish. Closing it cancels the runs that have not started. */
  interface Execution extends AutoCloseable {

    /**
     * The next run to finish, waiting for it. Call it once per run started.
     *
     * @throws IllegalStateException if the executor itself failed (not a run: a run's exception is in its result), or
     *     if the waiting thread was interrupted (its interrupt flag is set again)
     */
    RunResult next();

    @Override
    void close();
  }

  /** Releases what this executor holds between sweeps; nothing, unless it says otherwise. */
  @Override
  default void close() {}

  /**
   * The local executor on every core of this machine: one run at a time per two cores, since rnnlab's training of
   * one network already uses two threads (its two fixed batch halves, on the engine's shared pool). Running a run per
   * core instead would put two runs' halves on one pool thread: fewer runs per second, not more (measured on 2 cores:
   * 0.32 against 0.54 runs per second at best, 300 tutorial steps a run). A function that does not train an rnnlab
   * network may want {@link #local(int)} with every core.
   */
  static SweepExecutor local() {
    return new LocalSweepExecutor(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  /**
   * The local executor running {@code threads} runs at a time.
   *
   * @throws IllegalArgumentException if {@code threads} is not positive
   */
  static SweepExecutor local(int threads) {
    return new LocalSweepExecutor(threads);
  }

  /**
   * Apache Spark: the master that {@code spark-submit} set, if any, else {@code local[*]} (Spark embedded in this JVM,
   * on every core). Needs Spark on the class path; see {@link SparkSweepExecutor}.
   *
   * @throws IllegalStateException if Spark is not on the class path, saying how to add it
   */
  static SweepExecutor spark() {
    return spark("");
  }

  /**
   * Apache Spark at {@code master}: {@code local[2]}, {@code local[*]}, {@code spark://host:7077}, {@code yarn}, ...
   * (an empty master means {@link #spark()}'s default). Needs Spark on the class path; see {@link SparkSweepExecutor}.
   *
   * @throws IllegalStateException if Spark is not on the class path, saying how to add it
   */
  static SweepExecutor spark(String master) {
    return SparkSupport.create(master, SweepExecutor.class.getClassLoader());
  }
}
