package io.github.rnnlab.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Receives progress while a {@link Trainer} runs. The default prints a line every {@code logEvery} steps to standard
 * output; a notebook integration may install one that updates a single output in place. One abstract method, so a
 * lambda will do: {@code progress((step, total, loss, seconds) -> ...)}.
 */
@FunctionalInterface
public interface TrainingProgress {

  /** Called every {@code logEvery} steps and at the last step; {@code meanLoss} is the mean since the last report. */
  void report(int step, int totalSteps, double meanLoss, double seconds);

  /**
   * Called once if training stops early, with a message that says what happened and what to try; prints it to
   * standard output unless overridden.
   */
  default void stopped(String message) {
    System.out.println(message);
  }

  /** Lines such as {@code Step  100/1000  loss 0.1976  (2.5 s)} on {@code out}. */
  static TrainingProgress lines(PrintStream out) {
    return lines(() -> out);
  }

  /**
   * Lines on whatever {@code System.out} is at each report: notebook kernels swap it for every cell, so a stream
   * captured once would print into a finished cell.
   */
  static TrainingProgress lines() {
    return lines(() -> System.out);
  }

  private static TrainingProgress lines(Supplier<PrintStream> out) {
    return new TrainingProgress() {
      @Override
      public void report(int step, int totalSteps, double meanLoss, double seconds) {
        out.get().println(format(step, totalSteps, meanLoss, seconds));
      }

      @Override
      public void stopped(String message) {
        out.get().println(message);
      }
    };
  }

  /** Reports nothing. */
  static TrainingProgress silent() {
    return new TrainingProgress() {
      @Override
      public void report(int step, int totalSteps, double meanLoss, double seconds) {}

      @Override
      public void stopped(String message) {}
    };
  }

  /** The standard progress line. */
  static String format(int step, int totalSteps, double meanLoss, double seconds) {
    int width = Integer.toString(totalSteps).length();
    return String.format(Locale.ROOT, "Step %" + width + "d/%d  loss %.4f  (%.1f s)", step, totalSteps, meanLoss,
        seconds);
  }

  /** The progress used by trainers that were not given one. */
  static TrainingProgress defaultProgress() {
    return Holder.current;
  }

  /** Replaces the default progress, e.g. with a notebook display that updates in place. */
  static void setDefaultProgress(TrainingProgress progress) {
    Holder.current = Objects.requireNonNull(progress);
  }

  /** Holds the process-wide default; interfaces cannot have mutable static fields of their own. */
  final class Holder {
    private static volatile TrainingProgress current = lines();

    private Holder() {}
  }
}
