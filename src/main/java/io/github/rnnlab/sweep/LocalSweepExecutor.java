package io.github.rnnlab.sweep;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a sweep on a fixed number of threads of this JVM, one run per thread at a time, in the sweep's order. */
final class LocalSweepExecutor implements SweepExecutor {
  private final int threads;

  LocalSweepExecutor(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0; got " + threads);
    }
    this.threads = threads;
  }

  @Override
  public Execution start(List<Run> runs, SweepFunction function) {
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, runs.size())), r -> {
      Thread t = new Thread(r, "rnnlab-sweep-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    CompletionService<RunResult> done = new ExecutorCompletionService<>(pool);
    for (Run run : runs) {
      done.submit(() -> RunResult.compute(function, run));
    }
    pool.shutdown();
    return new Execution() {
      @Override
      public RunResult next() {
        try {
          return done.take().get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the sweep's runs", e);
        } catch (ExecutionException e) {
          // RunResult.compute catches everything a run throws; this is a failure of the executor itself.
          throw new IllegalStateException("the local sweep executor failed: " + e.getCause(), e.getCause());
        }
      }

      @Override
      public void close() {
        pool.shutdownNow();
      }
    };
  }

  @Override
  public String toString() {
    return "local executor, " + threads + " thread" + (threads == 1 ? "" : "s");
  }
}
