package io.github.rnnlab.bench;

import io.github.rnnlab.rls.BumpSequence;
import io.github.rnnlab.rls.PinningResult;
import io.github.rnnlab.rls.RunProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the Rajan lab's problem 3 (PINning a 500-unit network into a sequence, {@link BumpSequence#reference}) in
 * rnnlab against {@code bench/pset3_numpy.py}, the same algorithm in NumPy, interleaved in one session: each round runs
 * the NumPy script and then a fresh JVM (JIT warm-up included), with the same seed. Both time the training loop
 * (all runs), not the set-up. Prints each round, the medians, their ratio and the free runs' pVar of both.
 *
 * <p>Usage: {@code mvn -q -B compile exec:exec@pinning-bench [-Dbench.rounds=3] [-Dbench.pinningRuns=125]}; the
 * script is found at {@code bench/pset3_numpy.py} from the working directory, Python at {@code /usr/bin/python3}
 * (override with {@code -Dbench.python=...}).
 */
public final class PinningBench {
  private static final String CHILD = "--child";
  private static final Pattern SECONDS = Pattern.compile("\"seconds\": ([0-9.eE+-]+)");
  private static final Pattern FREE = Pattern.compile("\"free_p_var\": \\[([^\\]]*)\\]");

  private PinningBench() {}

  /**
   * {@code [rounds [runs]]} (defaults 3 and 125) runs the comparison; {@code --child seed runs} times rnnlab once in
   * this JVM and prints {@code seconds freePVar...}.
   */
  public static void main(String[] args) {
    if (args.length == 3 && args[0].equals(CHILD)) {
      child(Long.parseLong(args[1]), Integer.parseInt(args[2]));
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 125;
    Path script = Path.of(System.getProperty("bench.script", "bench/pset3_numpy.py"));
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException("the NumPy script is not at " + script.toAbsolutePath()
          + "; run from the project directory or set -Dbench.script");
    }
    String python = System.getProperty("bench.python", "/usr/bin/python3");
    System.out.printf(Locale.ROOT, "PINning problem 3: 500 units, %d runs (5 free), %d rounds (java %s, %d cores)%n",
        runs, rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    double[] numpy = new double[rounds];
    double[] java = new double[rounds];
    List<Double> numpyFree = new ArrayList<>();
    List<Double> javaFree = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      long seed = r + 1;
      String json = last(run(List.of(python, script.toString(), "--runs", Integer.toString(runs), "--seed",
          Long.toString(seed))));
      numpy[r] = Double.parseDouble(group(SECONDS, json));
      String free = group(FREE, json);
      if (!free.isBlank()) {
        Arrays.stream(free.split(",")).map(String::trim).map(Double::parseDouble).forEach(numpyFree::add);
      }
      String[] javaLine = last(run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), PinningBench.class.getName(), CHILD, Long.toString(seed),
          Integer.toString(runs)))).trim().split("\\s+");
      java[r] = Double.parseDouble(javaLine[0]);
      for (int k = 1; k < javaLine.length; k++) {
        javaFree.add(Double.parseDouble(javaLine[k]));
      }
      System.out.printf(Locale.ROOT, "round %d (seed %d): numpy %.2f s, rnnlab %.2f s, ratio %.2f%n", r + 1, seed,
          numpy[r], java[r], numpy[r] / java[r]);
    }
    double numpyMedian = median(numpy);
    double javaMedian = median(java);
    System.out.printf(Locale.ROOT, "median: numpy %.2f s (%.3f s a run), rnnlab %.2f s (%.3f s a run): rnnlab %.2fx "
        + "faster%n", numpyMedian, numpyMedian / runs, javaMedian, javaMedian / runs, numpyMedian / javaMedian);
    System.out.printf(Locale.ROOT, "free-run pVar: numpy %s, rnnlab %s%n", summary(numpyFree), summary(javaFree));
  }

  private static void child(long seed, int runs) {
    PinningResult result = BumpSequence.reference(seed).pinning().runs(runs, Math.min(5, runs))
        .progress(RunProgress.silent()).train();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.4f", result.seconds()));
    for (double p : result.history().freePVar()) {
      line.append(String.format(Locale.ROOT, " %.4f", p));
    }
    System.out.println(line);
  }

  private static String summary(List<Double> values) {
    if (values.isEmpty()) {
      return "none";
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return String.format(Locale.ROOT, "mean %.3f (%.3f to %.3f over %d runs)", mean, min, max, values.size());
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("unexpected output: " + text);
    }
    return m.group(1);
  }

  private static String last(List<String> lines) {
    if (lines.isEmpty()) {
      throw new IllegalStateException("no output");
    }
    return lines.get(lines.size() - 1);
  }

  /** Runs a command, returns its standard output lines; standard error (progress) is discarded. */
  private static List<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
        }
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException("failed: " + String.join(" ", command));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
