package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import java.util.LinkedHashMap;
import java.util.Map;

/** Softmax cross-entropy against class labels: see {@link Loss#crossEntropy()}. */
final class CrossEntropyLoss extends Loss {
  static final CrossEntropyLoss INSTANCE = new CrossEntropyLoss();

  private CrossEntropyLoss() {}

  @Override
  public String name() {
    return "cross-entropy";
  }

  @Override
  public boolean usesLabels() {
    return true;
  }

  @Override
  void check(Batch batch, int outputs) {
    if (!batch.hasLabels()) {
      throw new IllegalArgumentException("cross-entropy needs class-label targets but the batch has " + batch.targetSize()
          + " float targets per step; use Loss.meanSquaredError()");
    }
    for (int t = 0; t < batch.seqLen(); t++) {
      for (int b = 0; b < batch.batchSize(); b++) {
        int label = batch.target(t, b);
        if (label >= outputs) {
          throw new IllegalArgumentException("target label " + label + " is outside 0.." + (outputs - 1)
              + " for a network with " + outputs + " outputs");
        }
      }
    }
  }

  @Override
  double normaliser(Batch batch) {
    if (!batch.hasWeights()) {
      return batch.seqLen() * batch.batchSize();
    }
    double sum = 0;
    for (int t = 0; t < batch.seqLen(); t++) {
      for (int b = 0; b < batch.batchSize(); b++) {
        sum += batch.weight(t, b, 0);
      }
    }
    return sum;
  }

  @Override
  void score(Batch batch, float[][] y, float[][] dy, int b0, int b1, double normaliser, double[] rowLoss) {
    int size = batch.batchSize();
    int outputs = y.length == 0 ? 0 : y[0].length;
    float[] prob = new float[outputs];
    boolean weighted = batch.hasWeights();
    int rows = batch.seqLen() * size;
    for (int t = 0; t < batch.seqLen(); t++) {
      for (int b = b0; b < b1; b++) {
        scoreRow(batch, t, b, y, dy, normaliser, rowLoss, prob, weighted, rows);
      }
    }
  }

  /** Row (t, b) of {@link #score}, a method of its own so that the JIT compiles it early. */
  private static void scoreRow(Batch batch, int t, int b, float[][] y, float[][] dy, double normaliser,
      double[] rowLoss, float[] prob, boolean weighted, int rows) {
    int n = t * batch.batchSize() + b;
    int outputs = prob.length;
    float[] yn = y[n];
    int target = batch.target(t, b);
    float max = yn[0];
    for (int o = 1; o < outputs; o++) {
      max = Math.max(max, yn[o]);
    }
    double sum = 0;
    for (int o = 0; o < outputs; o++) {
      prob[o] = (float) Math.exp(yn[o] - max);
      sum += prob[o];
    }
    double loss = max + Math.log(sum) - yn[target];
    float[] d = dy[n];
    if (weighted) {
      double w = batch.weight(t, b, 0);
      rowLoss[n] = w * loss;
      float scale = (float) (w / (sum * normaliser));
      for (int o = 0; o < outputs; o++) {
        d[o] = prob[o] * scale;
      }
      d[target] -= (float) (w / normaliser);
    } else {
      // The unweighted mean, written as it always was so results stay bit-identical.
      rowLoss[n] = loss;
      float scale = (float) (1 / (sum * rows));
      for (int o = 0; o < outputs; o++) {
        d[o] = prob[o] * scale;
      }
      d[target] -= 1f / rows;
    }
  }

  @Override
  Map<String, Double> metrics(Batch batch, float[][] y) {
    int size = batch.batchSize();
    int scored = 0;
    int right = 0;
    int decisions = 0;
    int rightDecisions = 0;
    for (int t = 0; t < batch.seqLen(); t++) {
      for (int b = 0; b < size; b++) {
        if (batch.weight(t, b, 0) == 0) {
          continue;
        }
        float[] yn = y[t * size + b];
        int best = 0;
        for (int o = 1; o < yn.length; o++) {
          if (yn[o] > yn[best]) {
            best = o;
          }
        }
        int target = batch.target(t, b);
        boolean correct = best == target;
        scored++;
        right += correct ? 1 : 0;
        if (target > 0) {
          decisions++;
          rightDecisions += correct ? 1 : 0;
        }
      }
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("step_accuracy", scored == 0 ? Double.NaN : (double) right / scored);
    m.put("decision_accuracy", decisions == 0 ? Double.NaN : (double) rightDecisions / decisions);
    return m;
  }
}
