package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.task.Task;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.jspecify.annotations.Nullable;

/**
 * A continuous-time RNN with a linear readout: the tutorial's {@code RNNNet}.
 *
 * <p>With α = dt/τ, each step updates the hidden rates by (the tutorial's current form, {@link ReluPlacement#INSIDE})
 *
 * <pre>h ← (1−α)·h + α·relu(W_in·x + b_in + W_rec·h + b_rec),    y = W_out·h + b_out</pre>
 *
 * <p>or, with {@link ReluPlacement#OUTSIDE}, {@code h ← relu((1−α)·h + α·(W_in·x + b_in + W_rec·h + b_rec))}. The
 * hidden state starts at 0 for every sequence. Weights and biases start as PyTorch's {@code nn.Linear} does:
 * U(−1/√fan_in, 1/√fan_in), fan_in = inputs for W_in and b_in, hidden for the others, drawn from {@code seed}.
 *
 * <p>τ is honoured. The tutorial's {@code CTRNN} fixes τ = 100 ms and silently ignores a {@code tau} argument, so its
 * exercise 1 compares two identical networks; here {@code tauMs(40)} gives α = dt/40.
 *
 * <p>Parameters are named {@code W_in}, {@code b_in}, {@code W_rec}, {@code b_rec}, {@code W_out} and {@code b_out}.
 * Not thread-safe: it keeps work arrays between calls.
 */
public final class Ctrnn implements RecurrentNetwork {
  private final int inputSize;
  private final int hiddenSize;
  private final int outputSize;
  private final double dtMs;
  private final double tauMs;
  private final ReluPlacement reluPlacement;
  private final float alpha;
  private final Parameter wIn;
  private final Parameter bIn;
  private final Parameter wRec;
  private final Parameter bRec;
  private final Parameter wOut;
  private final Parameter bOut;
  private final List<Parameter> parameters;
  /**
   * Training splits each batch into this many fixed partitions, one per core on the 2-core machines we target, so
   * gradients are summed in the same order whatever the number of cores.
   */
  private static final int PARTS = 2;

  private @Nullable Workspace workspace;

  private Ctrnn(Builder b) {
    this.inputSize = b.inputSize;
    this.hiddenSize = b.hiddenSize;
    this.outputSize = b.outputSize;
    this.dtMs = b.dtMs;
    this.tauMs = b.tauMs;
    this.reluPlacement = b.reluPlacement;
    this.alpha = (float) (dtMs / tauMs);
    this.wIn = new Parameter("W_in", hiddenSize, inputSize, false);
    this.bIn = new Parameter("b_in", 1, hiddenSize, true);
    this.wRec = new Parameter("W_rec", hiddenSize, hiddenSize, false);
    this.bRec = new Parameter("b_rec", 1, hiddenSize, true);
    this.wOut = new Parameter("W_out", outputSize, hiddenSize, false);
    this.bOut = new Parameter("b_out", 1, outputSize, true);
    this.parameters = List.of(wIn, bIn, wRec, bRec, wOut, bOut);
    SplittableRandom rng = new SplittableRandom(b.seed);
    initUniform(wIn, inputSize, rng);
    initUniform(bIn, inputSize, rng);
    initUniform(wRec, hiddenSize, rng);
    initUniform(bRec, hiddenSize, rng);
    initUniform(wOut, hiddenSize, rng);
    initUniform(bOut, hiddenSize, rng);
  }

  /** A builder; input, hidden and output sizes are required, or use {@link #forTask}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A network sized for {@code task} (its inputs, outputs and dt) with {@code hiddenSize} units and τ = 100 ms. */
  public static Ctrnn forTask(Task task, int hiddenSize, long seed) {
    return builder().forTask(task).hiddenSize(hiddenSize).seed(seed).build();
  }

  private static void initUniform(Parameter p, int fanIn, SplittableRandom rng) {
    double bound = 1 / Math.sqrt(fanIn);
    for (float[] row : p.values()) {
      for (int c = 0; c < row.length; c++) {
        row[c] = (float) (rng.nextDouble(-bound, bound));
      }
    }
  }

