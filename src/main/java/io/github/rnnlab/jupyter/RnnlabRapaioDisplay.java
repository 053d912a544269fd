package io.github.rnnlab.jupyter;

import io.github.rnnlab.plot.Figure;
import java.util.List;
import java.util.Map;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.MimeType;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import org.rapaio.jupyter.kernel.global.Global;
import tech.tablesaw.api.Table;
import org.jspecify.annotations.Nullable;

/**
 * rnnlab's display provider for the rapaio-jupyter-kernel, found by {@code ServiceLoader}
 * ({@code META-INF/services/org.rapaio.jupyter.kernel.display.spi.DisplayProvider}) when the kernel first renders a
 * value or a {@code display(...)} call, and again after {@code %jar} / {@code %dependency}. A Tablesaw {@link Table}
 * shows as an HTML table (plus text), an XChart chart or an rnnlab {@link Figure} as a PNG, {@link Html} as HTML.
 *
 * <p>rapaio has no start-up hook for libraries, so the constructor does the rest of the set-up: when it finds itself
 * inside the rapaio kernel it routes {@link Notebook} displays there and installs live training progress as the
 * default. That happens when the kernel first renders something (any cell ending in a value, e.g. a chart), or
 * when {@link Notebook} is first used; a training run before either prints progress lines instead.
 *
 * <p>Only the rapaio kernel loads this class; its API is a {@code provided} dependency.
 */
public final class RnnlabRapaioDisplay implements DisplayProvider {

  /** Creates the provider; when running inside the rapaio kernel, also installs the notebook integration. */
  public RnnlabRapaioDisplay() {
    if (Notebook.inRapaioKernel()) {
      Notebook.install(new Bridge());
    }
  }

  @Override
  public List<DisplayRenderer> getDisplayRenderers() {
    return RichOutput.all().stream().map(RnnlabRapaioDisplay::renderer).toList();
  }

  @Override
  public List<DisplayTransformer> getDisplayTransformers() {
    return List.of();
  }

  /** The long MIME type for a long or short name ({@code "png"}), or null if rapaio does not know it. */
  static String longMime(String mime) {
    try {
      return MimeType.from(mime, null).longType();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * A renderer for {@code output}'s type: asked for no particular type (a cell's value, {@code display(o)}), it gives
   * every output, the preferred first; asked for one type, just that one.
   */
  static <T> DisplayRenderer renderer(RichOutput<T> output) {
    return new DisplayRenderer() {
      @Override
      public Class<?> rendererClass() {
        return output.type();
      }

      @Override
      public boolean canRender(String mime) {
        return mime == null || output.outputs().containsKey(longMime(mime));
      }

      @Override
      public DisplayData render(String mime, Object o) {
        if (mime != null) {
          String m = longMime(mime);
          return DisplayData.withType(m, output.outputs().get(m).apply(output.type().cast(o)));
        }
        DisplayData dd = null;
        for (Map.Entry<String, String> e : output.render(o).entrySet()) {
          if (dd == null) {
            dd = DisplayData.withType(e.getKey(), e.getValue());
          } else {
            dd.putData(e.getKey(), e.getValue());
          }
        }
        return dd;
      }
    };
  }

  /** Display and update through rapaio's {@code Global} (only used inside the kernel). */
  private static final class Bridge implements Notebook.Bridge {
    @Override
    public Notebook.Kernel kernel() {
      return Notebook.Kernel.RAPAIO;
    }

    @Override
    public @Nullable String display(Object o) {
      return o instanceof String s ? Global.display("text/plain", s) : Global.display(o);
    }

    @Override
    public boolean update(String id, Object o) {
      if (o instanceof String s) {
        Global.updateDisplay(id, "text/plain", s);
      } else {
        Global.updateDisplay(id, o);
      }
      return true;
    }
  }
}
