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
 */
final class CtrnnLayer extends Layer {
  private final int inputs;
  private final int hidden;
  private final int width;
  private final float alpha;
  /** α in double precision, for the step map. */
  private final double alphaExact;
  private final ReluPlacement placement;
  private final Activation activation;
  private final float noiseScale;
  private final @Nullable StpSynapses stp;
  private final @Nullable ShortTermPlasticity plasticity;
  private final double dtMs;
  final Parameter wIn;
  final Parameter bIn;
  final Parameter wRec;
  final Parameter bRec;
  private final List<Parameter> parameters;

  private int steps;
  private int batch;
  /** [e_t, x_t, 1] at row n; rows+batch rows. */
  private float[][] z = new float[0][];
  /** r_t at row n + batch (rows 0..batch are r_{−1} = 0). */
  private float[][] rate = new float[0][];
  /** The leaky state at row n + batch: x_t for {@link ReluPlacement#STATE}, else the rates. */
  private float[][] state = new float[0][];
  private float[][] pre = new float[0][];
  private float[][] out = new float[0][];
  private float[][] weightsT = new float[0][];
  private float[][] recEff = new float[0][];
  private float[][] inEff = new float[0][];
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
    float a = alpha;
    int[] index = new int[width];
    SplittableRandom[] rngs = noise && noiseScale > 0 ? noiseStreams(noiseSeed, b0, b1) : null;
    for (int t = 0; t < steps; t++) {
      for (int b = b0; b < b1; b++) {
        int n = t * batch + b;
        float[] zr = z[n];
        if (stp != null) {
          stp.forward(n, rate[n], zr);
        }
        System.arraycopy(in[n], 0, zr, hidden, inputs);
        float[] p = pre[n];
        Arrays.fill(p, 0f);
        // Rates are often zero (ReLU), and at t = 0 the whole recurrent part is.
        Kernels.addScaledRowsSparse(p, zr, weightsT, width, hidden, index);
        if (rngs != null) {
          SplittableRandom rng = rngs[b - b0];
          for (int j = 0; j < hidden; j++) {
            p[j] += noiseScale * (float) rng.nextGaussian();
          }
        }
        CtrnnWork.leak(placement, activation, a, state[n], state[n + batch], rate[n + batch], p);
      }
    }
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
   * Backpropagation through time for sequences {@code [b0, b1)}. At step t the rate gradient is {@code dOut} plus the
   * carry from t+1; the drive gradient {@code dpre} gives the carry to t−1 (leak term plus {@code W_recᵀ·dpre},
   * through the synapses if plastic), the input gradient {@code W_inᵀ·dpre}, and, batched over the sequences of the
   * step, the weight gradients.
   */
  @Override
  void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part) {
    int count = b1 - b0;
    float[][] carry = new float[count][hidden];
    float[][] carryState = placement == ReluPlacement.STATE ? new float[count][hidden] : carry;
    // Drive gradients transposed, (unit, sequence) flat: the weight-gradient product reads a unit's column in a row.
    float[] dpreT = new float[hidden * count];
    // Per unit, the sequences where its drive gradient is not zero, as dpreT: the weight gradient's index lists.
    int[] liveT = new int[hidden * count];
    int[] liveCount = new int[hidden];
    float[][] zRows = new float[count][];
    float[] dr = new float[hidden];
    float[] dpre = new float[hidden];
    float[] de = stp == null ? dr : new float[hidden];
    int[] active = new int[hidden];
    float[][] g = stacked[part];
    for (float[] row : g) {
      Arrays.fill(row, 0f);
    }
    float[][] stpX = stp == null ? carry : new float[count][hidden];
    float[][] stpU = stp == null ? carry : new float[count][hidden];
    for (int t = steps - 1; t >= 0; t--) {
      Arrays.fill(liveCount, 0);
      for (int b = b0; b < b1; b++) {
        int i = b - b0;
        int n = t * batch + b;
        float[] c = carry[i];
        driveGradient(n, dOut[n], c, carryState[i], dr, dpre);
        int live = Kernels.nonZeros(dpre, active, dpreT, liveT, liveCount, i, count);
        if (t > 0) {
          if (stp == null) {
            Kernels.addScaledRowsAt(c, dpre, recEff, active, live, hidden);
          } else {
            Arrays.fill(de, 0f);
            Kernels.addScaledRowsAt(de, dpre, recEff, active, live, hidden);
            stp.backward(n, rate[n], de, c, stpX[i], stpU[i]);
          }
        }
        if (dIn != null) {
          float[] di = dIn[n];
          Arrays.fill(di, 0f);
          Kernels.addScaledRowsAt(di, dpre, inEff, active, live, inputs);
        }
        zRows[i] = z[n];
      }
      for (int j = 0; j < hidden; j++) {
        Kernels.addScaledRowsAt(g[j], dpreT, j * count, zRows, liveT, j * count, liveCount[j], width);
      }
    }
  }

  /**
   * The gradient {@code dpre} with respect to row n's drive, from the gradient {@code d} with respect to its rates and
   * the carries from step t+1 ({@code c} for the rates, {@code cs} for the leaky state if it is not the rates); leaves
   * in {@code c} and {@code cs} the leak's share of the carries to step t−1. {@code dr} is scratch.
   */
  private void driveGradient(int n, float[] d, float[] c, float[] cs, float[] dr, float[] dpre) {
    float a = alpha;
    float leak = 1 - a;
    boolean relu = activation == Activation.RELU;
    for (int j = 0; j < hidden; j++) {
      dr[j] = d[j] + c[j];
    }
    switch (placement) {
      case INSIDE -> {
        float[] p = pre[n];
        if (relu) {
          for (int j = 0; j < hidden; j++) {
            c[j] = leak * dr[j];
            dpre[j] = a * (dr[j] * Kernels.step(p[j]));
          }
        } else {
          for (int j = 0; j < hidden; j++) {
            c[j] = leak * dr[j];
            dpre[j] = a * activation.slopeFloat(activation.applyFloat(p[j])) * dr[j];
          }
        }
      }
      case OUTSIDE -> {
        float[] h = state[n + batch];
        for (int j = 0; j < hidden; j++) {
          float ds = relu
              ? Float.intBitsToFloat(Float.floatToRawIntBits(dr[j]) & (Float.floatToRawIntBits(h[j]) > 0 ? -1 : 0))
              : activation.slopeFloat(h[j]) * dr[j];
          c[j] = leak * ds;
          dpre[j] = a * ds;
        }
      }
      case STATE -> {
        float[] r = rate[n + batch];
        for (int j = 0; j < hidden; j++) {
          float dx = activation.slopeFloat(r[j]) * dr[j] + cs[j];
          cs[j] = leak * dx;
          dpre[j] = a * dx;
          c[j] = 0f;
        }
      }
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
