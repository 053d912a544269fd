package io.github.rnnlab.sweep;

import io.github.rnnlab.train.TrainingProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;

/**
 * Many trained networks over a grid (or a list) of settings × seeds: one call that trains and evaluates each, in
 * parallel, and returns a table and charts.
 *
 * <pre>{@code
 * SweepResult result = SweepPlan.builder()
 *     .vary("tau_ms", List.of(50, 100, 200))
 *     .seedRange(1, 30)
 *     .resultsFile(Path.of("results/tau.csv"))
 *     .build()
 *     .execute(run -> {
 *       var task = Tasks.perceptualDecisionMaking(20, 1000);
 *       var net = Ctrnn.builder().forTask(task).hiddenSize(128).tauMs(run.getDouble("tau_ms"))
 *           .seed(run.seed()).build();
 *       Trainer.defaults().train(net, Dataset.of(task, 16, 100, run.seed()));
 *       return Map.of("accuracy", Evaluation.run(net, task, 500, run.seed() + 1).accuracy());
 *     });
 * result.toTable();                          // one row per run
 * result.plotDistribution("accuracy");       // accuracy over the seeds, per τ
 * }</pre>
 *
 * <p><b>Order and identity.</b> The runs are every setting (grid points in the order given, the first setting varying
 * slowest) with every seed; that order is the table's, whatever finishes first. Each run must depend only on its
 * setting and seed, as rnnlab's training does (bit-identical whatever the number of cores), so a sweep gives the
 * same table on the local executor and on Spark, apart from the {@code seconds} column.
 *
 * <p><b>Faults.</b> A run that throws is reported in its row ({@code error}) and stops no other run. With a results
 * file, each run is appended to it as it finishes; executing the same sweep again reads the file and runs only what
 * is missing or failed. The file identifies runs by setting and seed only: after changing what the function computes,
 * use a new file.
 *
 * <p><b>Progress.</b> One line for the whole sweep (runs done, elapsed, estimated time left), updated in place in a
 * notebook. While a sweep runs, trainers that were given no progress of their own are silent, so that parallel runs
 * do not print over each other.
 */
public final class SweepPlan {
  private final List<String> settingNames;
  private final List<Setting> settings;
  private final List<Long> seeds;
  private final SweepExecutor executor;
  private final @Nullable Path resultsFile;
  private final @Nullable SweepProgress progress;

  private SweepPlan(Builder b) {
    this.settings = b.grid.isEmpty() ? List.copyOf(b.settings) : grid(b.grid);
    this.settingNames = settings.isEmpty() ? List.of() : List.copyOf(settings.get(0).values().keySet());
    this.seeds = List.copyOf(b.seeds);
    this.executor = b.executor == null ? SweepExecutor.local() : b.executor;
    this.resultsFile = b.resultsFile;
    this.progress = b.progress;
  }

  /** A builder: settings ({@link Builder#vary} or {@link Builder#settings}), seeds, executor, results file. */
  public static Builder builder() {
    return new Builder();
  }

  /** The runs: every setting with every seed, in the sweep's order. */
  public List<Run> runs() {
    List<Run> runs = new ArrayList<>();
    for (Setting s : settings.isEmpty() ? List.of(Setting.empty()) : settings) {
      for (long seed : seeds) {
        runs.add(new Run(runs.size(), s, seed));
      }
    }
    return runs;
  }

