package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A linear map applied at every step, {@code y = W·h[0..in) + b}: the readout. It may read only the first
 * {@code in} values of longer input rows, e.g. the excitatory units of an EI network.
 */
final class DenseLayer extends Layer {
  private final int inputs;
  private final int outputs;
  final Parameter weight;
  final Parameter bias;
  private final List<Parameter> parameters;
  private int steps;
  private int batch;
  private float[][] y = new float[0][];
  private float[][][] weightGrad = new float[0][][];
  private float[][] biasGrad = new float[0][];
  private float[][] wEff = new float[0][];

  /** Weights {@code W_out} (outputs × inputs) and {@code b_out}, drawn from {@code rng} as {@code nn.Linear} does. */
  DenseLayer(String weightName, String biasName, int inputs, int outputs, SplittableRandom rng) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.weight = new Parameter(weightName, outputs, inputs, false);
    this.bias = new Parameter(biasName, 1, outputs, true);
    Init.uniform(weight, inputs, rng);
    Init.uniform(bias, inputs, rng);
    this.parameters = List.of(weight, bias);
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
  List<Parameter> parameters() {
    return parameters;
  }

  @Override
  void begin(int steps, int batch, int parts) {
    if (steps != this.steps || batch != this.batch || weightGrad.length < parts) {
      this.steps = steps;
      this.batch = batch;
      y = new float[steps * batch][outputs];
      weightGrad = new float[parts][outputs][inputs];
      biasGrad = new float[parts][outputs];
    }
    wEff = weight.effective();
  }

  @Override
  void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
    float[] b = bias.values()[0];
    for (int t = 0; t < steps; t++) {
      for (int s = b0; s < b1; s++) {
        int n = t * batch + s;
        float[] h = in[n];
        float[] yn = y[n];
        for (int o = 0; o < outputs; o++) {
          yn[o] = b[o] + Kernels.dot(wEff[o], h, inputs);
        }
      }
    }
  }

  @Override
  float[][] output() {
    return y;
  }

  /** Input gradients {@code Wᵀ·dy} row by row; weight gradients batched over the sequences of each step. */
  @Override
  void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part) {
    int count = b1 - b0;
    float[][] dyT = new float[outputs][count];
    float[][] hRows = new float[count][];
    float[][] gw = weightGrad[part];
    float[] gb = biasGrad[part];
    for (float[] row : gw) {
      Arrays.fill(row, 0f);
    }
    Arrays.fill(gb, 0f);
    for (int t = steps - 1; t >= 0; t--) {
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

  @Override
  void reduce(int parts) {
    reduceWeightAndBias(weight, bias, weightGrad, biasGrad, parts);
  }
}
