package io.github.rnnlab;

import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingHistory;
import io.github.rnnlab.train.TrainingProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the tutorial's training loop (1000 steps, batch 16, 100 steps a sequence, 128 units; batch generation
 * included) in fresh JVMs, since a first run includes JIT warm-up as a user's does. Prints each run and the median and
 * minimum. Usage: {@code mvn -q -B compile exec:exec@bench [-Dbench.runs=N]}.
 */
public final class Bench {
  private static final String CHILD = "--child";

  private Bench() {}

  /** {@code [runs]} spawns that many fresh JVMs (default 5); {@code --child seed} times one run in this JVM. */
  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals(CHILD)) {
      System.out.println(timeOnce(Long.parseLong(args[1])));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      seconds[i] = runChild(i + 1);
      System.out.printf(Locale.ROOT, "run %d: %.3f s%n", i + 1, seconds[i]);
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    System.out.printf(Locale.ROOT, "training 1000 steps: median %.3f s, min %.3f s over %d fresh JVMs (java %s, %d cores)%n",
        median, sorted[0], runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
  }

  private static double timeOnce(long seed) {
    PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);
    Ctrnn net = Ctrnn.forTask(task, 128, seed);
    TrainingHistory history = Trainer.builder().progress(TrainingProgress.silent()).build()
        .train(net, Dataset.of(task, 16, 100, seed));
    return history.seconds();
  }

  private static double runChild(long seed) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Bench.class.getName(), CHILD, Long.toString(seed)));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String last = null;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          last = line;
        }
      }
      if (p.waitFor() != 0 || last == null) {
        throw new IllegalStateException("benchmark run failed: " + last);
      }
      return Double.parseDouble(last.trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
