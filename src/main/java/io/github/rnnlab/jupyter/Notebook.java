package io.github.rnnlab.jupyter;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.sweep.SweepProgress;
import io.github.rnnlab.train.TrainingProgress;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;
import tech.tablesaw.api.Table;

/**
 * Kernel-neutral display from library code: publish an output and update it in place while a cell runs. Inside JJava,
 * the rapaio kernel or the Kotlin kernel the call goes to the kernel (through adapter classes that only a running
 * kernel loads); in a plain JVM it prints a text form to standard output, so code that uses it also runs in tests and
 * scripts.
 *
 * <p>Strings are shown as plain text and {@link Html} as HTML in every kernel; tables, charts and figures get the
 * rich output that {@link RnnlabJupyter}, {@link RnnlabRapaioDisplay} and {@link RnnlabKotlinIntegration} register.
 *
 * <p>Kernels accept display messages only while a cell is running, and only from the cell's own thread: call these
 * from the code the cell runs, not from a background thread.
 */
public final class Notebook {

  /** The kernel this JVM runs in, as far as rnnlab can tell. */
  public enum Kernel {
    /** Not in a kernel that rnnlab knows (plain JVM, tests, other kernels). */
    NONE,
    /** The JJava kernel (rnnlab's extension was installed). */
    JJAVA,
    /** The rapaio-jupyter-kernel (rnnlab's display provider was loaded). */
    RAPAIO,
    /** The Kotlin Jupyter kernel (rnnlab's Kotlin integration was loaded). */
    KOTLIN
  }

  /** What a kernel adapter provides; implemented only by classes that refer to a kernel's API. */
  interface Bridge {
    Kernel kernel();

    /** Publishes {@code o}, returns its display id, or null if the kernel cannot take display messages now. */
    @Nullable String display(Object o);

    /** Replaces the output with id {@code id}; false if the kernel cannot take display messages now. */
    boolean update(String id, Object o);
  }

  private static volatile @Nullable Bridge bridge;
  private static volatile boolean rapaioChecked;

  private Notebook() {}

  /** The kernel rnnlab is running in. */
  public static Kernel kernel() {
    @Nullable Bridge b = bridge();
    return b == null ? Kernel.NONE : b.kernel();
  }

  /**
   * The installed bridge. JJava installs its bridge at start-up; rapaio's provider does so when the kernel first
   * renders a value, so if nothing was rendered yet and this JVM is the rapaio kernel, create the provider now.
   */
  private static @Nullable Bridge bridge() {
    @Nullable Bridge b = bridge;
    if (b == null && !rapaioChecked) {
      rapaioChecked = true;
      if (inRapaioKernel()) {
        try {
          Class.forName("io.github.rnnlab.jupyter.RnnlabRapaioDisplay", true, Notebook.class.getClassLoader())
              .getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
          // Not the kernel we thought: stay with plain output.
        }
        b = bridge;
      }
    }
    return b;
  }

  /**
   * True when this JVM was started as the rapaio kernel ({@code java -jar rapaio-jupyter-kernel-*.jar}, its main
   * class or {@link RapaioKernelLauncher}). Checked before touching rapaio's {@code Global}: loading it outside the
   * kernel starts a second kernel.
   */
  static boolean inRapaioKernel() {
    String command = System.getProperty("sun.java.command", "");
    return command.contains("rapaio-jupyter-kernel") || command.startsWith("org.rapaio.jupyter.kernel.MainApp")
        || command.startsWith(RapaioKernelLauncher.class.getName());
  }

  /**
   * Shows {@code o} as a new output and returns its display id for {@link #updateDisplay(String, Object)}. Outside a
   * kernel, prints its text form and returns null.
   */
  public static @Nullable String display(Object o) {
    String id = tryDisplay(o);
    if (id == null) {
      printText(o);
    }
    return id;
  }

  /**
   * Replaces the output {@code id} (from {@link #display(Object)}) with {@code o}. Outside a kernel, or with a null id,
   * prints the text form of {@code o} instead.
   */
  public static void updateDisplay(@Nullable String id, Object o) {
    if (!tryUpdate(id, o)) {
      printText(o);
    }
  }

  /** HTML that both kernels show as HTML. */
  public static Html html(String html) {
    return new Html(html);
  }

  /**
   * Training progress shown as one output that is updated in place (a line such as {@code Step 100/1000  loss 0.1976
   * (2.5 s)}); prints lines when no kernel can take the output. Installed as {@link TrainingProgress#defaultProgress()}
   * when rnnlab is loaded in JJava, rapaio or the Kotlin kernel.
   */
  public static TrainingProgress progress() {
    return new NotebookProgress();
  }

  /**
   * Sweep progress shown as one output that is updated in place (a line such as {@code Sweep: 12/30 runs, 38 s, about
   * 57 s left}); prints lines when no kernel can take the output. Installed as {@link
   * SweepProgress#defaultProgress()} when rnnlab is loaded in JJava or rapaio.
   */
  public static SweepProgress sweepProgress() {
    return new NotebookSweepProgress();
  }

  /** Publishes without a text fallback; null when not possible. */
  static @Nullable String tryDisplay(Object o) {
    @Nullable Bridge b = bridge();
    if (b == null) {
      return null;
    }
    try {
      return b.display(o);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Updates without a text fallback; false when not possible. */
  static boolean tryUpdate(@Nullable String id, Object o) {
    @Nullable Bridge b = bridge();
    if (b == null || id == null) {
      return false;
    }
    try {
      return b.update(id, o);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Called by a kernel adapter once it knows it is running: routes display calls there, installs live progress. */
  static synchronized void install(Bridge b) {
    if (bridge != null) {
      return;
    }
    bridge = b;
    TrainingProgress.setDefaultProgress(new NotebookProgress());
    SweepProgress.setDefaultProgress(new NotebookSweepProgress());
  }

  /** Called when a kernel shuts the adapter down. */
  static synchronized void uninstall(Kernel k) {
    @Nullable Bridge b = bridge;
    if (b != null && b.kernel() == k) {
      bridge = null;
      if (TrainingProgress.defaultProgress() instanceof NotebookProgress) {
        TrainingProgress.setDefaultProgress(TrainingProgress.lines());
      }
      if (SweepProgress.defaultProgress() instanceof NotebookSweepProgress) {
        SweepProgress.setDefaultProgress(SweepProgress.lines());
      }
    }
  }

  static void printText(Object o) {
    PrintStream out = System.out;
    if (o instanceof Table t) {
      out.println(Renders.tableText(t));
    } else if (o instanceof Figure f) {
      out.println(f);
    } else {
      out.println(o);
    }
    out.flush();
  }
}
