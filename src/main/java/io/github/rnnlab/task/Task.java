package io.github.rnnlab.task;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.TaskChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A cognitive task in trials, modelled on neurogym's {@code TrialEnv}: named periods with durations in ms quantised
 * to the time step, named input channels, a target label per step and variables per trial. A task is an immutable
 * description; {@link #trials(long)} gives a seeded stream of its trials. A {@link io.github.rnnlab.data.Dataset}
 * draws its columns' streams on several threads at once, so a task keeps no state outside its streams.
 */
public interface Task {

  /** The task's name, e.g. {@code PerceptualDecisionMaking}. */
  String name();

  /** The time step in milliseconds. */
  double dtMs();

  /** The names of the input channels, in order. */
  List<String> inputNames();

  /**
   * The names of the outputs, in order: the class labels (label 0 is "fixate") for a task with label targets, the
   * target channels for a task with float targets.
   */
  List<String> outputNames();

  /**
   * Whether the targets are class labels (a discrete action space; trained with cross-entropy) rather than float
   * values (a continuous one; trained with mean squared error). True unless a task says otherwise.
   */
  default boolean hasLabels() {
    return true;
  }

  /** The names of a trial's periods, in order. */
  List<String> periodNames();

  /** The timing of each period. */
  Map<String, Timing> timing();

  /** Draws one trial, using only {@code rng} for randomness. */
  Trial sampleTrial(RandomGenerator rng);

  /**
   * Draws trial number {@code index} (from 0) of a {@link TrialStream}. Tasks whose trials depend on their place in
   * the sequence override this, as yang19's tasks alternate rings; the default ignores {@code index}.
   */
  default Trial sampleTrial(RandomGenerator rng, long index) {
    return sampleTrial(rng);
  }

  /** The number of input channels. */
  default int inputSize() {
    return inputNames().size();
  }

  /** The number of outputs: labels, or float target channels. */
  default int outputSize() {
    return outputNames().size();
  }

  /**
   * A stream of trials with its own random generator seeded by {@code seed}. Tasks whose trials depend on earlier
   * ones (a block schedule, an interleaving of tasks) keep that state in the stream, so each stream is independent.
   */
  default TrialStream trials(long seed) {
    return new TrialStream(this, seed);
  }

  /**
   * The lengths of {@code numTrials} trials drawn with {@code seed} (neurogym's {@code trial_length_stats}): what a
   * back-to-back {@code seqLen} must cover.
   *
   * @throws IllegalArgumentException if {@code numTrials} is not positive
   */
  default TrialLengthStats trialLengthStats(int numTrials, long seed) {
    if (numTrials <= 0) {
      throw new IllegalArgumentException("numTrials must be > 0; got " + numTrials);
    }
    return TrialLengthStats.of(trials(seed).next(numTrials));
  }

  /** The inputs and targets of {@code numTrials} consecutive trials (neurogym's {@code plot_env}). */
  default Figure plot(int numTrials, long seed) {
    List<float[][]> inputs = new ArrayList<>();
    List<float[][]> targets = new ArrayList<>();
    for (Trial trial : trials(seed).next(numTrials)) {
      inputs.add(trial.inputRows());
      targets.add(trial.targetRows());
    }
    return TaskChart.of(name() + " (dt = " + dtMs() + " ms)", inputNames(), outputNames(),
        hasLabels() ? outputSize() : 0, inputs, targets);
  }
}