  /**
   * Runs {@code function} for every run not yet in the results file, on the executor, and returns every run's result.
   *
   * @throws IllegalArgumentException if the results file holds another sweep, or the executor cannot run the function
   * @throws IllegalStateException if the results file is in use, the executor fails, or the thread is interrupted
   */
  public SweepResult execute(SweepFunction function) {
    List<Run> runs = runs();
    SweepProgress sink = progress == null ? SweepProgress.defaultProgress() : progress;
    Map<Integer, RunResult> results = new TreeMap<>();
    long start = System.nanoTime();
    try (ResultsFile file = resultsFile == null ? null : ResultsFile.open(resultsFile, settingNames)) {
      List<String> metricNames = new ArrayList<>(file == null ? List.of() : file.metricNames());
      List<Run> todo = new ArrayList<>();
      for (Run run : runs) {
        Optional<RunResult> stored = file == null ? Optional.empty() : file.find(run);
        if (stored.isPresent() && !stored.get().failed()) {
          results.put(run.index(), stored.get());
        } else {
          todo.add(run);
        }
      }
      int resumed = results.size();
      Progress status = new Progress(sink, runs.size(), resumed, start);
      status.report(results.values());
      if (!todo.isEmpty()) {
        TrainingProgress before = TrainingProgress.defaultProgress();
        TrainingProgress.setDefaultProgress(TrainingProgress.silent());
        try (SweepExecutor.Execution execution = executor.start(todo, function)) {
          for (int i = 0; i < todo.size(); i++) {
            RunResult r = sameMetrics(execution.next(), metricNames);
            if (file != null) {
              file.append(r);
            }
            results.put(r.run().index(), r);
            status.report(results.values());
          }
        } finally {
          TrainingProgress.setDefaultProgress(before);
        }
      }
      return new SweepResult(settingNames, metricNames, List.copyOf(results.values()));
    }
  }

  /**
   * {@code r}, or a failure if it succeeded with other metric names than the runs before it; the first success fixes
   * {@code names}.
   */
  private static RunResult sameMetrics(RunResult r, List<String> names) {
    if (r.failed()) {
      return r;
    }
    List<String> returned = List.copyOf(r.metrics().keySet());
    if (names.isEmpty()) {
      names.addAll(returned);
    } else if (!returned.equals(names)) {
      return new RunResult(r.run(), Map.of(), r.seconds(), "the run returned metrics " + returned + ", but the "
          + "sweep's other runs returned " + names + "; every run must return the same metrics");
    }
    return r;
  }

  /** Counts and times the runs for the progress reports. */
  private static final class Progress {
    private final SweepProgress sink;
    private final int total;
    private final int resumed;
    private final long start;

    Progress(SweepProgress sink, int total, int resumed, long start) {
      this.sink = sink;
      this.total = total;
      this.resumed = resumed;
      this.start = start;
    }

    void report(Collection<RunResult> finished) {
      double seconds = (System.nanoTime() - start) / 1e9;
      int done = finished.size();
      int ranNow = done - resumed;
      double remaining = ranNow == 0 ? Double.NaN : seconds / ranNow * (total - done);
      int failed = (int) finished.stream().filter(RunResult::failed).count();
      sink.report(new SweepProgress.Status(done, total, failed, resumed, seconds, remaining));
    }
  }

