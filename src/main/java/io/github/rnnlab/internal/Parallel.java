package io.github.rnnlab.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent index ranges on all cores. Callers split work so that every index is computed the same way
 * whatever the number of threads, which keeps results bit-identical across machines. Internal.
 */
public final class Parallel {
  private static final int THREADS = Runtime.getRuntime().availableProcessors();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
    Thread t = new Thread(r, "rnnlab-worker");
    t.setDaemon(true);
    return t;
  });

  /** The work of one part. */
  public interface PartBody {
    void run(int part);
  }

  /** The work of one contiguous range {@code [from, to)}. */
  public interface RangeBody {
    void run(int from, int to);
  }

  private Parallel() {}

  /** Runs {@code body} over contiguous parts of {@code [0, n)}, one part per core. */
  public static void forRange(int n, RangeBody body) {
    int parts = Math.max(1, Math.min(THREADS, n));
    forEach(parts, p -> body.run((int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts)));
  }

  /** Runs {@code body} for every part in {@code [0, parts)}, spread over the cores; part 0 on the calling thread. */
  public static void forEach(int parts, PartBody body) {
    int threads = Math.min(THREADS, parts);
    if (threads <= 1) {
      for (int p = 0; p < parts; p++) {
        body.run(p);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>(threads - 1);
    for (int t = 1; t < threads; t++) {
      int thread = t;
      futures.add(POOL.submit(() -> runParts(body, thread, threads, parts)));
    }
    runParts(body, 0, threads, parts);
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static void runParts(PartBody body, int thread, int threads, int parts) {
    for (int p = thread; p < parts; p += threads) {
      body.run(p);
    }
  }
}
