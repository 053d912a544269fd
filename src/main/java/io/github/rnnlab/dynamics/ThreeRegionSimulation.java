package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.ActivityChart;
import io.github.rnnlab.plot.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.knowm.xchart.HeatMapChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * CURBD's simulated data set (Perich et al. 2020, bioRxiv 10.1101/2020.12.18.423348; rajanlab/CURBD {@code
 * threeRegionSim}): three tanh rate networks of N units each, A chaotic (g_A = 1.8), B driven by a Gaussian bump of
 * activity that moves across half of its units, C driven by one fixed pattern and then another, with sparse links
 * between regions. Each region's rates are divided by their maximum, as the original does; {@link #activity()} stacks
 * A, B and C. Immutable.
 *
 * <p>As the original (in its units): τ = 100 ms, Euler steps of dt = 10 ms that are also the data samples, T = 10 s
 * plus a 2 s lead during which the drives hold their first values; J_X ~ g_X N(0, 1)/√N; each ordered pair of regions
 * links 5% of the units one to one (unit i of the source to unit i of the target, weight {@code ampInterReg}); the
 * bump input reaches a random half of B (amplitude 1), the fixed-point input a random half of C (amplitude −1); both
 * drives are currents: the log-odds of a bump of rates, rescaled to [0, 1]. Initial states ~ U(−1, 1).
 *
 * <p>Where it differs: the MATLAB original links regions with amplitude 0.2 (the default here), its Python port with
 * 0.02; the Python port also scales C's weights by g_B instead of g_C (equal by default). Indices follow the MATLAB
 * original, shifted to count from 0.
 *
 * @since 0.1.0
 */
public final class ThreeRegionSimulation {
  private final float[][] activity;
  private final Simulation run;
  private final FrozenInput drive;
  private final float[][] sequenceDrive;
  private final float[][] fixedPointDrive;
  private final List<Region> regions;
  private final RateNetwork network;
  private final Settings settings;

  private ThreeRegionSimulation(float[][] activity, Simulation run, FrozenInput drive, float[][] sequenceDrive,
      float[][] fixedPointDrive, List<Region> regions, RateNetwork network, Settings settings) {
    this.activity = activity;
    this.run = run;
    this.drive = drive;
    this.sequenceDrive = sequenceDrive;
    this.fixedPointDrive = fixedPointDrive;
    this.regions = regions;
    this.network = network;
    this.settings = settings;
  }

  /** Settings with CURBD's defaults; change some and call {@link Settings#run()}. */
  public static Settings settings() {
    return new Settings();
  }

  /** The simulation with CURBD's defaults and this seed. */
  public static ThreeRegionSimulation run(long seed) {
    return settings().seed(seed).run();
  }

  /** The normalised rates, 3N units (A, then B, then C) × samples, float32. */
  public INDArray activity() {
    return Nd4j.create(activity);
  }

  /** The rates tanh(x) as simulated, before the division by each region's maximum: units × samples, float32. */
  public INDArray rates() {
    return run.rates();
  }

  /** The external input each unit received (the masked, scaled drives), the same at every run. */
  public FrozenInput drive() {
    return drive;
  }

  /** The regions A, B and C of {@link #activity()}. */
  public List<Region> regions() {
    return regions;
  }

  /** The time between samples (the Euler step) in ms. */
  public double dtMs() {
    return settings.dtMs;
  }

  /** The number of samples (time points). */
  public int samples() {
    return activity[0].length;
  }

  /** The bump drive of region B, N × samples (before the 50% mask and amplitude). */
  public INDArray sequenceDrive() {
    return Nd4j.create(sequenceDrive);
  }

  /** The fixed-point drive of region C, N × samples (before the 50% mask and amplitude). */
  public INDArray fixedPointDrive() {
    return Nd4j.create(fixedPointDrive);
  }

  /** The network that produced the data: 3N units, block weights, τ and dt as set. */
  public RateNetwork network() {
    return network;
  }

