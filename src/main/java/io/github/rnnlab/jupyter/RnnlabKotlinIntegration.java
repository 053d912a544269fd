package io.github.rnnlab.jupyter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kotlin.Unit;
import kotlin.jvm.JvmClassMappingKt;
import kotlin.reflect.KClass;
import org.jetbrains.kotlinx.jupyter.api.FieldValue;
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost;
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult;
import org.jetbrains.kotlinx.jupyter.api.RendererHandler;
import org.jetbrains.kotlinx.jupyter.api.RendererTypeHandler;
import org.jetbrains.kotlinx.jupyter.api.ResultHandlerExecution;
import org.jetbrains.kotlinx.jupyter.api.libraries.ExecutionHost;
import org.jetbrains.kotlinx.jupyter.api.libraries.JupyterIntegration;
import org.jetbrains.kotlinx.jupyter.api.libraries.LibraryDefinition;
import org.jetbrains.kotlinx.jupyter.api.libraries.LibraryDefinitionImplKt;
import org.jspecify.annotations.Nullable;

/**
 * rnnlab's integration with the Kotlin Jupyter kernel (Kotlin/kotlin-jupyter, which IntelliJ's Kotlin Notebook builds
 * on too). The kernel finds it through {@code META-INF/kotlin-jupyter-libraries/libraries.json} when rnnlab is on its
 * class path: it scans the class path after each cell, so the integration loads once the first cell of a session has
 * run (from the second cell on everything below holds). It
 * <ul>
 *   <li>imports what {@code notebooks/startup.jsh} imports for the Java kernels (rnnlab's packages, Tablesaw's
 *       {@code tech.tablesaw.api.*}, {@code INDArray}, {@code Nd4j});</li>
 *   <li>shows a Tablesaw {@code Table} as an HTML table, an rnnlab {@code Figure} or any XChart chart as a PNG and
 *       {@link Html} as HTML, each with a text form, as the Java kernels do ({@code RichOutput});</li>
 *   <li>routes {@link Notebook} displays to the kernel and installs live training progress (one output updated in
 *       place) as the default.</li>
 * </ul>
 *
 * <p>Written in Java against the API's Java-visible types, so rnnlab needs no Kotlin compiler for its main code and
 * the class runs on the kernel's own Kotlin standard library whatever Kotlin version rnnlab's tests use. Only the
 * Kotlin kernel loads this class; its API is a {@code provided} dependency.
 */
public final class RnnlabKotlinIntegration extends JupyterIntegration {

  /** The imports every cell gets, the same as the Java kernels' start-up script (a test keeps them in step). */
  static final List<String> IMPORTS = List.of(
      "io.github.rnnlab.task.*",
      "io.github.rnnlab.data.*",
      "io.github.rnnlab.model.*",
      "io.github.rnnlab.train.*",
      "io.github.rnnlab.analysis.*",
      "io.github.rnnlab.plot.*",
      "io.github.rnnlab.dynamics.*",
      "io.github.rnnlab.rls.*",
      "io.github.rnnlab.sweep.*",
      "io.github.rnnlab.jupyter.Notebook",
      "tech.tablesaw.api.*",
      "org.nd4j.linalg.api.ndarray.INDArray",
      "org.nd4j.linalg.factory.Nd4j");

  /** Creates the integration; the kernel calls this when it finds the library descriptor. */
  public RnnlabKotlinIntegration() {}

  @Override
  public void onLoaded(JupyterIntegration.Builder builder) {
    builder.setDescription("rnnlab: recurrent-network models of cognition; tables as HTML, figures as PNG");
    for (RichOutput<?> output : RichOutput.all()) {
      builder.addRenderer(new Renderer(output));
    }
    builder.onLoaded(host -> {
      Notebook.install(new Bridge(host));
      return Unit.INSTANCE;
    });
    builder.onShutdown(host -> {
      Notebook.uninstall(Notebook.Kernel.KOTLIN);
      return Unit.INSTANCE;
    });
  }

  /**
   * The definition built by {@link #onLoaded(JupyterIntegration.Builder)}, after one that holds {@link #IMPORTS}: the
   * builder's {@code import(...)} cannot be called from Java, where {@code import} is a keyword.
   */
  @Override
  public List<LibraryDefinition> getDefinitions(org.jetbrains.kotlinx.jupyter.api.Notebook notebook) {
    List<LibraryDefinition> definitions = new ArrayList<>();
    definitions.add(LibraryDefinitionImplKt.libraryDefinition(definition -> {
      definition.setImports(IMPORTS);
      return Unit.INSTANCE;
    }));
    definitions.addAll(super.getDefinitions(notebook));
    return definitions;
  }

  /** A MIME bundle the kernel sends as it is. */
  private static MimeTypedResult bundle(Map<String, String> outputs) {
    return new MimeTypedResult(outputs, false, null);
  }

  /** Renders the values of one {@link RichOutput}'s type, subclasses included, as its MIME bundle. */
  private static final class Renderer implements RendererTypeHandler {
    private final RichOutput<?> output;
    private final ResultHandlerExecution execution;

    Renderer(RichOutput<?> output) {
      this.output = output;
      this.execution = new ResultHandlerExecution() {
        @Override
        public FieldValue execute(ExecutionHost host, FieldValue result) {
          return new FieldValue(bundle(output.render(result.getValue())), null);
        }

        @Override
        public ResultHandlerExecution replaceVariables(Map<String, String> mapping) {
          return this;
        }
      };
    }

    @Override
    public boolean acceptsType(KClass<?> type) {
      return output.type().isAssignableFrom(JvmClassMappingKt.getJavaClass(type));
    }

    @Override
    public boolean accepts(@Nullable Object value) {
      return output.type().isInstance(value);
    }

    @Override
    public ResultHandlerExecution getExecution() {
      return execution;
    }

    @Override
    public RendererHandler replaceVariables(Map<String, String> mapping) {
      return this;
    }

    @Override
    public String toString() {
      return "rnnlab renderer of " + output.type().getName() + " as " + output.outputs().keySet();
    }
  }

  /**
   * Display and update through the kernel host the integration was loaded with. Its displays go to whichever cell is
   * running at the time (the kernel tracks the current request); outside a cell the kernel throws, and {@link Notebook}
   * falls back to printing.
   */
  private static final class Bridge implements Notebook.Bridge {
    private final KotlinKernelHost host;

    Bridge(KotlinKernelHost host) {
      this.host = host;
    }

    @Override
    public Notebook.Kernel kernel() {
      return Notebook.Kernel.KOTLIN;
    }

    @Override
    public @Nullable String display(Object o) {
      String id = UUID.randomUUID().toString();
      host.display(displayable(o), id);
      return id;
    }

    @Override
    public boolean update(String id, Object o) {
      host.updateDisplay(displayable(o), id);
      return true;
    }

    /** Strings as plain text; anything else goes through the kernel's renderers, rnnlab's included. */
    private static Object displayable(Object o) {
      return o instanceof String s ? bundle(Map.of("text/plain", s)) : o;
    }
  }
}
