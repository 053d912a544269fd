package io.github.rnnlab.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one run gave: its metrics, the seconds it took and, if it threw, the error. Immutable and serializable.
 *
 * @param run the run
 * @param metrics the metrics by name, in alphabetical order; empty if the run failed
 * @param seconds wall-clock seconds of the run (the only part of a result that differs between two executions)
 * @param error the exception's class and message if the run threw, on one line; null if it did not
 */
public record RunResult(Run run, Map<String, Double> metrics, double seconds, @Nullable String error)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the metrics in alphabetical order. */
  public RunResult {
    metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  /** Whether the run threw. */
  public boolean failed() {
    return error != null;
  }

  /** The error, if the run threw. */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(error);
  }

  /** Metric {@code name}, NaN if the run has none of that name. */
  public double metric(String name) {
    return metrics.getOrDefault(name, Double.NaN);
  }

  /**
   * Runs {@code function} for {@code run} and times it. Whatever it throws becomes the result's error, so one run's
   * failure stops no other run; an error is also returned for metric names that are not column names.
   */
  static RunResult compute(SweepFunction function, Run run) {
    long start = System.nanoTime();
    try {
      Map<String, ? extends Number> returned = function.apply(run);
      if (returned == null) {
        throw new IllegalStateException("the sweep function returned null instead of a map of metrics");
      }
      Map<String, Double> metrics = new TreeMap<>();
      returned.forEach((name, value) -> metrics.put(Setting.requireName(name, "metric"), value.doubleValue()));
      return new RunResult(run, metrics, elapsed(start), null);
    } catch (Throwable e) {
      // Whatever went wrong, it is this run's result; the sweep goes on with the others.
      return failure(run, elapsed(start), e);
    }
  }

  /** A failed result whose error is {@code e}'s class, message and where it was thrown, on one line. */
  static RunResult failure(Run run, double seconds, Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String where = trace.length == 0 ? "" : " (at " + trace[0] + ")";
    return new RunResult(run, Map.of(), seconds, (e + where).replaceAll("\\s*[\\r\\n]+\\s*", " "));
  }

  private static double elapsed(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
