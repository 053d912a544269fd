package io.github.rnnlab.model;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A layer that applies one weight matrix and one bias at every step, its output rows computed by the subclass: what
 * the readout and the convolutional front-end share. It holds the two parameters, the output rows, and the weight and
 * bias gradients of each batch partition, which {@link #reduce} sums in partition order.
 */
abstract class AffineLayer extends Layer {
  final Parameter weight;
  final Parameter bias;
  private final List<Parameter> parameters;
  int steps;
  int batch;
  float[][] y = new float[0][];
  /** (part, weight row, weight column). */
  float[][][] weightGrad = new float[0][][];
  /** (part, bias entry). */
  float[][] biasGrad = new float[0][];
  /** The weight's effective values for this batch. */
  float[][] wEff = new float[0][];

  /**
   * Weights ({@code rows × columns}) and biases ({@code rows}), drawn from {@code rng} in that order as PyTorch's
   * {@code nn.Linear} and {@code Conv2d} draw them: U(−1/√fanIn, 1/√fanIn).
   */
  AffineLayer(String weightName, String biasName, int rows, int columns, int fanIn, SplittableRandom rng) {
    this.weight = new Parameter(weightName, rows, columns, false);
    this.bias = new Parameter(biasName, 1, rows, true);
    Init.uniform(weight, fanIn, rng);
    Init.uniform(bias, fanIn, rng);
    this.parameters = List.of(weight, bias);
  }

  @Override
  final List<Parameter> parameters() {
    return parameters;
  }

  @Override
  final void begin(int steps, int batch, int parts) {
    if (steps != this.steps || batch != this.batch || weightGrad.length < parts) {
      this.steps = steps;
      this.batch = batch;
      float[][] w = weight.values();
      y = new float[steps * batch][outputSize()];
      weightGrad = new float[parts][w.length][w[0].length];
      biasGrad = new float[parts][w.length];
    }
    wEff = weight.effective();
  }

  @Override
  final float[][] output() {
    return y;
  }

  @Override
  final void reduce(int parts) {
    weight.zeroGradients();
    bias.zeroGradients();
    float[][] gw = weight.gradients();
    float[] gb = bias.gradients()[0];
    for (int part = 0; part < parts; part++) {
      for (int r = 0; r < gw.length; r++) {
        float[] row = weightGrad[part][r];
        float[] g = gw[r];
        for (int k = 0; k < g.length; k++) {
          g[k] += row[k];
        }
        gb[r] += biasGrad[part][r];
      }
    }
  }
}
