package io.github.rnnlab;

import io.github.rnnlab.analysis.Evaluation;
import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.sweep.Run;
import io.github.rnnlab.sweep.SweepPlan;
import io.github.rnnlab.sweep.SweepExecutor;
import io.github.rnnlab.sweep.SweepFunction;
import io.github.rnnlab.sweep.SweepResult;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The tutorial over seeds (and τ and hidden sizes): each run trains the tutorial's CTRNN on perceptual decision making
 * (dt 20 ms, stimulus 1000 ms, batch 16, sequences of 100 steps) from its seed and evaluates it on fresh trials
 * ({@code seed + 1}), as {@link TutorialFigures} does for one seed. Writes into {@code --out}: {@code runs.csv} (the
 * results file: one line per finished run; running the same command again runs only what is missing),
 * {@code summary.csv} (accuracy per setting) and {@code accuracy.png}.
 *
 * <p>Usage: {@code mvn -q -B compile exec:java -Dexec.mainClass=io.github.rnnlab.TutorialSweep -Dexec.args="--seeds
 * 1-30"}; on Spark, {@code spark-submit --class io.github.rnnlab.TutorialSweep ... --executor spark} (see the
 * README).
 */
public final class TutorialSweep {
  static final String USAGE = """
      usage: TutorialSweep [--seeds FIRST-LAST] [--tau-ms LIST] [--hidden LIST] [--steps N] [--eval-trials N]
                           [--executor local|spark] [--master URL] [--out DIR]
        --seeds FIRST-LAST   seeds of the runs, both included (default 1-30)
        --tau-ms LIST        time constants in ms, comma-separated (default 100)
        --hidden LIST        numbers of hidden units, comma-separated (default 128)
        --steps N            training steps of each run, > 0 (default 1000)
        --eval-trials N      evaluation trials of each run, > 0 (default 500)
        --executor NAME      local: every core of this machine (default); spark: Apache Spark, the master that
                             spark-submit set or local[*]
        --master URL         Spark master, e.g. local[4] or spark://host:7077 (implies --executor spark)
        --out DIR            where to write runs.csv, summary.csv and accuracy.png (default sweep)
      """;

  private TutorialSweep() {}

  /** The command's settings. */
  record Options(long firstSeed, long lastSeed, List<Double> tauMs, List<Integer> hidden, int steps, int evalTrials,
      String executor, String master, Path out) {

    /**
     * Reads the flags.
     *
     * @throws IllegalArgumentException for a bad flag or value
     */
    static Options parse(List<String> args) {
      Flags f = Flags.parse(args, List.of("--seeds", "--tau-ms", "--hidden", "--steps", "--eval-trials",
          "--executor", "--master", "--out"));
      long[] seeds = f.range("--seeds", 1, 30);
      String master = f.text("--master", "");
      String executor = f.text("--executor", master.isEmpty() ? "local" : "spark");
      if (!List.of("local", "spark").contains(executor) || (executor.equals("local") && !master.isEmpty())) {
        throw new IllegalArgumentException("--executor takes local or spark (spark with --master); got " + executor);
      }
      return new Options(seeds[0], seeds[1], f.list("--tau-ms", List.of(100.0), Double::valueOf),
          f.list("--hidden", List.of(128), Integer::valueOf), f.positive("--steps", 1000),
          f.positive("--eval-trials", 500), executor, master, Path.of(f.text("--out", "sweep")));
    }

    /**
     * These options, once {@code --out} was created and found writable: checked before any training.
     *
     * @throws IllegalArgumentException if it cannot be written
     */
    Options writable() {
      Flags.requireWritable("--out", out);
      return this;
    }
  }

  /** Runs the sweep; a bad flag prints the usage and exits with status 2, as does an output folder not writable. */
  public static void main(String[] args) {
    Flags.main(args, USAGE, a -> Options.parse(a).writable(), TutorialSweep::run);
  }

  /** One run of the tutorial: {@code accuracy} on fresh trials and the {@code final_loss} of training. */
  static Map<String, Double> tutorial(Run run, int steps, int evalTrials) {
    PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);
    Ctrnn net = Ctrnn.builder().forTask(task).hiddenSize(run.getInt("hidden")).tauMs(run.getDouble("tau_ms"))
        .seed(run.seed()).build();
    TrainingHistory history = Trainer.builder().steps(steps).build().train(net, Dataset.of(task, 16, 100,
        run.seed()));
    Evaluation eval = Evaluation.run(net, task, evalTrials, run.seed() + 1);
    return Map.of("accuracy", eval.accuracy(), "final_loss", history.finalLoss());
  }

  static SweepResult run(Options o) {
    SweepResult result;
    try (SweepExecutor executor = o.executor().equals("spark") ? SweepExecutor.spark(o.master())
        : SweepExecutor.local()) {
      SweepPlan sweep = SweepPlan.builder().vary("tau_ms", o.tauMs()).vary("hidden", o.hidden())
          .seedRange(o.firstSeed(), o.lastSeed()).executor(executor).resultsFile(o.out().resolve("runs.csv")).build();
      System.out.println(sweep);
      int steps = o.steps();
      int evalTrials = o.evalTrials();
      SweepFunction tutorial = run -> tutorial(run, steps, evalTrials);
      result = sweep.execute(tutorial);
    }
    var summary = result.summary("accuracy");
    summary.write().csv(o.out().resolve("summary.csv").toFile());
    result.plotDistribution("accuracy").savePng(o.out().resolve("accuracy.png"));
    System.out.println(summary.printAll());
    if (result.failed() > 0) {
      System.out.println(result.failed() + " run(s) failed; see the error column of " + o.out().resolve("runs.csv"));
    }
    return result;
  }
}
