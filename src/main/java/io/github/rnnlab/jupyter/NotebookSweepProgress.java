package io.github.rnnlab.jupyter;

import io.github.rnnlab.sweep.SweepProgress;

/**
 * Sweep progress as one output updated in place: a sweep's first report (no run finished in this execution yet)
 * publishes a display, later reports replace it, and the last one ends it. Prints lines where no display is possible.
 */
final class NotebookSweepProgress implements SweepProgress {
  private final LiveOutput output = new LiveOutput();

  @Override
  public synchronized void report(Status status) {
    output.show(status.line(), status.done() == status.resumed());
    if (status.finished()) {
      output.end();
    }
  }
}