  /** The points of a grid, the first setting varying slowest. */
  private static List<Setting> grid(Map<String, List<Object>> axes) {
    List<Setting> points = List.of(Setting.empty());
    for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
      List<Setting> next = new ArrayList<>();
      for (Setting p : points) {
        for (Object value : axis.getValue()) {
          next.add(p.and(axis.getKey(), value));
        }
      }
      points = next;
    }
    return points;
  }

  @Override
  public String toString() {
    return "SweepPlan[" + Math.max(1, settings.size()) + " setting(s) × " + seeds.size() + " seed(s) = "
        + runs().size() + " runs on the " + executor + (resultsFile == null ? "" : ", results in " + resultsFile) + "]";
  }

  /** Settings of a {@link SweepPlan}. */
  public static final class Builder {
    private final Map<String, List<Object>> grid = new LinkedHashMap<>();
    private final List<Setting> settings = new ArrayList<>();
    private final List<Long> seeds = new ArrayList<>();
    private @Nullable SweepExecutor executor;
    private @Nullable Path resultsFile;
    private @Nullable SweepProgress progress;

    private Builder() {}

    /**
     * Adds a grid axis: the sweep runs every combination of the values of every axis, in the order given (the first
     * axis varying slowest). Values as in {@link Setting}.
     *
     * @throws IllegalArgumentException if {@code values} is empty or repeats a value, the name is taken or not a
     *     column name, or {@link #settings} was used
     */
    public Builder vary(String name, List<?> values) {
      if (!settings.isEmpty()) {
        throw new IllegalArgumentException("use either vary(...) for a grid or settings(...) for a list, not both");
      }
      if (grid.containsKey(name)) {
        throw new IllegalArgumentException("setting '" + name + "' is already varied");
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException("setting '" + name + "' needs at least one value; got none");
      }
      List<Object> normalised = new ArrayList<>();
      for (Object v : values) {
        normalised.add(Setting.of(name, v).get(name));
      }
      if (new HashSet<>(normalised).size() != normalised.size()) {
        throw new IllegalArgumentException("setting '" + name + "' repeats a value: " + values);
      }
      grid.put(name, normalised);
      return this;
    }

    /**
     * Runs exactly these settings (instead of a grid), in this order. Each must have the same names.
     *
     * @throws IllegalArgumentException if the list is empty, has repeats or settings with different names, or
     *     {@link #vary} was used
     */
    public Builder settings(List<Setting> settings) {
      if (!grid.isEmpty()) {
        throw new IllegalArgumentException("use either vary(...) for a grid or settings(...) for a list, not both");
      }
      if (settings.isEmpty()) {
        throw new IllegalArgumentException("settings needs at least one setting; got none");
      }
      Set<String> names = settings.get(0).values().keySet();
      for (Setting s : settings) {
        if (!s.values().keySet().equals(names)) {
          throw new IllegalArgumentException("every setting must have the same names; " + s + " differs from "
              + settings.get(0));
        }
      }
      if (new HashSet<>(settings).size() != settings.size()) {
        throw new IllegalArgumentException("settings repeats a setting: " + settings);
      }
      this.settings.clear();
      this.settings.addAll(settings);
      return this;
    }

    /**
     * The seeds each setting runs with, in this order (required).
     *
     * @throws IllegalArgumentException if the list is empty or repeats a seed
     */
    public Builder seeds(List<Long> seeds) {
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("seeds needs at least one seed; got none");
      }
      if (new HashSet<>(seeds).size() != seeds.size()) {
        throw new IllegalArgumentException("seeds repeats a seed: " + seeds);
      }
      this.seeds.clear();
      this.seeds.addAll(seeds);
      return this;
    }

    /**
     * The seeds {@code first, first + 1, ..., last}, both included: {@code seedRange(1, 30)} is 30 seeds.
     *
     * @throws IllegalArgumentException if {@code last < first}
     */
    public Builder seedRange(long first, long last) {
      if (last < first) {
        throw new IllegalArgumentException("seedRange needs first <= last; got " + first + ", " + last);
      }
      return seeds(LongStream.rangeClosed(first, last).boxed().toList());
    }

    /** Who runs the runs (default {@link SweepExecutor#local()}, every core of this machine). */
    public Builder executor(SweepExecutor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * A CSV file that keeps every finished run, so that executing the sweep again runs only what is missing (default:
     * none, results are kept in memory only). Its folder is created if needed.
     */
    public Builder resultsFile(Path resultsFile) {
      this.resultsFile = resultsFile;
      return this;
    }

    /** Where progress goes (default: {@link SweepProgress#defaultProgress()} when the sweep executes). */
    public Builder progress(SweepProgress progress) {
      this.progress = progress;
      return this;
    }

    /**
     * The sweep.
     *
     * @throws IllegalArgumentException if no seeds were given
     */
    public SweepPlan build() {
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("a sweep needs seeds: call seeds(...) or seedRange(first, last)");
      }
      return new SweepPlan(this);
    }
  }
}