  /**
   * One row per region and sample: {@code region}, {@code time_ms}, {@code mean_activity}, {@code rms_activity} (over
   * the region's units).
   */
  public Table toTable() {
    int samples = samples();
    StringColumn region = StringColumn.create("region");
    DoubleColumn time = DoubleColumn.create("time_ms");
    DoubleColumn mean = DoubleColumn.create("mean_activity");
    DoubleColumn rms = DoubleColumn.create("rms_activity");
    for (Region r : regions) {
      for (int t = 0; t < samples; t++) {
        double sum = 0;
        double squares = 0;
        for (int u : r.units()) {
          sum += activity[u][t];
          squares += (double) activity[u][t] * activity[u][t];
        }
        region.append(r.name());
        time.append(t * settings.dtMs);
        mean.append(sum / r.size());
        rms.append(Math.sqrt(squares / r.size()));
      }
    }
    return Table.create("three-region simulation", region, time, mean, rms);
  }

  /** The three regions' rates (top row) and the two drives (bottom row), as heat maps against time. */
  public Figure plot() {
    List<HeatMapChart> charts = new ArrayList<>();
    double[] gains = {settings.gainA, settings.gainB, settings.gainC};
    for (int k = 0; k < regions.size(); k++) {
      Region r = regions.get(k);
      float[][] rows = new float[r.size()][];
      for (int i = 0; i < r.size(); i++) {
        rows[i] = activity[r.unit(i)];
      }
      charts.add(ActivityChart.chart(String.format(Locale.ROOT, "Region %s (g = %s)", r.name(), gains[k]), rows, 0,
          settings.dtMs));
    }
    charts.add(ActivityChart.chart("Sequence drive (to B)", sequenceDrive, 0, settings.dtMs));
    charts.add(ActivityChart.chart("Fixed-point drive (to C)", fixedPointDrive, 0, settings.dtMs));
    return Figure.grid(charts, 3);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ThreeRegionSimulation[3 × %d units, %d samples of %s ms]", settings.units,
        samples(), settings.dtMs);
  }

  /** The simulation's settings, CURBD's defaults unless changed; each setter checks its value. */
  public static final class Settings {
    private int units = 100;
    private double gainA = 1.8;
    private double gainB = 1.5;
    private double gainC = 1.5;
    private double tauMs = 100;
    private double fractionInterRegion = 0.05;
    private double amplitudeInterRegion = 0.2;
    private double fractionExternal = 0.5;
    private double amplitudeB = 1;
    private double amplitudeC = -1;
    private double dtMs = 10;
    private double durationMs = 10_000;
    private double leadMs = 2_000;
    private double bumpWidth = 0.2;
    private long seed = 1;

    private Settings() {}

    /**
     * Units per region (default 100; at least 30, as the drives read samples 9 and 299 of a 10 s bump).
     *
     * @throws IllegalArgumentException if below 30
     */
    public Settings units(int value) {
      if (value < 30) {
        throw new IllegalArgumentException("units per region must be at least 30; got " + value);
      }
      units = value;
      return this;
    }

    /**
     * The gains g_A, g_B, g_C (default 1.8, 1.5, 1.5).
     *
     * @throws IllegalArgumentException if one is negative
     */
    public Settings gains(double a, double b, double c) {
      gainA = Checks.nonNegative("gainA", a);
      gainB = Checks.nonNegative("gainB", b);
      gainC = Checks.nonNegative("gainC", c);
      return this;
    }

    /**
     * The amplitude of the links between regions (default 0.2 as CURBD's MATLAB code; its Python port uses 0.02).
     *
     * @throws IllegalArgumentException if not finite
     */
    public Settings amplitudeInterRegion(double value) {
      amplitudeInterRegion = Checks.finite("amplitudeInterRegion", value);
      return this;
    }

    /**
     * The fraction of each region's units that a link between regions reaches (default 0.05).
     *
     * @throws IllegalArgumentException if not in (0, 1]
     */
    public Settings fractionInterRegion(double value) {
      fractionInterRegion = Checks.fraction("fractionInterRegion", value);
      return this;
    }

    /**
     * The seed of every random choice (default 1).
     */
    public Settings seed(long value) {
      seed = value;
      return this;
    }

    /** Runs the simulation. */
    public ThreeRegionSimulation run() {
      Checks.stepShorterThanTau(dtMs, tauMs);
      int n = units;
      int samples = (int) Math.round(durationMs / dtMs) + 1;
      int lead = (int) Math.round(leadMs / dtMs);
      float[][] bump = new float[n][samples];
      double sig = bumpWidth * n;
      int freeze = (samples + 1) / 2 - 101;                 // MATLAB's ceil(M/2) − 100, from 1-based
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < samples; t++) {
          double time = t * dtMs;
          double position = (i + 1) - sig - n * time / (durationMs / 2);
          bump[i][t] = (float) Math.exp(-position * position / (2 * sig * sig));
        }
        for (int t = freeze + 1; t < samples; t++) {
          bump[i][t] = bump[i][freeze];
        }
      }
      int switchAt = (samples + 1) / 2 + 100;               // MATLAB's ceil(M/2) + 100 samples of the first pattern
      float[][] fixed = new float[n][samples];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < samples; t++) {
          fixed[i][t] = bump[i][t < switchAt ? 9 : 299];
        }
      }
      float[][] sequence = withLead(logOddsScaled(bump), lead);
      float[][] fixedPoint = withLead(logOddsScaled(fixed), lead);
      int total = samples + lead;

      SplittableRandom random = new SplittableRandom(seed);
      double[][] j = new double[3 * n][3 * n];
      double[] gains = {gainA, gainB, gainC};
      for (int r = 0; r < 3; r++) {
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < n; k++) {
            j[r * n + i][r * n + k] = gains[r] * random.nextGaussian() / Math.sqrt(n);
          }
        }
      }
      float[] x0 = new float[3 * n];
      for (int i = 0; i < 3 * n; i++) {
        x0[i] = (float) (2 * random.nextDouble() - 1);
      }
      int linked = (int) Math.round(fractionInterRegion * n);
      // In MATLAB's order: A→B, A→C, B→A, B→C, C→A, C→B.
      int[][] pairs = {{0, 1}, {0, 2}, {1, 0}, {1, 2}, {2, 0}, {2, 1}};
      for (int[] pair : pairs) {
        for (int i : Connectivity.randomUnits(n, linked, random)) {
          j[pair[1] * n + i][pair[0] * n + i] = amplitudeInterRegion;
        }
      }
      int external = (int) Math.round(fractionExternal * n);
      int[] toB = Connectivity.randomUnits(n, external, random);
      int[] toC = Connectivity.randomUnits(n, external, random);
      float[][] drive = new float[total][3 * n];
      for (int t = 0; t < total; t++) {
        for (int i : toB) {
          drive[t][n + i] = (float) (amplitudeB * sequence[i][t]);
        }
        for (int i : toC) {
          drive[t][2 * n + i] = (float) (amplitudeC * fixedPoint[i][t]);
        }
      }
      RateNetwork network = RateNetwork.builder().weights(Nd4j.create(j)).tauMs(tauMs).dtMs(dtMs).build();
      FrozenInput input = FrozenInput.wrap(drive);
      Simulation sim = network.simulate(total - 1, input, x0, seed);
      float[][] rates = sim.rates().toFloatMatrix();
      List<Region> regions = List.of(Region.range("A", 0, n), Region.range("B", n, n), Region.range("C", 2 * n, n));
      for (Region region : regions) {
        float max = Float.NEGATIVE_INFINITY;
        for (int u : region.units()) {
          for (float v : rates[u]) {
            max = Math.max(max, v);
          }
        }
        for (int u : region.units()) {
          for (int t = 0; t < total; t++) {
            rates[u][t] /= max;
          }
        }
      }
      return new ThreeRegionSimulation(rates, sim, input, sequence, fixedPoint, regions, network, this);
    }

    /** ln((x + 0.01)/(1 − x + 0.01)), then shifted and scaled to [0, 1] over the whole matrix. */
    private static float[][] logOddsScaled(float[][] x) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double[][] h = new double[x.length][x[0].length];
      for (int i = 0; i < x.length; i++) {
        for (int t = 0; t < x[i].length; t++) {
          h[i][t] = Nonlinearity.SIGMOID.targetCurrent(x[i][t]);
          min = Math.min(min, h[i][t]);
          max = Math.max(max, h[i][t]);
        }
      }
      float[][] out = new float[x.length][x[0].length];
      for (int i = 0; i < x.length; i++) {
        for (int t = 0; t < x[i].length; t++) {
          out[i][t] = (float) ((h[i][t] - min) / (max - min));
        }
      }
      return out;
    }

    /** {@code lead} copies of the first column, then the matrix. */
    private static float[][] withLead(float[][] x, int lead) {
      float[][] out = new float[x.length][lead + x[0].length];
      for (int i = 0; i < x.length; i++) {
        Arrays.fill(out[i], 0, lead, x[i][0]);
        System.arraycopy(x[i], 0, out[i], lead, x[i].length);
      }
      return out;
    }
  }
}
