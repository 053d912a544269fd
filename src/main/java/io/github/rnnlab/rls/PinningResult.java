package io.github.rnnlab.rls;

import io.github.rnnlab.dynamics.RateNetwork;
import io.github.rnnlab.plot.ActivityChart;
import io.github.rnnlab.plot.Figure;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * What a {@link Pinning} training did: pVar and χ² per run, the rates at the data samples of the untrained network
 * (one run without learning before training) and of the last run, the trained network. Immutable.
 *
 * @since 0.1.0
 */
public final class PinningResult {
  private final DataRuns.Outcome outcome;
  private final float[][] targetRates;
  private final int[] plastic;
  private final double dtDataMs;
  private final RateNetwork initial;

  PinningResult(DataRuns.Outcome outcome, float[][] targetRates, int[] plastic, double dtDataMs,
      RateNetwork initial) {
    this.outcome = outcome;
    this.targetRates = targetRates;
    this.plastic = plastic;
    this.dtDataMs = dtDataMs;
    this.initial = initial;
  }

  /** pVar and χ² of every run. */
  public RunHistory history() {
    return outcome.history();
  }

  /** The network after the last learning run. */
  public RateNetwork trained() {
    return outcome.trained();
  }

  /** The network before training. */
  public RateNetwork initial() {
    return initial;
  }

  /** The plastic units, in the order RLS indexes them (a copy). */
  public int[] plasticUnits() {
    return plastic.clone();
  }

  /** The time between data samples in ms. */
  public double dtDataMs() {
    return dtDataMs;
  }

  /** Seconds the training took. */
  public double seconds() {
    return outcome.seconds();
  }

  /** The rates at the data samples of the untrained network (a run without learning), units × samples. */
  public INDArray untrainedRates() {
    return byUnit(outcome.untrainedRates());
  }

  /** pVar of the untrained network's run. */
  public double untrainedPVar() {
    return outcome.untrainedPVar();
  }

  /** The rates at the data samples in the last run (a free run if there were any), units × samples. */
  public INDArray lastRunRates() {
    return byUnit(outcome.lastRunRates());
  }

  /** The target rates, units × samples. */
  public INDArray targetRates() {
    return byUnit(targetRates);
  }

  /** One row per run: {@code run}, {@code learning}, {@code p_var}, {@code chi2}. */
  public Table toTable() {
    return history().toTable();
  }

  /** pVar and χ² against the run. */
  public Figure plot() {
    return history().plot();
  }

  /** Heat maps of the untrained network's rates, the last run's and the target's (units down, time across). */
  public Figure plotRates() {
    RunHistory h = history();
    return Figure.row(List.of(
        ActivityChart.chart(String.format(Locale.ROOT, "Before training (pVar %.2f)", untrainedPVar()),
            transpose(outcome.untrainedRates()), 0, dtDataMs),
        ActivityChart.chart(String.format(Locale.ROOT, "Run %d%s (pVar %.2f)", h.runs(),
            h.trainingRuns() < h.runs() ? ", free" : "", h.pVar()[h.runs() - 1]),
            transpose(outcome.lastRunRates()), 0, dtDataMs),
        ActivityChart.chart("Target", transpose(targetRates), 0, dtDataMs)));
  }

  static INDArray byUnit(float[][] bySample) {
    return Nd4j.create(transpose(bySample));
  }

  static float[][] transpose(float[][] m) {
    float[][] t = new float[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int k = 0; k < m[0].length; k++) {
        t[k][i] = m[i][k];
      }
    }
    return t;
  }

  @Override
  public String toString() {
    RunHistory h = history();
    return String.format(Locale.ROOT, "PinningResult[%d plastic of %d units, %d runs (%d free), free pVar %.4f, "
        + "%.1f s]", plastic.length, initial.units(), h.runs(), h.runs() - h.trainingRuns(), h.meanFreePVar(),
        seconds());
  }
}
