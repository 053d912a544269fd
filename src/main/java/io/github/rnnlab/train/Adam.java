package io.github.rnnlab.train;

import io.github.rnnlab.model.Parameter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) as PyTorch implements it, without weight decay: per parameter entry
 * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²},
 * {@code p ← p − lr·(m/(1−β₁ᵗ)) / (√v/√(1−β₂ᵗ) + ε)}. Frozen parameters are skipped and keep their moments.
 */
final class Adam {
  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final Map<Parameter, float[][][]> moments = new IdentityHashMap<>();
  private int step;

  Adam(double learningRate, double beta1, double beta2, double epsilon) {
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** Applies one update to every trainable parameter from its current gradient, scaled by {@code gradScale}. */
  void update(List<Parameter> parameters, float gradScale) {
    step++;
    double correction1 = 1 - Math.pow(beta1, step);
    float stepSize = (float) (learningRate / correction1);
    float inverseRoot2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, step)));
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float rest1 = 1 - b1;
    float rest2 = 1 - b2;
    float eps = (float) epsilon;
    for (Parameter p : parameters) {
      if (!p.trainable()) {
        continue;
      }
      float[][] values = p.values();
      float[][] grads = p.gradients();
      float[][][] mv = moments.computeIfAbsent(p, k -> new float[][][] {
          new float[values.length][values[0].length], new float[values.length][values[0].length]});
      for (int r = 0; r < values.length; r++) {
        float[] w = values[r];
        float[] g = grads[r];
        float[] m = mv[0][r];
        float[] v = mv[1][r];
        // Straight-line float arithmetic over equal indices, so the JIT vectorises it.
        for (int c = 0; c < w.length; c++) {
          float gc = g[c] * gradScale;
          float mc = b1 * m[c] + rest1 * gc;
          float vc = b2 * v[c] + rest2 * gc * gc;
          m[c] = mc;
          v[c] = vc;
          w[c] -= stepSize * mc / ((float) Math.sqrt(vc) * inverseRoot2 + eps);
        }
      }
    }
  }
}
