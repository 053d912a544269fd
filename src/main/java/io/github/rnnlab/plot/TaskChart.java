package io.github.rnnlab.plot;

import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Trial;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A task's trials laid end to end, as neurogym's {@code plot_env}: the input channels over time (top) and the target
 * label at every step (bottom), with a dashed line at each trial start.
 */
public final class TaskChart {
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
    XYChart inputs = Charts.xy(task.name() + " (dt = " + task.dtMs() + " ms)", "", "Inputs", Charts.WIDTH, 300);
    for (int c = 0; c < task.inputSize(); c++) {
      double[] y = new double[total];
      int t = 0;
      for (Trial trial : trials) {
        for (int s = 0; s < trial.steps(); s++) {
          y[t++] = trial.input(s, c);
        }
      }
      inputs.addSeries(task.inputNames().get(c), steps, y).setMarker(SeriesMarkers.NONE);
    }
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
    List<XYChart> panels = List.of(inputs, targets);
    markTrialStarts(panels, trials);
    return Figure.column(panels);
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
