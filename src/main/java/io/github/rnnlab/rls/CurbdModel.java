package io.github.rnnlab.rls;

import io.github.rnnlab.dynamics.FrozenInput;
import io.github.rnnlab.dynamics.RateNetwork;
import io.github.rnnlab.dynamics.Region;
import io.github.rnnlab.plot.ActivityChart;
import io.github.rnnlab.plot.Figure;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * A network fitted to recorded activity by {@link Curbd}: its fit per run, its weights, and its last run (rates and
 * total input currents at every model step), from which {@link #decomposition()} splits the currents by region.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class CurbdModel {
  private final DataRuns.Outcome outcome;
  private final float[][] data;
  private final List<Region> regions;
  private final FrozenInput input;
  private final double dtDataMs;
  private final double dtMs;

  CurbdModel(DataRuns.Outcome outcome, float[][] data, List<Region> regions, FrozenInput input, double dtDataMs,
      double dtMs) {
    this.outcome = outcome;
    this.data = data;
    this.regions = regions;
    this.input = input;
    this.dtDataMs = dtDataMs;
    this.dtMs = dtMs;
  }

  /** pVar and χ² of every run. */
  public RunHistory history() {
    return outcome.history();
  }

  /** The fitted network (weights after the last training run). */
  public RateNetwork trained() {
    return outcome.trained();
  }

  /** The regions (one region "all" if none were given). */
  public List<Region> regions() {
    return regions;
  }

  /** The model's Euler step in ms (dtData/dtFactor). */
  public double dtMs() {
    return dtMs;
  }

  /** The data as fitted (divided by their maximum, clipped to ±0.999), neurons × samples. */
  public INDArray data() {
    return PinningResult.byUnit(data);
  }

  /** The rates of the last run at every model step, units × steps. */
  public INDArray rates() {
    return PinningResult.byUnit(allRates());
  }

  /** The total input current J r + I of the last run at every model step, units × steps. */
  public INDArray currents() {
    return PinningResult.byUnit(Objects.requireNonNull(outcome.lastRunAllCurrents()));
  }

  /** The frozen white-noise input I, the same in every run. */
  public FrozenInput input() {
    return input;
  }

  /** Seconds the fit took. */
  public double seconds() {
    return outcome.seconds();
  }

  /** The last run's currents split by source and target region. */
  public CurbdDecomposition decomposition() {
    return CurbdDecomposition.of(trained(), allRates(), input, regions, dtMs);
  }

  /** One row per run: {@code run}, {@code learning}, {@code p_var}, {@code chi2}. */
  public Table toTable() {
    return history().toTable();
  }

  /** pVar and χ² against the run. */
  public Figure plot() {
    return history().plot();
  }

  /** pVar of a run of the untrained network (before the first training run). */
  public double untrainedPVar() {
    return outcome.untrainedPVar();
  }

  /** The data, the untrained network's rates and the last run's, at the data samples, as heat maps. */
  public Figure plotFit() {
    RunHistory h = history();
    return Figure.row(List.of(ActivityChart.chart("Data", PinningResult.transpose(data), 0, dtDataMs),
        ActivityChart.chart(String.format(Locale.ROOT, "Untrained model (pVar %.2f)", untrainedPVar()),
            PinningResult.transpose(outcome.untrainedRates()), 0, dtDataMs),
        ActivityChart.chart(String.format(Locale.ROOT, "Model, run %d (pVar %.3f)", h.runs(), h.pVar()[h.runs() - 1]),
            PinningResult.transpose(outcome.lastRunRates()), 0, dtDataMs)));
  }

  private float[][] allRates() {
    return Objects.requireNonNull(outcome.lastRunAllRates());
  }

  @Override
  public String toString() {
    RunHistory h = history();
    return String.format(Locale.ROOT, "CurbdModel[%d units, %d regions, %d runs (%d free), last pVar %.4f, %.1f s]",
        data[0].length, regions.size(), h.runs(), h.runs() - h.trainingRuns(), h.pVar()[h.runs() - 1], seconds());
  }
}
