package io.github.rnnlab.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Receives a sweep's progress: once when it starts and once as each run finishes, always on the thread that called
 * {@link SweepPlan#execute}. The default prints a line per report; in a notebook, rnnlab installs one that updates a
 * single output in place.
 */
@FunctionalInterface
public interface SweepProgress {

  /** Called when the sweep starts and as each run finishes; {@link Status#finished()} on the last report. */
  void report(Status status);

  /**
   * Where a sweep stands.
   *
   * @param done runs finished, those read from the results file included
   * @param total runs in the sweep
   * @param failed finished runs that threw
   * @param resumed runs read from the results file, not run again
   * @param seconds seconds since the sweep started
   * @param remainingSeconds estimated seconds to the end, from the pace of the runs finished so far; NaN until one
   *     has
   */
  record Status(int done, int total, int failed, int resumed, double seconds, double remainingSeconds) {

    /** Whether every run has finished. */
    public boolean finished() {
      return done == total;
    }

    /**
     * The standard line, e.g. {@code Sweep: 12/30 runs (1 failed, 5 from the results file), 38 s, about 57 s left}.
     */
    public String line() {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Sweep: %d/%d runs", done, total));
      if (failed > 0 || resumed > 0) {
        b.append(" (");
        if (failed > 0) {
          b.append(failed).append(" failed").append(resumed > 0 ? ", " : "");
        }
        if (resumed > 0) {
          b.append(resumed).append(" from the results file");
        }
        b.append(')');
      }
      b.append(", ").append(duration(seconds));
      if (!finished()) {
        b.append(Double.isFinite(remainingSeconds) ? ", about " + duration(remainingSeconds) + " left" : "");
      }
      return b.toString();
    }

    /** {@code 38 s}, {@code 2.5 min} or {@code 1.2 h}. */
    static String duration(double seconds) {
      if (seconds < 90) {
        return String.format(Locale.ROOT, "%.0f s", seconds);
      }
      if (seconds < 90 * 60) {
        return String.format(Locale.ROOT, "%.1f min", seconds / 60);
      }
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
  }

  /** A {@link Status#line()} per report on {@code out}. */
  static SweepProgress lines(PrintStream out) {
    return lines(() -> out);
  }

  /**
   * A {@link Status#line()} per report on whatever {@code System.out} is at that moment (notebook kernels swap it for
   * every cell).
   */
  static SweepProgress lines() {
    return lines(() -> System.out);
  }

  private static SweepProgress lines(Supplier<PrintStream> out) {
    return status -> {
      out.get().println(status.line());
      out.get().flush();
    };
  }

  /** Reports nothing. */
  static SweepProgress silent() {
    return status -> {};
  }

  /** The progress used by sweeps that were not given one. */
  static SweepProgress defaultProgress() {
    return Holder.current;
  }

  /** Replaces the default progress, e.g. with a notebook display that updates in place. */
  static void setDefaultProgress(SweepProgress progress) {
    Holder.current = Objects.requireNonNull(progress);
  }

  /** Holds the process-wide default; interfaces cannot have mutable static fields of their own. */
  final class Holder {
    private static volatile SweepProgress current = lines();

    private Holder() {}
  }
}
