package io.github.rnnlab.model;

import java.util.List;

/**
 * The {@link StepMap} of a network whose recurrent layers read their input through a fixed affine front-end, such as
 * {@link ConvCtrnn}'s convolution: {@code F(s, x) = G(s, A·x + b)} for the recurrent layers' map G. The state and its
 * Jacobian are G's; the input Jacobian goes through A by the chain rule.
 */
final class FrontEndStepMap implements StepMap {
  /** {@code y = matrix·x + offset}, matrix of outputs × inputs. */
  record Affine(double[][] matrix, double[] offset) {
    double[] apply(double[] x) {
      double[] y = offset.clone();
      for (int o = 0; o < y.length; o++) {
        double[] row = matrix[o];
        for (int i = 0; i < x.length; i++) {
          y[o] += row[i] * x[i];
        }
      }
      return y;
    }
  }

  private final Affine frontEnd;
  private final StepMap recurrent;

  FrontEndStepMap(Affine frontEnd, StepMap recurrent) {
    this.frontEnd = frontEnd;
    this.recurrent = recurrent;
  }

  @Override
  public int stateSize() {
    return recurrent.stateSize();
  }

  @Override
  public int inputSize() {
    return frontEnd.matrix()[0].length;
  }

  @Override
  public List<String> blocks() {
    return recurrent.blocks();
  }

  @Override
  public double[] initialState() {
    return recurrent.initialState();
  }

  @Override
  public double[] apply(double[] state, double[] input) {
    return recurrent.apply(state, features(input));
  }

  @Override
  public double[][] stateJacobian(double[] state, double[] input) {
    return recurrent.stateJacobian(state, features(input));
  }

  @Override
  public double[][] inputJacobian(double[] state, double[] input) {
    double[][] byFeature = recurrent.inputJacobian(state, features(input));
    double[][] a = frontEnd.matrix();
    double[][] j = new double[byFeature.length][inputSize()];
    for (int r = 0; r < j.length; r++) {
      for (int k = 0; k < a.length; k++) {
        double v = byFeature[r][k];
        if (v != 0) {
          for (int i = 0; i < j[r].length; i++) {
            j[r][i] += v * a[k][i];
          }
        }
      }
    }
    return j;
  }

  @Override
  public double[] rates(double[] state) {
    return recurrent.rates(state);
  }

  private double[] features(double[] input) {
    if (input.length != inputSize()) {
      throw new IllegalArgumentException("input must have " + inputSize() + " entries; got " + input.length);
    }
    return frontEnd.apply(input);
  }
}
