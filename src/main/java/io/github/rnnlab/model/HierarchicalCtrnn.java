package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Continuous-time RNN modules in sequence with a linear readout: the tutorial's {@code HierarchicalRNNnet}
 * (exercise 4), three modules by default.
 *
 * <p>Within each time step the modules update in order: module 1 sees the input {@code x_t}, module m sees the rates
 * module m−1 has <em>just</em> computed for the same step, and the last module feeds the readout. With α = dt/τ and
 * {@link ReluPlacement#INSIDE} (the default),
 *
 * <pre>
 * h¹_t = (1−α)·h¹_{t−1} + α·relu(W¹_in·x_t     + b¹_in + W¹_rec·h¹_{t−1} + b¹_rec)
 * hᵐ_t = (1−α)·hᵐ_{t−1} + α·relu(Wᵐ_in·hᵐ⁻¹_t  + bᵐ_in + Wᵐ_rec·hᵐ_{t−1} + bᵐ_rec)
 * y_t  = W_out·hᴹ_t + b_out
 * </pre>
 *
 * <p>or, with {@link ReluPlacement#OUTSIDE}, {@code hᵐ_t = relu((1−α)·hᵐ_{t−1} + α·(…))}, as in {@link Ctrnn}. Every
 * module starts at 0 for every sequence and shares dt and τ (τ is honoured). Weights and biases start as PyTorch's
 * {@code nn.Linear} does, U(−1/√fan_in, 1/√fan_in), drawn from {@code seed} module by module.
 *
 * <p>Parameters are named {@code m1.W_in}, {@code m1.b_in}, {@code m1.W_rec}, {@code m1.b_rec}, {@code m2.W_in}, …,
 * then {@code W_out} and {@code b_out}. {@link #forward} reports the last module's activity as
 * {@link Rollout#hidden()}; {@link #forwardModules} gives every module's, and {@link #viewingModule} lets analyses
 * that read {@code hidden()} (such as {@code Evaluation}) see any one module. Not thread-safe: it keeps work arrays
 * between calls.
 *
 * <pre>{@code
 * var net = HierarchicalCtrnn.builder().forTask(task).hiddenSize(128).seed(1).build();   // 3 modules
 * Trainer.defaults().train(net, Dataset.of(task, 16, 100, 0));
 * var module2 = Evaluation.run(net.viewingModule(2), task, 200, 0);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HierarchicalCtrnn implements RecurrentNetwork {
  /** Fixed batch partitions for training, as in {@link Ctrnn}: gradients do not depend on the number of cores. */
  private static final int PARTS = 2;

  private final int inputSize;
  private final int[] hiddenSizes;
  private final int outputSize;
  private final double dtMs;
  private final double tauMs;
  private final ReluPlacement reluPlacement;
  private final long seed;
  private final float alpha;
  private final int modules;
  /** Per module: the number of inputs it reads (the task's for module 1, module m−1's units after). */
  private final int[] moduleInputs;
  private final Parameter[] wIn;
  private final Parameter[] bIn;
  private final Parameter[] wRec;
  private final Parameter[] bRec;
  private final Parameter wOut;
  private final Parameter bOut;
  private final List<Parameter> parameters;

  private Workspace workspace;

  private HierarchicalCtrnn(Builder b, int[] hiddenSizes) {
    this.inputSize = b.inputSize;
    this.hiddenSizes = hiddenSizes;
    this.outputSize = b.outputSize;
    this.dtMs = b.dtMs;
    this.tauMs = b.tauMs;
    this.reluPlacement = b.reluPlacement;
    this.seed = b.seed;
    this.alpha = (float) (dtMs / tauMs);
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
      String prefix = "m" + (m + 1) + ".";
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

  /** A builder; input, hidden and output sizes are required, or use {@link Builder#forTask}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Three modules of {@code hiddenSize} units each, sized for {@code task} (its inputs, outputs and dt), τ = 100 ms.
   */
  public static HierarchicalCtrnn forTask(Task task, int hiddenSize, long seed) {
    return builder().forTask(task).hiddenSize(hiddenSize).seed(seed).build();
  }

  private static void initUniform(Parameter p, int fanIn, SplittableRandom rng) {
    double bound = 1 / Math.sqrt(fanIn);
    for (float[] row : p.values()) {
      for (int c = 0; c < row.length; c++) {
        row[c] = (float) rng.nextDouble(-bound, bound);
      }
    }
  }

  /** An independent copy with the same settings, parameter values and frozen flags. */
  public HierarchicalCtrnn copy() {
    HierarchicalCtrnn c = builder().inputSize(inputSize).hiddenSizes(hiddenSizes).outputSize(outputSize).dtMs(dtMs)
        .tauMs(tauMs).reluPlacement(reluPlacement).seed(seed).build();
    for (int i = 0; i < parameters.size(); i++) {
      c.parameters.get(i).copyValuesFrom(parameters.get(i));
    }
    return c;
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  /** The number of modules. */
  public int modules() {
    return modules;
  }

  /** The number of units of {@code module}, counted from 1. */
  public int hiddenSize(int module) {
    return hiddenSizes[checkModule(module) - 1];
  }

  /** The number of units of every module, first to last. */
  public List<Integer> hiddenSizes() {
    return Arrays.stream(hiddenSizes).boxed().toList();
  }

  @Override
  public int outputSize() {
    return outputSize;
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  /** The time constant in ms, shared by all modules. */
  public double tauMs() {
    return tauMs;
  }

  /** α = dt/τ. */
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

  /** The parameters of {@code module} (counted from 1): its W_in, b_in, W_rec and b_rec. */
  public List<Parameter> moduleParameters(int module) {
    int m = checkModule(module) - 1;
    return List.of(wIn[m], bIn[m], wRec[m], bRec[m]);
  }

  private int checkModule(int module) {
    if (module < 1 || module > modules) {
      throw new IllegalArgumentException("module must be in 1.." + modules + " (modules are counted from 1); got "
          + module);
    }
    return module;
  }

  /** Runs the network; {@link Rollout#hidden()} is the last module's activity (time, batch, hidden). */
  @Override
  public Rollout forward(INDArray inputs) {
    Workspace w = runForward(inputs);
    return new Rollout(toArray(w.y, 0, w.steps, w.batch, outputSize), activity(w, modules - 1));
  }

  /**
   * Runs the network and returns every module's activity, first to last, each (time, batch, hidden of that module).
   *
   * @throws IllegalArgumentException if the input shape does not fit the network
   */
  public List<INDArray> forwardModules(INDArray inputs) {
    Workspace w = runForward(inputs);
    List<INDArray> out = new ArrayList<>(modules);
    for (int m = 0; m < modules; m++) {
      out.add(activity(w, m));
    }
    return out;
  }

  /**
   * A view of this network whose {@link #forward} reports the activity of {@code module} (counted from 1) as
   * {@link Rollout#hidden()}, so per-module analyses can reuse tools that read the hidden activity, e.g.
   * {@code Evaluation.run(net.viewingModule(1), task, 200, seed)}. It shares this network's parameters; training it
   * trains this network.
   */
  public RecurrentNetwork viewingModule(int module) {
    int m = checkModule(module) - 1;
    HierarchicalCtrnn net = this;
    return new RecurrentNetwork() {
      @Override
      public int inputSize() {
        return inputSize;
      }

      @Override
      public int outputSize() {
        return outputSize;
      }

      @Override
      public double dtMs() {
        return dtMs;
      }

      @Override
      public List<Parameter> parameters() {
        return parameters;
      }

      @Override
      public Rollout forward(INDArray inputs) {
        Workspace w = runForward(inputs);
        return new Rollout(toArray(w.y, 0, w.steps, w.batch, outputSize), activity(w, m));
      }

      @Override
      public BatchResult computeGradients(Batch batch) {
        return net.computeGradients(batch);
      }

      @Override
      public String toString() {
        return net + ", viewing module " + (m + 1);
      }
    };
  }

  private Workspace runForward(INDArray inputs) {
    long[] s = inputs.shape();
    if (s.length != 3 || s[2] != inputSize || s[0] <= 0 || s[1] <= 0) {
      throw new IllegalArgumentException("inputs must have shape (time, batch, " + inputSize + ") for a network with "
          + inputSize + " inputs; got " + Arrays.toString(s));
    }
    int steps = (int) s[0];
    int batch = (int) s[1];
    Workspace w = workspace(steps, batch, false);
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

  @Override
  public BatchResult computeGradients(Batch batch) {
    if (batch.inputSize() != inputSize) {
      throw new IllegalArgumentException("batch has " + batch.inputSize() + " input channels but the network expects "
          + "inputSize = " + inputSize);
    }
    int steps = batch.seqLen();
    int size = batch.batchSize();
    Workspace w = workspace(steps, size, true);
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
  private void forwardRange(Workspace w, int b0, int b1, int[] targets) {
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

  private Workspace workspace(int steps, int batch, boolean training) {
    Workspace w = workspace;
    if (w == null || w.steps != steps || w.batch != batch || (training && w.dy == null)) {
      w = new Workspace(steps, batch, training);
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

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("HierarchicalCtrnn[").append(inputSize);
    for (int h : hiddenSizes) {
      s.append(" → ").append(h);
    }
    return s.append(" → ").append(outputSize).append(", dt ").append(dtMs).append(" ms, τ ").append(tauMs)
        .append(" ms, α ").append(alpha).append(", relu ").append(reluPlacement).append(']').toString();
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

    Workspace(int steps, int batch, boolean training) {
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
      this.loss = training ? new double[rows] : null;
      this.correct = training ? new boolean[rows] : null;
      this.dy = training ? new float[rows][outputSize] : null;
      this.partials = new Partial[training ? PARTS : 0];
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

  /** Settings of a {@link HierarchicalCtrnn}. */
  public static final class Builder {
    private int inputSize;
    private int hiddenSize;
    private int[] hiddenSizes;
    private int modules = 3;
    private boolean modulesSet;
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

    /** The number of units of every module (this or {@link #hiddenSizes} is required, > 0). */
    public Builder hiddenSize(int hiddenSize) {
      this.hiddenSize = requirePositive("hiddenSize", hiddenSize);
      this.hiddenSizes = null;
      return this;
    }

    /** The number of units of each module, first to last; also sets the number of modules. */
    public Builder hiddenSizes(int... hiddenSizes) {
      if (hiddenSizes.length == 0) {
        throw new IllegalArgumentException("hiddenSizes needs at least one module");
      }
      for (int h : hiddenSizes) {
        requirePositive("every hiddenSizes entry", h);
      }
      this.hiddenSizes = hiddenSizes.clone();
      this.hiddenSize = 0;
      return this;
    }

    /** The number of modules (default 3, the tutorial's; ≥ 1). */
    public Builder modules(int modules) {
      this.modules = requirePositive("modules", modules);
      this.modulesSet = true;
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

    /** The time constant τ in ms of every module (default 100). */
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
     * @throws IllegalArgumentException if a size is missing, {@code modules} contradicts {@code hiddenSizes}, or dt
     *     exceeds τ (α = dt/τ must be at most 1)
     */
    public HierarchicalCtrnn build() {
      int[] sizes;
      if (hiddenSizes != null) {
        if (modulesSet && modules != hiddenSizes.length) {
          throw new IllegalArgumentException("modules is " + modules + " but hiddenSizes lists "
              + hiddenSizes.length + " modules " + Arrays.toString(hiddenSizes));
        }
        sizes = hiddenSizes.clone();
      } else {
        sizes = new int[modules];
        Arrays.fill(sizes, hiddenSize);
      }
      if (inputSize == 0 || sizes[0] == 0 || outputSize == 0) {
        throw new IllegalArgumentException("inputSize, hiddenSize (or hiddenSizes) and outputSize must all be set "
            + "(> 0); got " + inputSize + ", " + (hiddenSizes != null ? Arrays.toString(hiddenSizes) : hiddenSize)
            + ", " + outputSize);
      }
      if (dtMs > tauMs) {
        throw new IllegalArgumentException("dtMs (" + dtMs + ") must not exceed tauMs (" + tauMs
            + "): α = dt/τ must be at most 1");
      }
      return new HierarchicalCtrnn(this, sizes);
    }

    private static int requirePositive(String name, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be > 0; got " + value);
      }
      return value;
    }
  }
}
