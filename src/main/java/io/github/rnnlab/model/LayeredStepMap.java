package io.github.rnnlab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StepMap} of recurrent layers in sequence within each step (layer m reads layer m−1's new output, as in
 * {@link HierarchicalCtrnn}): the state is the layers' states end to end, and the Jacobians follow the chain rule
 * block by block.
 */
final class LayeredStepMap implements StepMap {
  private final List<CellMap> cells;
  private final int[] offsets;
  private final int size;

  LayeredStepMap(List<CellMap> cells) {
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("a step map needs at least one recurrent layer");
    }
    this.cells = List.copyOf(cells);
    this.offsets = new int[cells.size() + 1];
    for (int m = 0; m < cells.size(); m++) {
      offsets[m + 1] = offsets[m] + cells.get(m).stateSize();
    }
    this.size = offsets[cells.size()];
  }

  @Override
  public int stateSize() {
    return size;
  }

  @Override
  public int inputSize() {
    return cells.get(0).inputSize();
  }

  @Override
  public List<String> blocks() {
    List<String> blocks = new ArrayList<>();
    for (int m = 0; m < cells.size(); m++) {
      String prefix = cells.size() > 1 ? "m" + (m + 1) + "." : "";
      cells.get(m).blocks().forEach(b -> blocks.add(prefix + b));
    }
    return blocks;
  }

  @Override
  public double[] initialState() {
    double[] s = new double[size];
    for (int m = 0; m < cells.size(); m++) {
      double[] part = cells.get(m).initialState();
      System.arraycopy(part, 0, s, offsets[m], part.length);
    }
    return s;
  }

  @Override
  public double[] apply(double[] state, double[] input) {
    check(state, input);
    double[] next = new double[size];
    double[] in = input;
    for (int m = 0; m < cells.size(); m++) {
      double[] s = cells.get(m).next(block(state, m), in);
      System.arraycopy(s, 0, next, offsets[m], s.length);
      in = cells.get(m).output(s);
    }
    return next;
  }

  @Override
  public double[][] stateJacobian(double[] state, double[] input) {
    return jacobians(state, input)[0];
  }

  @Override
  public double[][] inputJacobian(double[] state, double[] input) {
    return jacobians(state, input)[1];
  }

  /**
   * Both Jacobians. Layer m's new state depends on its old state directly, and on the earlier layers' states and the
   * input through its input, layer m−1's new output: {@code dIn_m = dOut_{m−1}/ds'_{m−1} · (d s'_{m−1}/d·)}.
   */
  private double[][][] jacobians(double[] state, double[] input) {
    check(state, input);
    double[][] js = new double[size][size];
    double[][] jx = new double[size][input.length];
    double[] in = input;
    // Rows of d(in_m)/d(state) and d(in_m)/d(input): the input of layer m as a function of everything.
    double[][] inByState = new double[input.length][size];
    double[][] inByInput = identity(input.length);
    for (int m = 0; m < cells.size(); m++) {
      CellMap cell = cells.get(m);
      double[] s = block(state, m);
      double[][] own = cell.stateJacobian(s, in);
      double[][] viaInput = cell.inputJacobian(s, in);
      double[] next = cell.next(s, in);
      int o = offsets[m];
      for (int r = 0; r < own.length; r++) {
        for (int c = 0; c < own[r].length; c++) {
          js[o + r][o + c] += own[r][c];
        }
      }
      double[][] a = multiply(viaInput, inByState);
      double[][] b = multiply(viaInput, inByInput);
      for (int r = 0; r < a.length; r++) {
        for (int c = 0; c < size; c++) {
          js[o + r][c] += a[r][c];
        }
        System.arraycopy(b[r], 0, jx[o + r], 0, input.length);
      }
      // The next layer's input is this layer's output of its new state.
      double[][] dOut = cell.outputJacobian(next);
      double[][] rows = new double[cell.stateSize()][];
      double[][] rowsX = new double[cell.stateSize()][];
      for (int r = 0; r < rows.length; r++) {
        rows[r] = js[o + r];
        rowsX[r] = jx[o + r];
      }
      inByState = multiply(dOut, rows);
      inByInput = multiply(dOut, rowsX);
      in = cell.output(next);
    }
    return new double[][][] {js, jx};
  }

  @Override
  public double[] rates(double[] state) {
    if (state.length != size) {
      throw new IllegalArgumentException("state must have " + size + " entries; got " + state.length);
    }
    int last = cells.size() - 1;
    return cells.get(last).output(block(state, last));
  }

  private double[] block(double[] state, int m) {
    double[] b = new double[offsets[m + 1] - offsets[m]];
    System.arraycopy(state, offsets[m], b, 0, b.length);
    return b;
  }

  private void check(double[] state, double[] input) {
    if (state.length != size || input.length != inputSize()) {
      throw new IllegalArgumentException("state and input must have " + size + " and " + inputSize()
          + " entries; got " + state.length + " and " + input.length);
    }
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int cols = b.length == 0 ? 0 : b[0].length;
    double[][] c = new double[a.length][cols];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        double v = a[i][k];
        if (v != 0) {
          for (int j = 0; j < cols; j++) {
            c[i][j] += v * b[k][j];
          }
        }
      }
    }
    return c;
  }
}
