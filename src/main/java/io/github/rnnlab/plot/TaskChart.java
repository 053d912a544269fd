package io.github.rnnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Trials laid end to end, as neurogym's {@code plot_env}: the input channels over time (top) and the targets at every
 * step (bottom: the label, or one line per float target channel), with a dashed line at each trial start. It draws
 * arrays; tasks call it from their {@code plot()}.
 */
public final class TaskChart {
  /** Above this many input channels, inputs show as an image rather than one line each. */
  private static final int MAX_INPUT_LINES = 8;
  private static final BasicStroke DASHED =
      new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f}, 0f);
  private static final Color TARGET_GREEN = new Color(0, 128, 0);

  private TaskChart() {}

  /**
   * The chart of consecutive trials.
   *
   * @param title the title, e.g. the task's name and dt
   * @param inputNames the input channels' names
   * @param targetNames the float target channels' names, or a single name for label targets
   * @param labelCount the number of labels for label targets (the y range), 0 for float targets
   * @param inputs per trial, its inputs as [step][channel]
   * @param targets per trial, its targets as [step][target channel] (one channel holding the label for labels)
   * @throws IllegalArgumentException if there are no trials or the lists differ in length
   */
  public static Figure of(String title, List<String> inputNames, List<String> targetNames, int labelCount,
      List<float[][]> inputs, List<float[][]> targets) {
    if (inputs.isEmpty() || inputs.size() != targets.size()) {
      throw new IllegalArgumentException("plot at least one trial, with inputs and targets for each; got "
          + inputs.size() + " and " + targets.size());
    }
    int total = inputs.stream().mapToInt(a -> a.length).sum();
    double[] steps = new double[total];
    for (int t = 0; t < total; t++) {
      steps[t] = t;
    }
    Chart<?, ?> inputChart = inputNames.size() > MAX_INPUT_LINES
        ? inputImage(title, inputNames.size(), inputs, total)
        : lines(Charts.xy(title, "", "Inputs", Charts.WIDTH, 300), inputNames, inputs, steps);
    XYChart targetChart = Charts.xy("", "Steps", "Target", Charts.WIDTH, 200);
    if (labelCount > 0) {
      targetChart.addSeries("ground truth", steps, column(targets, 0, total)).setMarker(SeriesMarkers.NONE)
          .setLineColor(TARGET_GREEN);
      targetChart.getStyler().setYAxisMin(-0.2).setYAxisMax(labelCount - 0.8);
    } else {
      lines(targetChart, targetNames, targets, steps);
    }
    List<XYChart> marked = new ArrayList<>(List.of(targetChart));
    if (inputChart instanceof XYChart xy) {
      marked.add(xy);
    }
    markTrialStarts(marked, inputs);
    return Figure.column(List.of(inputChart, targetChart));
  }

  /** One line per channel, named. */
  private static XYChart lines(XYChart chart, List<String> names, List<float[][]> trials, double[] steps) {
    chart.getStyler().setLegendVisible(names.size() > 1);
    for (int c = 0; c < names.size(); c++) {
      chart.addSeries(names.get(c), steps, column(trials, c, steps.length)).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /** Channel {@code c} of every trial, end to end. */
  private static double[] column(List<float[][]> trials, int c, int total) {
    double[] y = new double[total];
    int t = 0;
    for (float[][] trial : trials) {
      for (float[] step : trial) {
        y[t++] = step[c];
      }
    }
    return y;
  }

  /** Channels × steps as an image, as neurogym's {@code plot_env} shows observations, when lines would crowd. */
  private static HeatMapChart inputImage(String title, int channels, List<float[][]> trials, int total) {
    float[][] image = new float[channels][total];
    int t = 0;
    for (float[][] trial : trials) {
      for (float[] step : trial) {
        for (int c = 0; c < channels; c++) {
          image[c][t] = step[c];
        }
        t++;
      }
    }
    HeatMapChart chart = HeatmapChart.chart(title, image);
    chart.setXAxisTitle("Steps");
    chart.setYAxisTitle("Input channel");
    return chart;
  }

  private static void markTrialStarts(List<XYChart> panels, List<float[][]> trials) {
    for (XYChart chart : panels) {
      chart.getStyler().setAnnotationLineColor(Color.GRAY).setAnnotationLineStroke(DASHED);
    }
    int t = 0;
    for (float[][] trial : trials) {
      if (t > 0) {
        for (XYChart chart : panels) {
          chart.addAnnotation(new AnnotationLine(t, true, false));
        }
      }
      t += trial.length;
    }
  }
}
