package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine behind {@link Ctrnn} (one module) and {@link HierarchicalCtrnn} (several): CTRNN modules in sequence
 * within each time step and a linear readout, with their parameters, forward pass and backpropagation through time.
 *
 * <p>The work is plain Java over {@code float[]} rows. Module m's extended row {@code z[m][n] = [hᵐ_{t−1}, input_t, 1]}
 * (row n = t·batch + b) gives its drive in one product and the gradients of W_rec, W_in and the biases in one more;
 * rates and their gradients are about half exact zeros (silent ReLU units), and the products skip them. Training
 * splits each batch into {@link #PARTS} fixed partitions, one per core on the 2-core machines we target, whose
 * gradients are summed in partition order, so results are bit-identical whatever the number of cores.
 */
final class CtrnnStack {
  /** Fixed batch partitions for training: gradients do not depend on the number of cores. */
  private static final int PARTS = 2;

  private final int inputSize;
  private final int[] hiddenSizes;
  private final int outputSize;
  private final ReluPlacement reluPlacement;
  private final float alpha;
  private final int modules;
  /** Per module: the number of inputs it reads (the network's for module 1, module m−1's units after). */
  private final int[] moduleInputs;
  private final Parameter[] wIn;
  private final Parameter[] bIn;
  private final Parameter[] wRec;
  private final Parameter[] bRec;
  private final Parameter wOut;
  private final Parameter bOut;
  private final List<Parameter> parameters;
  private @Nullable Workspace workspace;

  /**
   * Modules of {@code hiddenSizes} units with PyTorch's {@code nn.Linear} initialisation, U(−1/√fan_in, 1/√fan_in),
   * drawn from {@code seed} in parameter order. Parameter names get a {@code m1.}, {@code m2.}, … prefix when
   * {@code prefixModules}.
   */
  CtrnnStack(int inputSize, int[] hiddenSizes, int outputSize, double alpha, ReluPlacement reluPlacement, long seed,
      boolean prefixModules) {
    this.inputSize = inputSize;
    this.hiddenSizes = hiddenSizes.clone();
    this.outputSize = outputSize;
    this.reluPlacement = reluPlacement;
    this.alpha = (float) alpha;
    this.modules = hiddenSizes.length;
    this.moduleInputs = new int[modules];
    this.wIn = new Parameter[modules];
    this.bIn = new Parameter[modules];
    this.wRec = new Parameter[modules];
    this.bRec = new Parameter[modules];
    List<Parameter> all = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int m = 0; m < modules; m++) {
      int in = m == 0 ? inputSize : hiddenSizes[m - 1];
      int h = hiddenSizes[m];
      String prefix = prefixModules ? "m" + (m + 1) + "." : "";
      moduleInputs[m] = in;
      wIn[m] = new Parameter(prefix + "W_in", h, in, false);
      bIn[m] = new Parameter(prefix + "b_in", 1, h, true);
      wRec[m] = new Parameter(prefix + "W_rec", h, h, false);
      bRec[m] = new Parameter(prefix + "b_rec", 1, h, true);
      initUniform(wIn[m], in, rng);
      initUniform(bIn[m], in, rng);
      initUniform(wRec[m], h, rng);
      initUniform(bRec[m], h, rng);
      all.addAll(List.of(wIn[m], bIn[m], wRec[m], bRec[m]));
    }
    int last = hiddenSizes[modules - 1];
    this.wOut = new Parameter("W_out", outputSize, last, false);
    this.bOut = new Parameter("b_out", 1, outputSize, true);
    initUniform(wOut, last, rng);
    initUniform(bOut, last, rng);
    all.add(wOut);
    all.add(bOut);
    this.parameters = List.copyOf(all);
  }

  private static void initUniform(Parameter p, int fanIn, SplittableRandom rng) {
    double bound = 1 / Math.sqrt(fanIn);
    for (float[] row : p.values()) {
      for (int c = 0; c < row.length; c++) {
        row[c] = (float) rng.nextDouble(-bound, bound);
      }
    }
  }

  List<Parameter> parameters() {
    return parameters;
  }

  /** Module m's (from 0) W_in, b_in, W_rec and b_rec. */
  List<Parameter> moduleParameters(int m) {
    return List.of(wIn[m], bIn[m], wRec[m], bRec[m]);
  }

  /** Overwrites every parameter's values and frozen flag with {@code other}'s, which has the same shapes. */
  void copyValuesFrom(CtrnnStack other) {
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).copyValuesFrom(other.parameters.get(i));
    }
  }

  /** Runs the stack; the rollout's hidden activity is module {@code reported}'s (from 0). */
  Rollout forward(INDArray inputs, int reported) {
    Workspace w = runForward(inputs);
    return new Rollout(toArray(w.y, 0, w.steps, w.batch, outputSize), activity(w, reported));
  }

  /** Runs the stack and returns every module's activity, first to last. */
  List<INDArray> forwardModules(INDArray inputs) {
    Workspace w = runForward(inputs);
    List<INDArray> out = new ArrayList<>(modules);
    for (int m = 0; m < modules; m++) {
      out.add(activity(w, m));
    }
    return out;
  }

  private Workspace runForward(INDArray inputs) {
    long[] s = inputs.shape();
    if (s.length != 3 || s[2] != inputSize || s[0] <= 0 || s[1] <= 0) {
      throw new IllegalArgumentException("inputs must have shape (time, batch, " + inputSize + ") for a network with "
          + inputSize + " inputs; got " + Arrays.toString(s));
    }
    int steps = (int) s[0];
    int batch = (int) s[1];
    Workspace w = workspace(steps, batch);
    float[] flat = inputs.castTo(DataType.FLOAT).dup('c').data().asFloat();
    float[][] z0 = w.z[0];
    int h0 = hiddenSizes[0];
    for (int n = 0; n < w.rows; n++) {
      System.arraycopy(flat, n * inputSize, z0[n], h0, inputSize);
    }
    prepare(w);
    Parallel.forRange(batch, (b0, b1) -> forwardRange(w, b0, b1, null));
    return w;
  }

  private INDArray activity(Workspace w, int m) {
    return toArray(w.z[m], w.batch, w.steps, w.batch, hiddenSizes[m]);
  }

  /** Sets every parameter's gradient of the mean cross-entropy over {@code batch} (BPTT). */
  BatchResult computeGradients(Batch batch) {
    if (batch.inputSize() != inputSize) {
      throw new IllegalArgumentException("batch has " + batch.inputSize() + " input channels but the network expects "
          + "inputSize = " + inputSize);
    }
    int steps = batch.seqLen();
    int size = batch.batchSize();
    Workspace w = workspace(steps, size);
    int h0 = hiddenSizes[0];
    for (int t = 0; t < steps; t++) {
      for (int b = 0; b < size; b++) {
        float[] z = w.z[0][t * size + b];
        for (int i = 0; i < inputSize; i++) {
          z[h0 + i] = batch.input(t, b, i);
        }
        w.targets[t * size + b] = batch.target(t, b);
      }
    }
    prepare(w);
    Parallel.forEach(PARTS, part -> {
      int b0 = size * part / PARTS;
      int b1 = size * (part + 1) / PARTS;
      forwardRange(w, b0, b1, w.targets);
      backwardRange(w, b0, b1, w.partials[part]);
    });
    sumPartials(w);
    return w.result();
  }

  /** Copies each module's weights into the transposed, extended layout {@code [W_rec | W_in | b]ᵀ} the forward pass reads. */
  private void prepare(Workspace w) {
    for (int m = 0; m < modules; m++) {
      int h = hiddenSizes[m];
      int in = moduleInputs[m];
      float[][] wt = w.weightsT[m];
      float[][] win = wIn[m].values();
      float[][] wrec = wRec[m].values();
      float[] bi = bIn[m].values()[0];
      float[] br = bRec[m].values()[0];
      float[] bias = wt[h + in];
      for (int j = 0; j < h; j++) {
        for (int k = 0; k < h; k++) {
          wt[k][j] = wrec[j][k];
        }
        for (int i = 0; i < in; i++) {
          wt[h + i][j] = win[j][i];
        }
        bias[j] = bi[j] + br[j];
      }
    }
  }

  /**
   * Forward pass for sequences {@code [b0, b1)}. Module m's extended row {@code z[m][n] = [hᵐ_{t−1}, input, 1]} gives
   * its drive in one product; its new rates go to {@code z[m][n + batch]} and into module m+1's row of the same step.
   */
  private void forwardRange(Workspace w, int b0, int b1, int @Nullable [] targets) {
    int size = w.batch;
    float a = alpha;
    float leak = 1 - a;
    float[][] out = wOut.values();
    float[] bo = bOut.values()[0];
    float[] prob = new float[outputSize];
    int[] index = new int[w.maxWidth];
    int hLast = hiddenSizes[modules - 1];
    boolean inside = reluPlacement == ReluPlacement.INSIDE;
    for (int t = 0; t < w.steps; t++) {
      for (int b = b0; b < b1; b++) {
        int n = t * size + b;
        for (int m = 0; m < modules; m++) {
          int h = hiddenSizes[m];
          float[] pre = w.pre[m][n];
          float[] z = w.z[m][n];
          float[] hn = w.z[m][n + size];
          Arrays.fill(pre, 0f);
          // Rates are often zero (ReLU), and at t = 0 the whole recurrent part is.
          Kernels.addScaledRowsSparse(pre, z, w.weightsT[m], w.width[m], h, index);
          if (inside) {
            for (int j = 0; j < h; j++) {
              hn[j] = leak * z[j] + a * Math.max(pre[j], 0f);
            }
          } else {
            for (int j = 0; j < h; j++) {
              hn[j] = Math.max(leak * z[j] + a * pre[j], 0f);
            }
          }
          if (m + 1 < modules) {
            System.arraycopy(hn, 0, w.z[m + 1][n], hiddenSizes[m + 1], h);
          }
        }
        float[] hn = w.z[modules - 1][n + size];
        float[] y = w.y[n];
        for (int o = 0; o < outputSize; o++) {
          y[o] = bo[o] + Kernels.dot(out[o], hn, hLast);
        }
        if (targets != null) {
          lossTerm(w, n, targets[n], prob);
        }
      }
    }
  }

  /** Cross-entropy of step {@code n} and its gradient with respect to the readout, for a mean over all steps. */
  private void lossTerm(Workspace w, int n, int target, float[] prob) {
    float[] y = w.y[n];
    if (target < 0 || target >= outputSize) {
      throw new IllegalArgumentException("target label " + target + " is outside 0.." + (outputSize - 1)
          + " for a network with " + outputSize + " outputs");
    }
    int best = 0;
    float max = y[0];
    for (int o = 1; o < outputSize; o++) {
      if (y[o] > max) {
        max = y[o];
        best = o;
      }
    }
    double sum = 0;
    for (int o = 0; o < outputSize; o++) {
      prob[o] = (float) Math.exp(y[o] - max);
      sum += prob[o];
    }
    w.loss[n] = max + Math.log(sum) - y[target];
    w.correct[n] = best == target;
    float scale = (float) (1 / (sum * w.rows));
    float[] dy = w.dy[n];
    for (int o = 0; o < outputSize; o++) {
      dy[o] = prob[o] * scale;
    }
    dy[target] -= 1f / w.rows;
  }

  /**
   * Backpropagation through time and through the modules for sequences {@code [b0, b1)}, accumulating weight
   * gradients into {@code g}. At step t the last module's rate gradient is its carry from t+1 plus the readout's;
   * going down the stack, module m's drive gradient {@code dpreᵐ} gives module m−1's rate gradient at the same step
   * ({@code carryᵐ⁻¹ + Wᵐ_inᵀ·dpreᵐ}) and module m's carry to t−1 ({@code leak term + Wᵐ_recᵀ·dpreᵐ}).
   */
  private void backwardRange(Workspace w, int b0, int b1, Partial g) {
    int size = w.batch;
    int count = b1 - b0;
    float a = alpha;
    float leak = 1 - a;
    boolean inside = reluPlacement == ReluPlacement.INSIDE;
    int leakAll = inside ? -1 : 0;
    float[][] out = wOut.values();
    int maxHidden = Arrays.stream(hiddenSizes).max().orElseThrow();
    float[][][] carry = new float[modules][count][];
    float[][][] dpreT = new float[modules][][];
    float[][][] zRows = new float[modules][count][];
    for (int m = 0; m < modules; m++) {
      for (int i = 0; i < count; i++) {
        carry[m][i] = new float[hiddenSizes[m]];
      }
      dpreT[m] = new float[hiddenSizes[m]][count];
    }
    float[] dh = new float[maxHidden];
    float[] dpre = new float[maxHidden];
    int[] active = new int[Math.max(maxHidden, count)];
    float[][] dyT = new float[outputSize][count];
    float[][] hRows = new float[count][];
    int hLast = hiddenSizes[modules - 1];
    g.clear();
    for (int t = w.steps - 1; t >= 0; t--) {
      for (int b = b0; b < b1; b++) {
        int i = b - b0;
        int n = t * size + b;
        float[] dy = w.dy[n];
        System.arraycopy(carry[modules - 1][i], 0, dh, 0, hLast);
        Kernels.addScaledRows(dh, dy, out, outputSize, hLast);
        for (int m = modules - 1; m >= 0; m--) {
          int h = hiddenSizes[m];
          float[] c = carry[m][i];
          float[] gate = inside ? w.pre[m][n] : w.z[m][n + size];
          // Integer masks keep the ReLU's coin-flip branches out of the loop, as in Ctrnn.
          for (int j = 0; j < h; j++) {
            int on = Float.floatToRawIntBits(gate[j]) > 0 ? -1 : 0;
            int bits = Float.floatToRawIntBits(dh[j]);
            c[j] = leak * Float.intBitsToFloat(bits & (on | leakAll));
            dpre[j] = a * Float.intBitsToFloat(bits & on);
          }
          int active1 = 0;
          for (int j = 0; j < h; j++) {
            active[active1] = j;
            active1 += dpre[j] != 0f ? 1 : 0;
          }
          float[][] dpreTm = dpreT[m];
          for (int j = 0; j < h; j++) {
            dpreTm[j][i] = dpre[j];
          }
          if (t > 0) {
            Kernels.addScaledRowsAt(c, dpre, wRec[m].values(), active, active1, h);
          }
          if (m > 0) {
            int below = hiddenSizes[m - 1];
            System.arraycopy(carry[m - 1][i], 0, dh, 0, below);
            Kernels.addScaledRowsAt(dh, dpre, wIn[m].values(), active, active1, below);
          }
          zRows[m][i] = w.z[m][n];
        }
        for (int o = 0; o < outputSize; o++) {
          dyT[o][i] = dy[o];
        }
        hRows[i] = w.z[modules - 1][n + size];
      }
      for (int m = 0; m < modules; m++) {
        float[][] stacked = g.stacked[m];
        for (int j = 0; j < hiddenSizes[m]; j++) {
          Kernels.addScaledRowsSparse(stacked[j], dpreT[m][j], zRows[m], count, w.width[m], active);
        }
      }
      for (int o = 0; o < outputSize; o++) {
        Kernels.addScaledRows(g.readout[o], dyT[o], hRows, count, hLast);
        for (int i = 0; i < count; i++) {
          g.readoutBias[o] += dyT[o][i];
        }
      }
    }
  }

  /** Sums the partitions' gradients, in partition order, into the parameters. */
  private void sumPartials(Workspace w) {
    for (Parameter p : parameters) {
      p.zeroGradients();
    }
    for (Partial g : w.partials) {
      for (int m = 0; m < modules; m++) {
        int h = hiddenSizes[m];
        int in = moduleInputs[m];
        float[][] gRecAll = wRec[m].gradients();
        float[][] gInAll = wIn[m].gradients();
        float[] gbIn = bIn[m].gradients()[0];
        float[] gbRec = bRec[m].gradients()[0];
        for (int j = 0; j < h; j++) {
          float[] row = g.stacked[m][j];
          float[] gRec = gRecAll[j];
          float[] gIn = gInAll[j];
          for (int k = 0; k < h; k++) {
            gRec[k] += row[k];
          }
          for (int i = 0; i < in; i++) {
            gIn[i] += row[h + i];
          }
          gbIn[j] += row[h + in];
          gbRec[j] += row[h + in];
        }
      }
      int hLast = hiddenSizes[modules - 1];
      for (int o = 0; o < outputSize; o++) {
        float[] gOut = wOut.gradients()[o];
        for (int k = 0; k < hLast; k++) {
          gOut[k] += g.readout[o][k];
        }
        bOut.gradients()[0][o] += g.readoutBias[o];
      }
    }
  }

  private Workspace workspace(int steps, int batch) {
    @Nullable Workspace w = workspace;
    if (w == null || w.steps != steps || w.batch != batch) {
      w = new Workspace(steps, batch);
      workspace = w;
    }
    return w;
  }

  /** Rows {@code [first, first + steps·batch)} of {@code rows}, first {@code width} columns, as (time, batch, width). */
  private static INDArray toArray(float[][] rows, int first, int steps, int batch, int width) {
    int count = steps * batch;
    float[] flat = new float[count * width];
    for (int n = 0; n < count; n++) {
      System.arraycopy(rows[first + n], 0, flat, n * width, width);
    }
    return Nd4j.create(flat, new long[] {steps, batch, width}, 'c');
  }

  static int requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0; got " + value);
    }
    return value;
  }

  static double requireMs(String name, double ms) {
    if (!(ms > 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException(name + " must be a finite number of ms > 0; got " + ms);
    }
    return ms;
  }

  /** α = dt/τ, which must be at most 1. */
  static double alpha(double dtMs, double tauMs) {
    if (dtMs > tauMs) {
      throw new IllegalArgumentException("dtMs (" + dtMs + ") must not exceed tauMs (" + tauMs
          + "): α = dt/τ must be at most 1");
    }
    return dtMs / tauMs;
  }

  /**
   * Work arrays for one (steps, batch) shape; row n = t·batch + b. Per module m, {@code z[m][n] = [hᵐ_{t−1}, input_t,
   * 1]} and {@code z[m][n + batch]} starts with hᵐ_t.
   */
  private final class Workspace {
    final int steps;
    final int batch;
    final int rows;
    final int[] width;
    final int maxWidth;
    final float[][][] z;
    final float[][][] pre;
    final float[][][] weightsT;
    final float[][] y;
    final int[] targets;
    final double[] loss;
    final boolean[] correct;
    final float[][] dy;
    final Partial[] partials;

    Workspace(int steps, int batch) {
      this.steps = steps;
      this.batch = batch;
      this.rows = steps * batch;
      this.width = new int[modules];
      this.z = new float[modules][][];
      this.pre = new float[modules][][];
      this.weightsT = new float[modules][][];
      int widest = 0;
      for (int m = 0; m < modules; m++) {
        int h = hiddenSizes[m];
        width[m] = h + moduleInputs[m] + 1;
        widest = Math.max(widest, width[m]);
        z[m] = new float[rows + batch][width[m]];
        for (int n = 0; n < rows; n++) {
          z[m][n][width[m] - 1] = 1f;
        }
        pre[m] = new float[rows][h];
        weightsT[m] = new float[width[m]][h];
      }
      this.maxWidth = widest;
      this.y = new float[rows][outputSize];
      this.targets = new int[rows];
      this.loss = new double[rows];
      this.correct = new boolean[rows];
      this.dy = new float[rows][outputSize];
      this.partials = new Partial[PARTS];
      for (int p = 0; p < partials.length; p++) {
        partials[p] = new Partial(width);
      }
    }

    BatchResult result() {
      double sum = 0;
      int right = 0;
      int decisions = 0;
      int rightDecisions = 0;
      for (int n = 0; n < rows; n++) {
        sum += loss[n];
        if (correct[n]) {
          right++;
        }
        if (targets[n] > 0) {
          decisions++;
          if (correct[n]) {
            rightDecisions++;
          }
        }
      }
      double decisionAccuracy = decisions == 0 ? Double.NaN : (double) rightDecisions / decisions;
      return new BatchResult(sum / rows, (double) right / rows, decisionAccuracy);
    }
  }

  /** Weight gradients of one batch partition: per module the stacked {@code [W_rec | W_in | b]}, then the readout. */
  private final class Partial {
    final float[][][] stacked;
    final float[][] readout;
    final float[] readoutBias;

    Partial(int[] width) {
      stacked = new float[modules][][];
      for (int m = 0; m < modules; m++) {
        stacked[m] = new float[hiddenSizes[m]][width[m]];
      }
      readout = new float[outputSize][hiddenSizes[modules - 1]];
      readoutBias = new float[outputSize];
    }

    void clear() {
      for (float[][] s : stacked) {
        for (float[] row : s) {
          Arrays.fill(row, 0f);
        }
      }
      for (float[] row : readout) {
        Arrays.fill(row, 0f);
      }
      Arrays.fill(readoutBias, 0f);
    }
  }
}
