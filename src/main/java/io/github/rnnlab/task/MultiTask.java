package io.github.rnnlab.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A set of tasks that share inputs and outputs, given rule (task identity) inputs: one extra input channel per task
 * of the set, {@code "rule <task name>"}, which is 1 for the whole trial on the channel of the trial's task and 0 on
 * the others, as neurogym's {@code ScheduleEnvs(env_input=True)} appends them (Yang et al. 2019's rule inputs). Every
 * task of the set gets the same rule channels, so a network trained on one of them can go on with another:
 *
 * <pre>{@code
 * var set = MultiTask.of(List.of("yang19.go-v0", "yang19.anti-v0", "yang19.dm1-v0", "yang19.dlygo-v0"), 20);
 * Task go = set.task("yang19.go-v0");        // 33 + 4 inputs, rule channel 33 on
 * Task anti = set.task("yang19.anti-v0");    // the same 37 inputs, rule channel 34 on
 * Task mixed = set.interleaved();            // trials of all four, as neurogym's ScheduleEnvs does
 * }</pre>
 *
 * <p>{@link #interleaved()} draws the task of each trial as neurogym's {@code RandomSchedule} does: the first trial
 * of a stream is the set's first task, each next one a uniformly drawn <i>other</i> task (never the same twice in a
 * row). Each task keeps its own place in the stream, so yang19's rings still alternate per task. Trial variables add
 * {@code rule}, the task's index in the set. Immutable.
 */
public final class MultiTask {
  private final List<Task> tasks;
  private final List<String> ruleNames;

