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
 * One or more XChart charts laid out in a row, a column or a grid: what every rnnlab {@code plot()} returns.
 * Rendering is headless; nothing opens a window. The charts stay reachable through {@link #charts()} for styling.
 */
public final class Figure {
  private final List<Chart<?, ?>> charts;
  private final int columns;

  private Figure(List<? extends Chart<?, ?>> charts, int columns) {
    if (charts.isEmpty()) {
      throw new IllegalArgumentException("a figure needs at least one chart");
    }
    this.charts = List.copyOf(charts);
    this.columns = columns;
  }

  /** A figure of one chart. */
  public static Figure of(Chart<?, ?> chart) {
    return new Figure(List.of(chart), 1);
  }

  /** Charts side by side, left to right. */
  public static Figure row(List<? extends Chart<?, ?>> charts) {
    return new Figure(charts, Math.max(1, charts.size()));
  }

  /** Charts stacked, top to bottom. */
  public static Figure column(List<? extends Chart<?, ?>> charts) {
    return new Figure(charts, 1);
  }

  /**
   * Charts in a grid of {@code columns} columns, filled row by row (as matplotlib's subplots); each grid column is as
   * wide as its widest chart and each grid row as tall as its tallest.
   *
   * @throws IllegalArgumentException if {@code columns} &lt; 1 or there are no charts
   */
  public static Figure grid(List<? extends Chart<?, ?>> charts, int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("a grid needs at least 1 column; got " + columns);
    }
    return new Figure(charts, columns);
  }

  /** The charts, in layout order. */
  public List<Chart<?, ?>> charts() {
    return charts;
  }

  /** The figure as an image (PNG-ready), rendered headless. */
  public BufferedImage toImage() {
    int rows = (charts.size() + columns - 1) / columns;
    int[] left = new int[columns + 1];
    int[] top = new int[rows + 1];
    for (int i = 0; i < charts.size(); i++) {
      Chart<?, ?> c = charts.get(i);
      left[i % columns + 1] = Math.max(left[i % columns + 1], c.getWidth());
      top[i / columns + 1] = Math.max(top[i / columns + 1], c.getHeight());
    }
    for (int k = 1; k < left.length; k++) {
      left[k] += left[k - 1];
    }
    for (int k = 1; k < top.length; k++) {
      top[k] += top[k - 1];
    }
    BufferedImage image = new BufferedImage(left[columns], top[rows], BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int i = 0; i < charts.size(); i++) {
        g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), left[i % columns], top[i / columns], null);
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
