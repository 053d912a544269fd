package io.github.rnnlab.train;

import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of a network's values, gradients and a penalty's importances, by parameter name, for the tests. */
final class Snapshots {
  private Snapshots() {}

  /** A copy of every parameter's values. */
  static Map<String, float[][]> of(RecurrentNetwork net) {
    Map<String, float[][]> copy = new LinkedHashMap<>();
    for (Parameter p : net.parameters()) {
      float[][] v = new float[p.values().length][];
      for (int r = 0; r < v.length; r++) {
        v[r] = p.values()[r].clone();
      }
      copy.put(p.name(), v);
    }
    return copy;
  }

  /** Zeros shaped like every parameter. */
  static Map<String, double[][]> zeros(RecurrentNetwork net) {
    Map<String, double[][]> zeros = new LinkedHashMap<>();
    for (Parameter p : net.parameters()) {
      zeros.put(p.name(), new double[p.values().length][p.values()[0].length]);
    }
    return zeros;
  }

  /** Adds {@code weight · g²} of every parameter's current gradient to {@code sums}. */
  static void addSquaredGradients(RecurrentNetwork net, Map<String, double[][]> sums, double weight) {
    for (Parameter p : net.parameters()) {
      double[][] s = sums.get(p.name());
      for (int r = 0; r < s.length; r++) {
        for (int c = 0; c < s[r].length; c++) {
          double g = p.gradients()[r][c];
          s[r][c] += weight * g * g;
        }
      }
    }
  }

  /** The penalty's importances as double rows, by parameter name. */
  static Map<String, double[][]> importances(ConsolidationPenalty penalty, RecurrentNetwork net) {
    Map<String, double[][]> all = new LinkedHashMap<>();
    for (Parameter p : net.parameters()) {
      float[] flat = penalty.importance(p.name()).ravel().toFloatVector();
      int cols = p.values()[0].length;
      double[][] m = new double[p.values().length][cols];
      for (int i = 0; i < flat.length; i++) {
        m[i / cols][i % cols] = flat[i];
      }
      all.put(p.name(), m);
    }
    return all;
  }
}
