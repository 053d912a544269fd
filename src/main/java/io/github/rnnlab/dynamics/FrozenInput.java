package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An input fixed in advance, one value per unit and step (float32): the same in every run, as the "frozen" inputs of
 * the Rajan lab's PINning and CURBD codes. Immutable.
 *
 * @since 0.1.0
 */
public final class FrozenInput implements Input {
  private final float[][] byStep;

  private FrozenInput(float[][] byStep) {
    this.byStep = byStep;
  }

  /**
   * Low-pass filtered white noise, one independent trace per unit, as the Rajan lab's codes make their external
   * inputs: I_0 = 1 and I_s = η_s + (I_{s−1} − η_s)·e^{−dt/τ_WN} with η_s ~ √(τ_WN/dt)·N(0, 1), then scaled by
   * {@code amplitude}. The PINning problem uses τ_WN = 1 s and amplitude 1; CURBD's fit 100 ms and 0.01.
   *
   * @throws IllegalArgumentException if {@code units} or {@code steps} &lt; 1, a time is not positive or
   *     {@code amplitude} is negative
   */
  public static FrozenInput smoothedNoise(int units, int steps, double dtMs, double tauMs, double amplitude,
      long seed) {
    Checks.positive("units", units);
    Checks.positive("steps", steps);
    Checks.positive("dtMs", dtMs);
    Checks.positive("tauMs", tauMs);
    Checks.nonNegative("amplitude", amplitude);
    SplittableRandom random = new SplittableRandom(seed);
    double decay = Math.exp(-dtMs / tauMs);
    double scale = Math.sqrt(tauMs / dtMs);
    double[] level = new double[units];
    Arrays.fill(level, 1);
    float[][] values = new float[steps][units];
    for (int s = 0; s < steps; s++) {
      for (int i = 0; i < units; i++) {
        if (s > 0) {
          double eta = scale * random.nextGaussian();
          level[i] = eta + (level[i] - eta) * decay;
        }
        values[s][i] = (float) (amplitude * level[i]);
      }
    }
    return new FrozenInput(values);
  }

  /**
   * The input given as a units × steps array.
   *
   * @throws IllegalArgumentException if {@code unitsBySteps} is not 2-D, is empty or holds non-finite values
   */
  public static FrozenInput of(INDArray unitsBySteps) {
    Checks.shape("unitsBySteps", unitsBySteps, -1, -1);
    int units = (int) unitsBySteps.size(0);
    int steps = (int) unitsBySteps.size(1);
    Checks.positive("units (rows of the input)", units);
    Checks.positive("steps (columns of the input)", steps);
    float[][] values = new float[steps][units];
    for (int s = 0; s < steps; s++) {
      for (int i = 0; i < units; i++) {
        values[s][i] = unitsBySteps.getFloat(i, s);
      }
    }
    return new FrozenInput(values);
  }

  /** Built from values the caller no longer touches: {@code byStep[step][unit]}. */
  static FrozenInput wrap(float[][] byStep) {
    return new FrozenInput(byStep);
  }

  /** The number of units it drives. */
  public int units() {
    return byStep[0].length;
  }

  /** The number of steps it covers. */
  public int steps() {
    return byStep.length;
  }

  /** The input of {@code unit} at {@code step}. */
  public float value(int unit, int step) {
    return byStep[step][unit];
  }

  /**
   * {@inheritDoc}
   *
   * @throws IndexOutOfBoundsException if {@code step} ≥ {@link #steps()}
   */
  @Override
  public void addTo(int step, float[] current) {
    float[] v = byStep[step];
    for (int i = 0; i < v.length; i++) {
      current[i] += v[i];
    }
  }

  /** The input as units × steps, float32. */
  public INDArray toArray() {
    float[][] t = new float[units()][steps()];
    for (int s = 0; s < steps(); s++) {
      for (int i = 0; i < units(); i++) {
        t[i][s] = byStep[s][i];
      }
    }
    return Nd4j.create(t);
  }

  /**
   * Checks that this input fits a network of {@code units} run for {@code steps} steps.
   *
   * @throws IllegalArgumentException if it drives another number of units or covers fewer steps
   */
  public void requireFits(int units, int steps) {
    if (units() != units || steps() < steps) {
      throw new IllegalArgumentException("the input covers " + units() + " units × " + steps() + " steps; needed "
          + units + " units × at least " + steps + " steps");
    }
  }
}
