package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The continuous-time RNN cell as a {@link Layer}: {@code drive = W_in·x + b_in + W_rec·e + b_rec} with e the
 * presynaptic output of the step before (the rates r, or {@code r·x·u} with short-term plasticity), then the leak and
 * activation in one of the three {@link ReluPlacement}s, plus recurrent noise {@code √(2/α)·σ_rec·N(0,1)} on the
 * drive (Yang et al. 2019: {@code √(2α)·σ_rec} on the leaky state).
 *
 * <p>Layout: row n = t·batch + b of {@code z} is {@code [e_t, x_t, 1]}, so one product with the packed
 * {@code [W_rec | W_in | b]ᵀ} gives the drive and one more the weight gradients; rates are about half exact zeros with
 * ReLU, and both products skip them. Without plasticity, {@code z[n + batch]} starts with r_t, which is both this
 * step's output and the next step's presynaptic input.
 *
 * <p>The fields that are not private are read by {@link CtrnnBackward}, which runs the backward pass.
 */
final class CtrnnLayer extends Layer {
  final int inputs;
  final int hidden;
  final int width;
  final float alpha;
  /** α in double precision, for the step map. */
  private final double alphaExact;
  final ReluPlacement placement;
  final Activation activation;
  private final float noiseScale;
  final @Nullable StpSynapses stp;
  private final @Nullable ShortTermPlasticity plasticity;
  private final double dtMs;
  final Parameter wIn;
  final Parameter bIn;
  final Parameter wRec;
  final Parameter bRec;
  private final List<Parameter> parameters;

  private int steps;
  int batch;
  /** [e_t, x_t, 1] at row n; rows+batch rows. */
  float[][] z = new float[0][];
  /** r_t at row n + batch (rows 0..batch are r_{−1} = 0). */
  float[][] rate = new float[0][];
  /** The leaky state at row n + batch: x_t for {@link ReluPlacement#STATE}, else the rates. */
  float[][] state = new float[0][];
  float[][] pre = new float[0][];
  private float[][] out = new float[0][];
  private float[][] weightsT = new float[0][];
  float[][] recEff = new float[0][];
  float[][] inEff = new float[0][];
  private float[][][] stacked = new float[0][][];

