package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A linear map applied at every step, {@code y = W·h[0..in) + b}: the readout. It may read only the first
 * {@code in} values of longer input rows, e.g. the excitatory units of an EI network.
 */
final class DenseLayer extends AffineLayer {
  private final int inputs;
  private final int outputs;

  /** Weights {@code W_out} (outputs × inputs) and {@code b_out}, drawn from {@code rng} as {@code nn.Linear} does. */
  DenseLayer(String weightName, String biasName, int inputs, int outputs, SplittableRandom rng) {
    super(weightName, biasName, outputs, inputs, inputs, rng);
    this.inputs = inputs;
    this.outputs = outputs;
  }

  @Override
  int inputSize() {
    return inputs;
  }

  @Override
  int outputSize() {
    return outputs;
  }

  @Override
  void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
    float[] b = bias.values()[0];
    for (int t = 0; t < steps; t++) {
      for (int s = b0; s < b1; s++) {
        int n = t * batch + s;
        Kernels.affine(y[n], b, wEff, in[n], outputs, inputs);
      }
    }
  }

  /** Input gradients {@code Wᵀ·dy} row by row; weight gradients batched over the sequences of each step. */
  @Override
  void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part) {
    float[][] dyT = new float[outputs][b1 - b0];
    float[][] hRows = new float[b1 - b0][];
    for (float[] row : weightGrad[part]) {
      Arrays.fill(row, 0f);
    }
    Arrays.fill(biasGrad[part], 0f);
    for (int t = steps - 1; t >= 0; t--) {
      backwardStep(t, in, dOut, dIn, b0, b1, part, dyT, hRows);
    }
  }

  /** Step t of {@link #backward}; a method of its own so that the JIT compiles it early, as {@link CtrnnBackward}. */
  private void backwardStep(int t, float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part,
      float[][] dyT, float[][] hRows) {
    int count = b1 - b0;
    float[][] gw = weightGrad[part];
    float[] gb = biasGrad[part];
    for (int s = b0; s < b1; s++) {
      int i = s - b0;
      int n = t * batch + s;
      float[] dy = dOut[n];
      if (dIn != null) {
        float[] di = dIn[n];
        Arrays.fill(di, 0f);
        Kernels.addScaledRows(di, dy, wEff, outputs, inputs);
      }
      for (int o = 0; o < outputs; o++) {
        dyT[o][i] = dy[o];
      }
      hRows[i] = in[n];
    }
    for (int o = 0; o < outputs; o++) {
      Kernels.addScaledRows(gw[o], dyT[o], hRows, count, inputs);
      for (int i = 0; i < count; i++) {
        gb[o] += dyT[o][i];
      }
    }
  }
}
