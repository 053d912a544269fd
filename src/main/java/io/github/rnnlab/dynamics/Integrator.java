package io.github.rnnlab.dynamics;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Steps a {@link RateNetwork} forward one Euler step at a time, for simulations and for trainers that change the
 * weights as the network runs (FORCE, PINning, CURBD). Each step s is two calls:
 *
 * <ol>
 *   <li>{@link #computeCurrent(int)}: rates r = φ(x), then the total input current z = J r + I(s) + σ ξ, with fresh
 *       Gaussian noise ξ of standard deviation σ = noiseLevel·√(τ/dt);
 *   <li>{@link #advance()}: x ← x + (dt/τ)(z − x).
 * </ol>
 *
 * Between the two, {@link #rates()} and {@link #current()} are the step's values; a trainer may read them, add to the
 * current (output feedback) and change weights with {@link #addToColumn}. The noise of the PINning problem, 0.5·√(τ/dt)
 * per step, makes x diffuse at a rate that does not depend on dt.
 *
 * <p><b>Precision.</b> Weights, state, rates and currents are float32. The product J r, an N × N multiply-add per step,
 * is the whole cost of a simulation; in float32 the matrix of a 500-unit network (1 MB) stays in a core's L2 cache and
 * the JIT's vectors hold twice as many numbers, about twice as fast as float64. The noise the problems inject (σ ≈ 1.6
 * per step) and the chaos of g &gt; 1 dwarf float32 rounding (relative 6·10⁻⁸). Trainers keep their least-squares
 * state in float64 (see {@code rls.Rls}). Not thread-safe; a network's integrators are independent copies.
 *
 * @since 0.1.0
 */
public final class Integrator {
  private final RateNetwork origin;
  private final int n;
  private final float[][] columns;
  private final Nonlinearity nonlinearity;
  private final float alpha;
  private final float noiseSd;
  private final Input input;
  private final SplittableRandom noise;
  private final float[] state;
  private final float[] rates;
  private final float[] current;

  Integrator(RateNetwork network, Input input, long noiseSeed) {
    this.origin = network;
    this.n = network.units();
    this.columns = network.copyColumns();
    this.nonlinearity = network.nonlinearity();
    this.alpha = (float) (network.dtMs() / network.tauMs());
    this.noiseSd = (float) (network.noiseLevel() * Math.sqrt(network.tauMs() / network.dtMs()));
    this.input = input;
    this.noise = new SplittableRandom(noiseSeed);
    this.state = new float[n];
    this.rates = new float[n];
    this.current = new float[n];
  }

  /** The number of units. */
  public int units() {
    return n;
  }

  /**
   * Sets the state x (one value per unit), e.g. at the start of a run.
   *
   * @throws IllegalArgumentException if {@code x} does not have one value per unit
   */
  public void reset(float[] x) {
    if (x.length != n) {
      throw new IllegalArgumentException("the state needs " + n + " values, one per unit; got " + x.length);
    }
    System.arraycopy(x, 0, state, 0, n);
  }

  /** Computes the rates and the total input current of step {@code step} from the current state. */
  public void computeCurrent(int step) {
    nonlinearity.apply(state, rates, n);
    multiply(columns, rates, current, n);
    input.addTo(step, current);
    if (noiseSd > 0) {
      for (int i = 0; i < n; i++) {
        current[i] += (float) (noiseSd * noise.nextGaussian());
      }
    }
  }

  /** Moves the state one Euler step towards the current: x ← x + (dt/τ)(z − x). */
  public void advance() {
    float a = alpha;
    for (int i = 0; i < n; i++) {
      state[i] += a * (current[i] - state[i]);
    }
  }

  /** The state x: live, read-only by contract. */
  public float[] state() {
    return state;
  }

  /** The rates of the step last computed: live, read-only by contract. */
  public float[] rates() {
    return rates;
  }

  /** The total input current of the step last computed: live; a trainer may add to it before {@link #advance()}. */
  public float[] current() {
    return current;
  }

  /**
   * J[:, from] += scale · values: changes the outgoing weights of unit {@code from} (column {@code from} of J), as
   * recursive least squares does for a plastic unit.
   */
  public void addToColumn(int from, float scale, float[] values) {
    float[] column = columns[from];
    for (int j = 0; j < n; j++) {
      column[j] += scale * values[j];
    }
  }

  /** The network with its weights as they are now (a copy; later changes do not reach it). */
  public RateNetwork network() {
    return origin.withColumns(columns);
  }

  /** The weights as they are now, {@code J[to][from]}, float64. */
  public INDArray weights() {
    return Nd4j.create(RateNetwork.rowsOf(columns));
  }

  /**
   * {@code z = Σ_i r_i · columns[i]}. Four columns per pass: each pass loads and stores z once for four columns, and the
   * inner loop ({@code z[j] += …} over equal indices of distinct arrays) is one the JIT vectorises.
   */
  static void multiply(float[][] columns, float[] r, float[] z, int n) {
    Arrays.fill(z, 0, n, 0f);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      add4(z, r[i], r[i + 1], r[i + 2], r[i + 3], columns[i], columns[i + 1], columns[i + 2], columns[i + 3], n);
    }
    for (; i < n; i++) {
      float s = r[i];
      float[] c = columns[i];
      for (int j = 0; j < n; j++) {
        z[j] += s * c[j];
      }
    }
  }

  private static void add4(float[] z, float s0, float s1, float s2, float s3, float[] c0, float[] c1, float[] c2,
      float[] c3, int n) {
    for (int j = 0; j < n; j++) {
      z[j] += s0 * c0[j] + s1 * c1[j] + s2 * c2[j] + s3 * c3[j];
    }
  }
}
