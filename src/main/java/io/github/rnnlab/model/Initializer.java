package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A way to set a network's recurrent weights: scaled identity, PyTorch's uniform default, or a scaled normal. Apply it
 * to a <em>fresh</em> network, before training; it overwrites every recurrent weight matrix ({@code W_rec}, or
 * {@code m1.W_rec}, {@code m2.W_rec}, … of a {@link HierarchicalCtrnn}) and leaves everything else alone.
 *
 * <pre>{@code
 * Ctrnn net = Initializer.scaledIdentity().applyTo(Ctrnn.forTask(task, 64, 1));   // W_rec = 0.1·I
 * }</pre>
 *
 * <p>The tutorial's exercise 3 answer instead overwrote {@code W_rec} of the network it had just trained, so its
 * "identity" run started from trained input and readout weights and did not compare two initialisations; start from
 * a new network, as above, to compare them. Random initialisers are seeded; the same seed gives the same weights.
 * Values are float32.
 *
 * @since 0.1.0
 */
public final class Initializer {
  private enum Kind { IDENTITY, UNIFORM, NORMAL }

  /** The tutorial's identity scale, W_rec = 0.1·I ("values of around 0.01-0.1 work well"). */
  public static final double DEFAULT_IDENTITY_SCALE = 0.1;

  private final Kind kind;
  private final double scale;
  private final long seed;

  private Initializer(Kind kind, double scale, long seed) {
    this.kind = kind;
    this.scale = scale;
    this.seed = seed;
  }

  /** W_rec = 0.1·I, the tutorial's choice (Le, Jaitly &amp; Hinton 2015, arXiv:1504.00941). */
  public static Initializer scaledIdentity() {
    return scaledIdentity(DEFAULT_IDENTITY_SCALE);
  }

  /**
   * W_rec = {@code scale}·I: each unit feeds back on itself only, so at the start activity neither grows nor mixes
   * (Le, Jaitly &amp; Hinton 2015, arXiv:1504.00941).
   *
   * @throws IllegalArgumentException if {@code scale} is not finite
   */
  public static Initializer scaledIdentity(double scale) {
    if (!Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale must be finite; got " + scale);
    }
    return new Initializer(Kind.IDENTITY, scale, 0);
  }

  /** W_rec ~ U(−1/√N, 1/√N) for N hidden units: PyTorch's {@code nn.Linear} default, what new networks start with. */
  public static Initializer uniform(long seed) {
    return new Initializer(Kind.UNIFORM, 1, seed);
  }

  /**
   * W_rec ~ N(0, g²/N) for N hidden units: with gain g &gt; 1 the untrained network is chaotic, below 1 activity
   * decays (Sompolinsky, Crisanti &amp; Sommers 1988).
   *
   * @throws IllegalArgumentException if {@code gain} is negative or not finite
   */
  public static Initializer normal(double gain, long seed) {
    if (!(gain >= 0) || Double.isInfinite(gain)) {
      throw new IllegalArgumentException("gain must be a finite number >= 0; got " + gain);
    }
    return new Initializer(Kind.NORMAL, gain, seed);
  }

  /**
   * The recurrent weight matrices of {@code network}: parameters named {@code W_rec} or ending in {@code .W_rec}, in
   * parameter order.
   */
  public static List<Parameter> recurrentWeights(RecurrentNetwork network) {
    return network.parameters().stream()
        .filter(p -> p.name().equals("W_rec") || p.name().endsWith(".W_rec"))
        .toList();
  }

  /**
   * Overwrites every recurrent weight matrix of {@code network} and returns the network. With several matrices, a
   * random initialiser draws them in parameter order from one stream, so they differ.
   *
   * @throws IllegalArgumentException if the network has no recurrent weights
   */
  public <N extends RecurrentNetwork> N applyTo(N network) {
    List<Parameter> weights = recurrentWeights(network);
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("the network has no recurrent weights (parameters named W_rec or *.W_rec); "
          + "its parameters are " + network.parameters().stream().map(Parameter::name).toList());
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (Parameter p : weights) {
      fill(p, rng);
    }
    return network;
  }

  /**
   * Overwrites the square matrix {@code weights}, e.g. {@code net.parameter("W_rec")}.
   *
   * @throws IllegalArgumentException if {@code weights} is not a square matrix
   */
  public void applyTo(Parameter weights) {
    fill(weights, new SplittableRandom(seed));
  }

  private void fill(Parameter p, SplittableRandom rng) {
    long[] shape = p.shape();
    if (shape.length != 2 || shape[0] != shape[1]) {
      throw new IllegalArgumentException("a recurrent initialiser needs a square matrix; " + p.name() + " has shape "
          + Arrays.toString(shape));
    }
    float[][] v = p.values();
    int n = v.length;
    double sd = scale / Math.sqrt(n);
    if (kind == Kind.UNIFORM) {
      Init.uniform(p, n, rng);
    } else {
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < n; c++) {
          v[r][c] = kind == Kind.IDENTITY ? (r == c ? (float) scale : 0f) : (float) (sd * rng.nextGaussian());
        }
      }
    }
    // Masked-out and fixed entries keep their constraint.
    p.enforceConstraints();
  }

  @Override
  public String toString() {
    return switch (kind) {
      case IDENTITY -> "Initializer[W_rec = " + scale + "·I]";
      case UNIFORM -> "Initializer[W_rec ~ U(±1/√N), seed " + seed + "]";
      case NORMAL -> "Initializer[W_rec ~ N(0, " + scale + "²/N), seed " + seed + "]";
    };
  }
}
