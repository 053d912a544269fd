package io.github.rnnlab.jupyter;

import io.github.rnnlab.plot.Figure;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Kernel-neutral rendering of rnnlab's notebook objects: tables to HTML and text, charts and figures to PNG. Both
 * kernel adapters ({@link RnnlabJupyter} for JJava, {@link RnnlabRapaioDisplay} for rapaio) call these; nothing here
 * refers to a kernel, so it works (and is tested) in a plain JVM.
 */
public final class Renders {

  /** Rows shown before a table is cut to its head and tail, the same limit as {@link Table#print()}. */
  public static final int DEFAULT_MAX_ROWS = 20;

  private Renders() {}

  /** Escapes {@code &}, {@code <}, {@code >}, {@code "} and {@code '} for HTML text and attribute values. */
  public static String htmlEscape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** The table as HTML, cut to its first and last rows if it has more than {@value #DEFAULT_MAX_ROWS}. */
  public static String tableHtml(Table table) {
    return tableHtml(table, DEFAULT_MAX_ROWS);
  }

  /**
   * The table as an HTML {@code <table>}: a caption with its name and size, a header row, then at most
   * {@code maxRows} rows. A longer table shows its first {@code ceil(maxRows/2)} and last {@code floor(maxRows/2)} rows
   * around a row that says how many were left out, as {@link Table#print(int)} does. Every name and value is escaped.
   */
  public static String tableHtml(Table table, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1; got " + maxRows);
    }
    int rows = table.rowCount();
    int cols = table.columnCount();
    List<String> names = table.columnNames();
    StringBuilder b = new StringBuilder(256 + 32 * Math.min(rows, maxRows) * Math.max(cols, 1));
    b.append("<table class=\"rnnlab-table\">\n<caption style=\"caption-side: top; text-align: left\">");
    if (table.name() != null && !table.name().isBlank()) {
      b.append("<b>").append(htmlEscape(table.name())).append("</b> ");
    }
    b.append(rows).append(rows == 1 ? " row" : " rows").append(" × ").append(cols)
        .append(cols == 1 ? " column" : " columns").append("</caption>\n<thead><tr>");
    for (String name : names) {
      b.append("<th>").append(htmlEscape(name)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    if (rows <= maxRows) {
      appendRows(b, table, 0, rows);
    } else {
      int head = (maxRows + 1) / 2;
      int tail = maxRows / 2;
      appendRows(b, table, 0, head);
      int skipped = rows - head - tail;
      b.append("<tr><td colspan=\"").append(Math.max(cols, 1)).append("\" style=\"text-align: center\">… ")
          .append(skipped).append(skipped == 1 ? " row" : " rows").append(" not shown …</td></tr>\n");
      appendRows(b, table, rows - tail, rows);
    }
    b.append("</tbody>\n</table>");
    return b.toString();
  }

  private static void appendRows(StringBuilder b, Table table, int from, int to) {
    int cols = table.columnCount();
    for (int r = from; r < to; r++) {
      b.append("<tr>");
      for (int c = 0; c < cols; c++) {
        b.append("<td>").append(htmlEscape(table.getString(r, c))).append("</td>");
      }
      b.append("</tr>\n");
    }
  }

  /** The table as text, exactly as {@link Table#print()} prints it (head and tail of a long table). */
  public static String tableText(Table table) {
    return table.print();
  }

  /** PNG bytes of an image. */
  public static byte[] png(RenderedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer for " + image);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Base64 of the PNG of an image, the form Jupyter's {@code image/png} output takes. */
  public static String pngBase64(RenderedImage image) {
    return Base64.getEncoder().encodeToString(png(image));
  }

  /** Base64 PNG of an XChart chart (any kind: XY, category, pie, ...), rendered headless. */
  public static String chartPng(Chart<?, ?> chart) {
    return pngBase64(BitmapEncoder.getBufferedImage(chart));
  }

  /** Base64 PNG of an rnnlab figure. */
  public static String figurePng(Figure figure) {
    return pngBase64(figure.toImage());
  }

  /** A short text stand-in for a chart, used as {@code text/plain} next to its picture. */
  public static String chartText(Chart<?, ?> chart) {
    String title = chart.getTitle();
    return "Chart" + (title == null || title.isBlank() ? "" : " \"" + title + "\"") + " (" + chart.getWidth() + "×"
        + chart.getHeight() + ")";
  }
}
