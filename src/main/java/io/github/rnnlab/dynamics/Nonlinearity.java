package io.github.rnnlab.dynamics;

/**
 * The rate function φ of a {@link RateNetwork}: the rate r = φ(x) of a unit whose current (state) is x.
 *
 * <p>{@link #targetCurrent(double)} goes the other way, for training on target rates: a current whose rate is (close
 * to) the given rate and that stays finite where φ⁻¹ is not (the lab codes' regularised inverses).
 *
 * @since 0.1.0
 */
public enum Nonlinearity {
  /** φ(x) = tanh x, rates in (−1, 1): the random networks of Sompolinsky, Crisanti &amp; Sommers 1988, FORCE, CURBD. */
  TANH {
    @Override
    public double apply(double x) {
      // tanh through exp (an intrinsic) is 3-5x faster than Math.tanh; below 0.02 a Taylor series avoids the
      // cancellation of 1 − 2/(e^2x + 1). Relative error < 1e-11 everywhere.
      double a = Math.abs(x);
      double t = a < 0.02 ? a * (1 - a * a * (1 / 3.0 - a * a * (2 / 15.0))) : 1 - 2 / (Math.exp(2 * a) + 1);
      return Math.copySign(t, x);
    }

    /** atanh of the rate clipped to ±0.999 (CURBD clips its data so). */
    @Override
    public double targetCurrent(double rate) {
      double r = Math.max(-0.999, Math.min(0.999, rate));
      return 0.5 * Math.log((1 + r) / (1 - r));
    }
  },
  /** φ(x) = 1/(1 + e^−x), rates in (0, 1): the Rajan lab's PINning problem (problem 3). */
  SIGMOID {
    @Override
    public double apply(double x) {
      return 1 / (1 + Math.exp(-x));
    }

    /** ln((r + 0.01)/(1 − r + 0.01)), the Rajan lab's regularised logit (finite at r = 0 and r = 1). */
    @Override
    public double targetCurrent(double rate) {
      return Math.log((rate + 0.01) / (1 - rate + 0.01));
    }
  },
  /** φ(x) = x: a linear network, stable exactly when every eigenvalue of J has real part below 1. */
  LINEAR {
    @Override
    public double apply(double x) {
      return x;
    }

    @Override
    public double targetCurrent(double rate) {
      return rate;
    }
  };

  /** φ(x). */
  public abstract double apply(double x);

  /** A finite current whose rate is (close to) {@code rate}; see each constant. */
  public abstract double targetCurrent(double rate);

  /** {@code out[i] = φ(x[i])} for {@code i < n}. */
  void apply(float[] x, float[] out, int n) {
    switch (this) {
      case TANH -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) TANH.apply(x[i]);
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
      }
      case LINEAR -> System.arraycopy(x, 0, out, 0, n);
      default -> throw new AssertionError(this);
    }
  }
}
