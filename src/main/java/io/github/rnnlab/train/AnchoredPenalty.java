package io.github.rnnlab.train;

import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the consolidation penalties share: binding to one network's parameters (every parameter, by name and shape),
 * snapshots of their values, the quadratic pull {@code coefficient · Σ w·(θ − anchor)²} towards anchored values, and
 * importances as arrays. Importances are kept in double precision, values as the float32 they are.
 */
abstract class AnchoredPenalty implements ConsolidationPenalty {
  private @Nullable List<String> names;
  private @Nullable List<String> shapes;
  private @Nullable List<long[]> dimensions;

  /**
   * The network's parameters, after checking that they are the ones this penalty first saw (same names and shapes,
   * in order).
   *
   * @throws IllegalArgumentException if they are not
   */
  final List<Parameter> bind(RecurrentNetwork network) {
    List<Parameter> parameters = network.parameters();
    List<String> n = parameters.stream().map(Parameter::name).toList();
    List<String> s = parameters.stream().map(p -> Arrays.toString(p.shape())).toList();
    if (names == null) {
      names = n;
      shapes = s;
      dimensions = parameters.stream().map(Parameter::shape).toList();
    } else if (!names.equals(n) || !s.equals(shapes)) {
      throw new IllegalArgumentException(name() + " belongs to a network with parameters " + describe(names, shapes)
          + "; this one has " + describe(n, s) + ". Use one penalty per network.");
    }
    return parameters;
  }

  private static String describe(List<String> names, @Nullable List<String> shapes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(names.get(i) + (shapes == null ? "" : shapes.get(i)));
    }
    return out.toString();
  }

  /** A copy of every parameter's values. */
  static float[][][] valuesOf(List<Parameter> parameters) {
    float[][][] copy = new float[parameters.size()][][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = copy(parameters.get(i).values());
    }
    return copy;
  }

  /** A copy of a parameter's rows. */
  static float[][] copy(float[][] rows) {
    float[][] copy = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      copy[r] = rows[r].clone();
    }
    return copy;
  }

  /** Zeros shaped like every parameter. */
  static double[][][] zerosLike(List<Parameter> parameters) {
    double[][][] zeros = new double[parameters.size()][][];
    for (int i = 0; i < zeros.length; i++) {
      float[][] v = parameters.get(i).values();
      zeros[i] = new double[v.length][v[0].length];
    }
    return zeros;
  }

  /**
   * Adds the gradient of {@code coefficient · Σ weight·(θ − anchor)²} over every entry of every parameter to the
   * parameters' gradients and returns its value.
   */
  static double pull(List<Parameter> parameters, double[][][] weight, float[][][] anchor, double coefficient) {
    double sum = 0;
    for (int i = 0; i < weight.length; i++) {
      float[][] values = parameters.get(i).values();
      float[][] grads = parameters.get(i).gradients();
      for (int r = 0; r < values.length; r++) {
        float[] theta = values[r];
        float[] a = anchor[i][r];
        double[] w = weight[i][r];
        float[] g = grads[r];
        for (int c = 0; c < theta.length; c++) {
          double d = (double) theta[c] - a[c];
          double wd = w[c] * d;
          sum += wd * d;
          g[c] += (float) (2 * coefficient * wd);
        }
      }
    }
    return coefficient * sum;
  }

  /** The importance summed over tasks, for every entry of every parameter (in the network's parameter order). */
  abstract double[][][] summedImportance();

  @Override
  public final INDArray importance(String name) {
    if (tasksConsolidated() == 0 || names == null || dimensions == null) {
      throw new IllegalStateException(name() + " has consolidated no task yet, so it has no importances");
    }
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("unknown parameter '" + name + "'; parameters are " + names);
    }
    double[][] m = summedImportance()[index];
    float[] flat = new float[m.length * m[0].length];
    for (int r = 0; r < m.length; r++) {
      for (int c = 0; c < m[r].length; c++) {
        flat[r * m[r].length + c] = (float) m[r][c];
      }
    }
    return Nd4j.create(flat, dimensions.get(index), 'c');
  }
}