  /**
   * A cell reading {@code inputs} values per row with {@code hidden} units; parameters are named with {@code prefix}
   * and drawn, in the order W_in, b_in, W_rec, b_rec, from {@code rng} as PyTorch's {@code nn.Linear} does.
   */
  CtrnnLayer(String prefix, int inputs, int hidden, double alpha, ReluPlacement placement, Activation activation,
      double sigmaRec, @Nullable ShortTermPlasticity plasticity, double dtMs, SplittableRandom rng) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.width = hidden + inputs + 1;
    this.alpha = (float) alpha;
    this.alphaExact = alpha;
    this.placement = placement;
    this.activation = activation;
    this.noiseScale = (float) (Math.sqrt(2 / alpha) * sigmaRec);
    this.stp = plasticity == null ? null : new StpSynapses(plasticity, hidden, dtMs);
    this.plasticity = plasticity;
    this.dtMs = dtMs;
    this.wIn = new Parameter(prefix + "W_in", hidden, inputs, false);
    this.bIn = new Parameter(prefix + "b_in", 1, hidden, true);
    this.wRec = new Parameter(prefix + "W_rec", hidden, hidden, false);
    this.bRec = new Parameter(prefix + "b_rec", 1, hidden, true);
    Init.uniform(wIn, inputs, rng);
    Init.uniform(bIn, inputs, rng);
    Init.uniform(wRec, hidden, rng);
    Init.uniform(bRec, hidden, rng);
    this.parameters = List.of(wIn, bIn, wRec, bRec);
  }

  @Override
  int inputSize() {
    return inputs;
  }

  @Override
  int outputSize() {
    return hidden;
  }

  @Override
  boolean recurrent() {
    return true;
  }

  @Override
  List<Parameter> parameters() {
    return parameters;
  }

  @Override
  void begin(int steps, int batch, int parts) {
    if (steps != this.steps || batch != this.batch || stacked.length < parts) {
      this.steps = steps;
      this.batch = batch;
      CtrnnWork w = new CtrnnWork(steps, batch, hidden, width, placement, activation, stp != null);
      z = w.z;
      rate = w.rate;
      state = w.state;
      pre = w.pre;
      out = w.out;
      weightsT = new float[width][hidden];
      stacked = new float[parts][hidden][width];
      if (stp != null) {
        stp.allocate(steps * batch, batch);
      }
    }
    recEff = wRec.effective();
    inEff = wIn.effective();
    CtrnnWork.pack(weightsT, recEff, inEff, bIn.values()[0], bRec.values()[0]);
  }

  @Override
  void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
    int[] index = new int[width];
    SplittableRandom[] rngs = noise && noiseScale > 0 ? noiseStreams(noiseSeed, b0, b1) : null;
    for (int t = 0; t < steps; t++) {
      for (int b = b0; b < b1; b++) {
        forwardRow(t * batch + b, in, index, rngs == null ? null : rngs[b - b0]);
      }
    }
  }

  /**
   * One step of one sequence, row n: the drive from {@code [e, x, 1]}, the noise if {@code rng} is not null, the leak
   * and activation. A method of its own, called for every row, so that the JIT compiles it early (see
   * {@link CtrnnBackward}).
   */
  private void forwardRow(int n, float[][] in, int[] index, @Nullable SplittableRandom rng) {
    float[] zr = z[n];
    if (stp != null) {
      stp.forward(n, rate[n], zr);
    }
    System.arraycopy(in[n], 0, zr, hidden, inputs);
    float[] p = pre[n];
    Arrays.fill(p, 0f);
    // Rates are often zero (ReLU), and at t = 0 the whole recurrent part is.
    Kernels.addScaledRowsSparse(p, zr, weightsT, width, hidden, index);
    if (rng != null) {
      for (int j = 0; j < hidden; j++) {
        p[j] += noiseScale * (float) rng.nextGaussian();
      }
    }
    CtrnnWork.leak(placement, activation, alpha, state[n], state[n + batch], rate[n + batch], p);
  }

  @Override
  float[][] output() {
    return out;
  }

  @Override
  CellMap cellMap() {
    return new CtrnnCellMap(wIn.effective(), wRec.effective(), bIn.values()[0], bRec.values()[0], alphaExact, placement,
        activation, plasticity, dtMs);
  }

  @Override
  Map<String, float[][]> extras() {
    return stp == null ? Map.of() : stp.extras();
  }

  /**
   * Backpropagation through time for sequences {@code [b0, b1)}, one {@link CtrnnBackward} step per time step from the
   * last.
   */
  @Override
  void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part) {
    float[][] g = stacked[part];
    for (float[] row : g) {
      Arrays.fill(row, 0f);
    }
    CtrnnBackward pass = new CtrnnBackward(this, dOut, dIn, b0, b1, g);
    for (int t = steps - 1; t >= 0; t--) {
      pass.step(t);
    }
  }

  @Override
  void reduce(int parts) {
    float[][] gRec = wRec.gradients();
    float[][] gIn = wIn.gradients();
    float[] gbIn = bIn.gradients()[0];
    float[] gbRec = bRec.gradients()[0];
    parameters.forEach(Parameter::zeroGradients);
    for (int part = 0; part < parts; part++) {
      for (int j = 0; j < hidden; j++) {
        float[] row = stacked[part][j];
        float[] rec = gRec[j];
        float[] inp = gIn[j];
        for (int k = 0; k < hidden; k++) {
          rec[k] += row[k];
        }
        for (int i = 0; i < inputs; i++) {
          inp[i] += row[hidden + i];
        }
        gbIn[j] += row[hidden + inputs];
        gbRec[j] += row[hidden + inputs];
      }
    }
  }
}