  /** An independent copy with the same settings and parameter values. */
  public Ctrnn copy() {
    Ctrnn c = builder().inputSize(inputSize).hiddenSize(hiddenSize).outputSize(outputSize).dtMs(dtMs).tauMs(tauMs)
        .reluPlacement(reluPlacement).build();
    for (int i = 0; i < parameters.size(); i++) {
      c.parameters.get(i).copyValuesFrom(parameters.get(i));
    }
    return c;
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  /** The number of hidden units. */
  public int hiddenSize() {
    return hiddenSize;
  }

  @Override
  public int outputSize() {
    return outputSize;
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  /** The time constant in ms. */
  public double tauMs() {
    return tauMs;
  }

  /** α = dt/τ, the fraction of the way the rates move toward their drive in one step. */
  public double alpha() {
    return alpha;
  }

  /** Where the ReLU sits relative to the leak. */
  public ReluPlacement reluPlacement() {
    return reluPlacement;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public Rollout forward(INDArray inputs) {
    long[] s = inputs.shape();
    if (s.length != 3 || s[2] != inputSize || s[0] <= 0 || s[1] <= 0) {
      throw new IllegalArgumentException("inputs must have shape (time, batch, " + inputSize + ") for a network with "
          + inputSize + " inputs; got " + Arrays.toString(s));
    }
    int steps = (int) s[0];
    int batch = (int) s[1];
    Workspace w = workspace(steps, batch);
    float[] flat = inputs.castTo(DataType.FLOAT).dup('c').data().asFloat();
    for (int n = 0; n < w.rows; n++) {
      System.arraycopy(flat, n * inputSize, w.z[n], hiddenSize, inputSize);
    }
    prepare(w);
    Parallel.forRange(batch, (b0, b1) -> forwardRange(w, b0, b1, null));
    float[] hidden = new float[w.rows * hiddenSize];
    for (int n = 0; n < w.rows; n++) {
      System.arraycopy(w.z[n + batch], 0, hidden, n * hiddenSize, hiddenSize);
    }
    return new Rollout(toArray(w.y, steps, batch, outputSize),
        Nd4j.create(hidden, new long[] {steps, batch, hiddenSize}, 'c'));
  }

  @Override
  public BatchResult computeGradients(Batch batch) {
    if (batch.inputSize() != inputSize) {
      throw new IllegalArgumentException("batch has " + batch.inputSize() + " input channels but the network expects "
          + "inputSize = " + inputSize);
    }
    int steps = batch.seqLen();
    int size = batch.batchSize();
    Workspace w = workspace(steps, size);
    for (int t = 0; t < steps; t++) {
      for (int b = 0; b < size; b++) {
        float[] z = w.z[t * size + b];
        for (int i = 0; i < inputSize; i++) {
          z[hiddenSize + i] = batch.input(t, b, i);
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

  /** Copies the weights into the transposed, extended layout the forward pass reads. */
  private void prepare(Workspace w) {
    float[][] wIn = this.wIn.values();
    float[][] wRec = this.wRec.values();
    float[] bi = bIn.values()[0];
    float[] br = bRec.values()[0];
    float[] bias = w.weightsT[hiddenSize + inputSize];
    for (int j = 0; j < hiddenSize; j++) {
      for (int k = 0; k < hiddenSize; k++) {
        w.weightsT[k][j] = wRec[j][k];
      }
      for (int i = 0; i < inputSize; i++) {
        w.weightsT[hiddenSize + i][j] = wIn[j][i];
      }
      bias[j] = bi[j] + br[j];
    }
  }

  /**
   * Forward pass for sequences {@code [b0, b1)}: the drive is {@code Σ_k z[n][k] · weightsT[k]} over the extended
   * row {@code z[n] = [h_{t−1}, x_t, 1]}; the new rates go to the next step's row. With targets, also the loss terms
   * and output gradients.
   */
  private void forwardRange(Workspace w, int b0, int b1, int @Nullable [] targets) {
    int size = w.batch;
    int h = hiddenSize;
    int e = w.width;
    float a = alpha;
    float leak = 1 - a;
    float[][] out = wOut.values();
    float[] bo = bOut.values()[0];
    float[] prob = new float[outputSize];
    int[] index = new int[e];
    for (int t = 0; t < w.steps; t++) {
      for (int b = b0; b < b1; b++) {
        int n = t * size + b;
        float[] pre = w.pre[n];
        float[] z = w.z[n];
        float[] hn = w.z[n + size];
        Arrays.fill(pre, 0f);
        // Silent units (rate exactly 0, often half of them) contribute nothing to the drive.
        Kernels.addScaledRowsSparse(pre, z, w.weightsT, e, h, index);
        if (reluPlacement == ReluPlacement.INSIDE) {
          for (int j = 0; j < h; j++) {
            hn[j] = leak * z[j] + a * Math.max(pre[j], 0f);
          }
        } else {
          for (int j = 0; j < h; j++) {
            hn[j] = Math.max(leak * z[j] + a * pre[j], 0f);
          }
        }
        float[] y = w.y[n];
        for (int o = 0; o < outputSize; o++) {
          y[o] = bo[o] + Kernels.dot(out[o], hn, h);
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
   * Backpropagation through time for sequences {@code [b0, b1)}, accumulating their weight gradients into
   * {@code g}: per step, the stacked {@code [W_rec | W_in | b]} gradient gains {@code Σ_b dpre_b ⊗ z_b} and
   * {@code W_out} gains {@code Σ_b dy_b ⊗ h_b}.
   */
  private void backwardRange(Workspace w, int b0, int b1, Partial g) {
    int size = w.batch;
    int h = hiddenSize;
    int count = b1 - b0;
    float a = alpha;
    float leak = 1 - a;
    float[][] out = wOut.values();
    float[][] rec = wRec.values();
    float[][] carry = new float[count][h];
    float[] dh = new float[h];
    int[] active = new int[Math.max(h, count)];
    float[][] dpreT = new float[h][count];
    float[][] dyT = new float[outputSize][count];
    float[][] zRows = new float[count][];
    float[][] hRows = new float[count][];
    g.clear();
    for (int t = w.steps - 1; t >= 0; t--) {
      for (int b = b0; b < b1; b++) {
        int i = b - b0;
        int n = t * size + b;
        float[] c = carry[i];
        System.arraycopy(c, 0, dh, 0, h);
        float[] dy = w.dy[n];
        Kernels.addScaledRows(dh, dy, out, outputSize, h);
        // The ReLU passes gradient only where it is active. Integer masks keep these loops free of branches, whose
        // outcome is a coin flip per unit, and let the first one vectorise.
        float[] gate = reluPlacement == ReluPlacement.INSIDE ? w.pre[n] : w.z[n + size];
        int leakAll = reluPlacement == ReluPlacement.INSIDE ? -1 : 0;
        for (int j = 0; j < h; j++) {
          int on = Float.floatToRawIntBits(gate[j]) > 0 ? -1 : 0;
          int bits = Float.floatToRawIntBits(dh[j]);
          c[j] = leak * Float.intBitsToFloat(bits & (on | leakAll));
          dh[j] = a * Float.intBitsToFloat(bits & on);
        }
        // List the units with a gradient to skip the rest of W_rec.
        int m = 0;
        for (int j = 0; j < h; j++) {
          active[m] = j;
          m += dh[j] != 0f ? 1 : 0;
        }
        for (int j = 0; j < h; j++) {
          dpreT[j][i] = dh[j];
        }
        if (t > 0) {
          Kernels.addScaledRowsAt(c, dh, rec, active, m, h);
        }
        for (int o = 0; o < outputSize; o++) {
          dyT[o][i] = dy[o];
        }
        zRows[i] = w.z[n];
        hRows[i] = w.z[n + size];
      }
      for (int j = 0; j < h; j++) {
        Kernels.addScaledRowsSparse(g.stacked[j], dpreT[j], zRows, count, w.width, active);
      }
      for (int o = 0; o < outputSize; o++) {
        Kernels.addScaledRows(g.readout[o], dyT[o], hRows, count, h);
        for (int i = 0; i < count; i++) {
          g.readoutBias[o] += dyT[o][i];
        }
      }
    }
  }

  /** Sums the partitions' gradients, in partition order, into the parameters. */
  private void sumPartials(Workspace w) {
    int h = hiddenSize;
    for (Parameter p : parameters) {
      p.zeroGradients();
    }
    for (Partial g : w.partials) {
      for (int j = 0; j < h; j++) {
        float[] row = g.stacked[j];
        float[] gRec = wRec.gradients()[j];
        float[] gIn = wIn.gradients()[j];
        for (int k = 0; k < h; k++) {
          gRec[k] += row[k];
        }
        for (int i = 0; i < inputSize; i++) {
          gIn[i] += row[h + i];
        }
        bIn.gradients()[0][j] += row[h + inputSize];
        bRec.gradients()[0][j] += row[h + inputSize];
      }
      for (int o = 0; o < outputSize; o++) {
        float[] gOut = wOut.gradients()[o];
        for (int k = 0; k < h; k++) {
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

  private static INDArray toArray(float[][] rows, int steps, int batch, int width) {
    float[] flat = new float[steps * batch * width];
    for (int n = 0; n < rows.length; n++) {
      System.arraycopy(rows[n], 0, flat, n * width, width);
    }
    return Nd4j.create(flat, new long[] {steps, batch, width}, 'c');
  }

  @Override
  public String toString() {
    return "Ctrnn[" + inputSize + " → " + hiddenSize + " → " + outputSize + ", dt " + dtMs + " ms, τ " + tauMs
        + " ms, α " + alpha + ", relu " + reluPlacement + "]";
  }

  /**
   * Work arrays for one (steps, batch) shape; row n = t·batch + b. Row {@code z[n] = [h_{t−1}, x_t, 1]} is the
   * extended input of step t, so one product gives the drive and one gives the W_rec, W_in and bias gradients;
   * {@code z[n + batch]} starts with h_t, and the last {@code batch} rows hold only the final rates.
   */
  private final class Workspace {
    final int steps;
    final int batch;
    final int rows;
    final int width;
    final float[][] z;
    final float[][] pre;
    final float[][] y;
    final float[][] weightsT;
    final int[] targets;
    final double[] loss;
    final boolean[] correct;
    final float[][] dy;
    final Partial[] partials;

    Workspace(int steps, int batch) {
      this.steps = steps;
      this.batch = batch;
      this.rows = steps * batch;
      this.width = hiddenSize + inputSize + 1;
      this.z = new float[rows + batch][width];
      for (int n = 0; n < rows; n++) {
        z[n][width - 1] = 1f;
      }
      this.pre = new float[rows][hiddenSize];
      this.y = new float[rows][outputSize];
      this.weightsT = new float[width][hiddenSize];
      this.targets = new int[rows];
      this.loss = new double[rows];
      this.correct = new boolean[rows];
      this.dy = new float[rows][outputSize];
      this.partials = new Partial[PARTS];
      for (int p = 0; p < partials.length; p++) {
        partials[p] = new Partial(hiddenSize, width, outputSize);
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

  /** Weight gradients of one batch partition. */
  private static final class Partial {
    final float[][] stacked;
    final float[][] readout;
    final float[] readoutBias;

    Partial(int hidden, int width, int outputs) {
      stacked = new float[hidden][width];
      readout = new float[outputs][hidden];
      readoutBias = new float[outputs];
    }

    void clear() {
      for (float[] row : stacked) {
        Arrays.fill(row, 0f);
      }
      for (float[] row : readout) {
        Arrays.fill(row, 0f);
      }
      Arrays.fill(readoutBias, 0f);
    }
  }

  /** Settings of a {@link Ctrnn}. */
  public static final class Builder {
    private int inputSize;
    private int hiddenSize;
    private int outputSize;
    private double dtMs = 100;
    private double tauMs = 100;
    private ReluPlacement reluPlacement = ReluPlacement.INSIDE;
    private long seed;

    private Builder() {}

    /** Input size, output size and dt from {@code task}. */
    public Builder forTask(Task task) {
      return inputSize(task.inputSize()).outputSize(task.outputSize()).dtMs(task.dtMs());
    }

    /** The number of input channels (required, > 0). */
    public Builder inputSize(int inputSize) {
      this.inputSize = requirePositive("inputSize", inputSize);
      return this;
    }

    /** The number of hidden units (required, > 0). */
    public Builder hiddenSize(int hiddenSize) {
      this.hiddenSize = requirePositive("hiddenSize", hiddenSize);
      return this;
    }

    /** The number of outputs (required, > 0). */
    public Builder outputSize(int outputSize) {
      this.outputSize = requirePositive("outputSize", outputSize);
      return this;
    }

    /** The time step in ms (default 100, neurogym's). */
    public Builder dtMs(double dtMs) {
      if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
        throw new IllegalArgumentException("dtMs must be a finite number of ms > 0; got " + dtMs);
      }
      this.dtMs = dtMs;
      return this;
    }

    /** The time constant τ in ms (default 100). */
    public Builder tauMs(double tauMs) {
      if (!(tauMs > 0) || Double.isInfinite(tauMs)) {
        throw new IllegalArgumentException("tauMs must be a finite number of ms > 0; got " + tauMs);
      }
      this.tauMs = tauMs;
      return this;
    }

    /** Where the ReLU sits relative to the leak (default {@link ReluPlacement#INSIDE}). */
    public Builder reluPlacement(ReluPlacement reluPlacement) {
      this.reluPlacement = reluPlacement;
      return this;
    }

    /** The seed of the initial weights (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException if a size is missing or dt exceeds τ (α = dt/τ must be at most 1)
     */
    public Ctrnn build() {
      if (inputSize == 0 || hiddenSize == 0 || outputSize == 0) {
        throw new IllegalArgumentException("inputSize, hiddenSize and outputSize must all be set (> 0); got "
            + inputSize + ", " + hiddenSize + ", " + outputSize);
      }
      if (dtMs > tauMs) {
        throw new IllegalArgumentException("dtMs (" + dtMs + ") must not exceed tauMs (" + tauMs
            + "): α = dt/τ must be at most 1");
      }
      return new Ctrnn(this);
    }

    private static int requirePositive(String name, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be > 0; got " + value);
      }
      return value;
    }
  }
}
