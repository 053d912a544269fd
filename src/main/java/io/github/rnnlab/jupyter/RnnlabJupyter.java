package io.github.rnnlab.jupyter;

import io.github.rnnlab.plot.Figure;
import java.util.UUID;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;
import org.jspecify.annotations.Nullable;

/**
 * rnnlab's JJava extension, found by {@code ServiceLoader} ({@code META-INF/services/org.dflib.jjava.jupyter.Extension})
 * when rnnlab is on the kernel's classpath ({@code JJAVA_CLASSPATH}, {@code %classpath}, {@code %maven}). It makes a
 * Tablesaw {@link Table} at the end of a cell show as an HTML table (with text), and an XChart chart or an rnnlab
 * {@link Figure} as a PNG picture; it also routes {@link Notebook} displays to JJava and installs live training
 * progress as the default.
 *
 * <p>Only JJava loads this class; the JJava API is a {@code provided} dependency, never needed at run time elsewhere.
 */
public final class RnnlabJupyter implements Extension {
  private static volatile @Nullable BaseKernel kernel;

  /** Creates the extension; JJava calls this through {@code ServiceLoader}. */
  public RnnlabJupyter() {}

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void install(BaseKernel k) {
    synchronized (RnnlabJupyter.class) {
      if (kernel != null) {
        return;
      }
      kernel = k;
    }
    Renderer r = k.getRenderer();
    r.createRegistration(Table.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
        .register((t, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Renders.tableHtml(t));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Renders.tableText(t));
        });
    Class<Chart<?, ?>> chartClass = (Class) Chart.class;
    r.createRegistration(chartClass)
        .preferring(MIMEType.IMAGE_PNG)
        .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
        .register((c, ctx) -> {
          ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Renders.chartPng(c));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Renders.chartText(c));
        });
    r.createRegistration(Figure.class)
        .preferring(MIMEType.IMAGE_PNG)
        .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
        .register((f, ctx) -> {
          ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Renders.figurePng(f));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, f::toString);
        });
    r.createRegistration(Html.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_HTML)
        .register((h, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, h::html));
    Notebook.install(new Bridge(k));
  }

  @Override
  public void uninstall(BaseKernel k) {
    synchronized (RnnlabJupyter.class) {
      if (kernel != k) {
        return;
      }
      kernel = null;
    }
    Notebook.uninstall(Notebook.Kernel.JJAVA);
  }

  /** Display and update through JJava ({@code display_data} / {@code update_display_data}). */
  private static final class Bridge implements Notebook.Bridge {
    private final BaseKernel k;

    Bridge(BaseKernel k) {
      this.k = k;
    }

    @Override
    public Notebook.Kernel kernel() {
      return Notebook.Kernel.JJAVA;
    }

    @Override
    public @Nullable String display(Object o) {
      if (!k.getIO().display.isAttached()) {
        return null;
      }
      DisplayData dd = render(o);
      String id = UUID.randomUUID().toString();
      // Not dd.setDisplayId(id): its return type changed between JJava 1.0-a6 and 1.0-a7.
      dd.putTransientData("display_id", id);
      k.display(dd);
      return id;
    }

    @Override
    public boolean update(String id, Object o) {
      if (!k.getIO().display.isAttached()) {
        return false;
      }
      k.getIO().display.updateDisplay(id, render(o));
      return true;
    }

    private DisplayData render(Object o) {
      if (o instanceof String s) {
        return new DisplayData(s);
      }
      return new DisplayData(k.getRenderer().render(o));
    }
  }
}
