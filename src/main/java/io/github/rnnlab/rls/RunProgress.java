package io.github.rnnlab.rls;

import java.util.Locale;

/**
 * Receives progress after each run of a training made of repeated runs (PINning, CURBD).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RunProgress {

  /** Called after run {@code run} (counted from 1) of {@code runs}, with its pVar and the seconds since the start. */
  void report(int run, int runs, double pVar, double seconds);

  /** Reports nothing. */
  static RunProgress silent() {
    return (run, runs, pVar, seconds) -> { };
  }

  /**
   * A line such as {@code run  50/125  pVar 0.812  (9.8 s)} on the standard output current at that moment, after the
   * first run, every tenth of the runs and the last.
   */
  static RunProgress lines() {
    return (run, runs, pVar, seconds) -> {
      if (run == 1 || run == runs || run % Math.max(1, runs / 10) == 0) {
        int width = Integer.toString(runs).length();
        System.out.println(String.format(Locale.ROOT, "run %" + width + "d/%d  pVar %.3f  (%.1f s)", run, runs, pVar,
            seconds));
      }
    };
  }
}
