package io.github.rnnlab.model;

/**
 * The nonlinearity f of a continuous-time RNN's units. Each knows its value and its derivative expressed through its
 * value, {@code f'(x) = g(f(x))}, so backpropagation needs only the stored rates.
 */
public enum Activation {
  /** {@code max(x, 0)}, the tutorial's; rates are often exactly 0, which the products skip. */
  RELU {
    @Override
    public double apply(double x) {
      return Math.max(x, 0);
    }

    @Override
    public double slopeAtOutput(double y) {
      return y > 0 ? 1 : 0;
    }
  },
  /** {@code tanh(x)}. */
  TANH {
    @Override
    public double apply(double x) {
      return Math.tanh(x);
    }

    @Override
    public double slopeAtOutput(double y) {
      return 1 - y * y;
    }
  },
  /** {@code log(1 + eˣ)}, a smooth ReLU (PyTorch's {@code Softplus} with β = 1). */
  SOFTPLUS {
    @Override
    public double apply(double x) {
      // log1p(exp(x)) overflows for large x, where softplus(x) = x + log1p(exp(−x)).
      return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    @Override
    public double slopeAtOutput(double y) {
      // f' = sigmoid(x) = 1 − e^(−f(x)).
      return -Math.expm1(-y);
    }
  },
  /** {@code 1 / (1 + e⁻ˣ)}. */
  SIGMOID {
    @Override
    public double apply(double x) {
      return 1 / (1 + Math.exp(-x));
    }

    @Override
    public double slopeAtOutput(double y) {
      return y * (1 - y);
    }
  };

  /** f(x). */
  public abstract double apply(double x);

  /** f'(x) given y = f(x). */
  public abstract double slopeAtOutput(double y);

  /** f(x) in float, as the training engine computes it. */
  float applyFloat(float x) {
    return this == RELU ? Math.max(x, 0f) : (float) apply((double) x);
  }

  /** f'(x) in float given y = f(x). */
  float slopeFloat(float y) {
    return this == RELU ? (y > 0f ? 1f : 0f) : (float) slopeAtOutput((double) y);
  }
}
