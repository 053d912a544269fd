package io.github.rnnlab.train;

import io.github.rnnlab.data.Batch;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One column of a batch as a batch of its own, for per-sequence gradients: cut after its last scored step (later
 * steps cannot change earlier outputs), with the data's targets, or with targets drawn from the network's outputs
 * (softmax for labels, {@code N(y, ½)} for float targets), as {@link ElasticWeightConsolidation} needs them.
 */
final class FisherSequence {
  /** The variance of the Gaussian whose negative log-likelihood is the squared error, up to a constant. */
  private static final double HALF = 0.5;

  private FisherSequence() {}

  /**
   * Column {@code b} of {@code batch} with its weights, or null if it has no scored step; targets drawn with {@code
   * rng} from {@code outputs} (time, batch, outputs) unless {@code outputs} is null.
   */
  static @Nullable Batch of(Batch batch, int b, @Nullable INDArray outputs, SplittableRandom rng) {
    int steps = scoredLength(batch, b);
    if (steps == 0) {
      return null;
    }
    int nIn = batch.inputSize();
    int k = batch.targetSize();
    float[] inputs = new float[steps * nIn];
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < nIn; c++) {
        inputs[t * nIn + c] = batch.input(t, b, c);
      }
    }
    Batch one;
    if (batch.hasLabels()) {
      int[] labels = new int[steps];
      for (int t = 0; t < steps; t++) {
        labels[t] = outputs == null ? batch.target(t, b) : drawLabel(outputs, t, b, rng);
      }
      one = Batch.of(steps, 1, nIn, inputs, labels);
    } else {
      float[] values = new float[steps * k];
      for (int t = 0; t < steps; t++) {
        for (int c = 0; c < k; c++) {
          values[t * k + c] = outputs == null ? batch.targetValue(t, b, c)
              : (float) (outputs.getDouble(t, b, c) + Math.sqrt(HALF) * rng.nextGaussian());
        }
      }
      one = Batch.ofValues(steps, 1, nIn, inputs, k, values);
    }
    if (!batch.hasWeights()) {
      return one;
    }
    float[] weights = new float[steps * k];
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < k; c++) {
        weights[t * k + c] = batch.weight(t, b, c);
      }
    }
    return one.withWeights(weights);
  }

  /** One past the last step of column {@code b} with a positive loss weight; the whole column if it has no weights. */
  private static int scoredLength(Batch batch, int b) {
    if (!batch.hasWeights()) {
      return batch.seqLen();
    }
    for (int t = batch.seqLen() - 1; t >= 0; t--) {
      for (int c = 0; c < batch.targetSize(); c++) {
        if (batch.weight(t, b, c) > 0) {
          return t + 1;
        }
      }
    }
    return 0;
  }

  /** A label drawn from the softmax of the outputs at step {@code t} of sequence {@code b}. */
  private static int drawLabel(INDArray outputs, int t, int b, SplittableRandom rng) {
    int n = (int) outputs.size(2);
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, outputs.getDouble(t, b, j));
    }
    double[] cumulative = new double[n];
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += Math.exp(outputs.getDouble(t, b, j) - max);
      cumulative[j] = sum;
    }
    double u = rng.nextDouble() * sum;
    for (int j = 0; j < n - 1; j++) {
      if (u < cumulative[j]) {
        return j;
      }
    }
    return n - 1;
  }
}
