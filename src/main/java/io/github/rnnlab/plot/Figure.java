package io.github.rnnlab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One or more XChart charts laid out in a row or a column: what every rnnlab {@code plot()} returns. Rendering is
 * headless; nothing opens a window. The charts stay reachable through {@link #charts()} for styling.
 */
public final class Figure {
  private final List<Chart<?, ?>> charts;
  private final boolean row;

  private Figure(List<? extends Chart<?, ?>> charts, boolean row) {
    if (charts.isEmpty()) {
      throw new IllegalArgumentException("a figure needs at least one chart");
    }
    this.charts = List.copyOf(charts);
    this.row = row;
  }

  /** A figure of one chart. */
  public static Figure of(Chart<?, ?> chart) {
    return new Figure(List.of(chart), true);
  }

  /** Charts side by side, left to right. */
  public static Figure row(List<? extends Chart<?, ?>> charts) {
    return new Figure(charts, true);
  }

  /** Charts stacked, top to bottom. */
  public static Figure column(List<? extends Chart<?, ?>> charts) {
    return new Figure(charts, false);
  }

  /** The charts, in layout order. */
  public List<Chart<?, ?>> charts() {
    return charts;
  }

  /** The figure as an image (PNG-ready), rendered headless. */
  public BufferedImage toImage() {
    int width = 0;
    int height = 0;
    for (Chart<?, ?> c : charts) {
      width = row ? width + c.getWidth() : Math.max(width, c.getWidth());
      height = row ? Math.max(height, c.getHeight()) : height + c.getHeight();
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int offset = 0;
      for (Chart<?, ?> c : charts) {
        BufferedImage panel = BitmapEncoder.getBufferedImage(c);
        g.drawImage(panel, row ? offset : 0, row ? 0 : offset, null);
        offset += row ? c.getWidth() : c.getHeight();
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Writes the figure as a PNG file, creating parent folders. */
  public void savePng(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ImageIO.write(toImage(), "png", path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }

  @Override
  public String toString() {
    return "Figure of " + charts.size() + " chart(s): " + charts.stream().map(Chart::getTitle).toList();
  }
}
