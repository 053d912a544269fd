package io.github.rnnlab.model;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One backward pass of a {@link CtrnnLayer} over sequences {@code [b0, b1)}: its work arrays, and {@link #step} for one
 * time step, called from the last step to the first. At step t the rate gradient is {@code dOut} plus the carry from
 * t+1; the drive gradient {@code dpre} gives the carry to t−1 (leak term plus {@code W_recᵀ·dpre}, through the
 * synapses if plastic), the input gradient {@code W_inᵀ·dpre}, and, batched over the sequences of the step, the weight
 * gradients.
 *
 * <p>A pass is stepped a hundred times per training step, so the JIT compiles the step early as an ordinary method;
 * one long loop over all steps would run in slower code for hundreds of training steps, until the method had been
 * called often enough.
 */
final class CtrnnBackward {
  private final CtrnnLayer cell;
  private final float[][] dOut;
  private final float @Nullable [][] dIn;
  private final int b0;
  private final int b1;
  /** The weight gradients of this pass's partition, rows of {@code [W_rec | W_in | b]}. */
  private final float[][] g;
  private final float[][] carry;
  private final float[][] carryState;
  /** Drive gradients transposed, (unit, sequence) flat: the weight-gradient product reads a unit's column in a row. */
  private final float[] dpreT;
  /** Per unit, the sequences where its drive gradient is not zero, laid out as dpreT: the weight gradient's lists. */
  private final int[] liveT;
  private final int[] liveCount;
  private final float[][] zRows;
  private final float[] dr;
  private final float[] dpre;
  private final float[] de;
  private final int[] active;
  private final float[][] stpX;
  private final float[][] stpU;

  CtrnnBackward(CtrnnLayer cell, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, float[][] g) {
    this.cell = cell;
    this.dOut = dOut;
    this.dIn = dIn;
    this.b0 = b0;
    this.b1 = b1;
    this.g = g;
    int count = b1 - b0;
    int hidden = cell.hidden;
    carry = new float[count][hidden];
    carryState = cell.placement == ReluPlacement.STATE ? new float[count][hidden] : carry;
    dpreT = new float[hidden * count];
    liveT = new int[hidden * count];
    liveCount = new int[hidden];
    zRows = new float[count][];
    dr = new float[hidden];
    dpre = new float[hidden];
    de = cell.stp == null ? dr : new float[hidden];
    active = new int[hidden];
    stpX = cell.stp == null ? carry : new float[count][hidden];
    stpU = cell.stp == null ? carry : new float[count][hidden];
  }

  /** Backpropagates through step t of every sequence, after step t+1. */
  void step(int t) {
    int count = b1 - b0;
    int hidden = cell.hidden;
    StpSynapses stp = cell.stp;
    Arrays.fill(liveCount, 0);
    for (int b = b0; b < b1; b++) {
      int i = b - b0;
      int n = t * cell.batch + b;
      float[] c = carry[i];
      driveGradient(n, dOut[n], c, carryState[i]);
      int live = Kernels.nonZeros(dpre, active, dpreT, liveT, liveCount, i, count);
      if (t > 0) {
        if (stp == null) {
          Kernels.addScaledRowsAt(c, dpre, cell.recEff, active, live, hidden);
        } else {
          Arrays.fill(de, 0f);
          Kernels.addScaledRowsAt(de, dpre, cell.recEff, active, live, hidden);
          stp.backward(n, cell.rate[n], de, c, stpX[i], stpU[i]);
        }
      }
      if (dIn != null) {
        float[] di = dIn[n];
        Arrays.fill(di, 0f);
        Kernels.addScaledRowsAt(di, dpre, cell.inEff, active, live, cell.inputs);
      }
      zRows[i] = cell.z[n];
    }
    for (int j = 0; j < hidden; j++) {
      Kernels.addScaledRowsAt(g[j], dpreT, j * count, zRows, liveT, j * count, liveCount[j], cell.width);
    }
  }

  /**
   * The gradient {@code dpre} with respect to row n's drive, from the gradient {@code d} with respect to its rates and
   * the carries from step t+1 ({@code c} for the rates, {@code cs} for the leaky state if it is not the rates); leaves
   * in {@code c} and {@code cs} the leak's share of the carries to step t−1.
   */
  private void driveGradient(int n, float[] d, float[] c, float[] cs) {
    float a = cell.alpha;
    float leak = 1 - a;
    int hidden = cell.hidden;
    Activation activation = cell.activation;
    boolean relu = activation == Activation.RELU;
    for (int j = 0; j < hidden; j++) {
      dr[j] = d[j] + c[j];
    }
    switch (cell.placement) {
      case INSIDE -> {
        float[] p = cell.pre[n];
        if (relu) {
          for (int j = 0; j < hidden; j++) {
            c[j] = leak * dr[j];
            dpre[j] = a * (dr[j] * Kernels.reluSlope(p[j]));
          }
        } else {
          for (int j = 0; j < hidden; j++) {
            c[j] = leak * dr[j];
            dpre[j] = a * activation.slopeFloat(activation.applyFloat(p[j])) * dr[j];
          }
        }
      }
      case OUTSIDE -> {
        float[] h = cell.state[n + cell.batch];
        for (int j = 0; j < hidden; j++) {
          float ds = (relu ? Kernels.reluSlope(h[j]) : activation.slopeFloat(h[j])) * dr[j];
          c[j] = leak * ds;
          dpre[j] = a * ds;
        }
      }
      case STATE -> {
        float[] r = cell.rate[n + cell.batch];
        for (int j = 0; j < hidden; j++) {
          float dx = activation.slopeFloat(r[j]) * dr[j] + cs[j];
          cs[j] = leak * dx;
          dpre[j] = a * dx;
          c[j] = 0f;
        }
      }
    }
  }
}
