package io.github.rnnlab.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.rnnlab.data.Batch;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

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
public final class HierarchicalCtrnn extends CtrnnNetwork {
  private final int[] hiddenSizes;
  private final int modules;

  private HierarchicalCtrnn(Builder b, int[] hiddenSizes) {
    super(b, engine(b, hiddenSizes));
    this.hiddenSizes = hiddenSizes;
    this.modules = hiddenSizes.length;
  }

  private static Engine engine(Builder b, int[] hiddenSizes) {
    SplittableRandom rng = new SplittableRandom(b.seed);
    double alpha = alpha(b.dtMs, b.tauMs);
    List<Layer> layers = new ArrayList<>();
    int in = b.inputSize;
    for (int m = 0; m < hiddenSizes.length; m++) {
      layers.add(new CtrnnLayer("m" + (m + 1) + ".", in, hiddenSizes[m], alpha, b.reluPlacement, b.activation,
          b.sigmaRec, null, b.dtMs, rng));
      in = hiddenSizes[m];
    }
    layers.add(new DenseLayer("W_out", "b_out", in, b.outputSize, rng));
    return new Engine(layers, b.loss, b.sigmaIn);
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

  /** An independent copy with the same settings, parameter values and frozen flags. */
  public HierarchicalCtrnn copy() {
    HierarchicalCtrnn c = ctrnnSettingsInto(builder()).hiddenSizes(hiddenSizes).build();
    c.copyParametersFrom(this);
    return c;
  }

  @Override
  JsonObject settings() {
    JsonObject o = super.settings();
    JsonArray sizes = new JsonArray();
    Arrays.stream(hiddenSizes).forEach(sizes::add);
    o.add("hiddenSizes", sizes);
    return o;
  }

  static HierarchicalCtrnn fromSettings(JsonObject s) {
    List<Integer> sizes = new ArrayList<>();
    s.getAsJsonArray("hiddenSizes").forEach(e -> sizes.add(e.getAsInt()));
    return apply(builder(), s).hiddenSizes(sizes).build();
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

  /** The parameters of {@code module} (counted from 1): its W_in, b_in, W_rec and b_rec. */
  public List<Parameter> moduleParameters(int module) {
    return engine.layers().get(checkModule(module) - 1).parameters();
  }

  private int checkModule(int module) {
    if (module < 1 || module > modules) {
      throw new IllegalArgumentException("module must be in 1.." + modules + " (modules are counted from 1); got "
          + module);
    }
    return module;
  }

  /** {@link Rollout#hidden()} is the last module's activity (time, batch, hidden). */
  @Override
  int reportedLayer() {
    return modules - 1;
  }

  /**
   * Runs the network and returns every module's activity, first to last, each (time, batch, hidden of that module).
   *
   * @throws IllegalArgumentException if the input shape does not fit the network
   */
  public List<INDArray> forwardModules(INDArray inputs) {
    List<INDArray> out = new ArrayList<>(modules);
    for (int m = 0; m < modules; m++) {
      out.add(engine.forward(inputs, m, false, 0).hidden());
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
        return net.inputSize();
      }

      @Override
      public int outputSize() {
        return net.outputSize();
      }

      @Override
      public double dtMs() {
        return net.dtMs();
      }

      @Override
      public Loss loss() {
        return net.loss();
      }

      @Override
      public List<Parameter> parameters() {
        return net.parameters();
      }

      @Override
      public Rollout forward(INDArray inputs) {
        return engine.forward(inputs, m, false, 0);
      }

      @Override
      public Rollout forward(INDArray inputs, long noiseSeed) {
        return engine.forward(inputs, m, true, noiseSeed);
      }

      @Override
      public BatchResult computeGradients(Batch batch, double rateL2) {
        return net.computeGradients(batch, rateL2);
      }

      @Override
      public String toString() {
        return net + ", viewing module " + (m + 1);
      }
    };
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("HierarchicalCtrnn[").append(inputSize());
    for (int h : hiddenSizes) {
      s.append(" → ").append(h);
    }
    return s.append(" → ").append(outputSize()).append(", ").append(timeConstants()).append(']').toString();
  }

  /** Settings of a {@link HierarchicalCtrnn}. */
  public static final class Builder extends CtrnnSettings<Builder> {
    private int hiddenSize;
    private int @Nullable [] hiddenSizes;
    private int modules = 3;
    private boolean modulesSet;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The number of units of every module (this or {@link #hiddenSizes} is required, > 0). */
    public Builder hiddenSize(int hiddenSize) {
      this.hiddenSize = Checks.positive("hiddenSize", hiddenSize);
      this.hiddenSizes = null;
      return this;
    }

    /** The number of units of each module, first to last; also sets the number of modules. */
    public Builder hiddenSizes(List<Integer> hiddenSizes) {
      return hiddenSizes(hiddenSizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The number of units of each module, first to last; also sets the number of modules. */
    public Builder hiddenSizes(int... hiddenSizes) {
      if (hiddenSizes.length == 0) {
        throw new IllegalArgumentException("hiddenSizes needs at least one module");
      }
      for (int h : hiddenSizes) {
        Checks.positive("every hiddenSizes entry", h);
      }
      this.hiddenSizes = hiddenSizes.clone();
      this.hiddenSize = 0;
      return this;
    }

    /** The number of modules (default 3, the tutorial's; ≥ 1). */
    public Builder modules(int modules) {
      this.modules = Checks.positive("modules", modules);
      this.modulesSet = true;
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
      return new HierarchicalCtrnn(this, sizes);
    }
  }
}
