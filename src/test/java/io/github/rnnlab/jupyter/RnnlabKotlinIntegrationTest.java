package io.github.rnnlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.train.TrainingProgress;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import kotlin.jvm.JvmClassMappingKt;
import kotlin.jvm.functions.Function1;
import kotlinx.serialization.json.Json;
import org.jetbrains.kotlinx.jupyter.api.FieldValue;
import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost;
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult;
import org.jetbrains.kotlinx.jupyter.api.RendererHandler;
import org.jetbrains.kotlinx.jupyter.api.RendererTypeHandler;
import org.jetbrains.kotlinx.jupyter.api.libraries.LibrariesProducerDeclaration;
import org.jetbrains.kotlinx.jupyter.api.libraries.LibrariesScanResult;
import org.jetbrains.kotlinx.jupyter.api.libraries.LibraryDefinition;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The Kotlin kernel integration without a kernel: the descriptor the kernel scans for, the definitions it would load
 * (imports, renderers, load and shutdown hooks), driven through the kernel API's own interfaces with stand-ins for the
 * notebook and the kernel host.
 */
class RnnlabKotlinIntegrationTest {

  /** A stand-in for an API interface that answers nothing; the integration must not need it to build definitions. */
  private static <T> T unused(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("toString")) {
        return "unused " + type.getSimpleName();
      }
      throw new UnsupportedOperationException(method.getName());
    }));
  }

  private static List<LibraryDefinition> definitions() {
    return new RnnlabKotlinIntegration().getDefinitions(unused(org.jetbrains.kotlinx.jupyter.api.Notebook.class));
  }

  /** What the kernel shows for {@code value}: the MIME bundle of the one renderer that takes it. */
  private static Map<String, String> render(Object value) {
    List<RendererHandler> takers = new ArrayList<>();
    for (LibraryDefinition d : definitions()) {
      for (RendererHandler r : d.getRenderers()) {
        if (r.accepts(value)) {
          takers.add(r);
        }
      }
    }
    assertEquals(1, takers.size(), "renderers for " + value.getClass() + ": " + takers);
    RendererHandler renderer = takers.get(0);
    assertTrue(((RendererTypeHandler) renderer).acceptsType(JvmClassMappingKt.getKotlinClass(value.getClass())));
    FieldValue rendered = renderer.getExecution().execute(unused(
        org.jetbrains.kotlinx.jupyter.api.libraries.ExecutionHost.class), new FieldValue(value, "x"));
    return (MimeTypedResult) rendered.getValue();
  }

  private static Table numbers(int rows) {
    int[] n = new int[rows];
    for (int i = 0; i < rows; i++) {
      n[i] = i * i;
    }
    return Table.create("squares", IntColumn.create("n", n));
  }

  private static XYChart chart(int width, int height) {
    XYChart c = new XYChart(width, height);
    c.addSeries("y", new double[] {0, 1, 2}, new double[] {0, 1, 4});
    return c;
  }

  private static BufferedImage png(String base64) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    assertNotNull(image, "not a PNG");
    return image;
  }

  @Test
  void theKernelsDescriptorNamesTheIntegration() throws IOException {
    // Parsed with the kernel's own serializer, as its class path scan does.
    String text;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/kotlin-jupyter-libraries/libraries.json")) {
      assertNotNull(in, "no META-INF/kotlin-jupyter-libraries/libraries.json on the class path");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    LibrariesScanResult scan = Json.Default.decodeFromString(LibrariesScanResult.Companion.serializer(), text);
    assertEquals(List.of(RnnlabKotlinIntegration.class.getName()),
        scan.getProducers().stream().map(LibrariesProducerDeclaration::getFqn).toList());
    assertTrue(scan.getDefinitions().isEmpty());
  }

  @Test
  void importsAreTheJavaKernelsStartupImports() throws IOException {
    List<String> startup = Files.readAllLines(Path.of("notebooks/startup.jsh")).stream()
        .map(String::strip)
        .filter(line -> line.startsWith("import "))
        .map(line -> line.substring("import ".length(), line.length() - 1))
        .toList();
    assertEquals(startup, RnnlabKotlinIntegration.IMPORTS);
    List<String> imported = definitions().stream().flatMap(d -> d.getImports().stream()).toList();
    assertEquals(startup, imported);
  }

  @Test
  void aTableRendersAsHtmlAndText() {
    Table table = numbers(30);
    Map<String, String> bundle = render(table);
    assertEquals(List.of("text/html", "text/plain"), List.copyOf(bundle.keySet()));
    assertEquals(Renders.tableHtml(table), bundle.get("text/html"));
    assertTrue(bundle.get("text/html").contains("30 rows × 1 column"), bundle.get("text/html"));
    assertEquals(table.print(), bundle.get("text/plain"));
  }

  @Test
  void aFigureAndAChartRenderAsPng() throws IOException {
    Map<String, String> figure = render(Figure.row(List.of(chart(300, 200), chart(200, 250))));
    assertEquals(List.of("image/png", "text/plain"), List.copyOf(figure.keySet()));
    BufferedImage image = png(figure.get("image/png"));
    assertEquals(500, image.getWidth());
    assertEquals(250, image.getHeight());

    Map<String, String> chart = render(chart(320, 240));
    assertEquals(320, png(chart.get("image/png")).getWidth());
    assertEquals(Renders.chartText(chart(320, 240)), chart.get("text/plain"));

    assertEquals(Map.of("text/html", "<b>hi</b>"), render(new Html("<b>hi</b>")));
  }

  @Test
  void othersAreLeftToTheKernel() {
    for (LibraryDefinition d : definitions()) {
      for (RendererHandler r : d.getRenderers()) {
        assertFalse(r.accepts("a string"), r.toString());
        assertFalse(r.accepts(null), r.toString());
      }
    }
  }

  /** A kernel host that records what it is asked to display. */
  private static final class RecordingHost {
    final List<String> calls = new ArrayList<>();
    final KotlinKernelHost host = (KotlinKernelHost) Proxy.newProxyInstance(KotlinKernelHost.class.getClassLoader(),
        new Class<?>[] {KotlinKernelHost.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "display", "updateDisplay" -> {
              Map<?, ?> bundle = (MimeTypedResult) args[0];
              calls.add(method.getName() + " " + args[1] + " " + bundle.get("text/plain"));
              return null;
            }
            case "toString" -> {
              return "recording host";
            }
            default -> throw new UnsupportedOperationException(method.getName());
          }
        });
  }

  private static void runAll(List<? extends Function1<KotlinKernelHost, ?>> callbacks, KotlinKernelHost host) {
    for (Function1<KotlinKernelHost, ?> callback : callbacks) {
      callback.invoke(host);
    }
  }

  @Test
  void onceLoadedTrainingProgressIsOneOutputUpdatedInPlace() {
    List<LibraryDefinition> definitions = definitions();
    RecordingHost recording = new RecordingHost();
    assertEquals(Notebook.Kernel.NONE, Notebook.kernel());
    try {
      definitions.forEach(d -> runAll(d.getInit(), recording.host));
      assertEquals(Notebook.Kernel.KOTLIN, Notebook.kernel());
      TrainingProgress progress = TrainingProgress.defaultProgress();
      progress.report(100, 200, 0.5, 1.0);
      progress.report(200, 200, 0.25, 2.0);
    } finally {
      definitions.forEach(d -> runAll(d.getShutdown(), recording.host));
    }
    assertEquals(Notebook.Kernel.NONE, Notebook.kernel());
    assertEquals(2, recording.calls.size(), recording.calls.toString());
    String[] shown = recording.calls.get(0).split(" ", 3);
    String[] updated = recording.calls.get(1).split(" ", 3);
    assertEquals("display", shown[0]);
    assertEquals("updateDisplay", updated[0]);
    assertEquals(shown[1], updated[1], "the update must replace the first output");
    assertEquals(TrainingProgress.format(100, 200, 0.5, 1.0), shown[2]);
    assertEquals(TrainingProgress.format(200, 200, 0.25, 2.0), updated[2]);
  }
}
