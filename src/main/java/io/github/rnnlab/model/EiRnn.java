package io.github.rnnlab.model;

import com.google.gson.JsonObject;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An excitatory-inhibitory continuous-time RNN under Dale's law: the tutorial's {@code EI_RNN} notebook (after Song,
 * Yang &amp; Wang 2016). The first {@code ⌊eFraction·H⌋} units are excitatory, the rest inhibitory; each unit's
 * outgoing recurrent weights (its column of W_rec) keep one sign, {@code W_eff = |W_rec| ⊙ sign}, and no unit
 * connects to itself. By default the state form ({@link ReluPlacement#STATE}) with rates r = relu(x):
 *
 * <pre>x ← (1−α)·x + α·(W_in·u + b_in + W_eff·r + b_rec) + √(2α)·σ_rec·N(0,1),    y = W_out·r_E + b_out</pre>
 *
 * <p>and the readout sees only the excitatory units (as in the notebook: "inhibitory neurons do not project out";
 * {@link Builder#readoutFromAllUnits()} changes that). Initialisation as the notebook: PyTorch's {@code nn.Linear}
 * default for every weight and bias, then the excitatory columns of W_rec divided by E/I, so excitation and inhibition
 * start balanced. Parameters are named as in {@link Ctrnn}; the constraints are on {@code W_rec} (see
 * {@link Parameter#constraints()}) and hold exactly through training.
 */
public final class EiRnn extends CtrnnNetwork {
  private final int hiddenSize;
  private final int excitatory;
  private final boolean readoutFromExcitatory;

  private EiRnn(Builder b, int excitatory) {
    super(b, engine(b, excitatory));
    this.hiddenSize = b.hiddenSize;
    this.excitatory = excitatory;
    this.readoutFromExcitatory = b.readoutFromExcitatory;
  }

  private static Engine engine(Builder b, int excitatory) {
    SplittableRandom rng = new SplittableRandom(b.seed);
    int h = b.hiddenSize;
    CtrnnLayer cell = new CtrnnLayer("", b.inputSize, h, alpha(b.dtMs, b.tauMs), b.reluPlacement, b.activation,
        b.sigmaRec, null, b.dtMs, rng);
    // Excitatory columns start E/I times weaker, so that the summed excitation and inhibition balance.
    float ratio = (float) excitatory / (h - excitatory);
    for (float[] row : cell.wRec.values()) {
      for (int k = 0; k < excitatory; k++) {
        row[k] /= ratio;
      }
    }
    List<Boolean> signs = new ArrayList<>();
    for (int k = 0; k < h; k++) {
      signs.add(k < excitatory);
    }
    cell.wRec.constrain(WeightConstraint.dale(signs)).constrain(WeightConstraint.noAutapses());
    int read = b.readoutFromExcitatory ? excitatory : h;
    DenseLayer readout = new DenseLayer("W_out", "b_out", read, b.outputSize, rng);
    return new Engine(List.of(cell, readout), b.loss, b.sigmaIn);
  }

  /** A builder; input, hidden and output sizes are required, or use {@link Builder#forTask}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The tutorial's EI network for {@code task}: {@code hiddenSize} units, 80% excitatory, τ = 100 ms, no noise. */
  public static EiRnn forTask(Task task, int hiddenSize, long seed) {
    return builder().forTask(task).hiddenSize(hiddenSize).seed(seed).build();
  }

  /** A builder holding this network's settings (not its weights). */
  public Builder toBuilder() {
    Builder b = ctrnnSettingsInto(builder()).hiddenSize(hiddenSize)
        .excitatoryFraction((double) excitatory / hiddenSize);
    return readoutFromExcitatory ? b : b.readoutFromAllUnits();
  }

  /** An independent copy with the same settings, parameter values, constraints and frozen flags. */
  public EiRnn copy() {
    EiRnn c = toBuilder().build();
    c.copyParametersFrom(this);
    return c;
  }

  @Override
  JsonObject settings() {
    JsonObject o = super.settings();
    o.addProperty("hiddenSize", hiddenSize);
    o.addProperty("excitatorySize", excitatory);
    o.addProperty("readoutFromExcitatory", readoutFromExcitatory);
    return o;
  }

  static EiRnn fromSettings(JsonObject s) {
    int h = s.get("hiddenSize").getAsInt();
    Builder b = apply(builder(), s).hiddenSize(h).excitatoryFraction(s.get("excitatorySize").getAsDouble() / h);
    return s.get("readoutFromExcitatory").getAsBoolean() ? b.build() : b.readoutFromAllUnits().build();
  }

  /** The number of hidden units. */
  public int hiddenSize() {
    return hiddenSize;
  }

  /** The number of excitatory units, which come first. */
  public int excitatorySize() {
    return excitatory;
  }

  /** The number of inhibitory units, which come last. */
  public int inhibitorySize() {
    return hiddenSize - excitatory;
  }

  /** Whether unit {@code k} is excitatory. */
  public boolean isExcitatory(int k) {
    return Checks.index("unit", k, hiddenSize) < excitatory;
  }

  /** Whether the readout sees only the excitatory units. */
  public boolean readoutFromExcitatory() {
    return readoutFromExcitatory;
  }

  /** The recurrent weights the network computes with, {@code |W_rec| ⊙ sign} with a zero diagonal, a copy. */
  public float[][] effectiveRecurrentWeights() {
    return parameter("W_rec").effectiveValues();
  }

  @Override
  public String toString() {
    return "EiRnn[" + inputSize() + " → " + excitatory + " E + " + inhibitorySize() + " I → " + outputSize() + ", "
        + timeConstants() + (readoutFromExcitatory ? ", readout from E" : "") + "]";
  }

  /** Settings of an {@link EiRnn}. */
  public static final class Builder extends CtrnnSettings<Builder> {
    private int hiddenSize;
    private double excitatoryFraction = 0.8;
    private boolean readoutFromExcitatory = true;

    private Builder() {
      reluPlacement(ReluPlacement.STATE);
    }

    @Override
    Builder self() {
      return this;
    }

    /** The number of hidden units (required; at least one of each kind). */
    public Builder hiddenSize(int hiddenSize) {
      this.hiddenSize = Checks.positive("hiddenSize", hiddenSize);
      return this;
    }

    /** The fraction of excitatory units, in (0, 1) (default 0.8: 4 E per I). */
    public Builder excitatoryFraction(double fraction) {
      if (!(fraction > 0 && fraction < 1)) {
        throw new IllegalArgumentException("excitatoryFraction must lie in (0, 1); got " + fraction);
      }
      this.excitatoryFraction = fraction;
      return this;
    }

    /** Lets the readout see the inhibitory units too (default: excitatory units only). */
    public Builder readoutFromAllUnits() {
      this.readoutFromExcitatory = false;
      return this;
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException if a size is missing, the fraction leaves no unit of a kind, or dt exceeds τ
     */
    public EiRnn build() {
      requireSizes("hiddenSize", hiddenSize);
      // The slack keeps 0.8 · 50 from flooring to 39 through round-off; Python's int() floors the same way.
      int e = (int) Math.floor(excitatoryFraction * hiddenSize + 1e-9);
      if (e < 1 || e >= hiddenSize) {
        throw new IllegalArgumentException("excitatoryFraction " + excitatoryFraction + " of " + hiddenSize
            + " units gives " + e + " excitatory and " + (hiddenSize - e) + " inhibitory units; each kind needs one");
      }
      return new EiRnn(this, e);
    }
  }
}
