package io.github.rnnlab.model;

import java.util.List;

/**
 * One recurrent layer's share of a {@link StepMap}: its state update and Jacobians in double precision, and the
 * output (rates) the next layer reads. A layer's output depends on its new state only.
 */
interface CellMap {

  int stateSize();

  int inputSize();

  int outputSize();

  List<String> blocks();

  double[] initialState();

  /** The new state from the old state and this layer's input. */
  double[] next(double[] state, double[] input);

  /** ∂next/∂state, [stateSize][stateSize]. */
  double[][] stateJacobian(double[] state, double[] input);

  /** ∂next/∂input, [stateSize][inputSize]. */
  double[][] inputJacobian(double[] state, double[] input);

  /** The layer's output for a (new) state. */
  double[] output(double[] state);

  /** ∂output/∂state, [outputSize][stateSize]. */
  double[][] outputJacobian(double[] state);

  /** A double-precision copy of a float matrix, for the maps' weight snapshots. */
  static double[][] toDouble(float[][] m) {
    double[][] d = new double[m.length][m[0].length];
    for (int r = 0; r < m.length; r++) {
      for (int c = 0; c < m[r].length; c++) {
        d[r][c] = m[r][c];
      }
    }
    return d;
  }
}
