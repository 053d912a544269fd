package io.github.rnnlab.jupyter;

import org.jspecify.annotations.Nullable;

/**
 * One text output that is replaced in place while a cell runs: the first {@link #show} of a series publishes a display,
 * the next ones update it. Where no display is possible, each text is printed as a line on the standard output
 * current at that moment (kernels swap it per cell).
 */
final class LiveOutput {
  private @Nullable String id;

  /** Shows {@code text}: as a new output if {@code fresh} or nothing is shown yet, else in place of the last one. */
  void show(String text, boolean fresh) {
    if (fresh || id == null) {
      id = Notebook.tryDisplay(text);
      if (id == null) {
        println(text);
      }
    } else if (!Notebook.tryUpdate(id, text)) {
      id = null;
      println(text);
    }
  }

  /** Replaces the current output with {@code text}; if there is none, prints {@code line} instead. */
  void replace(String text, String line) {
    if (id == null || !Notebook.tryUpdate(id, text)) {
      println(line);
    }
  }

  /** Ends the series: the next {@link #show} publishes a new output. */
  void end() {
    id = null;
  }

  private static void println(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
