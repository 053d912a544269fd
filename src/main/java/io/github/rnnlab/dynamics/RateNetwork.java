package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network of N rate units, τ dx/dt = −x + J φ(x) + I(t) + noise, stepped by Euler's method with step dt: the model of
 * the Rajan lab's problem set (Sompolinsky, Crisanti &amp; Sommers 1988; Sussillo &amp; Abbott 2009; Rajan, Harvey &amp;
 * Tank 2016; Perich et al. 2020). x is each unit's current, r = φ(x) its rate, J[to][from] the weights. Immutable;
 * trainers work on an {@link Integrator}, which copies the weights.
 *
 * <pre>{@code
 * RateNetwork net = RateNetwork.gaussian(500, 1.5, 1);            // J_ij ~ N(0, 1.5²/500), tanh, τ 10 ms, dt 1 ms
 * Simulation sim = net.simulate(1000, 2);                          // 1 s from x(0) ~ N(0, 1)
 * sim.plot();
 * RateNetwork pinned = RateNetwork.builder().weights(j).nonlinearity(Nonlinearity.SIGMOID).noiseLevel(0.5).build();
 * }</pre>
 *
 * <p>Defaults: τ = {@value #DEFAULT_TAU_MS} ms, dt = {@value #DEFAULT_DT_MS} ms (the problem set's), tanh units, no
 * noise. Precision: float32 weights and state, see {@link Integrator}.
 *
 * @since 0.1.0
 */
public final class RateNetwork {
  /** Default time constant τ in ms. */
  public static final double DEFAULT_TAU_MS = 10;
  /** Default Euler step dt in ms. */
  public static final double DEFAULT_DT_MS = 1;
  /** The most state values a {@link Simulation} may record (200 MB of float32), to fit a 2 GB notebook. */
  static final long MAX_RECORDED_VALUES = 50_000_000L;

  private final float[][] columns;
  private final double tauMs;
  private final double dtMs;
  private final Nonlinearity nonlinearity;
  private final double noiseLevel;

  private RateNetwork(float[][] columns, double tauMs, double dtMs, Nonlinearity nonlinearity, double noiseLevel) {
    this.columns = columns;
    this.tauMs = tauMs;
    this.dtMs = dtMs;
    this.nonlinearity = nonlinearity;
    this.noiseLevel = noiseLevel;
  }

  /** A builder with the defaults; {@link Builder#weights} must be given. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tanh units with Gaussian weights J_ij ~ N(0, g²/N) ({@link Connectivity#gaussian}), τ 10 ms, dt 1 ms, no noise.
   *
   * @throws IllegalArgumentException if {@code units} &lt; 1 or {@code gain} is negative
   */
  public static RateNetwork gaussian(int units, double gain, long seed) {
    return builder().weights(Connectivity.gaussian(units, gain, seed)).build();
  }

  /** A builder holding this network's weights and settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.columns = copyColumns();
    return b.tauMs(tauMs).dtMs(dtMs).nonlinearity(nonlinearity).noiseLevel(noiseLevel);
  }

  /** N, the number of units. */
  public int units() {
    return columns.length;
  }

  /** The time constant τ in ms. */
  public double tauMs() {
    return tauMs;
  }

  /** The Euler step dt in ms. */
  public double dtMs() {
    return dtMs;
  }

  /** The rate function φ. */
  public Nonlinearity nonlinearity() {
    return nonlinearity;
  }

  /** The private noise: each step adds noiseLevel·√(τ/dt)·N(0, 1) to every unit's current. */
  public double noiseLevel() {
    return noiseLevel;
  }

  /** The weights {@code J[to][from]}, float64 (a copy). */
  public INDArray weights() {
    return Nd4j.create(rowsOf(columns));
  }

  /** The weight from unit {@code from} to unit {@code to}. */
  public double weight(int to, int from) {
    return columns[from][to];
  }

  /** The eigenvalues of J. */
  public Spectrum spectrum() {
    return Spectrum.of(rowsOf(columns));
  }

  /**
   * A fresh integrator of this network (its own copy of the weights) driven by {@code input}, with private noise
   * drawn from {@code noiseSeed}. Its state starts at 0; set it with {@link Integrator#reset}.
   */
  public Integrator integrator(Input input, long noiseSeed) {
    return new Integrator(this, input, noiseSeed);
  }

  /**
   * Runs {@code steps} Euler steps from {@code initialState} (one value per unit) and records the state at every step.
   *
   * @param input the external input (see {@link Input}); a {@link FrozenInput} must cover the steps
   * @param noiseSeed seeds the private noise (unused without noise)
   * @throws IllegalArgumentException if {@code steps} &lt; 1, the state does not have one finite value per unit, the
   *     input does not fit, or the record would exceed 50 million values
   */
  public Simulation simulate(int steps, Input input, INDArray initialState, long noiseSeed) {
    return simulate(steps, input, stateOf(initialState), noiseSeed);
  }

  /**
   * Runs {@code steps} steps without input from a random state x(0) ~ N(0, 1), drawn from {@code seed} (which also
   * seeds the noise, if any).
   *
   * @throws IllegalArgumentException if {@code steps} &lt; 1 or the record would exceed 50 million values
   */
  public Simulation simulate(int steps, long seed) {
    return simulate(steps, Input.none(), gaussianState(units(), 1, new SplittableRandom(seed)), seed);
  }

  Simulation simulate(int steps, Input input, float[] x0, long noiseSeed) {
    Checks.positive("steps", steps);
    requireFits(input, steps);
    if ((long) (steps + 1) * units() > MAX_RECORDED_VALUES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "recording %d steps of %d units needs %d values; at most %d fit (simulate fewer steps)", steps, units(),
          (long) (steps + 1) * units(), MAX_RECORDED_VALUES));
    }
    Integrator integrator = integrator(input, noiseSeed);
    integrator.reset(x0);
    float[][] states = new float[steps + 1][];
    states[0] = x0.clone();
    for (int s = 0; s < steps; s++) {
      integrator.computeCurrent(s);
      integrator.advance();
      states[s + 1] = integrator.state().clone();
    }
    return new Simulation(states, dtMs, nonlinearity);
  }

  /**
   * Checks that {@code input} can drive this network for {@code steps} steps (only a {@link FrozenInput} knows its
   * size).
   *
   * @throws IllegalArgumentException if it cannot
   */
  public void requireFits(Input input, int steps) {
    if (input instanceof FrozenInput frozen) {
      frozen.requireFits(units(), steps);
    }
  }

  /**
   * The values of a state vector, checked.
   *
   * @throws IllegalArgumentException if {@code state} does not hold one finite value per unit
   */
  private float[] stateOf(INDArray state) {
    if (state.length() != units()) {
      throw new IllegalArgumentException("the state needs " + units() + " values, one per unit; got shape "
          + Arrays.toString(state.shape()));
    }
    float[] x = state.reshape(units()).toFloatVector();
    for (float v : x) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("the state holds a non-finite value: " + v);
      }
    }
    return x;
  }

  /** N values ~ N(0, sd²). */
  static float[] gaussianState(int n, double sd, SplittableRandom random) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (sd * random.nextGaussian());
    }
    return x;
  }

  /** A copy of the weights as columns: {@code [from][to]}. */
  float[][] copyColumns() {
    return copy(columns);
  }

  /** This network with other weights, given as columns (copied). */
  RateNetwork withColumns(float[][] newColumns) {
    return new RateNetwork(copy(newColumns), tauMs, dtMs, nonlinearity, noiseLevel);
  }

  private static float[][] copy(float[][] rows) {
    float[][] copy = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  /** Columns {@code [from][to]} as float64 rows {@code [to][from]}. */
  static double[][] rowsOf(float[][] columns) {
    int n = columns.length;
    double[][] rows = new double[n][n];
    for (int from = 0; from < n; from++) {
      for (int to = 0; to < n; to++) {
        rows[to][from] = columns[from][to];
      }
    }
    return rows;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "RateNetwork[%d %s units, tau %s ms, dt %s ms, noise level %s]", units(),
        nonlinearity.name().toLowerCase(Locale.ROOT), tauMs, dtMs, noiseLevel);
  }

  /** Settings of a {@link RateNetwork}; each setter checks its value. */
  public static final class Builder {
    private float @Nullable [][] columns;
    private double tauMs = DEFAULT_TAU_MS;
    private double dtMs = DEFAULT_DT_MS;
    private Nonlinearity nonlinearity = Nonlinearity.TANH;
    private double noiseLevel;

    private Builder() {}

    /**
     * The weights {@code J[to][from]}, N × N (copied).
     *
     * @throws IllegalArgumentException if {@code j} is not square or holds non-finite values
     */
    public Builder weights(INDArray j) {
      if (j.rank() != 2 || j.size(0) != j.size(1) || j.size(0) == 0) {
        throw new IllegalArgumentException("weights must be a square N × N matrix with N >= 1; got shape "
            + Arrays.toString(j.shape()));
      }
      Checks.shape("weights", j, -1, -1);
      int n = (int) j.size(0);
      float[][] c = new float[n][n];
      for (int to = 0; to < n; to++) {
        for (int from = 0; from < n; from++) {
          c[from][to] = j.getFloat(to, from);
        }
      }
      columns = c;
      return this;
    }

    /**
     * The time constant τ in ms (default 10).
     *
     * @throws IllegalArgumentException if not finite and &gt; 0
     */
    public Builder tauMs(double value) {
      tauMs = Checks.positive("tauMs", value);
      return this;
    }

    /**
     * The Euler step dt in ms (default 1); must stay below τ.
     *
     * @throws IllegalArgumentException if not finite and &gt; 0
     */
    public Builder dtMs(double value) {
      dtMs = Checks.positive("dtMs", value);
      return this;
    }

    /** The rate function (default tanh). */
    public Builder nonlinearity(Nonlinearity value) {
      nonlinearity = value;
      return this;
    }

    /**
     * The private noise level (default 0): each step adds noiseLevel·√(τ/dt)·N(0, 1) to each current; the PINning
     * problem uses 0.5.
     *
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder noiseLevel(double value) {
      noiseLevel = Checks.nonNegative("noiseLevel", value);
      return this;
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException if no weights were given or dt ≥ τ
     */
    public RateNetwork build() {
      float[][] c = columns;
      if (c == null) {
        throw new IllegalArgumentException("weights are required: call weights(J), e.g. with Connectivity.gaussian");
      }
      Checks.stepShorterThanTau(dtMs, tauMs);
      return new RateNetwork(copy(c), tauMs, dtMs, nonlinearity, noiseLevel);
    }
  }
}
