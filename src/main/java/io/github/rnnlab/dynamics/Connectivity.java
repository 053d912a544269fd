package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random connectivity matrices J (float64, {@code J[to][from]}), seeded: the same seed gives the same matrix. Entries
 * are drawn row by row from one {@link SplittableRandom}.
 *
 * <pre>{@code
 * INDArray j = Connectivity.gaussian(1000, 1.5, 1);            // J_ij ~ N(0, 1.5²/1000)
 * Spectrum.of(j).radius();                                      // close to 1.5 (circular law)
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Connectivity {
  private Connectivity() {}

  /**
   * J_ij ~ N(0, g²/N), independent: the random network of Sompolinsky, Crisanti &amp; Sommers (1988). Its eigenvalues
   * fill the disk of radius g uniformly as N grows (Girko's circular law); with tanh units the network decays to 0
   * for g &lt; 1 and is chaotic for g &gt; 1. The Rajan lab's code draws {@code g*randn(N,N)/sqrt(N)}, the same law.
   *
   * @throws IllegalArgumentException if {@code units} &lt; 1 or {@code gain} is negative or not finite
   */
  public static INDArray gaussian(int units, double gain, long seed) {
    Checks.positive("units", units);
    Checks.nonNegative("gain", gain);
    double scale = gain / Math.sqrt(units);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] j = new double[units][units];
    for (double[] row : j) {
      for (int c = 0; c < units; c++) {
        row[c] = scale * random.nextGaussian();
      }
    }
    return Nd4j.create(j);
  }

  /**
   * Excitatory and inhibitory columns (Rajan &amp; Abbott 2006, Phys. Rev. Lett. 97:188104): column j is excitatory
   * for the first {@code round(f·N)} units and inhibitory for the rest; J_ij = (μ_j + σ_j z_ij)/√N with z_ij ~ N(0, 1)
   * and (μ_j, σ_j) = (μ_E, σ_E) or (μ_I, σ_I). With {@link ExcitatoryInhibitory#zeroRowSums()}, the random part
   * σ_j z_ij/√N of each row has its mean over j removed, so every row sums to Σ_j μ_j/√N, zero when the means are
   * balanced (f μ_E + (1 − f) μ_I = 0); this is the constraint under which Rajan &amp; Abbott's eigenvalues stay in a
   * disk of radius √(f σ_E² + (1 − f) σ_I²) with no outliers.
   *
   * @throws IllegalArgumentException if the settings are invalid (see {@link ExcitatoryInhibitory})
   */
  public static INDArray excitatoryInhibitory(ExcitatoryInhibitory settings, long seed) {
    int n = settings.units();
    int excitatory = settings.excitatoryUnits();
    double root = Math.sqrt(n);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] j = new double[n][n];
    for (double[] row : j) {
      double mean = 0;
      for (int c = 0; c < n; c++) {
        row[c] = (c < excitatory ? settings.sdExcitatory() : settings.sdInhibitory()) * random.nextGaussian() / root;
        mean += row[c];
      }
      mean = settings.zeroRowSums() ? mean / n : 0;
      for (int c = 0; c < n; c++) {
        row[c] += (c < excitatory ? settings.meanExcitatory() : settings.meanInhibitory()) / root - mean;
      }
    }
    return Nd4j.create(j);
  }

  /**
   * {@code count} distinct units out of 0 … n − 1, chosen at random: the first {@code count} entries of a random
   * permutation (Fisher–Yates), as the lab codes' {@code randperm(N)(1:count)}.
   *
   * @throws IllegalArgumentException if {@code count} is not in 0..n
   */
  public static int[] randomUnits(int n, int count, SplittableRandom random) {
    if (count < 0 || count > n) {
      throw new IllegalArgumentException("count must be in 0.." + n + "; got " + count);
    }
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return Arrays.copyOf(p, count);
  }
}
