package io.github.rnnlab.sweep;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.rdd.RDD;
import org.jspecify.annotations.Nullable;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep on Apache Spark: one Spark task per run, so that Spark spreads the runs over every executor core and
 * the driver receives each result as soon as its task ends (it then writes the results file and the progress).
 *
 * <p>Spark is optional: this class is loaded only by {@link SweepExecutor#spark()} after Spark was found, or by a
 * program that already uses Spark and calls {@link #of(SparkContext)}. Add {@code org.apache.spark:spark-core_2.13}
 * (Spark 4) to the class path. On JDK 17 and later an embedded Spark needs the {@code --add-opens} flags that Spark's
 * own launcher passes ({@code org.apache.spark.launcher.JavaModuleOptions}); {@code spark-submit} passes them itself,
 * and rnnlab's tests and notebook kernel set them.
 *
 * <p>An embedded Spark ({@code local[...]}) runs without its web UI and logs only warnings. The context is shared: a
 * second executor for the same master reuses it, and {@link #close()} stops it only if this executor created it.
 */
public final class SparkSweepExecutor implements SweepExecutor {
  private static final long POLL_MILLIS = 200;

  /** The context the last {@link #create} started, reused by the next while it runs. */
  private static @Nullable SparkContext started;

  private final SparkContext context;
  private final boolean owned;

  private SparkSweepExecutor(SparkContext context, boolean owned) {
    this.context = context;
    this.owned = owned;
  }

  /**
   * Runs sweeps on an existing Spark context; {@link #close()} leaves it running.
   */
  public static SparkSweepExecutor of(SparkContext context) {
    return new SparkSweepExecutor(context, false);
  }

  /**
   * Runs sweeps on Spark at {@code master} ({@code local[2]}, {@code spark://host:7077}, ...); an empty master means
   * the one {@code spark-submit} set, or {@code local[*]}. Reuses this JVM's Spark context if there is one.
   *
   * @throws IllegalStateException if this JVM already runs a Spark context for another master
   */
  public static SparkSweepExecutor create(String master) {
    // spark-submit passes its master as a system property, which SparkConf reads.
    String wanted = !master.isEmpty() ? master : System.getProperty("spark.master", "local[*]");
    boolean local = wanted.startsWith("local");
    if (local) {
      quietLocalLogging();
    }
    SparkConf conf = new SparkConf().setMaster(wanted).setIfMissing("spark.app.name", "rnnlab sweep");
    if (local) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.ui.showConsoleProgress", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.log.level", "WARN");
    }
    SparkContext context;
    boolean created;
    synchronized (SparkSweepExecutor.class) {
      SparkContext ours = started;
      if (ours != null && !ours.isStopped()) {
        context = ours;
        created = false;
      } else {
        long before = System.currentTimeMillis();
        context = SparkContext.getOrCreate(conf);
        created = context.startTime() >= before;
        if (created) {
          started = context;
        }
      }
    }
    if (!context.master().equals(wanted)) {
      throw new IllegalStateException("this JVM already runs a Spark context for master " + context.master()
          + ", not " + wanted + "; use SparkSweepExecutor.of(context), or stop that context first");
    }
    return new SparkSweepExecutor(context, created);
  }

  /**
   * Warnings only from an embedded Spark, and not even those about this machine's network names and Hadoop's native
   * code, which do not matter on one machine. rnnlab logs through slf4j-simple, which reads these properties when a
   * logger is created, so they are set before Spark creates its loggers; a level set by the user is kept.
   */
  private static void quietLocalLogging() {
    Map<String, String> levels = Map.of("org.apache.spark", "warn", "org.sparkproject", "warn", "io.netty", "warn",
        "org.apache.hadoop", "warn", "org.apache.spark.util.Utils", "error",
        "org.apache.hadoop.util.NativeCodeLoader", "error");
    levels.forEach((logger, level) -> {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, level);
      }
    });
  }

  /** The Spark context the runs go to. */
  public SparkContext context() {
    return context;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code function} cannot be serialized, naming what it captured
   */
  @Override
  public Execution start(List<Run> runs, SweepFunction function) {
    requireSerializable(function);
    BlockingQueue<RunResult> finished = new LinkedBlockingQueue<>();
    ClassTag<Run> runTag = ClassTag$.MODULE$.apply(Run.class);
    RDD<Run> rdd = context.parallelize(CollectionConverters.asScala(runs).toSeq(), Math.max(1, runs.size()), runTag);
    List<Object> partitions = new ArrayList<>();
    for (int p = 0; p < rdd.getNumPartitions(); p++) {
      partitions.add(p);
    }
    // A task computes its one run; Spark calls the handler on the driver as each task's result arrives.
    Function1<Iterator<Run>, List<RunResult>> task = (Function1<Iterator<Run>, List<RunResult>> & Serializable)
        it -> computeAll(function, it);
    Function2<Object, List<RunResult>, BoxedUnit> handler = (partition, results) -> {
      finished.addAll(results);
      return BoxedUnit.UNIT;
    };
    Function0<BoxedUnit> noResult = () -> BoxedUnit.UNIT;
    SimpleFutureAction<BoxedUnit> job =
        context.submitJob(rdd, task, CollectionConverters.asScala(partitions).toList(), handler, noResult);
    return new Execution() {
      @Override
      public RunResult next() {
        try {
          while (true) {
            RunResult r = finished.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (r != null) {
              return r;
            }
            if (job.isCompleted()) {
              job.get();
              // Spark hands over a task's result before it marks the job complete.
              r = finished.poll();
              if (r != null) {
                return r;
              }
              throw new IllegalStateException("the Spark job ended without returning every run's result");
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the sweep's runs", e);
        } catch (SparkException e) {
          throw new IllegalStateException("the Spark job of the sweep failed: " + e.getMessage(), e);
        }
      }

      @Override
      public void close() {
        if (!job.isCompleted()) {
          job.cancel();
        }
      }
    };
  }

  /** The runs of one partition (one run, as {@link #start} partitions them), each with its own error handling. */
  private static List<RunResult> computeAll(SweepFunction function, Iterator<Run> runs) {
    List<RunResult> results = new ArrayList<>(1);
    while (runs.hasNext()) {
      results.add(RunResult.compute(function, runs.next()));
    }
    return results;
  }

  /** Checks up front what Spark would find only when the job's first stage starts, and says what to change. */
  private static void requireSerializable(SweepFunction function) {
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(function);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("Spark cannot send the sweep function to its executors: it captures a "
          + e.getMessage() + ", which is not serializable. Build tasks, data and networks inside the function and "
          + "capture only numbers, text and settings.", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Spark cannot send the sweep function to its executors: " + e, e);
    }
  }

  /** Stops the Spark context if this executor created it. */
  @Override
  public void close() {
    if (owned) {
      context.stop();
    }
  }

  @Override
  public String toString() {
    return "Spark executor, master " + context.master();
  }
}
