package io.github.rnnlab.dynamics;

import io.github.rnnlab.internal.Checks;
/**
 * Settings of an excitatory/inhibitory random matrix after Rajan &amp; Abbott (2006); {@link
 * Connectivity#excitatoryInhibitory} draws one. Means and standard deviations are in units of 1/√N: an excitatory
 * column j has entries (μ_E + σ_E z)/√N, an inhibitory one (μ_I + σ_I z)/√N.
 *
 * @param units N, at least 2
 * @param fractionExcitatory f, the fraction of excitatory columns, in (0, 1)
 * @param meanExcitatory μ_E
 * @param meanInhibitory μ_I
 * @param sdExcitatory σ_E ≥ 0
 * @param sdInhibitory σ_I ≥ 0
 * @param zeroRowSums whether each row's random part is made to sum to zero (the constraint that removes outliers)
 * @since 0.1.0
 */
public record ExcitatoryInhibitory(int units, double fractionExcitatory, double meanExcitatory,
    double meanInhibitory, double sdExcitatory, double sdInhibitory, boolean zeroRowSums) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if {@code units} &lt; 2, {@code fractionExcitatory} is not in (0, 1), a mean is
   *     not finite or a standard deviation is negative
   */
  public ExcitatoryInhibitory {
    if (units < 2) {
      throw new IllegalArgumentException("units must be at least 2 (one excitatory, one inhibitory); got " + units);
    }
    if (!(fractionExcitatory > 0 && fractionExcitatory < 1)) {
      throw new IllegalArgumentException("fractionExcitatory must be in (0, 1); got " + fractionExcitatory);
    }
    Checks.finite("meanExcitatory", meanExcitatory);
    Checks.finite("meanInhibitory", meanInhibitory);
    Checks.nonNegative("sdExcitatory", sdExcitatory);
    Checks.nonNegative("sdInhibitory", sdInhibitory);
  }

  /**
   * Balanced means: μ_I = −f μ_E/(1 − f), so the mean input to every unit is zero; rows not constrained.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static ExcitatoryInhibitory balanced(int units, double fractionExcitatory, double meanExcitatory,
      double sdExcitatory, double sdInhibitory) {
    return new ExcitatoryInhibitory(units, fractionExcitatory, meanExcitatory,
        -fractionExcitatory * meanExcitatory / (1 - fractionExcitatory), sdExcitatory, sdInhibitory, false);
  }

  /** The same settings with the zero-row-sum constraint on or off. */
  public ExcitatoryInhibitory withZeroRowSums(boolean on) {
    return new ExcitatoryInhibitory(units, fractionExcitatory, meanExcitatory, meanInhibitory, sdExcitatory,
        sdInhibitory, on);
  }

  /** The number of excitatory columns, round(f·N), at least 1 and at most N − 1. */
  public int excitatoryUnits() {
    return (int) Math.max(1, Math.min(units - 1, Math.round(fractionExcitatory * units)));
  }

  /** √(f σ_E² + (1 − f) σ_I²): the radius of the disk that holds the bulk of the eigenvalues for large N. */
  public double bulkRadius() {
    double f = (double) excitatoryUnits() / units;
    return Math.sqrt(f * sdExcitatory * sdExcitatory + (1 - f) * sdInhibitory * sdInhibitory);
  }

  /**
   * √N (f μ_E + (1 − f) μ_I), the eigenvalue of the mean matrix: where the single outlier of an unbalanced matrix
   * sits (0 when balanced).
   */
  public double meanEigenvalue() {
    int e = excitatoryUnits();
    return (e * meanExcitatory + (units - e) * meanInhibitory) / Math.sqrt(units);
  }
}
