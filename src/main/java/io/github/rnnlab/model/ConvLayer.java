package io.github.rnnlab.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A 2-D convolution applied to the image of every step, then flattened: PyTorch's {@code Conv2d(channels, filters,
 * k)} (stride 1, no padding, with bias) followed by {@code Flatten}, the sensory front-end of the tutorial's exercise
 * 8. An input row is an image of {@code channels × height × width} values, channel by channel and row by row; an
 * output row is the {@code filters × (height−k+1) × (width−k+1)} feature map, filter by filter and row by row:
 *
 * <pre>y[f, i, j] = b[f] + Σ_c Σ_u Σ_v W[f, c·k·k + u·k + v] · x[c, i+u, j+v]     (cross-correlation, as PyTorch)</pre>
 *
 * <p>It has no activation: the answer's backbone is linear. It is always a network's first layer, so its backward
 * pass computes weight gradients only, batched per partition and summed in partition order as every layer does.
 */
final class ConvLayer extends AffineLayer {
  private final int channels;
  private final int height;
  private final int width;
  private final int kernel;
  private final int filters;
  private final int outHeight;
  private final int outWidth;
  private final int patch;

  /**
   * Filters {@code W_conv} (filters × channels·k·k) and biases {@code b_conv}, drawn from {@code rng} as PyTorch's
   * {@code Conv2d} does: U(−1/√fan_in, 1/√fan_in) with fan_in = channels·k·k, weights first.
   */
  ConvLayer(int channels, int height, int width, int kernel, int filters, SplittableRandom rng) {
    super("W_conv", "b_conv", filters, channels * kernel * kernel, channels * kernel * kernel, rng);
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.kernel = kernel;
    this.filters = filters;
    this.outHeight = height - kernel + 1;
    this.outWidth = width - kernel + 1;
    this.patch = channels * kernel * kernel;
  }

  @Override
  int inputSize() {
    return channels * height * width;
  }

  @Override
  int outputSize() {
    return filters * outHeight * outWidth;
  }

  @Override
  void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed) {
    float[] b = bias.values()[0];
    int map = outHeight * outWidth;
    for (int t = 0; t < steps; t++) {
      for (int s = b0; s < b1; s++) {
        int n = t * batch + s;
        float[] x = in[n];
        float[] yn = y[n];
        for (int f = 0; f < filters; f++) {
          Arrays.fill(yn, f * map, (f + 1) * map, b[f]);
          float[] w = wEff[f];
          for (int c = 0; c < channels; c++) {
            for (int u = 0; u < kernel; u++) {
              for (int v = 0; v < kernel; v++) {
                float wk = w[(c * kernel + u) * kernel + v];
                for (int i = 0; i < outHeight; i++) {
                  int yo = f * map + i * outWidth;
                  int xo = (c * height + i + u) * width + v;
                  for (int j = 0; j < outWidth; j++) {
                    yn[yo + j] += wk * x[xo + j];
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * Weight gradients {@code ∂W[f, (c,u,v)] = Σ_{i,j} dy[f,i,j]·x[c,i+u,j+v]} and {@code ∂b[f] = Σ_{i,j} dy[f,i,j]}
   * over the rows of sequences {@code [b0, b1)}.
   *
   * @throws IllegalStateException if asked for input gradients: this layer reads the network's inputs
   */
  @Override
  void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part) {
    if (dIn != null) {
      throw new IllegalStateException("a convolutional front-end is a network's first layer; it computes no input "
          + "gradients");
    }
    float[][] gw = weightGrad[part];
    float[] gb = biasGrad[part];
    for (float[] row : gw) {
      Arrays.fill(row, 0f);
    }
    Arrays.fill(gb, 0f);
    int map = outHeight * outWidth;
    for (int t = steps - 1; t >= 0; t--) {
      for (int s = b0; s < b1; s++) {
        int n = t * batch + s;
        float[] x = in[n];
        float[] dy = dOut[n];
        for (int f = 0; f < filters; f++) {
          float sum = 0;
          for (int k = f * map; k < (f + 1) * map; k++) {
            sum += dy[k];
          }
          gb[f] += sum;
          float[] g = gw[f];
          for (int c = 0; c < channels; c++) {
            for (int u = 0; u < kernel; u++) {
              for (int v = 0; v < kernel; v++) {
                float acc = 0;
                for (int i = 0; i < outHeight; i++) {
                  int yo = f * map + i * outWidth;
                  int xo = (c * height + i + u) * width + v;
                  for (int j = 0; j < outWidth; j++) {
                    acc += dy[yo + j] * x[xo + j];
                  }
                }
                g[(c * kernel + u) * kernel + v] += acc;
              }
            }
          }
        }
      }
    }
  }

  /**
   * The layer as the dense affine map it is, {@code y = A·x + b} with A of outputSize × inputSize, in double precision
   * from the current effective filters: what the network's step map puts in front of its cell.
   */
  FrontEndStepMap.Affine affineMap() {
    float[][] w = weight.effective();
    float[] b = bias.values()[0];
    double[][] a = new double[outputSize()][inputSize()];
    double[] offset = new double[outputSize()];
    int map = outHeight * outWidth;
    for (int f = 0; f < filters; f++) {
      for (int i = 0; i < outHeight; i++) {
        for (int j = 0; j < outWidth; j++) {
          int o = f * map + i * outWidth + j;
          offset[o] = b[f];
          for (int c = 0; c < channels; c++) {
            for (int u = 0; u < kernel; u++) {
              for (int v = 0; v < kernel; v++) {
                a[o][(c * height + i + u) * width + j + v] = w[f][(c * kernel + u) * kernel + v];
              }
            }
          }
        }
      }
    }
    return new FrontEndStepMap.Affine(a, offset);
  }
}
