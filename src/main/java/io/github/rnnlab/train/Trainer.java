package io.github.rnnlab.train;

import io.github.rnnlab.data.BatchSource;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Trains a network by backpropagation through time on batches from a {@link BatchSource} (e.g. a {@link
 * io.github.rnnlab.data.Dataset}): the network's loss (the tutorial's cross-entropy over every time step, fixation
 * included), plus any {@link Penalty} terms, minimised with Adam, optional gradient-norm clipping, and the network's
 * weight constraints enforced after every step. Defaults are the tutorial's: 1000 steps, learning rate 0.01,
 * β 0.9/0.999, ε 1e-8, no clipping, progress every 100 steps. Immutable; {@link #session} keeps the optimiser's state
 * across several {@code train} calls.
 *
 * <p>If the loss or the gradients stop being finite, training stops before applying that step, the network keeps the
 * parameters of the step before, and the history says why.
 */
public final class Trainer {
  private final int steps;
  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double clipGradNorm;
  private final int logEvery;
  private final List<Penalty> penalties;
  private final List<StepListener> stepListeners;
  private final @Nullable TrainingProgress progress;

  private Trainer(Builder b) {
    this.steps = b.steps;
    this.learningRate = b.learningRate;
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.epsilon = b.epsilon;
    this.clipGradNorm = b.clipGradNorm;
    this.logEvery = b.logEvery;
    this.penalties = List.copyOf(b.penalties);
    this.stepListeners = List.copyOf(b.stepListeners);
    this.progress = b.progress;
  }

  /** A builder with the tutorial's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A trainer with the tutorial's defaults. */
  public static Trainer defaults() {
    return builder().build();
  }

  /** The number of training steps of each {@code train} call. */
  public int steps() {
    return steps;
  }

  /** Adam's learning rate. */
  public double learningRate() {
    return learningRate;
  }

  /** The penalties added to the loss, in order. */
  public List<Penalty> penalties() {
    return penalties;
  }

  /**
   * Trains {@code network} in place on {@code steps} batches drawn from {@code data}, with a fresh optimiser.
   *
   * @throws IllegalArgumentException if a batch does not fit the network
   */
  public TrainingHistory train(RecurrentNetwork network, BatchSource data) {
    return session(network).train(data);
  }

  /** A training session for {@code network}: one optimiser whose state carries over between its train calls. */
  public TrainingSession session(RecurrentNetwork network) {
    return new TrainingSession(this, network);
  }

  double beta1() {
    return beta1;
  }

  double beta2() {
    return beta2;
  }

  double epsilon() {
    return epsilon;
  }

  double clipGradNorm() {
    return clipGradNorm;
  }

  int logEvery() {
    return logEvery;
  }

  TrainingProgress progress() {
    return progress == null ? TrainingProgress.defaultProgress() : progress;
  }

  /** The sum of the rate penalties' coefficients. */
  double rateL2() {
    return penalties.stream().filter(p -> p instanceof RatePenalty).mapToDouble(p -> ((RatePenalty) p).coefficient())
        .sum();
  }

  List<WeightPenalty> weightPenalties() {
    return penalties.stream().filter(p -> p instanceof WeightPenalty).map(p -> (WeightPenalty) p).toList();
  }

  /** The step listeners: those added with {@link Builder#stepListener}, then the penalties that are listeners. */
  List<StepListener> stepListeners() {
    List<StepListener> all = new ArrayList<>(stepListeners);
    penalties.stream().filter(p -> p instanceof StepListener).map(p -> (StepListener) p)
        .filter(p -> !all.contains(p)).forEach(all::add);
    return all;
  }

  static TrainingHistory emptyHistory() {
    return new TrainingHistory(Map.of(TrainingHistory.LOSS, new double[0]), 0, null);
  }

  @Override
  public String toString() {
    return "Trainer[" + steps + " steps, Adam lr " + learningRate + (clipGradNorm > 0 ? ", clip " + clipGradNorm : "")
        + (penalties.isEmpty() ? "" : ", penalties " + penalties.stream().map(Penalty::name).toList()) + "]";
  }

  /** Settings of a {@link Trainer}. */
  public static final class Builder {
    private int steps = 1000;
    private double learningRate = 0.01;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;
    private double clipGradNorm;
    private int logEvery = 100;
    private final List<Penalty> penalties = new ArrayList<>();
    private final List<StepListener> stepListeners = new ArrayList<>();
    private @Nullable TrainingProgress progress;

    private Builder() {}

    /** The number of training steps (default 1000). */
    public Builder steps(int steps) {
      this.steps = Checks.positive("steps", steps);
      return this;
    }

    /** Adam's learning rate (default 0.01, the tutorial's). */
    public Builder learningRate(double learningRate) {
      this.learningRate = Checks.positive("learningRate", learningRate);
      return this;
    }

    /** Adam's decay rates of the first and second moments (default 0.9 and 0.999). */
    public Builder betas(double beta1, double beta2) {
      if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
        throw new IllegalArgumentException("betas must lie in [0, 1); got " + beta1 + ", " + beta2);
      }
      this.beta1 = beta1;
      this.beta2 = beta2;
      return this;
    }

    /** Adam's ε (default 1e-8). */
    public Builder epsilon(double epsilon) {
      this.epsilon = Checks.positive("epsilon", epsilon);
      return this;
    }

    /** Rescales the gradients when their global L2 norm exceeds {@code maxNorm} (default: no clipping). */
    public Builder clipGradNorm(double maxNorm) {
      this.clipGradNorm = Checks.positive("clipGradNorm", maxNorm);
      return this;
    }

    /** Reports progress every {@code logEvery} steps (default 100). */
    public Builder logEvery(int logEvery) {
      this.logEvery = Checks.positive("logEvery", logEvery);
      return this;
    }

    /**
     * Adds a term to the loss, e.g. {@code Penalty.l2("W_rec", 1e-3)}; penalties with the same name may not repeat. A
     * penalty that is also a {@link StepListener} ({@link IntelligentSynapses}) hears every step as well.
     *
     * @throws IllegalArgumentException if a penalty of that name was added before
     */
    public Builder penalty(Penalty penalty) {
      for (Penalty p : penalties) {
        if (p.name().equals(penalty.name())) {
          throw new IllegalArgumentException("a penalty named '" + penalty.name() + "' was already added");
        }
      }
      penalties.add(penalty);
      return this;
    }

    /** Adds every penalty of {@code list}, in order; see {@link #penalty}. */
    public Builder penalties(List<? extends Penalty> list) {
      list.forEach(this::penalty);
      return this;
    }

    /**
     * Adds a listener that hears every optimiser step, after the update ({@link StepListener}); listeners are called
     * in the order they were added, before the penalties that are listeners.
     */
    public Builder stepListener(StepListener listener) {
      stepListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Where progress goes (default: {@link TrainingProgress#defaultProgress()} at training time). */
    public Builder progress(TrainingProgress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** The trainer. */
    public Trainer build() {
      return new Trainer(this);
    }
  }
}
