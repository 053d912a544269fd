package io.github.rnnlab.jupyter;

import io.github.rnnlab.train.TrainingProgress;
import org.jspecify.annotations.Nullable;

/**
 * Training progress as one output updated in place. The first report of a run publishes a display; later reports of
 * the same run replace it. A run ends at its last step or when it stops. Where no display is possible, each report is
 * printed as a line, on the standard output current at that moment (kernels swap it per cell).
 */
final class NotebookProgress implements TrainingProgress {
  private @Nullable String id;
  private String lastLine = "";
  private int lastStep;
  private int lastTotal = -1;
  private double lastSeconds;

  @Override
  public synchronized void report(int step, int totalSteps, double meanLoss, double seconds) {
    String line = TrainingProgress.format(step, totalSteps, meanLoss, seconds);
    boolean newRun = id == null || step <= lastStep || totalSteps != lastTotal || seconds < lastSeconds;
    if (newRun) {
      id = Notebook.tryDisplay(line);
      if (id == null) {
        println(line);
      }
    } else if (!Notebook.tryUpdate(id, line)) {
      id = null;
      println(line);
    }
    lastLine = line;
    lastStep = step;
    lastTotal = totalSteps;
    lastSeconds = seconds;
    if (step >= totalSteps) {
      reset();
    }
  }

  @Override
  public synchronized void stopped(String message) {
    if (id == null || !Notebook.tryUpdate(id, lastLine.isEmpty() ? message : lastLine + "\n" + message)) {
      println(message);
    }
    reset();
  }

  private void reset() {
    id = null;
    lastLine = "";
    lastStep = 0;
    lastTotal = -1;
    lastSeconds = 0;
  }

  private static void println(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
