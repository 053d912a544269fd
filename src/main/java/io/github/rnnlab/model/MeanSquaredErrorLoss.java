package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import java.util.Map;

/** Mean squared error against float targets: see {@link Loss#meanSquaredError()}. */
final class MeanSquaredErrorLoss extends Loss {
  static final MeanSquaredErrorLoss INSTANCE = new MeanSquaredErrorLoss();

  private MeanSquaredErrorLoss() {}

  @Override
  public String name() {
    return "mean squared error";
  }

  @Override
  public boolean usesLabels() {
    return false;
  }

  @Override
  void check(Batch batch, int outputs) {
    if (batch.hasLabels()) {
      throw new IllegalArgumentException("mean squared error needs float targets but the batch has class labels; "
          + "use Loss.crossEntropy()");
    }
    if (batch.targetSize() != outputs) {
      throw new IllegalArgumentException("the batch has " + batch.targetSize() + " float targets per step but the "
          + "network has " + outputs + " outputs");
    }
  }

  @Override
  double normaliser(Batch batch) {
    int k = batch.targetSize();
    if (!batch.hasWeights()) {
      return (double) batch.seqLen() * batch.batchSize() * k;
    }
    double sum = 0;
    for (int t = 0; t < batch.seqLen(); t++) {
      for (int b = 0; b < batch.batchSize(); b++) {
        for (int c = 0; c < k; c++) {
          sum += batch.weight(t, b, c);
        }
      }
    }
    return sum;
  }

  @Override
  void score(Batch batch, float[][] y, float[][] dy, int b0, int b1, double normaliser, double[] rowLoss) {
    int size = batch.batchSize();
    int k = batch.targetSize();
    float scale = (float) (2 / normaliser);
    for (int t = 0; t < batch.seqLen(); t++) {
      for (int b = b0; b < b1; b++) {
        int n = t * size + b;
        double sum = 0;
        for (int c = 0; c < k; c++) {
          float w = batch.weight(t, b, c);
          float e = y[n][c] - batch.targetValue(t, b, c);
          sum += (double) w * e * e;
          dy[n][c] = scale * w * e;
        }
        rowLoss[n] = sum;
      }
    }
  }

  @Override
  Map<String, Double> metrics(Batch batch, float[][] y) {
    return Map.of();
  }
}
