package io.github.rnnlab.train;

import io.github.rnnlab.analysis.Evaluation;
import io.github.rnnlab.data.CostMask;
import io.github.rnnlab.data.TrialBatches;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.task.MultiTask;
import io.github.rnnlab.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Continual learning's protocol: one network learns tasks one after another, with one optimiser session (Adam's state
 * carries over, as in {@link Curriculum}), and after each stage it is tested on every task it has seen so far. The
 * result is the stage × task accuracy matrix with the usual measures of forgetting ({@link SequentialResult}).
 *
 * <pre>{@code
 * var set = MultiTask.of(List.of("yang19.go-v0", "yang19.anti-v0", "yang19.dm1-v0"), 20);   // shared rule inputs
 * var sequence = SequentialTraining.builder().tasks(set)        // go, then anti, then dm1, with rule inputs
 *     .stepsPerTask(500).batchSize(32).costMask(CostMask.yang2019()).seed(1).build();
 * var plain = sequence.train(Ctrnn.forTask(set.task(0), 64, 1), Trainer.defaults());
 * var ewc = Penalty.ewc(1e7);                                   // fresh for each run: it keeps state
 * var protectedRun = sequence.train(Ctrnn.forTask(set.task(0), 64, 1), Trainer.builder().penalty(ewc).build());
 * SequentialResult.compare(Map.of("plain", plain, "EWC", protectedRun));
 * }</pre>
 *
 * <p>Stage {@code k} trains for {@link Builder#stepsPerTask} steps on trial-aligned batches of task {@code k}
 * ({@link TrialBatches}, drawn with seed {@code seed + k}); then every {@link ConsolidationPenalty} among the
 * trainer's penalties consolidates the task on fresh batches of the same stream (not after the last stage, when there
 * is nothing left to protect it from); then the network runs {@link Builder#evaluationTrials} fresh trials of each
 * task {@code j <= k} (drawn with seed {@code evaluationSeed + j}, the same trials at every stage) and its accuracy is
 * recorded ({@link Evaluation#accuracy()}). Every train call draws the same batches and trials, so runs that differ
 * only in their trainer (plain, EWC, intelligent synapses) see the same data. If training stops early (the loss
 * stopped being finite), the sequence ends there and the later stages' rows stay NaN. Immutable.
 */
public final class SequentialTraining {
  private final List<Task> tasks;
  private final int stepsPerTask;
  private final int batchSize;
  private final CostMask costMask;
  private final long seed;
  private final int evaluationTrials;
  private final long evaluationSeed;

  private SequentialTraining(Builder b) {
    this.tasks = List.copyOf(b.tasks);
    this.stepsPerTask = b.stepsPerTask;
    this.batchSize = b.batchSize;
    this.costMask = b.costMask;
    this.seed = b.seed;
    this.evaluationTrials = b.evaluationTrials;
    this.evaluationSeed = b.evaluationSeed;
  }

  /**
   * A builder: 500 steps per task, batches of 16 trials with only their padding masked, seed 0, 200 evaluation trials
   * per task drawn with seed 1000.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The tasks, in training order. */
  public List<Task> tasks() {
    return tasks;
  }

  /** Trains {@code network} through the tasks with a fresh session of {@code trainer}. */
  public SequentialResult train(RecurrentNetwork network, Trainer trainer) {
    return train(trainer.session(network));
  }

  /**
   * Trains {@code session}'s network through the tasks, consolidating with the trainer's {@link ConsolidationPenalty}s
   * after each stage but the last, and tests it on the tasks seen so far after each stage.
   *
   * @throws IllegalArgumentException if the network does not fit the tasks
   */
  public SequentialResult train(TrainingSession session) {
    RecurrentNetwork network = session.network();
    Task first = tasks.get(0);
    if (first.inputSize() != network.inputSize() || first.outputSize() != network.outputSize()) {
      throw new IllegalArgumentException("the tasks have " + first.inputSize() + " inputs and " + first.outputSize()
          + " outputs but the network has " + network.inputSize() + " and " + network.outputSize());
    }
    List<ConsolidationPenalty> consolidations = session.trainer().penalties().stream()
        .filter(p -> p instanceof ConsolidationPenalty).map(p -> (ConsolidationPenalty) p).toList();
    int n = tasks.size();
    double[][] accuracy = new double[n][n];
    for (double[] row : accuracy) {
      Arrays.fill(row, Double.NaN);
    }
    TrainingHistory history = null;
    List<TrainingHistory.Event> events = new ArrayList<>();
    double[] stageOfStep = new double[0];
    for (int k = 0; k < n; k++) {
      Task task = tasks.get(k);
      TrialBatches data = TrialBatches.of(task, batchSize, seed + k, costMask);
      int offset = history == null ? 0 : history.steps();
      events.add(new TrainingHistory.Event(offset + 1, "stage " + (k + 1) + ": " + task.name()));
      TrainingHistory stage = session.train(data, stepsPerTask);
      history = history == null ? stage : history.then(stage);
      stageOfStep = Arrays.copyOf(stageOfStep, history.steps());
      Arrays.fill(stageOfStep, offset, history.steps(), k + 1);
      if (stage.stopReason() != null) {
        break;
      }
      if (k < n - 1) {
        for (ConsolidationPenalty penalty : consolidations) {
          penalty.consolidate(network, data);
        }
      }
      for (int j = 0; j <= k; j++) {
        accuracy[k][j] = Evaluation.run(network, tasks.get(j), evaluationTrials, evaluationSeed + j).accuracy();
      }
    }
    TrainingHistory all = Objects.requireNonNull(history).withSeries(TrainingHistory.STAGE, stageOfStep)
        .withEvents(events);
    return new SequentialResult(tasks.stream().map(Task::name).toList(), accuracy, all);
  }

  @Override
  public String toString() {
    return "SequentialTraining" + tasks.stream().map(Task::name).toList() + " (" + stepsPerTask + " steps each)";
  }

  /** Settings of a {@link SequentialTraining}. */
  public static final class Builder {
    private final List<Task> tasks = new ArrayList<>();
    private int stepsPerTask = 500;
    private int batchSize = 16;
    private CostMask costMask = CostMask.none();
    private long seed;
    private int evaluationTrials = 200;
    private long evaluationSeed = 1000;

    private Builder() {}

    /** Adds a task, trained after those added before. */
    public Builder task(Task task) {
      tasks.add(Objects.requireNonNull(task, "task"));
      return this;
    }

    /** Adds the tasks, in order. */
    public Builder tasks(List<? extends Task> list) {
      list.forEach(this::task);
      return this;
    }

    /** Adds every task of {@code set} with the set's rule inputs ({@link MultiTask#task(int)}), in the set's order. */
    public Builder tasks(MultiTask set) {
      for (int i = 0; i < set.size(); i++) {
        task(set.task(i));
      }
      return this;
    }

    /** The training steps of each stage (default 500). */
    public Builder stepsPerTask(int steps) {
      this.stepsPerTask = Checks.positive("stepsPerTask", steps);
      return this;
    }

    /** The number of trials in a training batch (default 16). */
    public Builder batchSize(int batchSize) {
      this.batchSize = Checks.positive("batchSize", batchSize);
      return this;
    }

    /** How the steps of each training trial are weighted (default: only the padding masked), e.g. Yang et al.'s. */
    public Builder costMask(CostMask costMask) {
      this.costMask = Objects.requireNonNull(costMask, "costMask");
      return this;
    }

    /** The seed of the training batches; task {@code k}'s come from {@code seed + k} (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The number of fresh trials each task is tested on after each stage (default 200). */
    public Builder evaluationTrials(int trials) {
      this.evaluationTrials = Checks.positive("evaluationTrials", trials);
      return this;
    }

    /** The seed of the test trials; task {@code j}'s come from {@code seed + j} (default 1000). */
    public Builder evaluationSeed(long seed) {
      this.evaluationSeed = seed;
      return this;
    }

    /**
     * The sequence.
     *
     * @throws IllegalArgumentException if there is no task, a task repeats, the tasks differ in inputs or outputs, or
     *     a task has float targets (accuracy needs class labels)
     */
    public SequentialTraining build() {
      if (tasks.isEmpty()) {
        throw new IllegalArgumentException("sequential training needs at least one task; the task list is empty");
      }
      Task first = tasks.get(0);
      List<String> names = new ArrayList<>();
      for (Task t : tasks) {
        if (names.contains(t.name())) {
          throw new IllegalArgumentException("task " + t.name() + " appears twice; each stage needs its own task");
        }
        names.add(t.name());
        if (t.inputSize() != first.inputSize() || t.outputSize() != first.outputSize()) {
          throw new IllegalArgumentException("the tasks must share inputs and outputs (give them the same rule inputs "
              + "with MultiTask); " + first.name() + " has " + first.inputSize() + " inputs and "
              + first.outputSize() + " outputs, " + t.name() + " has " + t.inputSize() + " and " + t.outputSize());
        }
        if (!t.hasLabels()) {
          throw new IllegalArgumentException("task " + t.name() + " has float targets; sequential training scores "
              + "accuracy, which needs class labels");
        }
      }
      return new SequentialTraining(this);
    }
  }
}
