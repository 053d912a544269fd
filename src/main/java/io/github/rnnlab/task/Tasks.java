package io.github.rnnlab.task;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Factories for the built-in tasks, and a registry of them by neurogym id, as {@code gym.make} takes it.
 *
 * <p>Registered: {@code PerceptualDecisionMaking-v0}, {@code yang19.go-v0} and {@code yang19.rtgo-v0}. The other 18
 * tasks of neurogym's {@code yang19} collection (dlygo, anti, rtanti, dlyanti, dm1, dm2, ctxdm1, ctxdm2, multidm,
 * dlydm1, dlydm2, ctxdlydm1, ctxdlydm2, multidlydm, dms, dnms, dmc, dnmc) are not implemented yet; asking for one
 * says so.
 */
public final class Tasks {
  /** The time step used to describe tasks in {@link #table()}: neurogym's default. */
  private static final double DEFAULT_DT_MS = 100;

  /** neurogym's {@code yang19} collection in its own order, to tell "not implemented yet" from a typo. */
  private static final List<String> YANG19 = List.of("go", "rtgo", "dlygo", "anti", "rtanti", "dlyanti", "dm1",
      "dm2", "ctxdm1", "ctxdm2", "multidm", "dlydm1", "dlydm2", "ctxdlydm1", "ctxdlydm2", "multidlydm", "dms", "dnms",
      "dmc", "dnmc");

  private static final List<Entry> REGISTRY = List.of(
      new Entry("PerceptualDecisionMaking-v0",
          "Two-alternative forced choice on a noisy stimulus (random-dot motion)",
          (dtMs, timing) -> {
            PerceptualDecisionMaking.Builder b = PerceptualDecisionMaking.builder().dtMs(dtMs);
            timing.forEach(b::timing);
            return b.build();
          }),
      new Entry("yang19.go-v0",
          "Choose the direction shown on one of two rings, after the stimulus goes off",
          (dtMs, timing) -> {
            Yang19Reach.Builder b = Yang19Reach.go().dtMs(dtMs);
            timing.forEach(b::timing);
            return b.build();
          }),
      new Entry("yang19.rtgo-v0",
          "Choose the direction shown on one of two rings, as soon as it appears (reaction time)",
          (dtMs, timing) -> {
            Yang19Reach.Builder b = Yang19Reach.reactionTimeGo().dtMs(dtMs);
            timing.forEach(b::timing);
            return b.build();
          }));

  private Tasks() {}

  /** neurogym's {@code PerceptualDecisionMaking-v0} with its defaults (dt 100 ms, stimulus 2000 ms). */
  public static PerceptualDecisionMaking perceptualDecisionMaking() {
    return PerceptualDecisionMaking.builder().build();
  }

  /**
   * {@code PerceptualDecisionMaking-v0} with the given time step and stimulus duration; the tutorial uses
   * {@code perceptualDecisionMaking(20, 1000)}.
   */
  public static PerceptualDecisionMaking perceptualDecisionMaking(double dtMs, double stimulusMs) {
    return PerceptualDecisionMaking.builder().dtMs(dtMs).stimulusMs(stimulusMs).build();
  }

  /**
   * neurogym's {@code yang19.go-v0} with the given time step and stimulus duration; the tutorial's exercise uses
   * {@code yang19Go(20, 1000)} (100 steps a trial).
   */
  public static Yang19Reach yang19Go(double dtMs, double stimulusMs) {
    return Yang19Reach.go().dtMs(dtMs).stimulusMs(stimulusMs).build();
  }

  /**
   * neurogym's {@code yang19.rtgo-v0} with the given time step; it has no stimulus period, so the tutorial's
   * {@code timing={'stimulus': 1000}} leaves it unchanged: {@code yang19ReactionTimeGo(20)} (50 steps a trial).
   */
  public static Yang19Reach yang19ReactionTimeGo(double dtMs) {
    return Yang19Reach.reactionTimeGo().dtMs(dtMs).build();
  }

  /** The ids of the registered tasks, in registration order. */
  public static List<String> names() {
    return REGISTRY.stream().map(Entry::name).toList();
  }

  /**
   * The task registered as {@code name}, with the given time step and its default timing.
   *
   * @throws IllegalArgumentException if no task has that name, or {@code dtMs} is not a positive number
   */
  public static Task create(String name, double dtMs) {
    return create(name, dtMs, Map.of());
  }

  /**
   * The task registered as {@code name}, with the given time step and {@code timing} overriding the default timing of
   * the periods it names, as neurogym's {@code timing} argument does; e.g.
   * {@code create("yang19.go-v0", 20, Map.of("stimulus", Timing.constant(1000)))}.
   *
   * @throws IllegalArgumentException if no task has that name, a period is not one of the task's, or {@code dtMs} is
   *     not a positive number
   */
  public static Task create(String name, double dtMs, Map<String, Timing> timing) {
    Objects.requireNonNull(timing, "timing");
    return entry(name).factory().create(dtMs, timing);
  }

  /**
   * The registered tasks, one row each: {@code name}, {@code inputs} and {@code outputs} (channel and label counts),
   * {@code periods} (in trial order) and {@code description}.
   */
  public static Table table() {
    List<Task> tasks = REGISTRY.stream().map(e -> e.factory().create(DEFAULT_DT_MS, Map.of())).toList();
    return Table.create("tasks",
        StringColumn.create("name", names()),
        IntColumn.create("inputs", tasks.stream().mapToInt(Task::inputSize).toArray()),
        IntColumn.create("outputs", tasks.stream().mapToInt(Task::outputSize).toArray()),
        StringColumn.create("periods", tasks.stream().map(t -> String.join(", ", t.periodNames())).toList()),
        StringColumn.create("description", REGISTRY.stream().map(Entry::description).toList()));
  }

  private static Entry entry(String name) {
    for (Entry e : REGISTRY) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    String known = "registered tasks are " + names();
    if (name != null && name.startsWith("yang19.") && name.endsWith("-v0")
        && YANG19.contains(name.substring("yang19.".length(), name.length() - "-v0".length()))) {
      throw new IllegalArgumentException("task '" + name + "' of neurogym's yang19 collection is not implemented yet; "
          + known);
    }
    throw new IllegalArgumentException("unknown task '" + name + "'; " + known);
  }


  /** Builds a registered task from a time step and timing overrides. */
  @FunctionalInterface
  private interface Factory {
    Task create(double dtMs, Map<String, Timing> timing);
  }

  /** A registered task: its neurogym id, a one-line description and how to build it. */
  private record Entry(String name, String description, Factory factory) {}
}
