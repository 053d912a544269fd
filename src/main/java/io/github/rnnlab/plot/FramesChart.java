package io.github.rnnlab.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * Images in a grid of small panels, one per frame, as the tutorial's exercise 8 shows the visual task step by step
 * (one {@code imshow} per step, titled with the time in the trial). Every panel is drawn on the colour range of all
 * the frames together ({@link HeatmapChart.Range#covering}), row 0 of an image at the top; panels have no axes or
 * colour bar.
 */
public final class FramesChart {
  /** Panel size in pixels: the title's line on top of a square plot. */
  private static final int WIDTH = 170;
  private static final int HEIGHT = 190;

  private FramesChart() {}

  /**
   * The frames {@code frames.get(k)[row][col]}, titled {@code titles.get(k)}, filled row by row into {@code columns}
   * columns.
   *
   * @throws IllegalArgumentException if there are no frames, the titles do not match them one to one,
   *     {@code columns} &lt; 1, or a frame is empty, ragged or not finite
   */
  public static Figure of(List<float[][]> frames, List<String> titles, int columns) {
    if (frames.isEmpty() || frames.size() != titles.size()) {
      throw new IllegalArgumentException("frames need one title each; got " + frames.size() + " frames and "
          + titles.size() + " titles");
    }
    HeatmapChart.Range range = HeatmapChart.Range.covering(frames);
    List<HeatMapChart> panels = new ArrayList<>();
    for (int k = 0; k < frames.size(); k++) {
      HeatMapChart panel = HeatmapChart.chart(titles.get(k), frames.get(k), range, WIDTH, HEIGHT, "", "");
      HeatMapStyler s = panel.getStyler();
      s.setLegendVisible(false);
      s.setAxisTicksVisible(false);
      panels.add(panel);
    }
    return Figure.grid(panels, columns);
  }
}
