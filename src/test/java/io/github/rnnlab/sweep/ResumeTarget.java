package io.github.rnnlab.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The sweep that {@link ResumeTest} kills half-way: 8 slow runs, one at a time, into the results file given as the
 * argument. Its metric, {@code seed²}, is what the test's resumed sweep computes too.
 */
final class ResumeTarget {
  static final int RUNS = 8;

  private ResumeTarget() {}

  static SweepPlan sweep(Path results) {
    return SweepPlan.builder().vary("x", List.of(1, 2)).seedRange(1, RUNS / 2).executor(SweepExecutor.local(1))
        .resultsFile(results).progress(SweepProgress.silent()).build();
  }

  static Map<String, Double> metrics(Run run) {
    return Map.of("square", (double) run.seed() * run.seed() * run.getInt("x"));
  }

  public static void main(String[] args) {
    sweep(Path.of(args[0])).execute(run -> {
      Thread.sleep(200);
      return metrics(run);
    });
  }
}
