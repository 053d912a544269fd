package io.github.rnnlab;

import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.EiRnn;
import io.github.rnnlab.model.ShortTermPlasticity;
import io.github.rnnlab.model.Gru;
import io.github.rnnlab.model.Lstm;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.train.Trainer;
import io.github.rnnlab.train.TrainingHistory;
import io.github.rnnlab.train.TrainingProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the tutorial's training loop (1000 steps, batch 16, 100 steps a sequence, 128 units; batch generation
 * included) in fresh JVMs, since a first run includes JIT warm-up as a user's does. Prints each run and the median and
 * minimum. The network is the tutorial's CTRNN, or with a case argument an EI network (σ_rec 0.15), a CTRNN with
 * facilitating synapses, an LSTM or a GRU of the same size trained the same way (PyTorch's equivalents:
 * {@code bench/cells_torch.py}; {@code bench/compare.py} runs both sides in interleaved rounds). Usage:
 * {@code mvn -q -B compile exec:exec@bench [-Dbench.runs=N] [-Dbench.case=ctrnn|ei|stp|lstm|gru]}.
 */
public final class Bench {
  private static final String CHILD = "--child";
  private static final List<String> CASES = List.of("ctrnn", "ei", "stp", "lstm", "gru");

  private Bench() {}

  /**
   * {@code [runs [case]]} spawns that many fresh JVMs (default 5) timing that case (default ctrnn);
   * {@code --child seed case} times one run in this JVM.
   */
  public static void main(String[] args) {
    if (args.length == 3 && args[0].equals(CHILD)) {
      TrainingHistory history = timeOnce(Long.parseLong(args[1]), args[2]);
      System.out.println(history.seconds() + " " + history.meanLoss(history.steps(), 100));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String kind = args.length > 1 ? args[1] : CASES.get(0);
    if (!CASES.contains(kind)) {
      throw new IllegalArgumentException("bench case must be one of " + CASES + "; got '" + kind + "'");
    }
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      double[] run = runChild(i + 1, kind);
      seconds[i] = run[0];
      System.out.printf(Locale.ROOT, "run %d: %.3f s (mean loss of the last 100 steps %.4f)%n", i + 1, run[0], run[1]);
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    System.out.printf(Locale.ROOT, "%s, training 1000 steps: median %.3f s, min %.3f s over %d fresh JVMs (java %s, %d "
        + "cores, JVM flags %s)%n", kind, median, sorted[0], runs, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  private static TrainingHistory timeOnce(long seed, String kind) {
    PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);
    RecurrentNetwork net = switch (kind) {
      case "lstm" -> Lstm.forTask(task, 128, seed);
      case "gru" -> Gru.forTask(task, 128, seed);
      case "ei" -> EiRnn.builder().forTask(task).hiddenSize(128).sigmaRec(0.15).seed(seed).build();
      case "stp" -> Ctrnn.builder().forTask(task).hiddenSize(128).plasticity(ShortTermPlasticity.facilitating())
          .seed(seed).build();
      default -> Ctrnn.forTask(task, 128, seed);
    };
    return Trainer.builder().progress(TrainingProgress.silent()).build().train(net, Dataset.of(task, 16, 100, seed));
  }

  /** Seconds and the final mean loss of one run in a fresh JVM. */
  private static double[] runChild(long seed, String kind) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The children run with this JVM's flags (the collector among them: pom.xml's rnnlab.jvm.flags).
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName(), CHILD,
        Long.toString(seed), kind));
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
      return Arrays.stream(last.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
