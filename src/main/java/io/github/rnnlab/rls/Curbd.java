package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.dynamics.Connectivity;
import io.github.rnnlab.dynamics.FrozenInput;
import io.github.rnnlab.dynamics.Nonlinearity;
import io.github.rnnlab.dynamics.RateNetwork;
import io.github.rnnlab.dynamics.Region;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CURBD, Current-Based Decomposition (Perich et al. 2020, bioRxiv 10.1101/2020.12.18.423348; rajanlab/CURBD {@code
 * trainMultiRegionRNN}): fit a network with one unit per recorded neuron to the recorded activity, every unit plastic,
 * by recursive least squares on the rate error at every data sample; then split each unit's input current by the
 * region it comes from ({@link CurbdModel#decomposition()}).
 *
 * <p>As the original: the data are divided by their maximum and clipped to ±0.999; tanh units, J = g N(0, 1)/√N with
 * g = 1.5, τ = 10 ms, {@code dtFactor} model steps per data sample; a frozen white-noise input low-pass filtered with
 * τ_WN = 100 ms, amplitude 0.01; no private noise; P₀ = 1; 2000 training runs then 10 free ones by default (the
 * example uses τ = 100 ms, dtFactor 5, 500 + 5 runs). Each run starts from the first data sample. pVar per run
 * compares the rates at the data samples with the normalised data; χ² sums the mean squared rate error over the
 * samples.
 *
 * <p>Where it differs on purpose: the original compares the rates at each data sample with the <em>previous</em> data
 * sample (its data index starts one behind) and learns when a clock of summed model steps reaches dtData, which float
 * rounding can delay by a step; here sample k is compared at the model step nearest its time. The original also starts
 * each run with the data used as currents, x = data(:, 1), though its Python signature takes the inverse of tanh
 * without using it; here x = atanh(data(:, 1)), so the first rates equal the first sample.
 *
 * @since 0.1.0
 */
public final class Curbd {
  private Curbd() {}

  /** A builder with CURBD's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The settings of a CURBD fit; each setter checks its value, {@link #fit()} checks them together. */
  public static final class Builder extends RunSettings<Builder> {
    private @Nullable INDArray activity;
    private double dtDataMs = Double.NaN;
    private List<Region> regions = List.of();
    private int dtFactor = 1;
    private double gain = 1.5;
    private double tauMs = 10;
    private double noiseTauMs = 100;
    private double noiseAmplitude = 0.01;
    private int trainingRuns = 2000;
    private int freeRuns = 10;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * The recorded activity, neurons × samples (required; at least 2 samples).
     *
     * @throws IllegalArgumentException if not 2-D with at least 2 samples, or not finite
     */
    public Builder activity(INDArray neuronsBySamples) {
      Checks.shape("activity", neuronsBySamples, -1, -1);
      if (neuronsBySamples.size(1) < 2 || neuronsBySamples.size(0) < 1) {
        throw new IllegalArgumentException("activity needs at least 1 neuron and 2 samples; got shape ["
            + neuronsBySamples.size(0) + ", " + neuronsBySamples.size(1) + "]");
      }
      activity = neuronsBySamples;
      return this;
    }

    /**
     * The time between samples in ms (required).
     *
     * @throws IllegalArgumentException if not finite and &gt; 0
     */
    public Builder dtDataMs(double value) {
      dtDataMs = Checks.positive("dtDataMs", value);
      return this;
    }

    /** The regions, disjoint groups of neurons, for the decomposition (default none: one region of all neurons). */
    public Builder regions(List<Region> value) {
      regions = List.copyOf(value);
      return this;
    }

    /**
     * Model steps per data sample (default 1); the model's dt is dtData/dtFactor.
     *
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder dtFactor(int value) {
      dtFactor = Checks.positive("dtFactor", value);
      return this;
    }

    /**
     * g of the initial weights (default 1.5).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder gain(double value) {
      gain = Checks.nonNegative("gain", value);
      return this;
    }

    /**
     * The units' time constant in ms (default 10).
     *
     * @throws IllegalArgumentException if not finite and &gt; 0
     */
    public Builder tauMs(double value) {
      tauMs = Checks.positive("tauMs", value);
      return this;
    }

    /**
     * The number of training runs (default 2000) and of free runs after them (default 10).
     *
     * @throws IllegalArgumentException if {@code trainingRuns} &lt; 0, {@code freeRuns} &lt; 0 or both are 0
     */
    public Builder runs(int trainingRuns, int freeRuns) {
      Checks.nonNegative("trainingRuns", trainingRuns);
      Checks.nonNegative("freeRuns", freeRuns);
      Checks.positive("trainingRuns + freeRuns", trainingRuns + freeRuns);
      this.trainingRuns = trainingRuns;
      this.freeRuns = freeRuns;
      return this;
    }




    /**
     * Fits the model.
     *
     * @throws IllegalArgumentException if the activity or dtDataMs is missing, the model's dt is not below τ, or the
     *     regions overlap or name neurons that do not exist
     */
    public CurbdModel fit() {
      INDArray data = activity;
      if (data == null) {
        throw new IllegalArgumentException("activity is required: call activity(neurons × samples)");
      }
      if (Double.isNaN(dtDataMs)) {
        throw new IllegalArgumentException("dtDataMs is required: the time between samples in ms");
      }
      int n = (int) data.size(0);
      List<Region> parts = regions.isEmpty() ? List.of(Region.range("all", 0, n)) : regions;
      Region.requireDisjoint(parts, n);
      double dtMs = dtDataMs / dtFactor;
      Checks.stepShorterThanTau(dtMs, tauMs);
      float[][] normalised = normalise(PinningResult.transpose(data.toFloatMatrix()));
      int samples = normalised.length;
      int steps = DataRuns.steps(samples, dtDataMs, dtMs);
      SplittableRandom random = new SplittableRandom(seed);
      RateNetwork net = RateNetwork.builder().weights(Connectivity.gaussian(n, gain, random.nextLong()))
          .tauMs(tauMs).dtMs(dtMs).nonlinearity(Nonlinearity.TANH).build();
      FrozenInput input = FrozenInput.smoothedNoise(n, steps, dtMs, noiseTauMs, noiseAmplitude, random.nextLong());
      float[] x0 = new float[n];
      for (int i = 0; i < n; i++) {
        x0[i] = (float) Nonlinearity.TANH.targetCurrent(normalised[0][i]);
      }
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      DataRuns.Outcome outcome = DataRuns.run(new DataRuns.Spec(net, input, steps,
          DataRuns.sampleSteps(samples, dtDataMs, dtMs), normalised, normalised, x0, all, p0,
          trainingRuns + freeRuns, freeRuns, DataRuns.Compared.RATE, random.nextLong(), true, progress));
      return new CurbdModel(outcome, normalised, parts, input, dtDataMs, dtMs);
    }

    /** Divided by the maximum over all entries, then clipped to ±0.999, as the original. */
    private static float[][] normalise(float[][] data) {
      float max = Float.NEGATIVE_INFINITY;
      for (float[] row : data) {
        for (float v : row) {
          max = Math.max(max, v);
        }
      }
      if (!(max > 0)) {
        throw new IllegalArgumentException("CURBD divides the activity by its maximum, which must be > 0; got "
            + max);
      }
      float[][] out = new float[data.length][];
      for (int k = 0; k < data.length; k++) {
        out[k] = new float[data[k].length];
        for (int i = 0; i < data[k].length; i++) {
          out[k][i] = Math.max(-0.999f, Math.min(0.999f, data[k][i] / max));
        }
      }
      return out;
    }
  }
}
