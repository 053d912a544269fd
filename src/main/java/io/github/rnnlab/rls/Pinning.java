package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.dynamics.Connectivity;
import io.github.rnnlab.dynamics.Input;
import io.github.rnnlab.dynamics.Nonlinearity;
import io.github.rnnlab.dynamics.RateNetwork;
import io.github.rnnlab.dynamics.Sweep;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PINning, Partial In-Network training (Rajan, Harvey &amp; Tank 2016, Neuron 90:128): only the outgoing weights of a
 * random fraction p of the units are plastic, and recursive least squares ({@link Rls}) moves them at every data sample
 * so that each unit's total input current J r + I + noise matches a target current, the target rate passed through
 * the inverse of the rate function ({@link Nonlinearity#targetCurrent}). The training repeats the whole trial: the
 * first {@code runs − freeRuns} runs learn, the last ones run freely and show what the network now does on its own.
 * Each run starts from the target current at time 0.
 *
 * <p>The Rajan lab's problem 3 is {@link BumpSequence#reference(long)}{@code .pinning()}. How this differs from the
 * lab's code (the learning clock, the initial state): see {@link BumpSequence}.
 *
 * <pre>{@code
 * PinningResult result = Pinning.builder().network(net).input(input).targetRates(x).dtDataMs(64.1)
 *     .plasticFraction(0.1).runs(125, 5).seed(1).train();
 * result.history().meanFreePVar();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Pinning {
  private Pinning() {}

  /** A builder: 10% plastic units, 125 runs with the last 5 free, P₀ = 1 (the lab's), seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The settings of a PINning training; each setter checks its value, {@link #train()} checks them together. */
  public static final class Builder extends RunSettings<Builder> {
    private @Nullable RateNetwork network;
    private Input input = Input.none();
    private @Nullable INDArray targetRates;
    private double dtDataMs = Double.NaN;
    private double plasticFraction = 0.1;
    private int runs = 125;
    private int freeRuns = 5;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The network to train (required); its weights are the starting point. */
    public Builder network(RateNetwork value) {
      network = value;
      return this;
    }

    /** The external input, the same in every run (default none). */
    public Builder input(Input value) {
      input = value;
      return this;
    }

    /**
     * The target rates, units × samples (required): sample k is at time k·dtData; at least 2 samples.
     *
     * @throws IllegalArgumentException if not 2-D with at least 2 samples or not finite
     */
    public Builder targetRates(INDArray unitsBySamples) {
      Checks.shape("targetRates", unitsBySamples, -1, -1);
      if (unitsBySamples.size(1) < 2) {
        throw new IllegalArgumentException("targetRates needs at least 2 samples (columns); got "
            + unitsBySamples.size(1));
      }
      targetRates = unitsBySamples;
      return this;
    }

    /**
     * The time between target samples in ms (required; at least the network's dt).
     *
     * @throws IllegalArgumentException if not finite and &gt; 0
     */
    public Builder dtDataMs(double value) {
      dtDataMs = Checks.positive("dtDataMs", value);
      return this;
    }

    /**
     * p, the fraction of units whose outgoing weights learn (default 0.1; at least one unit).
     *
     * @throws IllegalArgumentException if not in (0, 1]
     */
    public Builder plasticFraction(double value) {
      plasticFraction = Checks.fraction("plasticFraction", value);
      return this;
    }

    /**
     * The number of runs of the whole trial (default 125) and how many of the last ones run without learning (default
     * 5).
     *
     * @throws IllegalArgumentException if {@code runs} &lt; 1 or {@code freeRuns} is not in 0..runs
     */
    public Builder runs(int runs, int freeRuns) {
      Checks.positive("runs", runs);
      if (freeRuns < 0 || freeRuns > runs) {
        throw new IllegalArgumentException("freeRuns must be in 0.." + runs + "; got " + freeRuns);
      }
      this.runs = runs;
      this.freeRuns = freeRuns;
      return this;
    }




    /**
     * Trains a copy of the network.
     *
     * @throws IllegalArgumentException if the network or the target is missing, the target does not have one row per
     *     unit, dtDataMs is missing or below the network's dt, p·N rounds to 0 units, or the input does not cover the
     *     trial
     */
    public PinningResult train() {
      RateNetwork net = network;
      INDArray target = targetRates;
      if (net == null) {
        throw new IllegalArgumentException("a network is required: call network(...)");
      }
      if (target == null) {
        throw new IllegalArgumentException("target rates are required: call targetRates(units × samples)");
      }
      if (target.size(0) != net.units()) {
        throw new IllegalArgumentException("targetRates must have one row per unit: shape [" + net.units()
            + ", samples]; got [" + target.size(0) + ", " + target.size(1) + "]");
      }
      if (Double.isNaN(dtDataMs)) {
        throw new IllegalArgumentException("dtDataMs is required: the time between target samples in ms");
      }
      int n = net.units();
      int plasticUnits = (int) Math.round(plasticFraction * n);
      if (plasticUnits < 1) {
        throw new IllegalArgumentException("plasticFraction " + plasticFraction + " of " + n
            + " units rounds to no unit; allowed: at least 1/" + n);
      }
      int samples = (int) target.size(1);
      int[] at = DataRuns.sampleSteps(samples, dtDataMs, net.dtMs());
      int steps = DataRuns.steps(samples, dtDataMs, net.dtMs());
      net.requireFits(input, steps);
      float[][] rates = PinningResult.transpose(target.toFloatMatrix());
      float[][] currents = new float[samples][n];
      for (int k = 0; k < samples; k++) {
        for (int i = 0; i < n; i++) {
          currents[k][i] = (float) net.nonlinearity().targetCurrent(rates[k][i]);
        }
      }
      SplittableRandom random = new SplittableRandom(seed);
      int[] plastic = Connectivity.randomUnits(n, plasticUnits, random);
      DataRuns.Outcome outcome = DataRuns.run(new DataRuns.Spec(net, input, steps, at, currents, rates,
          currents[0].clone(), plastic, p0, runs, freeRuns, DataRuns.Compared.CURRENT, random.nextLong(), false,
          progress));
      return new PinningResult(outcome, rates, plastic, dtDataMs, net);
    }

    /**
     * Trains once per plastic fraction (the other settings as set) and returns the mean pVar of the free runs against
     * p.
     *
     * @throws IllegalArgumentException as {@link #plasticFraction} and {@link #train()}, or if {@code fractions} is
     *     empty
     */
    public Sweep sweepPlasticFraction(List<Double> fractions) {
      if (fractions.isEmpty()) {
        throw new IllegalArgumentException("give at least one plastic fraction");
      }
      double kept = plasticFraction;
      double[] p = fractions.stream().mapToDouble(Double::doubleValue).toArray();
      double[] pVar = new double[p.length];
      try {
        for (int k = 0; k < p.length; k++) {
          pVar[k] = plasticFraction(p[k]).train().history().meanFreePVar();
        }
      } finally {
        plasticFraction = kept;
      }
      return new Sweep("plastic_fraction", p, "free_p_var", pVar);
    }
  }
}
