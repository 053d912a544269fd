package io.github.rnnlab.plot;

import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Trial;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A task's trials laid end to end, as neurogym's {@code plot_env}: the input channels over time (top) and the target
 * label at every step (bottom), with a dashed line at each trial start.
 */
public final class TaskChart {
  /** Above this many input channels, inputs show as an image rather than one line each. */
  private static final int MAX_INPUT_LINES = 8;
  private static final BasicStroke DASHED =
      new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f}, 0f);

  private TaskChart() {}

  /** The chart of {@code trials} of {@code task}. */
  public static Figure of(Task task, List<Trial> trials) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("plot at least one trial; got none");
    }
    int total = trials.stream().mapToInt(Trial::steps).sum();
    double[] steps = new double[total];
    for (int t = 0; t < total; t++) {
      steps[t] = t;
    }
    String title = task.name() + " (dt = " + task.dtMs() + " ms)";
    Chart<?, ?> inputs = task.inputSize() > MAX_INPUT_LINES
        ? inputImage(title, task, trials, total)
        : inputLines(title, task, trials, steps);
    XYChart targets = Charts.xy("", "Steps", "Target", Charts.WIDTH, 200);
    double[] y = new double[total];
    int t = 0;
    for (Trial trial : trials) {
      for (int s = 0; s < trial.steps(); s++) {
        y[t++] = trial.target(s);
      }
    }
    targets.addSeries("ground truth", steps, y).setMarker(SeriesMarkers.NONE).setLineColor(new Color(0, 128, 0));
    targets.getStyler().setYAxisMin(-0.2).setYAxisMax(task.outputSize() - 0.8);
    markTrialStarts(inputs instanceof XYChart lines ? List.of(lines, targets) : List.of(targets), trials);
    return Figure.column(List.of(inputs, targets));
  }

  /** One line per input channel. */
  private static XYChart inputLines(String title, Task task, List<Trial> trials, double[] steps) {
    XYChart chart = Charts.xy(title, "", "Inputs", Charts.WIDTH, 300);
    for (int c = 0; c < task.inputSize(); c++) {
      double[] y = new double[steps.length];
      int t = 0;
      for (Trial trial : trials) {
        for (int s = 0; s < trial.steps(); s++) {
          y[t++] = trial.input(s, c);
        }
      }
      chart.addSeries(task.inputNames().get(c), steps, y).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /** Channels × steps as an image, as neurogym's {@code plot_env} shows observations, when lines would crowd. */
  private static HeatMapChart inputImage(String title, Task task, List<Trial> trials, int total) {
    float[][] image = new float[task.inputSize()][total];
    int t = 0;
    for (Trial trial : trials) {
      for (int s = 0; s < trial.steps(); s++, t++) {
        for (int c = 0; c < task.inputSize(); c++) {
          image[c][t] = trial.input(s, c);
        }
      }
    }
    HeatMapChart chart = HeatmapChart.chart(title, image);
    chart.setXAxisTitle("Steps");
    chart.setYAxisTitle("Input channel");
    return chart;
  }

  private static void markTrialStarts(List<XYChart> panels, List<Trial> trials) {
    int t = 0;
    for (Trial trial : trials) {
      for (XYChart chart : panels) {
        if (t > 0) {
          chart.addAnnotation(new AnnotationLine(t, true, false));
        }
        chart.getStyler().setAnnotationLineColor(Color.GRAY).setAnnotationLineStroke(DASHED);
      }
      t += trial.steps();
    }
  }
}
