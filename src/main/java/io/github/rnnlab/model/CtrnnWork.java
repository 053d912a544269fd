package io.github.rnnlab.model;

import java.util.Arrays;

/**
 * The row arrays of a {@link CtrnnLayer} for one (steps, batch) shape; row n = t·batch + b. {@code z[n]} is
 * {@code [e_t, x_t, 1]} (presynaptic output of the step before, input, bias); {@code rate[n + batch]} holds r_t and
 * {@code state[n + batch]} the leaky state (the same rows as the rates unless the placement is
 * {@link ReluPlacement#STATE}); rows 0..batch hold the initial values. Without plasticity the rates are the first
 * columns of {@code z}, one row on, so this step's output is the next step's presynaptic input with no copy.
 */
final class CtrnnWork {
  final float[][] z;
  final float[][] rate;
  final float[][] state;
  final float[][] pre;
  /** The output rows: {@code rate} from row {@code batch} on. */
  final float[][] out;

  CtrnnWork(int steps, int batch, int hidden, int width, ReluPlacement placement, Activation activation,
      boolean plastic) {
    int rows = steps * batch;
    z = new float[rows + batch][width];
    for (int n = 0; n < rows; n++) {
      z[n][width - 1] = 1f;
    }
    rate = plastic ? new float[rows + batch][hidden] : z;
    state = placement == ReluPlacement.STATE ? new float[rows + batch][hidden] : rate;
    if (placement == ReluPlacement.STATE) {
      // The state starts at x = 0, so the rates start at f(0): 0 for ReLU, 0.5 for sigmoid.
      float r0 = activation.applyFloat(0f);
      for (int b = 0; b < batch; b++) {
        Arrays.fill(rate[b], 0, hidden, r0);
      }
    }
    pre = new float[rows][hidden];
    out = Arrays.copyOfRange(rate, batch, rows + batch);
  }

  /**
   * One step's leak and activation for one sequence: from the leaky state {@code prev} and the drive {@code p}, the
   * new state {@code next} and, for {@link ReluPlacement#STATE}, the rates {@code r} (otherwise {@code next} is the
   * rates).
   */
  static void leak(ReluPlacement placement, Activation f, float a, float[] prev, float[] next, float[] r, float[] p) {
    float leak = 1 - a;
    int hidden = p.length;
    switch (placement) {
      case INSIDE -> {
        if (f == Activation.RELU) {
          for (int j = 0; j < hidden; j++) {
            next[j] = leak * prev[j] + a * Math.max(p[j], 0f);
          }
        } else {
          for (int j = 0; j < hidden; j++) {
            next[j] = leak * prev[j] + a * f.applyFloat(p[j]);
          }
        }
      }
      case OUTSIDE -> {
        for (int j = 0; j < hidden; j++) {
          next[j] = f.applyFloat(leak * prev[j] + a * p[j]);
        }
      }
      case STATE -> {
        for (int j = 0; j < hidden; j++) {
          next[j] = leak * prev[j] + a * p[j];
          r[j] = f.applyFloat(next[j]);
        }
      }
    }
  }

  /** Packs {@code [W_rec | W_in | b_in + b_rec]ᵀ} into {@code weightsT}, the layout the forward product reads. */
  static void pack(float[][] weightsT, float[][] rec, float[][] in, float[] bIn, float[] bRec) {
    int hidden = rec.length;
    int inputs = in[0].length;
    float[] bias = weightsT[hidden + inputs];
    for (int j = 0; j < hidden; j++) {
      for (int k = 0; k < hidden; k++) {
        weightsT[k][j] = rec[j][k];
      }
      for (int i = 0; i < inputs; i++) {
        weightsT[hidden + i][j] = in[j][i];
      }
      bias[j] = bIn[j] + bRec[j];
    }
  }
}
