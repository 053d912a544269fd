package io.github.rnnlab.rls;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.LineChart;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A {@link Force} run: the readout's output and the target at every step, in three phases (before training, training,
 * test), and the readout weights before and after. Immutable.
 *
 * @since 0.1.0
 */
public final class ForceResult {
  private final double[] output;
  private final double[] target;
  private final int before;
  private final int train;
  private final double dtMs;
  private final double[] initialReadout;
  private final double[] readout;

  ForceResult(double[] output, double[] target, int before, int train, double dtMs, double[] initialReadout,
      double[] readout) {
    this.output = output;
    this.target = target;
    this.before = before;
    this.train = train;
    this.dtMs = dtMs;
    this.initialReadout = initialReadout;
    this.readout = readout;
  }

  /** The root-mean-square error before training. */
  public double beforeError() {
    return rms(0, before);
  }

  /** The root-mean-square error during training (the output while w is being learned). */
  public double trainingError() {
    return rms(before, before + train);
  }

  /** The root-mean-square error in the test phase, with learning off: what the network does on its own. */
  public double testError() {
    return rms(before + train, output.length);
  }

  /** The readout weights after training, float64. */
  public INDArray readout() {
    return Nd4j.create(readout.clone());
  }

  /** |Δw| / |w₀|: how far training moved the readout from its initial value. */
  public double readoutChange() {
    double change = 0;
    double initial = 0;
    for (int i = 0; i < readout.length; i++) {
      change += (readout[i] - initialReadout[i]) * (readout[i] - initialReadout[i]);
      initial += initialReadout[i] * initialReadout[i];
    }
    return Math.sqrt(change / initial);
  }

  /** One row per step: {@code step}, {@code time_ms}, {@code phase} (before, training, test), {@code target}, {@code output}. */
  public Table toTable() {
    int steps = output.length;
    int[] step = new int[steps];
    double[] time = new double[steps];
    String[] phase = new String[steps];
    for (int s = 0; s < steps; s++) {
      step[s] = s;
      time[s] = s * dtMs;
      phase[s] = s < before ? "before" : s < before + train ? "training" : "test";
    }
    return Table.create("FORCE", IntColumn.create("step", step), DoubleColumn.create("time_ms", time),
        StringColumn.create("phase", phase), DoubleColumn.create("target", target),
        DoubleColumn.create("output", output));
  }

  /**
   * The target and the output against time, dashed lines where training starts and stops, with the errors in the
   * title.
   */
  public Figure plot() {
    double[] t = new double[output.length];
    for (int s = 0; s < t.length; s++) {
      t[s] = s * dtMs / 1000;
    }
    String title = String.format(Locale.ROOT, "FORCE: RMS error before %.2f, training %.3f, test %.3f",
        beforeError(), trainingError(), testError());
    return LineChart.of(title, "Time (s)", "Output").line("target f(t)", t, target).line("output z(t)", t, output)
        .verticalLine(before * dtMs / 1000).verticalLine((before + train) * dtMs / 1000).size(900, 350).figure();
  }

  private double rms(int from, int to) {
    if (to <= from) {
      return Double.NaN;
    }
    double sum = 0;
    for (int s = from; s < to; s++) {
      sum += (output[s] - target[s]) * (output[s] - target[s]);
    }
    return Math.sqrt(sum / (to - from));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ForceResult[RMS error before %.3f, training %.4f, test %.4f]", beforeError(),
        trainingError(), testError());
  }
}
