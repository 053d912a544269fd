package io.github.rnnlab.train;

import io.github.rnnlab.data.BatchSource;
import io.github.rnnlab.data.TrialBatches;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Curriculum training (PsychRNN's {@code Curriculum}; Yang et al. 2019 trained on easy settings first): stages of
 * training data, e.g. a task at decreasing coherences or a sequence of tasks, each advanced from when a measured
 * performance reaches the stage's threshold. Training runs on one {@link TrainingSession}, so Adam's state carries
 * over from stage to stage. Every {@code checkEvery} steps the performance is measured; when it reaches the stage's
 * threshold the next stage starts; training ends when the last stage passes or after {@code maxSteps} steps.
 *
 * <pre>{@code
 * var curriculum = Curriculum.builder()
 *     .stage("coherence 51.2", easy, 0.9)       // a Task (trial-aligned batches) or any BatchSource
 *     .stage("all coherences", task, 0.8)
 *     .checkEvery(50).maxSteps(2000).build();
 * var history = curriculum.train(Trainer.defaults().session(net));
 * history.plot();                               // the loss, with the start of each stage marked
 * }</pre>
 *
 * <p>The history it returns has the series {@code stage} (the stage of each step, from 1) and {@code performance}
 * (the measurement at each check, NaN between checks), and an event at the first step of each stage. Immutable.
 */
public final class Curriculum {

  /**
   * How well the network does, measured at each check: by default the mean decision accuracy of the training
   * batches since the last check ({@link #decisionAccuracy()}); any measure will do, e.g.
   * {@code (net, recent) -> Evaluation.run(net, task, 200, 1).accuracy()}.
   */
  @FunctionalInterface
  public interface Performance {

    /** The performance of {@code network}, given the history of the steps since the last check. */
    double measure(RecurrentNetwork network, TrainingHistory recent);

    /** The mean decision accuracy over the steps since the last check (NaN steps, with no decision, skipped). */
    static Performance decisionAccuracy() {
      return (network, recent) -> Arrays.stream(recent.values(TrainingHistory.Metric.DECISION_ACCURACY))
          .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
  }

  /**
   * A stage: its name, where its batches come from and the performance that ends it.
   *
   * @param name what the stage trains on, e.g. {@code "coherence 51.2"}
   * @param data its batches
   * @param threshold the performance at which it passes
   */
  public record Stage(String name, BatchSource data, double threshold) {

    /**
     * A stage.
     *
     * @throws IllegalArgumentException if the threshold is not a finite number
     */
    public Stage {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(data, "data");
      Checks.finite("threshold", threshold);
    }
  }

  private final List<Stage> stages;
  private final Performance performance;
  private final int checkEvery;
  private final int maxSteps;

  private Curriculum(Builder b) {
    this.stages = List.copyOf(b.stages);
    this.performance = b.performance;
    this.checkEvery = b.checkEvery;
    this.maxSteps = b.maxSteps;
  }

  /** A builder: checks every 50 steps, at most 10 000 steps, decision accuracy as the performance. */
  public static Builder builder() {
    return new Builder();
  }

  /** The stages, in order. */
  public List<Stage> stages() {
    return stages;
  }

  /** Trains a fresh session of {@code trainer} for {@code network} through the stages. */
  public TrainingHistory train(RecurrentNetwork network, Trainer trainer) {
    return train(trainer.session(network));
  }

  /**
   * Trains {@code session} through the stages and returns the history of these steps, with the stage and the
   * measured performance of each step and an event at the start of each stage. Stops early if training diverges.
   */
  public TrainingHistory train(TrainingSession session) {
    TrainingHistory all = null;
    List<Double> stageOfStep = new ArrayList<>();
    List<Double> measured = new ArrayList<>();
    List<TrainingHistory.Event> events = new ArrayList<>();
    boolean stopped = false;
    for (int s = 0; s < stages.size() && !stopped && stageOfStep.size() < maxSteps; s++) {
      Stage stage = stages.get(s);
      events.add(new TrainingHistory.Event(stageOfStep.size() + 1, "stage " + (s + 1) + ": " + stage.name()));
      boolean passed = false;
      while (!passed && !stopped && stageOfStep.size() < maxSteps) {
        TrainingHistory chunk = session.train(stage.data(), Math.min(checkEvery, maxSteps - stageOfStep.size()));
        all = all == null ? chunk : all.then(chunk);
        for (int i = 0; i < chunk.steps(); i++) {
          stageOfStep.add(s + 1.0);
          measured.add(Double.NaN);
        }
        stopped = chunk.stopReason() != null || chunk.steps() == 0;
        if (!stopped) {
          double p = performance.measure(session.network(), chunk);
          measured.set(measured.size() - 1, p);
          passed = p >= stage.threshold();
        }
      }
    }
    TrainingHistory history = Objects.requireNonNull(all, "no stage trained");
    return history.withSeries(TrainingHistory.STAGE, stageOfStep.stream().mapToDouble(Double::doubleValue).toArray())
        .withSeries(TrainingHistory.PERFORMANCE, measured.stream().mapToDouble(Double::doubleValue).toArray())
        .withEvents(events);
  }

  @Override
  public String toString() {
    return "Curriculum" + stages.stream().map(s -> s.name() + " until " + s.threshold()).toList();
  }

  /** Settings of a {@link Curriculum}. */
  public static final class Builder {
    private final List<Stage> stages = new ArrayList<>();
    private Performance performance = Performance.decisionAccuracy();
    private int checkEvery = 50;
    private int maxSteps = 10_000;
    private int batchSize = 16;
    private long seed;

    private Builder() {}

    /** Adds a stage training on {@code data} until the performance reaches {@code threshold}. */
    public Builder stage(String name, BatchSource data, double threshold) {
      stages.add(new Stage(name, data, threshold));
      return this;
    }

    /**
     * Adds a stage training on trial-aligned batches of {@code task} ({@link TrialBatches}, {@link #batchSize} trials,
     * seeded by {@link #seed} plus the stage's index) until the performance reaches {@code threshold}.
     */
    public Builder stage(String name, Task task, double threshold) {
      return stage(name, TrialBatches.of(task, batchSize, seed + stages.size()), threshold);
    }

    /** The performance measure (default: the decision accuracy since the last check). */
    public Builder performance(Performance performance) {
      this.performance = Objects.requireNonNull(performance, "performance");
      return this;
    }

    /** Measures the performance every {@code steps} training steps (default 50). */
    public Builder checkEvery(int steps) {
      this.checkEvery = Checks.positive("checkEvery", steps);
      return this;
    }

    /** Stops after {@code steps} training steps in all, passed or not (default 10 000). */
    public Builder maxSteps(int steps) {
      this.maxSteps = Checks.positive("maxSteps", steps);
      return this;
    }

    /** The number of trials a batch of the task stages added after this call (default 16). */
    public Builder batchSize(int batchSize) {
      this.batchSize = Checks.positive("batchSize", batchSize);
      return this;
    }

    /** The seed of the task stages added after this call (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The curriculum.
     *
     * @throws IllegalArgumentException if it has no stage
     */
    public Curriculum build() {
      if (stages.isEmpty()) {
        throw new IllegalArgumentException("a curriculum needs at least one stage; got none");
      }
      return new Curriculum(this);
    }
  }
}
