package io.github.rnnlab.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Trials in the plane of the first two principal components, as in the tutorial: one line per trial with a dot per
 * step, red for ground truth 0 and blue for 1, panels "100 Trials" (black triangle at each trial start) and
 * "3 Trials".
 */
public final class TrajectoryChart {
  private static final Color[] BY_GROUND_TRUTH = {Color.RED, Color.BLUE, new Color(0, 150, 0), Color.ORANGE};

  private TrajectoryChart() {}

  /**
   * The figure from a projection table with columns {@code trial}, {@code step}, {@code ground_truth}, {@code pc1}
   * and {@code pc2}, as {@code Pca.projectionTable} makes.
   */
  public static Figure of(Table projection) {
    List<double[][]> trials = new ArrayList<>();
    List<Integer> truths = new ArrayList<>();
    int rows = projection.rowCount();
    int start = 0;
    for (int r = 1; r <= rows; r++) {
      if (r == rows || projection.intColumn("trial").getInt(r) != projection.intColumn("trial").getInt(start)) {
        double[][] xy = new double[2][r - start];
        for (int k = start; k < r; k++) {
          xy[0][k - start] = projection.doubleColumn("pc1").getDouble(k);
          xy[1][k - start] = projection.doubleColumn("pc2").getDouble(k);
        }
        trials.add(xy);
        truths.add(projection.intColumn("ground_truth").getInt(start));
        start = r;
      }
    }
    XYChart many = panel(Math.min(100, trials.size()) + " Trials", trials, truths, Math.min(100, trials.size()), true);
    XYChart few = panel(Math.min(3, trials.size()) + " Trials", trials, truths, Math.min(3, trials.size()), false);
    few.setYAxisTitle("");
    // Shared axes, as the tutorial's sharex/sharey.
    double[] range = range(trials);
    for (XYChart c : List.of(many, few)) {
      c.getStyler().setXAxisMin(range[0]).setXAxisMax(range[1]).setYAxisMin(range[2]).setYAxisMax(range[3]);
    }
    return Figure.row(List.of(many, few));
  }

  private static XYChart panel(String title, List<double[][]> trials, List<Integer> truths, int count,
      boolean markStarts) {
    XYChart chart = Charts.xy(title, "PC 1", "PC 2", 450, 400);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setMarkerSize(3);
    double[] startX = new double[count];
    double[] startY = new double[count];
    for (int i = 0; i < count; i++) {
      double[][] xy = trials.get(i);
      XYSeries s = chart.addSeries("trial " + i, xy[0], xy[1]);
      Color color = BY_GROUND_TRUTH[truths.get(i) % BY_GROUND_TRUTH.length];
      s.setLineColor(color);
      s.setMarkerColor(color);
      s.setMarker(SeriesMarkers.CIRCLE);
      startX[i] = xy[0][0];
      startY[i] = xy[1][0];
    }
    if (markStarts) {
      XYSeries starts = chart.addSeries("trial starts", startX, startY);
      starts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      starts.setMarker(SeriesMarkers.TRIANGLE_UP);
      starts.setMarkerColor(Color.BLACK);
    }
    return chart;
  }

  private static double[] range(List<double[][]> trials) {
    double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[][] xy : trials.subList(0, Math.min(100, trials.size()))) {
      for (int k = 0; k < xy[0].length; k++) {
        r[0] = Math.min(r[0], xy[0][k]);
        r[1] = Math.max(r[1], xy[0][k]);
        r[2] = Math.min(r[2], xy[1][k]);
        r[3] = Math.max(r[3], xy[1][k]);
      }
    }
    double padX = 0.05 * Math.max(r[1] - r[0], 1e-9);
    double padY = 0.05 * Math.max(r[3] - r[2], 1e-9);
    return new double[] {r[0] - padX, r[1] + padX, r[2] - padY, r[3] + padY};
  }
}
