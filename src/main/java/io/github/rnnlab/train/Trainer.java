package io.github.rnnlab.train;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.Dataset;
import io.github.rnnlab.model.BatchResult;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Trains a network by backpropagation through time on batches from a {@link Dataset}: mean cross-entropy over every
 * time step (fixation included, as the tutorial does), Adam, optional gradient-norm clipping. Defaults are the
 * tutorial's: 1000 steps, learning rate 0.01, β 0.9/0.999, ε 1e-8, no clipping, progress every 100 steps.
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
  private final @Nullable TrainingProgress progress;

  private Trainer(Builder b) {
    this.steps = b.steps;
    this.learningRate = b.learningRate;
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.epsilon = b.epsilon;
    this.clipGradNorm = b.clipGradNorm;
    this.logEvery = b.logEvery;
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

  /** The number of training steps. */
  public int steps() {
    return steps;
  }

  /**
   * Trains {@code network} in place on {@code steps} batches drawn from {@code data}.
   *
   * @throws IllegalArgumentException if the data's inputs do not fit the network
   */
  public TrainingHistory train(RecurrentNetwork network, Dataset data) {
    if (data.task().inputSize() != network.inputSize() || data.task().outputSize() > network.outputSize()) {
      throw new IllegalArgumentException("the task has " + data.task().inputSize() + " inputs and "
          + data.task().outputSize() + " outputs but the network has " + network.inputSize() + " and "
          + network.outputSize());
    }
    TrainingProgress sink = progress == null ? TrainingProgress.defaultProgress() : progress;
    List<Parameter> parameters = network.parameters();
    Adam adam = new Adam(learningRate, beta1, beta2, epsilon);
    double[] loss = new double[steps];
    double[] stepAccuracy = new double[steps];
    double[] decisionAccuracy = new double[steps];
    @Nullable String stopReason = null;
    long start = System.nanoTime();
    int done = 0;
    while (done < steps) {
      Batch batch = data.next();
      BatchResult r = network.computeGradients(batch);
      double norm = gradientNorm(parameters);
      if (!Double.isFinite(r.loss()) || !Double.isFinite(norm)) {
        stopReason = divergenceMessage(done + 1, r.loss(), norm);
        sink.stopped(stopReason);
        break;
      }
      float scale = clipGradNorm > 0 && norm > clipGradNorm ? (float) (clipGradNorm / (norm + 1e-6)) : 1f;
      adam.update(parameters, scale);
      loss[done] = r.loss();
      stepAccuracy[done] = r.stepAccuracy();
      decisionAccuracy[done] = r.decisionAccuracy();
      done++;
      if (done % logEvery == 0 || done == steps) {
        int window = done % logEvery == 0 ? logEvery : done % logEvery;
        double mean = 0;
        for (int i = done - window; i < done; i++) {
          mean += loss[i];
        }
        sink.report(done, steps, mean / window, (System.nanoTime() - start) / 1e9);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new TrainingHistory(Arrays.copyOf(loss, done), Arrays.copyOf(stepAccuracy, done),
        Arrays.copyOf(decisionAccuracy, done), seconds, stopReason);
  }

  private static double gradientNorm(List<Parameter> parameters) {
    double sum = 0;
    for (Parameter p : parameters) {
      if (p.trainable()) {
        for (float[] row : p.gradients()) {
          for (float g : row) {
            sum += (double) g * g;
          }
        }
      }
    }
    return Math.sqrt(sum);
  }

  private String divergenceMessage(int step, double loss, double norm) {
    String what = Double.isFinite(loss) ? "the gradient norm became " + norm : "the loss became " + loss;
    return String.format(Locale.ROOT, "Training stopped at step %d of %d: %s, so the network diverged. It keeps the "
        + "parameters of step %d. Try a smaller learning rate (now %s, e.g. learningRate(%s))%s.", step, steps, what,
        step - 1, learningRate, learningRate / 10,
        clipGradNorm > 0 ? " or a tighter clipGradNorm (now " + clipGradNorm + ")" : " or gradient clipping, e.g. "
            + "clipGradNorm(1.0)");
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
    private @Nullable TrainingProgress progress;

    private Builder() {}

    /** The number of training steps (default 1000). */
    public Builder steps(int steps) {
      if (steps <= 0) {
        throw new IllegalArgumentException("steps must be > 0; got " + steps);
      }
      this.steps = steps;
      return this;
    }

    /** Adam's learning rate (default 0.01, the tutorial's). */
    public Builder learningRate(double learningRate) {
      if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
        throw new IllegalArgumentException("learningRate must be a finite number > 0; got " + learningRate);
      }
      this.learningRate = learningRate;
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
      if (!(epsilon > 0)) {
        throw new IllegalArgumentException("epsilon must be > 0; got " + epsilon);
      }
      this.epsilon = epsilon;
      return this;
    }

    /** Rescales the gradients when their global L2 norm exceeds {@code maxNorm} (default: no clipping). */
    public Builder clipGradNorm(double maxNorm) {
      if (!(maxNorm > 0)) {
        throw new IllegalArgumentException("clipGradNorm must be > 0; got " + maxNorm);
      }
      this.clipGradNorm = maxNorm;
      return this;
    }

    /** Reports progress every {@code logEvery} steps (default 100). */
    public Builder logEvery(int logEvery) {
      if (logEvery <= 0) {
        throw new IllegalArgumentException("logEvery must be > 0; got " + logEvery);
      }
      this.logEvery = logEvery;
      return this;
    }

    /** Where progress goes (default: {@link TrainingProgress#defaultProgress()} at training time). */
    public Builder progress(TrainingProgress progress) {
      this.progress = progress;
      return this;
    }

    /** The trainer. */
    public Trainer build() {
      return new Trainer(this);
    }
  }
}
