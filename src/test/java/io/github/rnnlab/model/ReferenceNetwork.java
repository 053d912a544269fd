package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rnnlab.data.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * CTRNN cells in sequence with a linear readout, written plainly in double precision straight from the equations (the
 * javadoc of {@link ReluPlacement}, {@link ShortTermPlasticity}, {@link WeightConstraint}, {@link Loss} and the
 * networks' builders), with central finite differences of its loss: the independent check of the engine's BPTT.
 * Parameter values, constraints and seeds are read from the network; how they are used is re-derived here.
 */
final class ReferenceNetwork {
  /** One CTRNN cell as its settings describe it. */
  record Cell(String prefix, ReluPlacement placement, Activation f, double alpha, double sigmaRec,
      @Nullable ShortTermPlasticity stp, double dtMs) {}

  private final List<Cell> cells;
  private final Map<String, double[][]> raw = new HashMap<>();
  private final Map<String, List<WeightConstraint>> constraints = new HashMap<>();
  private final long seed;
  private final double sigmaIn;
  private final boolean noise;
  /** rates[m][t][b][j] of the last {@link #outputs} call. */
  double[][][][] rates = new double[0][][][];

  ReferenceNetwork(RecurrentNetwork net, List<Cell> cells, long seed, double sigmaIn, boolean noise) {
    for (Parameter p : net.parameters()) {
      float[][] v = p.values();
      double[][] d = new double[v.length][v[0].length];
      for (int r = 0; r < v.length; r++) {
        for (int c = 0; c < v[r].length; c++) {
          d[r][c] = v[r][c];
        }
      }
      raw.put(p.name(), d);
      constraints.put(p.name(), p.constraints());
    }
    this.cells = List.copyOf(cells);
    this.seed = seed;
    this.sigmaIn = sigmaIn;
    this.noise = noise;
  }

  /** The reference of a CTRNN network, from its settings. */
  static ReferenceNetwork of(CtrnnNetwork net, boolean noise) {
    List<Cell> cells = new ArrayList<>();
    if (net instanceof HierarchicalCtrnn h) {
      for (int m = 1; m <= h.modules(); m++) {
        cells.add(new Cell("m" + m + ".", net.reluPlacement(), net.activation(), net.alpha(), net.sigmaRec(), null,
            net.dtMs()));
      }
    } else {
      ShortTermPlasticity stp = net instanceof Ctrnn c ? c.plasticity() : null;
      cells.add(new Cell("", net.reluPlacement(), net.activation(), net.alpha(), net.sigmaRec(), stp, net.dtMs()));
    }
    return new ReferenceNetwork(net, cells, net.seed(), net.sigmaIn(), noise);
  }

  /** W_eff from the raw values and the constraints, as {@link WeightConstraint} defines them. */
  private double[][] effective(String name) {
    double[][] w = raw.get(name);
    double[][] e = new double[w.length][w[0].length];
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < w[r].length; c++) {
        double v = w[r][c];
        for (WeightConstraint k : constraints.get(name)) {
          if (k instanceof WeightConstraint.Mask m) {
            v *= m.mask()[r][c];
          } else if (k instanceof WeightConstraint.NoAutapses && r == c) {
            v = 0;
          } else if (k instanceof WeightConstraint.Dale d) {
            v = Math.abs(v) * (d.excitatory(c) ? 1 : -1);
          }
        }
        e[r][c] = v;
      }
    }
    return e;
  }

  private boolean fixed(String name, int r, int c) {
    for (WeightConstraint k : constraints.get(name)) {
      if (k instanceof WeightConstraint.Fixed f && f.isFixed(r, c)) {
        return true;
      }
    }
    return false;
  }

  /** The training noise seed of the network's first computeGradients call, as {@link Network} draws it. */
  private long firstNoiseSeed() {
    return new SplittableRandom(Layer.sequenceSeed(seed, -1, -1)).nextLong();
  }

  /** Outputs y[t][b][o] from the initial state; fills {@link #rates}. */
  double[][][] outputs(Batch batch) {
    int steps = batch.seqLen();
    int size = batch.batchSize();
    long noiseSeed = firstNoiseSeed();
    double[][] wOut = effective("W_out");
    double[] bOut = raw.get("b_out")[0];
    double[][][] y = new double[steps][size][wOut.length];
    rates = new double[cells.size()][steps][size][];
    for (int b = 0; b < size; b++) {
      SplittableRandom inputNoise = new SplittableRandom(Layer.sequenceSeed(noiseSeed, 0, b));
      SplittableRandom[] cellNoise = new SplittableRandom[cells.size()];
      double[][] state = new double[cells.size()][];
      double[][] rate = new double[cells.size()][];
      double[][] synX = new double[cells.size()][];
      double[][] synU = new double[cells.size()][];
      for (int m = 0; m < cells.size(); m++) {
        int h = raw.get(cells.get(m).prefix() + "W_rec").length;
        state[m] = new double[h];
        rate[m] = new double[h];
        // The STATE form reads its rates through f from x = 0.
        Arrays.fill(rate[m], cells.get(m).placement() == ReluPlacement.STATE ? cells.get(m).f().apply(0) : 0);
        synX[m] = new double[h];
        synU[m] = new double[h];
        ShortTermPlasticity stp = cells.get(m).stp();
        for (int j = 0; j < h && stp != null; j++) {
          synX[m][j] = 1;
          synU[m][j] = stp.synapse(j).u();
        }
        cellNoise[m] = new SplittableRandom(Layer.sequenceSeed(Layer.sequenceSeed(noiseSeed, m + 1, -1), 0, b));
      }
      for (int t = 0; t < steps; t++) {
        double[] input = new double[batch.inputSize()];
        for (int i = 0; i < input.length; i++) {
          input[i] = batch.input(t, b, i) + (noise && sigmaIn > 0 ? sigmaIn * inputNoise.nextGaussian() : 0);
        }
        for (int m = 0; m < cells.size(); m++) {
          Cell cell = cells.get(m);
          double[][] wIn = effective(cell.prefix() + "W_in");
          double[] bIn = raw.get(cell.prefix() + "b_in")[0];
          double[][] wRec = effective(cell.prefix() + "W_rec");
          double[] bRec = raw.get(cell.prefix() + "b_rec")[0];
          int h = wRec.length;
          double[] e = presynaptic(cell, rate[m], synX[m], synU[m]);
          double[] nextState = new double[h];
          double[] nextRate = new double[h];
          double a = cell.alpha();
          for (int j = 0; j < h; j++) {
            double drive = bIn[j] + bRec[j];
            for (int i = 0; i < input.length; i++) {
              drive += wIn[j][i] * input[i];
            }
            for (int k = 0; k < h; k++) {
              drive += wRec[j][k] * e[k];
            }
            if (noise && cell.sigmaRec() > 0) {
              drive += Math.sqrt(2 / a) * cell.sigmaRec() * cellNoise[m].nextGaussian();
            }
            switch (cell.placement()) {
              case INSIDE -> nextState[j] = (1 - a) * state[m][j] + a * cell.f().apply(drive);
              case OUTSIDE -> nextState[j] = cell.f().apply((1 - a) * state[m][j] + a * drive);
              case STATE -> nextState[j] = (1 - a) * state[m][j] + a * drive;
            }
            nextRate[j] = cell.placement() == ReluPlacement.STATE ? cell.f().apply(nextState[j]) : nextState[j];
          }
          state[m] = nextState;
          rate[m] = nextRate;
          rates[m][t][b] = nextRate;
          input = nextRate;
        }
        for (int o = 0; o < wOut.length; o++) {
          double v = bOut[o];
          for (int j = 0; j < wOut[o].length; j++) {
            v += wOut[o][j] * input[j];
          }
          y[t][b][o] = v;
        }
      }
    }
    return y;
  }

  /** e = r, or with plasticity the updated x, u (in place) and e = u·x·r, as {@link ShortTermPlasticity} says. */
  private static double[] presynaptic(Cell cell, double[] r, double[] x, double[] u) {
    ShortTermPlasticity stp = cell.stp();
    if (stp == null) {
      return r.clone();
    }
    double dts = cell.dtMs() / 1000;
    double[] e = new double[r.length];
    for (int j = 0; j < r.length; j++) {
      ShortTermPlasticity.Synapse s = stp.synapse(j);
      double xn = x[j] + cell.dtMs() / s.tauXMs() * (1 - x[j]) - dts * u[j] * x[j] * r[j];
      double un = u[j] + cell.dtMs() / s.tauUMs() * (s.u() - u[j]) + dts * s.u() * (1 - u[j]) * r[j];
      x[j] = Math.min(1, Math.max(0, xn));
      u[j] = Math.min(1, Math.max(0, un));
      e[j] = u[j] * x[j] * r[j];
    }
    return e;
  }

  /**
   * The loss {@code Σ w·ℓ / Σ w} (see {@link GradientCheck#meanLoss}) plus {@code rateL2 · mean r²} over every cell's
   * rates.
   */
  double loss(Batch batch, double rateL2) {
    double task = GradientCheck.meanLoss(outputs(batch), batch);
    double penalty = 0;
    for (double[][][] cell : rates) {
      double sq = 0;
      int count = 0;
      for (double[][] step : cell) {
        for (double[] row : step) {
          for (double r : row) {
            sq += r * r;
            count++;
          }
        }
      }
      penalty += rateL2 * sq / count;
    }
    return task + penalty;
  }

  /**
   * Asserts that every gradient {@code net} computed matches this reference's central finite differences with
   * respect to the raw parameter values (0 for fixed entries), and that each parameter's gradient is large enough
   * for the comparison to mean something.
   */
  void assertGradientsMatch(RecurrentNetwork net, Batch batch, double rateL2) {
    // float32 BPTT agrees with double-precision differences to about 1e-7 of the largest gradient.
    GradientCheck.assertMatches(net, raw, () -> loss(batch, rateL2), this::fixed, 1e-6, 1e-5);
  }

  /** Asserts that {@code outputs}, flat (time, batch, outputs), match this reference's outputs on {@code batch}. */
  void assertOutputsMatch(float[] outputs, Batch batch) {
    double[][][] expected = outputs(batch);
    int n = 0;
    for (int t = 0; t < expected.length; t++) {
      for (int b = 0; b < expected[t].length; b++) {
        for (int o = 0; o < expected[t][b].length; o++, n++) {
          assertEquals(expected[t][b][o], outputs[n], 1e-5, "output " + t + "," + b + "," + o);
        }
      }
    }
  }

  /** Runs the network's BPTT on {@code batch} and checks its loss and every gradient against this reference. */
  static void assertBackpropMatches(CtrnnNetwork net, Batch batch, double rateL2) {
    BatchResult result = net.computeGradients(batch, rateL2);
    ReferenceNetwork ref = of(net, true);
    assertEquals(ref.loss(batch, rateL2), result.loss() + result.ratePenalty(), 1e-5, "loss");
    ref.assertGradientsMatch(net, batch, rateL2);
  }

  /** Multiplies every parameter by {@code factor}, so many units switch on and off and checks cover both branches. */
  static void scaleParameters(RecurrentNetwork net, float factor) {
    for (Parameter p : net.parameters()) {
      for (float[] row : p.values()) {
        for (int c = 0; c < row.length; c++) {
          row[c] *= factor;
        }
      }
      p.enforceConstraints();
    }
  }

  /** A batch of random inputs in [−1, 1.5) and random labels, with random weights in [0, 2) if {@code weighted}. */
  static Batch randomBatch(int steps, int size, int inputs, int outputs, boolean weighted, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] in = new float[steps * size * inputs];
    int[] targets = new int[steps * size];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) rng.nextDouble(-1, 1.5);
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] = rng.nextInt(outputs);
    }
    Batch batch = Batch.of(steps, size, inputs, in, targets);
    return weighted ? batch.withWeights(randomWeights(steps * size, rng)) : batch;
  }

  /** A batch of random inputs and float targets in [−1, 1), with random weights if {@code weighted}. */
  static Batch randomValueBatch(int steps, int size, int inputs, int outputs, boolean weighted, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] in = new float[steps * size * inputs];
    float[] targets = new float[steps * size * outputs];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) rng.nextDouble(-1, 1.5);
    }
    for (int i = 0; i < targets.length; i++) {
      targets[i] = (float) rng.nextDouble(-1, 1);
    }
    Batch batch = Batch.ofValues(steps, size, inputs, in, outputs, targets);
    return weighted ? batch.withWeights(randomWeights(targets.length, rng)) : batch;
  }

  /** Weights in [0, 2), about a quarter of them exactly 0 (masked out). */
  private static float[] randomWeights(int n, SplittableRandom rng) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = rng.nextInt(4) == 0 ? 0f : (float) rng.nextDouble(0, 2);
    }
    return w;
  }
}
