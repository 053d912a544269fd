package io.github.rnnlab.train;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.BatchSource;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.BatchResult;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A network in training with one optimiser whose state (Adam's moments and step count) carries over from one
 * {@link #train} call to the next, so training can continue on other data (a curriculum, a sequence of tasks)
 * as if it had never stopped. {@link #history()} holds every step so far. Not thread-safe.
 *
 * <pre>{@code
 * var session = Trainer.defaults().session(net);
 * session.train(easyData, 500);
 * session.train(hardData, 500);   // same Adam state
 * session.history().plot();
 * }</pre>
 */
public final class TrainingSession {
  private final Trainer trainer;
  private final RecurrentNetwork network;
  private final Adam adam;
  private @Nullable TrainingHistory history;

  TrainingSession(Trainer trainer, RecurrentNetwork network) {
    this.trainer = trainer;
    this.network = network;
    this.adam = new Adam(trainer.learningRate(), trainer.beta1(), trainer.beta2(), trainer.epsilon());
  }

  /** The trainer whose settings and penalties this session uses. */
  Trainer trainer() {
    return trainer;
  }

  /** The network being trained. */
  public RecurrentNetwork network() {
    return network;
  }

  /** The number of optimiser steps taken so far. */
  public int stepsDone() {
    return history == null ? 0 : history.steps();
  }

  /** Every step so far; empty before the first {@link #train} call. */
  public TrainingHistory history() {
    return history == null ? Trainer.emptyHistory() : history;
  }

  /** Trains for the trainer's number of steps on batches from {@code data}; returns the history of these steps. */
  public TrainingHistory train(BatchSource data) {
    return train(data, trainer.steps());
  }

  /**
   * Trains for {@code steps} steps on batches from {@code data} and returns the history of these steps.
   *
   * <p>If the loss or the gradients stop being finite, training stops before applying that step, the network keeps
   * the parameters of the step before, and the history says why.
   *
   * @throws IllegalArgumentException if {@code steps} is not positive or a batch does not fit the network
   */
  public TrainingHistory train(BatchSource data, int steps) {
    Checks.positive("steps", steps);
    TrainingProgress sink = trainer.progress();
    List<Parameter> parameters = network.parameters();
    double rateL2 = trainer.rateL2();
    List<WeightPenalty> weightPenalties = trainer.weightPenalties();
    List<StepListener> listeners = trainer.stepListeners();
    // Listeners need the values and the loss gradient from before the update; copied only when someone listens.
    @Nullable TrainingStep heard = listeners.isEmpty() ? null : new TrainingStep(network);
    Map<String, double[]> series = new LinkedHashMap<>();
    List<String> metricNames = new ArrayList<>();
    @Nullable String stopReason = null;
    long start = System.nanoTime();
    int done = 0;
    while (done < steps) {
      Batch batch = data.next();
      BatchResult r = network.computeGradients(batch, rateL2);
      if (heard != null) {
        heard.capture(r);
      }
      double total = r.loss() + r.ratePenalty();
      double[] terms = new double[weightPenalties.size()];
      for (int i = 0; i < terms.length; i++) {
        terms[i] = weightPenalties.get(i).addGradients(network);
        total += terms[i];
      }
      double norm = gradientNorm(parameters);
      if (!Double.isFinite(total) || !Double.isFinite(norm)) {
        stopReason = divergenceMessage(stepsDone() + done + 1, total, norm);
        sink.stopped(stopReason);
        break;
      }
      double clip = trainer.clipGradNorm();
      float scale = clip > 0 && norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;
      adam.update(parameters, scale);
      for (Parameter p : parameters) {
        p.enforceConstraints();
      }
      if (heard != null) {
        heard.setStep(stepsDone() + done + 1);
        for (StepListener listener : listeners) {
          listener.stepTaken(heard);
        }
      }
      if (done == 0) {
        series.put(TrainingHistory.LOSS, new double[steps]);
        if (!weightPenalties.isEmpty() || rateL2 > 0) {
          series.put("task_loss", new double[steps]);
          weightPenalties.forEach(p -> series.put(p.name(), new double[steps]));
          if (rateL2 > 0) {
            series.put(Penalty.rateL2(rateL2).name(), new double[steps]);
          }
        }
        r.metrics().keySet().forEach(name -> {
          metricNames.add(name);
          series.put(name, new double[steps]);
        });
      }
      series.get(TrainingHistory.LOSS)[done] = total;
      if (series.containsKey("task_loss")) {
        series.get("task_loss")[done] = r.loss();
        for (int i = 0; i < terms.length; i++) {
          series.get(weightPenalties.get(i).name())[done] = terms[i];
        }
        if (rateL2 > 0) {
          series.get(Penalty.rateL2(rateL2).name())[done] = r.ratePenalty();
        }
      }
      for (String name : metricNames) {
        series.get(name)[done] = r.metrics().getOrDefault(name, Double.NaN);
      }
      done++;
      int logEvery = trainer.logEvery();
      if (done % logEvery == 0 || done == steps) {
        int window = done % logEvery == 0 ? logEvery : done % logEvery;
        double[] loss = series.get(TrainingHistory.LOSS);
        double mean = 0;
        for (int i = done - window; i < done; i++) {
          mean += loss[i];
        }
        sink.report(stepsDone() + done, stepsDone() + steps, mean / window, (System.nanoTime() - start) / 1e9);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, double[]> kept = new LinkedHashMap<>();
    int length = done;
    series.forEach((name, values) -> kept.put(name, Arrays.copyOf(values, length)));
    if (kept.isEmpty()) {
      kept.put(TrainingHistory.LOSS, new double[0]);
    }
    TrainingHistory these = new TrainingHistory(kept, seconds, stopReason);
    history = history == null ? these : history.then(these);
    return these;
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
    double lr = trainer.learningRate();
    double clip = trainer.clipGradNorm();
    return String.format(Locale.ROOT, "Training stopped at step %d: %s, so the network diverged. It keeps the "
        + "parameters of step %d. Try a smaller learning rate (now %s, e.g. learningRate(%s))%s.", step, what,
        step - 1, lr, lr / 10, clip > 0 ? " or a tighter clipGradNorm (now " + clip + ")"
            : " or gradient clipping, e.g. clipGradNorm(1.0)");
  }
}
