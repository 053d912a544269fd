package io.github.rnnlab.rls;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.LineChart;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The fit after each run of a training made of repeated runs: pVar (see {@link Metrics#pVar}) and χ², the sum over the
 * run's data samples of the mean squared error the learning rule saw (also in runs without learning). The first
 * {@link #trainingRuns()} runs learn; the rest run freely. Immutable.
 *
 * @since 0.1.0
 */
public final class RunHistory {
  private final double[] pVar;
  private final double[] chiSquared;
  private final int trainingRuns;

  RunHistory(double[] pVar, double[] chiSquared, int trainingRuns) {
    this.pVar = pVar;
    this.chiSquared = chiSquared;
    this.trainingRuns = trainingRuns;
  }

  /** The number of runs. */
  public int runs() {
    return pVar.length;
  }

  /** The number of runs with learning (the first ones). */
  public int trainingRuns() {
    return trainingRuns;
  }

  /** pVar of each run, in order (a copy). */
  public double[] pVar() {
    return pVar.clone();
  }

  /** χ² of each run, in order (a copy). */
  public double[] chiSquared() {
    return chiSquared.clone();
  }

  /** pVar of the runs without learning (empty if every run learned). */
  public double[] freePVar() {
    return Arrays.copyOfRange(pVar, trainingRuns, pVar.length);
  }

  /** The mean pVar of the runs without learning, NaN if there are none. */
  public double meanFreePVar() {
    return Arrays.stream(freePVar()).average().orElse(Double.NaN);
  }

  /** One row per run: {@code run} (from 1), {@code learning}, {@code p_var}, {@code chi2}. */
  public Table toTable() {
    int[] run = new int[pVar.length];
    boolean[] learning = new boolean[pVar.length];
    for (int i = 0; i < run.length; i++) {
      run[i] = i + 1;
      learning[i] = i < trainingRuns;
    }
    return Table.create("runs", IntColumn.create("run", run), BooleanColumn.create("learning", learning),
        DoubleColumn.create("p_var", pVar), DoubleColumn.create("chi2", chiSquared));
  }

  /** pVar and χ² against the run, a dashed line where the free runs start. */
  public Figure plot() {
    double[] x = new double[pVar.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    LineChart p = LineChart.of(String.format(Locale.ROOT, "pVar per run (free runs: mean %.3f)", meanFreePVar()),
        "Run", "pVar").points("pVar", x, pVar);
    LineChart c = LineChart.of("χ² per run", "Run", "χ²").points("χ²", x, chiSquared).logY();
    if (trainingRuns < pVar.length) {
      p.verticalLine(trainingRuns + 0.5);
      c.verticalLine(trainingRuns + 0.5);
    }
    return Figure.row(List.of(p.chart(), c.chart()));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "RunHistory[%d runs, %d learning, last pVar %.4f, free pVar %.4f]", runs(),
        trainingRuns, pVar[pVar.length - 1], meanFreePVar());
  }
}
