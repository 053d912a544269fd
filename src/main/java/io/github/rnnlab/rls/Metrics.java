package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How well model activity matches data.
 *
 * @since 0.1.0
 */
public final class Metrics {
  private Metrics() {}

  /**
   * The fraction of the data's variance the model explains, as the Rajan lab's codes define it:
   * pVar = 1 − (‖D − M‖_F / (√(N·T)·σ_D))², where σ_D is the standard deviation of all entries of the data D (N × T)
   * and M the model's activity at the same units and times. 1 is a perfect match; 0 is no better than the data's mean.
   * σ_D uses the n divisor (NumPy's, as CURBD's Python code), so pVar = 1 − SSE/SST exactly; the lab's MATLAB code uses
   * n − 1, which changes pVar by less than 10⁻⁵ for these sizes.
   *
   * @throws IllegalArgumentException if the shapes differ, are empty or the data are constant
   */
  public static double pVar(INDArray data, INDArray model) {
    if (!Arrays.equals(data.shape(), model.shape()) || data.length() == 0) {
      throw new IllegalArgumentException("data and model must have the same non-empty shape; got "
          + Arrays.toString(data.shape()) + " and " + Arrays.toString(model.shape()));
    }
    Checks.shape("data", data, -1, -1);
    return pVar(data.toFloatMatrix(), model.toFloatMatrix());
  }

  /** pVar of two equally shaped matrices (any orientation). */
  static double pVar(float[][] data, float[][] model) {
    double sum = 0;
    double sumSquares = 0;
    double sse = 0;
    long count = 0;
    for (int i = 0; i < data.length; i++) {
      for (int t = 0; t < data[i].length; t++) {
        double d = data[i][t];
        double e = d - model[i][t];
        sum += d;
        sumSquares += d * d;
        sse += e * e;
        count++;
      }
    }
    double mean = sum / count;
    double sst = sumSquares - count * mean * mean;
    if (!(sst > 0)) {
      throw new IllegalArgumentException("pVar needs data that vary; every entry is " + mean);
    }
    return 1 - sse / sst;
  }
}
