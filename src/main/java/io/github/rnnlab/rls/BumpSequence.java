package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.dynamics.Connectivity;
import io.github.rnnlab.dynamics.FrozenInput;
import io.github.rnnlab.dynamics.Nonlinearity;
import io.github.rnnlab.dynamics.RateNetwork;
import io.github.rnnlab.plot.ActivityChart;
import io.github.rnnlab.plot.Figure;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Problem 3 of the Rajan lab's COSYNE 2021 problem set (rajanlab/pset3, {@code PINningDevIdealBump}): PIN a random
 * chaotic network into a sequence, a Gaussian bump of activity that sweeps once across all units during the trial
 * (after Rajan, Harvey &amp; Tank 2016). {@link #reference(long)} has the lab's settings:
 *
 * <ul>
 *   <li>N = 500 sigmoid units, τ = 10 ms, Euler steps of dt = 1 ms, J = g N(0, 1)/√N with g = 1.5, private noise
 *       0.5·√(τ/dt)·N(0, 1) on every unit's current each step;
 *   <li>one frozen input per unit: white noise low-pass filtered with τ_WN = 1 s, amplitude 1 ({@link
 *       FrozenInput#smoothedNoise});
 *   <li>target: 165 intervals of 64.1 ms (166 samples, 10.58 s); unit i (the lab's i + 1) has rate
 *       exp(−((i + 1) − N t/T)²/(2σ²)) with σ = 0.0343 N ≈ 17 units; the target currents are
 *       ln((x + 0.01)/(1 − x + 0.01));
 *   <li>{@link #pinning()}: 10% plastic units, P₀ = 1, 125 runs, the last 5 free.
 * </ul>
 *
 * <p>Where rnnlab differs from the lab's code on purpose: it learns at the step nearest each data sample (the lab's
 * clock learns every 65 steps while its target advances 64.1 ms a sample, so the target lags the network by up to
 * 146 ms); each run starts from the target current at time 0 (the lab starts from the target <em>rate</em> used as a
 * current); pVar compares the rates with the target at every sample, including time 0 (the lab's rate matrix keeps
 * that column at zero) and without dividing the rates by their maximum (the lab's MATLAB pVar does; sigmoid rates stay
 * below 1 anyway). Random numbers come from {@link SplittableRandom}, so runs do not reproduce the lab's numbers, only
 * their statistics.
 *
 * @since 0.1.0
 */
public final class BumpSequence {
  private final RateNetwork network;
  private final FrozenInput input;
  private final float[][] targetRates;
  private final double dtDataMs;
  private final long pinningSeed;

  private BumpSequence(RateNetwork network, FrozenInput input, float[][] targetRates, double dtDataMs,
      long pinningSeed) {
    this.network = network;
    this.input = input;
    this.targetRates = targetRates;
    this.dtDataMs = dtDataMs;
    this.pinningSeed = pinningSeed;
  }

  /** The lab's problem with every random choice drawn from {@code seed}. */
  public static BumpSequence reference(long seed) {
    return builder().seed(seed).build();
  }

  /** Settings, the lab's unless changed. */
  public static Builder builder() {
    return new Builder();
  }

  /** The network before training. */
  public RateNetwork network() {
    return network;
  }

  /** The frozen input. */
  public FrozenInput input() {
    return input;
  }

  /** The target rates, units × samples. */
  public INDArray targetRates() {
    return PinningResult.byUnit(targetRates);
  }

  /** The time between target samples in ms. */
  public double dtDataMs() {
    return dtDataMs;
  }

  /** The number of target samples. */
  public int samples() {
    return targetRates.length;
  }

  /**
   * A PINning builder set up for this problem: network, input, target, dtData, 10% plastic units, 125 runs with the
   * last 5 free, P₀ = 1, and a seed drawn from this problem's seed.
   */
  public Pinning.Builder pinning() {
    return Pinning.builder().network(network).input(input).targetRates(targetRates()).dtDataMs(dtDataMs)
        .seed(pinningSeed);
  }

  /** The target, long form: {@code unit}, {@code sample}, {@code time_ms}, {@code rate}, {@code current}. */
  public Table toTable() {
    int n = network.units();
    int rows = n * samples();
    int[] unit = new int[rows];
    int[] sample = new int[rows];
    double[] time = new double[rows];
    double[] rate = new double[rows];
    double[] current = new double[rows];
    int row = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < samples(); k++, row++) {
        unit[row] = i;
        sample[row] = k;
        time[row] = k * dtDataMs;
        rate[row] = targetRates[k][i];
        current[row] = Nonlinearity.SIGMOID.targetCurrent(targetRates[k][i]);
      }
    }
    return Table.create("bump sequence target", IntColumn.create("unit", unit), IntColumn.create("sample", sample),
        DoubleColumn.create("time_ms", time), DoubleColumn.create("rate", rate),
        DoubleColumn.create("current", current));
  }

  /** The target rates as a heat map. */
  public Figure plot() {
    return ActivityChart.of("Target: a bump sweeping across the units", PinningResult.transpose(targetRates), 0,
        dtDataMs);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "BumpSequence[%d units, %d samples of %s ms, %s]", network.units(), samples(),
        dtDataMs, network);
  }

  /** The problem's settings; each setter checks its value. */
  public static final class Builder {
    private int units = 500;
    private double gain = 1.5;
    private double tauMs = 10;
    private double dtMs = 1;
    private double noiseLevel = 0.5;
    private double inputTauMs = 1000;
    private double inputAmplitude = 1;
    private double dtDataMs = 64.1;
    private int intervals = 165;
    private double width = 0.0343;
    private long seed = 1;

    private Builder() {}

    /**
     * N (default 500).
     *
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder units(int value) {
      units = Checks.positive("units", value);
      return this;
    }

    /**
     * g (default 1.5).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder gain(double value) {
      gain = Checks.nonNegative("gain", value);
      return this;
    }

    /**
     * The private noise level (default 0.5).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder noiseLevel(double value) {
      noiseLevel = Checks.nonNegative("noiseLevel", value);
      return this;
    }

    /**
     * The amplitude of the frozen input (default 1; 0 removes it).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder inputAmplitude(double value) {
      inputAmplitude = Checks.nonNegative("inputAmplitude", value);
      return this;
    }

    /**
     * The number of data intervals (default 165: 166 samples) and their length in ms (default 64.1).
     *
     * @throws IllegalArgumentException if {@code intervals} &lt; 1 or {@code dtDataMs} is not positive
     */
    public Builder data(int intervals, double dtDataMs) {
      this.intervals = Checks.positive("intervals", intervals);
      this.dtDataMs = Checks.positive("dtDataMs", dtDataMs);
      return this;
    }

    /** Seeds the weights, the input, the plastic units and the noise (default 1). */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /**
     * The problem.
     *
     * @throws IllegalArgumentException if dtDataMs is below the step of 1 ms
     */
    public BumpSequence build() {
      if (dtDataMs < dtMs) {
        throw new IllegalArgumentException("dtDataMs must be at least dt = " + dtMs + " ms; got " + dtDataMs);
      }
      SplittableRandom random = new SplittableRandom(seed);
      RateNetwork net = RateNetwork.builder().weights(Connectivity.gaussian(units, gain, random.nextLong()))
          .tauMs(tauMs).dtMs(dtMs).nonlinearity(Nonlinearity.SIGMOID).noiseLevel(noiseLevel).build();
      int samples = intervals + 1;
      int steps = DataRuns.steps(samples, dtDataMs, dtMs);
      FrozenInput input = FrozenInput.smoothedNoise(units, steps, dtMs, inputTauMs, inputAmplitude,
          random.nextLong());
      double sig = width * units;
      double last = intervals * dtDataMs;
      float[][] rates = new float[samples][units];
      for (int k = 0; k < samples; k++) {
        double centre = units * (k * dtDataMs) / last;
        for (int i = 0; i < units; i++) {
          double d = (i + 1) - centre;
          rates[k][i] = (float) Math.exp(-d * d / (2 * sig * sig));
        }
      }
      return new BumpSequence(net, input, rates, dtDataMs, random.nextLong());
    }
  }
}
