package io.github.rnnlab.jupyter;

import io.github.rnnlab.train.TrainingProgress;

/**
 * Training progress as one output updated in place. The first report of a run publishes a display; later reports of
 * the same run replace it. A run ends at its last step or when it stops. Where no display is possible, each report is
 * printed as a line, on the standard output current at that moment (kernels swap it per cell).
 */
final class NotebookProgress implements TrainingProgress {
  private final LiveOutput output = new LiveOutput();
  private String lastLine = "";
  private int lastStep;
  private int lastTotal = -1;
  private double lastSeconds;

  @Override
  public synchronized void report(int step, int totalSteps, double meanLoss, double seconds) {
    String line = TrainingProgress.format(step, totalSteps, meanLoss, seconds);
    boolean newRun = lastTotal < 0 || step <= lastStep || totalSteps != lastTotal || seconds < lastSeconds;
    output.show(line, newRun);
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
    output.replace(lastLine.isEmpty() ? message : lastLine + "\n" + message, message);
    reset();
  }

  private void reset() {
    output.end();
    lastLine = "";
    lastStep = 0;
    lastTotal = -1;
    lastSeconds = 0;
  }
}
