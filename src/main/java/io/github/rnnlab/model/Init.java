package io.github.rnnlab.model;

import java.util.SplittableRandom;

/** Initial values as PyTorch draws them, from an explicit generator so a network's seed fixes every weight. */
final class Init {
  private Init() {}

  /**
   * U(−1/√fanIn, 1/√fanIn) entry by entry, row by row: PyTorch's {@code nn.Linear} default for weights and biases
   * (its {@code kaiming_uniform(a=√5)}), and its LSTM and GRU default with fanIn = hidden size.
   */
  static void uniform(Parameter p, int fanIn, SplittableRandom rng) {
    double bound = 1 / Math.sqrt(fanIn);
    for (float[] row : p.values()) {
      for (int c = 0; c < row.length; c++) {
        row[c] = (float) rng.nextDouble(-bound, bound);
      }
    }
  }
}
