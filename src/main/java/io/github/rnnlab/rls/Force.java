package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.dynamics.Input;
import io.github.rnnlab.dynamics.Integrator;
import io.github.rnnlab.dynamics.RateNetwork;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * FORCE learning (Sussillo &amp; Abbott 2009, Neuron 63:544): a chaotic network (g = 1.5) drives a linear readout
 * z = wᵀr that is fed back into every unit through fixed random weights u ~ U(−1, 1), τ dx/dt = −x + J r + u z.
 * Recursive least squares ({@link Rls}, P₀ = 1) changes w every {@code learnEvery} steps, strongly from the start, so
 * that z follows the target f(t) while the feedback tames the chaos. The run has three phases: before training (w at
 * its initial value, no learning), training, and a test with learning off.
 *
 * <p>As in Sussillo &amp; Abbott's code: τ = 10 ms steps of dt = 1 ms (their dt = 0.1 τ), learning every 2 steps with
 * the error measured before the update, initial state 0.5·N(0, 1). Their readout starts at 0; here it starts small and
 * random, N(0, 1/N), so that the "before" phase shows an untrained output rather than a flat 0.
 *
 * <pre>{@code
 * ForceResult r = Force.builder().network(RateNetwork.gaussian(500, 1.5, 1)).target(Force.sumOfSines(1200))
 *     .phasesMs(1200, 14_400, 2_400).seed(1).run();
 * r.plot();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Force {
  private Force() {}

  /** A builder: learning every 2 steps, P₀ = 1, phases of 1.2 s, 14.4 s and 2.4 s, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sussillo &amp; Abbott's periodic target, a sum of four sines with period {@code periodMs} (their 1200 ms for
   * τ = 10 ms): f(t) = (1.3/1.5)·(sin ωt + ½ sin 2ωt + ⅙ sin 3ωt + ⅓ sin 4ωt), ω = 2π/period, t in ms.
   *
   * @throws IllegalArgumentException if {@code periodMs} is not positive
   */
  public static DoubleUnaryOperator sumOfSines(double periodMs) {
    Checks.positive("periodMs", periodMs);
    double w = 2 * Math.PI / periodMs;
    double a = 1.3 / 1.5;
    return t -> a * (Math.sin(w * t) + Math.sin(2 * w * t) / 2 + Math.sin(3 * w * t) / 6 + Math.sin(4 * w * t) / 3);
  }

  /** The settings of a FORCE run; each setter checks its value. */
  public static final class Builder {
    private @Nullable RateNetwork network;
    private @Nullable DoubleUnaryOperator target;
    private double beforeMs = 1_200;
    private double trainMs = 14_400;
    private double testMs = 2_400;
    private int learnEvery = 2;
    private double p0 = 1;
    private long seed = 1;

    private Builder() {}

    /** The network (required); tanh units with g = 1.5 are the classic choice. */
    public Builder network(RateNetwork value) {
      network = value;
      return this;
    }

    /** The target output as a function of time in ms (required), e.g. {@link Force#sumOfSines}. */
    public Builder target(DoubleUnaryOperator ofMs) {
      target = ofMs;
      return this;
    }

    /**
     * The lengths of the three phases in ms: before training, training, test (defaults 1200, 14400, 2400).
     *
     * @throws IllegalArgumentException if one is negative or training is not positive
     */
    public Builder phasesMs(double before, double train, double test) {
      beforeMs = Checks.nonNegative("before (ms)", before);
      trainMs = Checks.positive("train (ms)", train);
      testMs = Checks.nonNegative("test (ms)", test);
      return this;
    }

    /**
     * Learn every {@code steps} steps (default 2).
     *
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder learnEvery(int steps) {
      learnEvery = Checks.positive("learnEvery", steps);
      return this;
    }

    /**
     * P₀ = 1/α, the learning rate (default 1).
     *
     * @throws IllegalArgumentException if not finite and &gt; 0
     */
    public Builder p0(double value) {
      p0 = Checks.positive("p0", value);
      return this;
    }

    /** Seeds the feedback weights, the initial readout and the initial state (default 1). */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /**
     * Runs the three phases.
     *
     * @throws IllegalArgumentException if the network or the target is missing
     */
    public ForceResult run() {
      RateNetwork net = network;
      DoubleUnaryOperator f = target;
      if (net == null) {
        throw new IllegalArgumentException("a network is required: call network(...)");
      }
      if (f == null) {
        throw new IllegalArgumentException("a target is required: call target(t -> ...), e.g. Force.sumOfSines(1200)");
      }
      int n = net.units();
      double dt = net.dtMs();
      int before = (int) Math.round(beforeMs / dt);
      int train = (int) Math.round(trainMs / dt);
      int test = (int) Math.round(testMs / dt);
      SplittableRandom random = new SplittableRandom(seed);
      float[] feedback = new float[n];
      double[] w = new double[n];
      float[] x0 = new float[n];
      for (int i = 0; i < n; i++) {
        feedback[i] = (float) (2 * random.nextDouble() - 1);
        w[i] = random.nextGaussian() / Math.sqrt(n);
        x0[i] = (float) (0.5 * random.nextGaussian());
      }
      double[] initialReadout = w.clone();
      Integrator integrator = net.integrator(Input.none(), random.nextLong());
      integrator.reset(x0);
      Rls rls = new Rls(n, p0);
      double[] r = new double[n];
      int steps = before + train + test;
      double[] output = new double[steps];
      double[] goal = new double[steps];
      for (int s = 0; s < steps; s++) {
        integrator.computeCurrent(s);
        float[] rates = integrator.rates();
        double z = 0;
        for (int i = 0; i < n; i++) {
          r[i] = rates[i];
          z += w[i] * r[i];
        }
        goal[s] = f.applyAsDouble(s * dt);
        output[s] = z;
        float[] current = integrator.current();
        for (int i = 0; i < n; i++) {
          current[i] += (float) (feedback[i] * z);
        }
        if (s >= before && s < before + train && (s - before) % learnEvery == 0) {
          double[] gain = rls.update(r);
          double e = z - goal[s];
          for (int i = 0; i < n; i++) {
            w[i] -= e * gain[i];
          }
        }
        integrator.advance();
      }
      return new ForceResult(output, goal, before, train, dt, initialReadout, w);
    }
  }
}
