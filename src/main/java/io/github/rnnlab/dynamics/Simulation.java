package io.github.rnnlab.dynamics;

import io.github.rnnlab.plot.ActivityChart;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.LineChart;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A recorded run of a {@link RateNetwork}: the state x of every unit at steps 0 … {@link #steps()} (step s at time
 * s·dt), float32. Rates are φ(x). Immutable.
 *
 * @since 0.1.0
 */
public final class Simulation {
  private final float[][] states;
  private final double dtMs;
  private final Nonlinearity nonlinearity;

  Simulation(float[][] states, double dtMs, Nonlinearity nonlinearity) {
    this.states = states;
    this.dtMs = dtMs;
    this.nonlinearity = nonlinearity;
  }

  /** The number of steps run (the record has one more state, the initial one). */
  public int steps() {
    return states.length - 1;
  }

  /** The number of units. */
  public int units() {
    return states[0].length;
  }

  /** The Euler step in ms. */
  public double dtMs() {
    return dtMs;
  }

  /** The times of the recorded states in ms: 0, dt, …, steps·dt. */
  public double[] timesMs() {
    double[] t = new double[states.length];
    for (int s = 0; s < t.length; s++) {
      t[s] = s * dtMs;
    }
    return t;
  }

  /** The states as units × (steps + 1), float32. */
  public INDArray states() {
    return Nd4j.create(byUnit(false));
  }

  /** The rates φ(x) as units × (steps + 1), float32. */
  public INDArray rates() {
    return Nd4j.create(byUnit(true));
  }

  /** √(mean_i x_i²) at each step: the size of the state, which decays for a stable network and stays up in chaos. */
  public double[] rmsState() {
    double[] rms = new double[states.length];
    for (int s = 0; s < states.length; s++) {
      double sum = 0;
      for (float v : states[s]) {
        sum += (double) v * v;
      }
      rms[s] = Math.sqrt(sum / units());
    }
    return rms;
  }

  /**
   * One row per recorded step: {@code step}, {@code time_ms}, {@code rms_state} (√(mean x²)), {@code mean_rate} and
   * {@code rate_variance} (the variance of the rates across units, n divisor).
   */
  public Table toTable() {
    int rows = states.length;
    int[] step = new int[rows];
    double[] mean = new double[rows];
    double[] variance = new double[rows];
    for (int s = 0; s < rows; s++) {
      step[s] = s;
      double sum = 0;
      double sumSquares = 0;
      for (float x : states[s]) {
        double r = nonlinearity.apply(x);
        sum += r;
        sumSquares += r * r;
      }
      mean[s] = sum / units();
      variance[s] = Math.max(0, sumSquares / units() - mean[s] * mean[s]);
    }
    return Table.create("simulation", IntColumn.create("step", step), DoubleColumn.create("time_ms", timesMs()),
        DoubleColumn.create("rms_state", rmsState()), DoubleColumn.create("mean_rate", mean),
        DoubleColumn.create("rate_variance", variance));
  }

  /**
   * The chosen units' traces, long form: {@code step}, {@code time_ms}, {@code unit}, {@code state}, {@code rate}.
   *
   * @throws IllegalArgumentException if a unit is out of range
   */
  public Table toTable(List<Integer> units) {
    units.forEach(this::requireUnit);
    int rows = states.length * units.size();
    int[] step = new int[rows];
    double[] time = new double[rows];
    int[] unit = new int[rows];
    double[] state = new double[rows];
    double[] rate = new double[rows];
    int k = 0;
    for (int s = 0; s < states.length; s++) {
      for (int u : units) {
        step[k] = s;
        time[k] = s * dtMs;
        unit[k] = u;
        state[k] = states[s][u];
        rate[k] = nonlinearity.apply(states[s][u]);
        k++;
      }
    }
    return Table.create("unit traces", IntColumn.create("step", step), DoubleColumn.create("time_ms", time),
        IntColumn.create("unit", unit), DoubleColumn.create("state", state), DoubleColumn.create("rate", rate));
  }

  /**
   * The rates of units 0 … {@code count − 1} against time.
   *
   * @throws IllegalArgumentException if {@code count} is not in 1..units
   */
  public Figure plotTraces(int count) {
    return Figure.of(tracesChart("Rates of " + count + " units", count));
  }

  /**
   * The rates of units 0 … {@code count − 1} as a heat map against time (long runs show every k-th step).
   *
   * @throws IllegalArgumentException if {@code count} is not in 1..units
   */
  public Figure plotRaster(int count) {
    requireCount(count);
    float[][] image = new float[count][states.length];
    for (int s = 0; s < states.length; s++) {
      for (int u = 0; u < count; u++) {
        image[u][s] = (float) nonlinearity.apply(states[s][u]);
      }
    }
    return ActivityChart.of("Rates of " + count + " units", image, 0, dtMs);
  }

  /** Five units' traces and a heat map of up to 100 units, stacked. */
  public Figure plot() {
    int count = Math.min(100, units());
    return Figure.column(List.of(tracesChart("Rates of " + Math.min(5, units()) + " units", Math.min(5, units())),
        plotRaster(count).charts().get(0)));
  }

  private org.knowm.xchart.XYChart tracesChart(String title, int count) {
    requireCount(count);
    double[] t = timesMs();
    LineChart chart = LineChart.of(title, "Time (ms)", "Rate φ(x)");
    for (int u = 0; u < count; u++) {
      double[] r = new double[states.length];
      for (int s = 0; s < states.length; s++) {
        r[s] = nonlinearity.apply(states[s][u]);
      }
      chart.line("unit " + u, t, r);
    }
    return chart.chart();
  }

  private float[][] byUnit(boolean rates) {
    float[][] out = new float[units()][states.length];
    for (int s = 0; s < states.length; s++) {
      for (int u = 0; u < units(); u++) {
        out[u][s] = rates ? (float) nonlinearity.apply(states[s][u]) : states[s][u];
      }
    }
    return out;
  }

  private void requireUnit(int unit) {
    if (unit < 0 || unit >= units()) {
      throw new IllegalArgumentException("unit must be in 0.." + (units() - 1) + "; got " + unit);
    }
  }

  private void requireCount(int count) {
    if (count < 1 || count > units()) {
      throw new IllegalArgumentException("count must be in 1.." + units() + "; got " + count);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Simulation[%d units, %d steps of %s ms]", units(), steps(), dtMs);
  }
}