  private MultiTask(List<? extends Task> tasks) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("a multi-task set needs at least one task; got none");
    }
    Task first = tasks.get(0);
    List<String> names = new ArrayList<>();
    for (Task t : tasks) {
      Objects.requireNonNull(t, "task");
      if (t.inputSize() != first.inputSize() || t.outputSize() != first.outputSize() || t.dtMs() != first.dtMs()
          || t.hasLabels() != first.hasLabels()) {
        throw new IllegalArgumentException("the tasks of a set must share inputs, outputs, targets and dt; "
            + first.name() + " has " + describe(first) + " but " + t.name() + " has " + describe(t));
      }
      if (names.contains("rule " + t.name())) {
        throw new IllegalArgumentException("task " + t.name() + " appears twice in the set");
      }
      names.add("rule " + t.name());
    }
    this.tasks = List.copyOf(tasks);
    this.ruleNames = List.copyOf(names);
  }

  /**
   * The set of {@code tasks}, rule channel {@code i} for task {@code i}.
   *
   * @throws IllegalArgumentException if the list is empty, a task repeats, or the tasks differ in inputs, outputs,
   *     kind of targets or time step
   */
  public static MultiTask of(List<? extends Task> tasks) {
    return new MultiTask(tasks);
  }

  /**
   * The set of the registered tasks {@code names} ({@link Tasks#create(String, double)}) at time step {@code dtMs};
   * {@code MultiTask.of(Yang19Task.ids(), dtMs)} is neurogym's mix of all 20 yang19 tasks (53 inputs).
   *
   * @throws IllegalArgumentException if a name is not registered, or as {@link #of(List)}
   */
  public static MultiTask of(List<String> names, double dtMs) {
    return new MultiTask(names.stream().map(n -> Tasks.create(n, dtMs)).toList());
  }

  /** The tasks without rule inputs, in rule order. */
  public List<Task> tasks() {
    return tasks;
  }

  /** The names of the rule channels, {@code "rule <task name>"}, in order. */
  public List<String> ruleNames() {
    return ruleNames;
  }

  /** The number of tasks (and rule channels). */
  public int size() {
    return tasks.size();
  }

  /**
   * Task {@code index} of the set with the set's rule inputs.
   *
   * @throws IllegalArgumentException if the index is out of range
   */
  public Task task(int index) {
    if (index < 0 || index >= tasks.size()) {
      throw new IllegalArgumentException("task index must be in 0.." + (tasks.size() - 1) + "; got " + index);
    }
    return new WithRule(index);
  }

  /**
   * The task called {@code name} (its {@link Task#name()}, or its registry id, e.g. {@code yang19.go-v0}) with the
   * set's rule inputs.
   *
   * @throws IllegalArgumentException if no task of the set has that name
   */
  public Task task(String name) {
    for (int i = 0; i < tasks.size(); i++) {
      String n = tasks.get(i).name();
      if (n.equals(name) || (n + "-v0").equals(name)) {
        return task(i);
      }
    }
    throw new IllegalArgumentException("no task '" + name + "' in this set; it has "
        + tasks.stream().map(Task::name).toList());
  }

  /** All tasks of the set, interleaved trial by trial with rule inputs (neurogym's {@code ScheduleEnvs}). */
  public Task interleaved() {
    return new Interleaved();
  }

  @Override
  public String toString() {
    return "MultiTask" + tasks.stream().map(Task::name).toList();
  }

  private static String describe(Task t) {
    return t.inputSize() + " inputs, " + t.outputSize() + " outputs, " + (t.hasLabels() ? "label" : "float")
        + " targets, dt " + t.dtMs() + " ms";
  }

  /** Every task's input names, then the rule channels. */
  private List<String> inputNames() {
    List<String> names = new ArrayList<>(tasks.get(0).inputNames());
    names.addAll(ruleNames);
    return names;
  }

  /** One task of the set with the rule inputs. */
  private final class WithRule implements Task {
    private final int index;
    private final Task task;

    WithRule(int index) {
      this.index = index;
      this.task = tasks.get(index);
    }

    @Override
    public String name() {
      return task.name();
    }

    @Override
    public double dtMs() {
      return task.dtMs();
    }

    @Override
    public List<String> inputNames() {
      return MultiTask.this.inputNames();
    }

    @Override
    public List<String> outputNames() {
      return task.outputNames();
    }

    @Override
    public boolean hasLabels() {
      return task.hasLabels();
    }

    @Override
    public List<String> periodNames() {
      return task.periodNames();
    }

    @Override
    public Map<String, Timing> timing() {
      return task.timing();
    }

    @Override
    public Trial sampleTrial(RandomGenerator rng) {
      return task.sampleTrial(rng).withRuleInputs(size(), index);
    }

    @Override
    public Trial sampleTrial(RandomGenerator rng, long trialIndex) {
      return task.sampleTrial(rng, trialIndex).withRuleInputs(size(), index);
    }

    @Override
    public TrialStream trials(long seed) {
      TrialStream inner = task.trials(seed);
      return new TrialStream(this, () -> inner.next().withRuleInputs(size(), index));
    }

    @Override
    public String toString() {
      return task + " with rule inputs " + ruleNames;
    }
  }

  /** The tasks interleaved by neurogym's RandomSchedule, with the rule inputs. */
  private final class Interleaved implements Task {

    /** {@code interleaved (n tasks)}; {@link #toString()} lists them. */
    @Override
    public String name() {
      return "interleaved (" + size() + " tasks)";
    }

    @Override
    public double dtMs() {
      return tasks.get(0).dtMs();
    }

    @Override
    public List<String> inputNames() {
      return MultiTask.this.inputNames();
    }

    @Override
    public List<String> outputNames() {
      return tasks.get(0).outputNames();
    }

    @Override
    public boolean hasLabels() {
      return tasks.get(0).hasLabels();
    }

    /** Every period name of the tasks, in order of first appearance. */
    @Override
    public List<String> periodNames() {
      return tasks.stream().flatMap(t -> t.periodNames().stream()).distinct().toList();
    }

    /** Empty: each task of the set has its own timing ({@link #tasks()}). */
    @Override
    public Map<String, Timing> timing() {
      return Map.of();
    }

    /** One trial of a uniformly drawn task. */
    @Override
    public Trial sampleTrial(RandomGenerator rng) {
      int i = rng.nextInt(size());
      return tasks.get(i).sampleTrial(rng).withRuleInputs(size(), i);
    }

    @Override
    public TrialStream trials(long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      long[] counts = new long[size()];
      int[] current = {-1};
      return new TrialStream(this, () -> {
        int i = current[0] < 0 || size() == 1 ? 0 : (current[0] + 1 + rng.nextInt(size() - 1)) % size();
        current[0] = i;
        return tasks.get(i).sampleTrial(rng, counts[i]++).withRuleInputs(size(), i);
      });
    }

    @Override
    public String toString() {
      return "interleaved " + tasks.stream().map(Task::name).toList() + " with rule inputs";
    }
  }
}
