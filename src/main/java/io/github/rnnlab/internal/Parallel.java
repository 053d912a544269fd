package io.github.rnnlab.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs independent index ranges on all cores. Callers split work so that every index is computed the same way
 * whatever the number of threads, which keeps results bit-identical across machines. Internal.
 *
 * <p>A training step hands work to the other cores once and waits for it once, about every two milliseconds. With a
 * thread pool's queue, both hand-overs went through the operating system: the worker started 50 µs late and the
 * caller woke 90 µs after the worker had finished, some 8% of a tutorial step. So the workers and the waiting caller
 * keep checking for up to {@link #SPIN_NANOS} before they sleep, as OpenMP's threads do: between the steps of a
 * training, which come sooner than that, no one sleeps. They yield while they check, which leaves the cores to the
 * JIT's compiler threads during warm-up (a busy spin cost 0.2 s of a tutorial run there). While one caller uses the
 * workers, another (a sweep's parallel runs, or a part that calls this class) runs its parts on its own thread, which
 * gives the same results.
 */
public final class Parallel {
  private static final int THREADS = Runtime.getRuntime().availableProcessors();
  /** How long a worker waits for work, and a caller for its workers, before sleeping: about a training step. */
  private static final long SPIN_NANOS = 2_000_000;
  private static final AtomicBoolean BUSY = new AtomicBoolean();
  private static final Worker[] WORKERS = startWorkers(THREADS - 1);

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

  /**
   * Runs {@code body} for every part in {@code [0, parts)}, spread over the cores; part 0 on the calling thread. Returns
   * once no part is running; if parts failed, then throws the failure of the lowest-numbered thread (0 the caller).
   */
  public static void forEach(int parts, PartBody body) {
    int threads = Math.min(THREADS, parts);
    if (threads <= 1 || !BUSY.compareAndSet(false, true)) {
      runParts(body, 0, 1, parts);
      return;
    }
    Job job;
    try {
      job = new Job(body, threads, parts);
      for (int t = 1; t < threads; t++) {
        WORKERS[t - 1].give(job);
      }
      try {
        runParts(body, 0, threads, parts);
      } catch (RuntimeException | Error e) {
        job.fail(0, e);
      }
      job.await();
    } finally {
      BUSY.set(false);
    }
    job.rethrow();
  }

  private static void runParts(PartBody body, int thread, int threads, int parts) {
    for (int p = thread; p < parts; p += threads) {
      body.run(p);
    }
  }

  private static Worker[] startWorkers(int count) {
    Worker[] workers = new Worker[Math.max(0, count)];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker(i + 1);
      workers[i].start();
    }
    return workers;
  }

  /** Yields while {@code waiting} holds, for up to {@link #SPIN_NANOS}, then sleeps until it no longer does. */
  private static void awaitWhile(BooleanSupplier waiting) {
    long start = System.nanoTime();
    while (waiting.getAsBoolean()) {
      if (System.nanoTime() - start < SPIN_NANOS) {
        Thread.yield();
      } else {
        LockSupport.park();
      }
    }
  }

  /** One call's parts: who runs them, how many threads are still at work, and the first failure by thread. */
  private static final class Job {
    private final PartBody body;
    private final int threads;
    private final int parts;
    private final Thread caller = Thread.currentThread();
    private final AtomicInteger working;
    private final @Nullable Throwable[] failures;

    Job(PartBody body, int threads, int parts) {
      this.body = body;
      this.threads = threads;
      this.parts = parts;
      this.working = new AtomicInteger(threads - 1);
      this.failures = new Throwable[threads];
    }

    void run(int thread) {
      try {
        runParts(body, thread, threads, parts);
      } catch (RuntimeException | Error e) {
        fail(thread, e);
      }
      if (working.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }

    void fail(int thread, Throwable e) {
      failures[thread] = e;
    }

    /** Waits for the workers; their writes, failures included, are visible to the caller afterwards. */
    void await() {
      awaitWhile(() -> working.get() > 0);
    }

    void rethrow() {
      for (Throwable e : failures) {
        if (e instanceof RuntimeException re) {
          throw re;
        }
        if (e instanceof Error err) {
          throw err;
        }
      }
    }
  }

  /** A daemon thread that runs the parts of its index of every job it is given. */
  private static final class Worker extends Thread {
    private final int index;
    private volatile @Nullable Job job;

    Worker(int index) {
      super("rnnlab-worker-" + index);
      this.index = index;
      setDaemon(true);
    }

    void give(Job next) {
      job = next;
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      while (true) {
        awaitWhile(() -> job == null);
        Job next = job;
        if (next != null) {
          job = null;
          next.run(index);
        }
      }
    }
  }
}
