package io.github.rnnlab.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Fixed points among the network's trajectories in the plane of two principal components, as in the tutorial's
 * dynamical-systems notebooks: trials as faint lines (red for ground truth 0, blue for 1, as {@link TrajectoryChart}),
 * stable fixed points as black dots, unstable ones as orange crosses, slow points (approximate fixed points, where the
 * search for an exact one ended) as grey dots or crosses, and optionally a segment (the line attractor's direction
 * through one fixed point) in orange.
 */
public final class StateSpaceChart {
  private static final Color[] BY_GROUND_TRUTH = {new Color(255, 0, 0, 60), new Color(0, 0, 255, 60),
      new Color(0, 150, 0, 60), new Color(255, 165, 0, 60)};
  private static final Color FIXED_STABLE = Color.BLACK;
  private static final Color FIXED_UNSTABLE = new Color(217, 95, 2);
  private static final Color SLOW = new Color(128, 128, 128);

  private StateSpaceChart() {}

  /** The chart as a figure; see {@link #chart}. */
  public static Figure of(String title, Table trajectories, Table fixedPoints, @Nullable Table line) {
    return Figure.of(chart(title, trajectories, fixedPoints, line));
  }

  /**
   * The chart.
   *
   * @param trajectories one row per trial and step, in step order, with {@code trial}, {@code ground_truth},
   *     {@code pc1} and {@code pc2} (as {@code Pca.projectionTable} makes it); may be empty
   * @param fixedPoints one row per fixed point with {@code pc1}, {@code pc2}, {@code stable} and {@code converged}
   *     (booleans; a point that did not converge is a slow point)
   * @param line points along a segment with {@code pc1} and {@code pc2}, or null for none
   */
  public static XYChart chart(String title, Table trajectories, Table fixedPoints, @Nullable Table line) {
    XYChart chart = Charts.xy(title, "PC 1", "PC 2", 520, 440);
    chart.getStyler().setMarkerSize(5);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    int rows = trajectories.rowCount();
    int start = 0;
    for (int r = 1; r <= rows; r++) {
      if (r == rows || trajectories.intColumn("trial").getInt(r) != trajectories.intColumn("trial").getInt(start)) {
        double[] x = new double[r - start];
        double[] y = new double[r - start];
        for (int k = start; k < r; k++) {
          x[k - start] = trajectories.doubleColumn("pc1").getDouble(k);
          y[k - start] = trajectories.doubleColumn("pc2").getDouble(k);
        }
        int truth = trajectories.intColumn("ground_truth").getInt(start);
        XYSeries s = chart.addSeries("trial " + trajectories.intColumn("trial").getInt(start), x, y);
        Color color = BY_GROUND_TRUTH[Math.floorMod(truth, BY_GROUND_TRUTH.length)];
        s.setLineColor(color);
        s.setLineStyle(SeriesLines.SOLID);
        s.setMarkerColor(color);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setShowInLegend(false);
        start = r;
      }
    }
    addPoints(chart, fixedPoints, true, true, "stable fixed points", SeriesMarkers.CIRCLE, FIXED_STABLE);
    addPoints(chart, fixedPoints, false, true, "unstable fixed points", SeriesMarkers.CROSS, FIXED_UNSTABLE);
    addPoints(chart, fixedPoints, true, false, "stable slow points", SeriesMarkers.CIRCLE, SLOW);
    addPoints(chart, fixedPoints, false, false, "unstable slow points", SeriesMarkers.CROSS, SLOW);
    if (line != null && line.rowCount() > 1) {
      XYSeries s = chart.addSeries("top eigenvector", line.doubleColumn("pc1").asDoubleArray(),
          line.doubleColumn("pc2").asDoubleArray());
      s.setMarker(SeriesMarkers.NONE);
      s.setLineStyle(SeriesLines.SOLID);
      s.setLineColor(FIXED_UNSTABLE);
      s.setLineWidth(2.5f);
    }
    return chart;
  }

  private static void addPoints(XYChart chart, Table fixedPoints, boolean stable, boolean converged, String name,
      Marker marker, Color color) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int r = 0; r < fixedPoints.rowCount(); r++) {
      if (fixedPoints.booleanColumn("stable").get(r) == stable
          && fixedPoints.booleanColumn("converged").get(r) == converged) {
        x.add(fixedPoints.doubleColumn("pc1").getDouble(r));
        y.add(fixedPoints.doubleColumn("pc2").getDouble(r));
      }
    }
    if (x.isEmpty()) {
      return;
    }
    XYSeries s = chart.addSeries(name + " (" + x.size() + ")", x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(color);
  }
}
