package io.github.rnnlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.train.TrainingProgress;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RendersTest {

  private static Table numbers(int rows) {
    int[] values = new int[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = i;
    }
    return Table.create("numbers", IntColumn.create("n", values));
  }

  private static int count(String s, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void escapesHtmlSpecialCharacters() {
    assertEquals("&lt;b&gt;Tom &amp; &quot;Jerry&quot; &#39;s&lt;/b&gt;", Renders.htmlEscape("<b>Tom & \"Jerry\" 's</b>"));
    assertEquals("plain", Renders.htmlEscape("plain"));
    assertEquals("", Renders.htmlEscape(null));
  }

  @Test
  void tableHtmlEscapesNamesAndValues() {
    Table t = Table.create("<script>",
        StringColumn.create("a<b", List.of("x & y", "<i>z</i>")));
    String html = Renders.tableHtml(t);
    assertTrue(html.startsWith("<table"), html);
    assertTrue(html.contains("<th>a&lt;b</th>"), html);
    assertTrue(html.contains("<td>x &amp; y</td>"), html);
    assertTrue(html.contains("<td>&lt;i&gt;z&lt;/i&gt;</td>"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<i>"), html);
    assertTrue(html.contains("2 rows × 1 column"), html);
  }

  @Test
  void shortTableShowsEveryRow() {
    String html = Renders.tableHtml(numbers(20));
    assertEquals(20, count(html, "<tr><td>"));
    assertFalse(html.contains("not shown"), html);
  }

  @Test
  void longTableShowsHeadAndTail() {
    String html = Renders.tableHtml(numbers(500));
    assertEquals(20, count(html, "<tr><td>"));
    assertTrue(html.contains("<td>0</td>") && html.contains("<td>9</td>"), html);
    assertFalse(html.contains("<td>10</td>"), html);
    assertFalse(html.contains("<td>489</td>"), html);
    assertTrue(html.contains("<td>490</td>") && html.contains("<td>499</td>"), html);
    assertTrue(html.contains("… 480 rows not shown …"), html);
    assertTrue(html.contains("500 rows"), html);
  }

  @Test
  void oddRowCapPutsTheExtraRowInTheHead() {
    String html = Renders.tableHtml(numbers(10), 5);
    assertTrue(html.contains("<td>2</td>") && !html.contains("<td>3</td>"), html);
    assertTrue(html.contains("<td>8</td>") && !html.contains("<td>7</td>"), html);
    assertTrue(html.contains("… 5 rows not shown …"), html);
    assertThrows(IllegalArgumentException.class, () -> Renders.tableHtml(numbers(3), 0));
  }

  @Test
  void tableTextIsTablesawsPrint() {
    Table t = numbers(50);
    assertEquals(t.print(), Renders.tableText(t));
  }

  private static BufferedImage decode(String base64) throws IOException {
    byte[] bytes = Base64.getDecoder().decode(base64);
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
    assertNotNull(img, "PNG did not decode");
    return img;
  }

  private static XYChart chart(int width, int height) {
    XYChart c = new XYChart(width, height);
    c.setTitle("squares");
    c.addSeries("y", new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
    return c;
  }

  @Test
  void imagePngDecodesToTheSameSize() throws IOException {
    BufferedImage img = new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB);
    img.setRGB(5, 6, 0xff0000);
    BufferedImage back = decode(Renders.pngBase64(img));
    assertEquals(37, back.getWidth());
    assertEquals(21, back.getHeight());
    assertEquals(0xff0000, back.getRGB(5, 6) & 0xffffff);
  }

  @Test
  void chartPngHasTheChartSize() throws IOException {
    BufferedImage back = decode(Renders.chartPng(chart(320, 240)));
    assertEquals(320, back.getWidth());
    assertEquals(240, back.getHeight());
    assertTrue(Renders.chartText(chart(320, 240)).contains("squares"));
  }

  @Test
  void figurePngHasTheFigureSize() throws IOException {
    Figure row = Figure.row(List.of(chart(300, 200), chart(200, 250)));
    BufferedImage back = decode(Renders.figurePng(row));
    assertEquals(500, back.getWidth());
    assertEquals(250, back.getHeight());
  }

  @Test
  void outsideAKernelNotebookPrintsAndProgressPrintsLines() {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      assertEquals(Notebook.Kernel.NONE, Notebook.kernel());
      assertNull(Notebook.display("hello"));
      Notebook.updateDisplay(null, "again");
      TrainingProgress p = Notebook.progress();
      p.report(100, 200, 0.5, 1.25);
      p.report(200, 200, 0.25, 2.5);
      p.stopped("stopped early");
    } finally {
      System.setOut(old);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("hello"), out);
    assertTrue(out.contains("again"), out);
    assertTrue(out.contains(TrainingProgress.format(100, 200, 0.5, 1.25)), out);
    assertTrue(out.contains(TrainingProgress.format(200, 200, 0.25, 2.5)), out);
    assertTrue(out.contains("stopped early"), out);
  }

  @Test
  void rapaioProviderRendersWithoutTouchingTheKernel() {
    // Constructing the provider outside the rapaio kernel must not load Global/MainApp or install anything.
    assertFalse(Notebook.inRapaioKernel());
    RnnlabRapaioDisplay provider = new RnnlabRapaioDisplay();
    assertEquals(Notebook.Kernel.NONE, Notebook.kernel());
    var renderers = provider.getDisplayRenderers();
    var tableRenderer = renderers.stream().filter(r -> r.rendererClass() == Table.class).findFirst().orElseThrow();
    assertTrue(tableRenderer.canRender(null));
    assertTrue(tableRenderer.canRender("html"));
    assertTrue(tableRenderer.canRender("text/plain"));
    assertFalse(tableRenderer.canRender("image/png"));
    var dd = tableRenderer.render(null, numbers(3));
    assertEquals(Renders.tableHtml(numbers(3)), dd.data().get("text/html"));
    assertEquals(numbers(3).print(), dd.data().get("text/plain"));
    var chartRenderer = renderers.stream().filter(r -> r.rendererClass().isInstance(chart(10, 10))).findFirst()
        .orElseThrow();
    assertTrue(chartRenderer.canRender("png"));
    assertNotNull(chartRenderer.render("image/png", chart(100, 80)).data().get("image/png"));
  }
}
