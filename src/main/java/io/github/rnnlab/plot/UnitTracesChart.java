package io.github.rnnlab.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The activity of every unit over one trial, one line per unit against the time step, units coloured by the block
 * they belong to (e.g. excitatory in blue, inhibitory in red, as the tutorial's EI notebook draws them), one legend
 * entry per block.
 */
public final class UnitTracesChart {
  /** Block colours in order: blue, red, then green, orange, purple. */
  private static final Color[] GROUPS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
      new Color(255, 127, 14), new Color(148, 103, 189)};

  private UnitTracesChart() {}

  /** The chart as a figure; see {@link #chart}. */
  public static Figure of(String title, float[][] activity, List<String> groupNames, List<Integer> groupSizes) {
    return Figure.of(chart(title, activity, groupNames, groupSizes));
  }

  /**
   * The chart of {@code activity[step][unit]}, units in consecutive blocks of {@code groupSizes}.
   *
   * @throws IllegalArgumentException if there is no step, the names and sizes differ in number, a size is not
   *     positive, or the sizes do not add up to the number of units
   */
  public static XYChart chart(String title, float[][] activity, List<String> groupNames, List<Integer> groupSizes) {
    if (activity.length == 0) {
      throw new IllegalArgumentException("activity needs at least one step");
    }
    int units = activity[0].length;
    if (groupNames.size() != groupSizes.size()) {
      throw new IllegalArgumentException("give one size per group name; got " + groupNames.size() + " names and "
          + groupSizes.size() + " sizes");
    }
    int total = 0;
    for (int size : groupSizes) {
      if (size <= 0) {
        throw new IllegalArgumentException("group sizes must be > 0; got " + groupSizes);
      }
      total += size;
    }
    if (total != units) {
      throw new IllegalArgumentException("group sizes " + groupSizes + " add up to " + total + " but there are "
          + units + " units");
    }
    double[] steps = new double[activity.length];
    for (int t = 0; t < steps.length; t++) {
      steps[t] = t;
    }
    XYChart chart = Charts.xy(title, "Time step", "Activity", Charts.WIDTH, Charts.HEIGHT);
    chart.getStyler().setLegendVisible(groupNames.size() > 1);
    // XChart puts a tick at every step of short traces; ask for wider spacing so that labels stay readable.
    chart.getStyler().setXAxisTickMarkSpacingHint(80);
    int unit = 0;
    for (int g = 0; g < groupSizes.size(); g++) {
      Color color = GROUPS[g % GROUPS.length];
      for (int k = 0; k < groupSizes.get(g); k++, unit++) {
        double[] y = new double[activity.length];
        for (int t = 0; t < y.length; t++) {
          y[t] = activity[t][unit];
        }
        XYSeries s = chart.addSeries(k == 0 ? groupNames.get(g) : groupNames.get(g) + " " + k, steps, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.SOLID);
        s.setLineColor(color);
        s.setLineWidth(1f);
        s.setShowInLegend(k == 0);
      }
    }
    return chart;
  }
}
