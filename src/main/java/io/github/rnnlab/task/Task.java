package io.github.rnnlab.task;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.TaskChart;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A cognitive task in trials, modelled on neurogym's {@code TrialEnv}: named periods with durations in ms quantised
 * to the time step, named input channels, a target label per step and variables per trial. A task is an immutable
 * description; {@link #trials(long)} gives a seeded stream of its trials.
 */
public interface Task {

  /** The task's name, e.g. {@code PerceptualDecisionMaking}. */
  String name();

  /** The time step in milliseconds. */
  double dtMs();

  /** The names of the input channels, in order. */
  List<String> inputNames();

  /** The names of the output labels, in order (label 0 is "fixate"). */
  List<String> outputNames();

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

  /** The number of output labels. */
  default int outputSize() {
    return outputNames().size();
  }

  /** A stream of trials with its own random generator seeded by {@code seed}. */
  default TrialStream trials(long seed) {
    return new TrialStream(this, seed);
  }

  /** The inputs and targets of {@code numTrials} consecutive trials (neurogym's {@code plot_env}). */
  default Figure plot(int numTrials, long seed) {
    return TaskChart.of(this, trials(seed).next(numTrials));
  }
}
