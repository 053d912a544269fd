package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The task catalogue: every neurogym task with a supervised target, by neurogym id as {@code gym.make} takes it, plus
 * the tutorial's visual task; and factories for the tutorial's tasks.
 *
 * <p>Registered ({@link #names()}, {@link #table()}): the 24 native tasks of neurogym 2.2 that have a target (all but
 * Bandit, DawTwoStep, Null and EconomicDecisionMaking, which only reward actions), the 20 tasks of its {@code yang19}
 * collection, its two {@code perceptualdecisionmaking} collection tasks ({@code roitman02}, reaction time;
 * {@code ibl20}, biased blocks) and {@code tutorial.SimpleVisualDecisionMaking-v0}: 47 tasks. Where neurogym's
 * newest release removed a task's go cue, the catalogue keeps the cue (the task stays learnable); where neurogym has a
 * bug, the catalogue does the right thing; each task's javadoc says which. Three tasks cannot be supervised as
 * neurogym writes them and are registered as supervised variants that say how they differ:
 * {@code Reaching1D-v0} and {@code Reaching1DWithSelfDistraction-v0} (closed-loop position input, targets truncated
 * to integers: here teacher-forced, see {@link Reaching1D}) and {@code HierarchicalReasoning-v0} (answer drawn
 * independently of the shown delay, rule never shown: see {@link HierarchicalReasoning}).
 *
 * <p>Rule inputs for mixing yang19 tasks: {@link MultiTask}.
 */
public final class Tasks {
  private static final String YANG19 = "Yang et al. 2019, Nat. Neurosci. 22:297";

  private static final List<Entry> REGISTRY = List.of(
      new Entry("PerceptualDecisionMaking-v0", "Two-alternative forced choice on a noisy stimulus (random-dot motion)",
          "Britten et al. 1992, J. Neurosci. 12:4745", PerceptualDecisionMaking::builder),
      new Entry("PerceptualDecisionMakingDelayResponse-v0",
          "Report the stronger of two noisy evidence streams after a random delay",
          "Inagaki et al. 2019, Nature 566:212", PerceptualDecisionMakingDelayResponse::builder),
      new Entry("PulseDecisionMaking-v0", "Report which of two streams flashed more pulses",
          "Scott et al. 2015, eLife 4:e11308", PulseDecisionMaking::builder),
      new Entry("ContextDecisionMaking-v0", "Decide on the modality the context names, ignore the other",
          "Mante et al. 2013, Nature 503:78", ContextDecisionMaking::builder),
      new Entry("MultiSensoryIntegration-v0", "Add up the evidence of two modalities pointing the same way", "",
          MultiSensoryIntegration::builder),
      new Entry("DelayComparison-v0", "Report whether the first of two scalar stimuli, separated by a delay, was larger",
          "Barak, Tsodyks & Romo 2010, J. Neurosci. 30:9424", DelayComparison::builder),
      new Entry("DelayMatchSample-v0", "Report whether a test direction matches the sample shown before a delay",
          "Miller et al. 1996, J. Neurosci. 16:5154", DelayMatchSample::builder),
      new Entry("DelayMatchSampleDistractor1D-v0", "Say \"match\" during the one of three tests that matches the sample",
          "Miller et al. 1996, J. Neurosci. 16:5154", DelayMatchSampleDistractor1D::builder),
      new Entry("DelayMatchCategory-v0", "Report whether sample and test angles lie in the same half of the circle",
          "Freedman & Assad 2006, Nature 443:85", DelayMatchCategory::builder),
      new Entry("DualDelayMatchSample-v0", "Two samples; a cue says which is tested; match or non-match, twice",
          "Rose et al. 2016, Science 354:1136", DualDelayMatchSample::builder),
      new Entry("DelayPairedAssociation-v0", "Go after a delay for two of four stimulus pairs, hold for the others",
          "Zhang et al. 2019, eLife 8:e43191", DelayPairedAssociation::builder),
      new Entry("GoNogo-v0", "Go or hold after a delay, as a cue said", "Zhang et al. 2019, eLife 8:e43191",
          GoNogo::builder),
      new Entry("AntiReach-v0", "Answer the direction opposite to a stimulus on a ring, after the go cue",
          "Munoz & Everling 2004, Nat. Rev. Neurosci. 5:218", AntiReach::builder),
      new Entry("Reaching1D-v0", "Steer one's position on a ring towards a target (teacher-forced)",
          "Georgopoulos et al. 1986, Science 233:1416", Reaching1D::builder),
      new Entry("Reaching1DWithSelfDistraction-v0",
          "Steer towards a weak target on a ring that also shows one's own position strongly (teacher-forced)", "",
          Reaching1D::withSelfDistraction),
      new Entry("ReachingDelayResponse-v0", "Output a remembered scalar position when the go signal comes (float)", "",
          ReachingDelayResponse::builder),
      new Entry("IntervalDiscrimination-v0", "Report which of two stimuli lasted longer",
          "Genovesio et al. 2009, Neuron 63:254", IntervalDiscrimination::builder),
      new Entry("ReadySetGo-v0", "Measure the Ready-Set interval, then go after gain times it",
          "Remington et al. 2018, Neuron 98:1005", ReadySetGo::builder),
      new Entry("MotorTiming-v0", "Produce one of two cued intervals after Set",
          "Wang et al. 2018, Nat. Neurosci. 21:102", MotorTiming::builder),
      new Entry("OneTwoThreeGo-v0", "Three flashes at a steady interval; go one interval after the third",
          "Egger et al. 2019, Nat. Neurosci. 22:1871", OneTwoThreeGo::builder),
      new Entry("HierarchicalReasoning-v0", "Judge a delay short or long and answer towards or away by the block's rule",
          "Sarafyazd & Jazayeri 2019, Science 364:eaav8911", HierarchicalReasoning::builder),
      new Entry("ProbabilisticReasoning-v0", "Shapes carry evidence; the answer is drawn from the posterior",
          "Yang & Shadlen 2007, Nature 447:1075", ProbabilisticReasoning::builder),
      new Entry("PostDecisionWager-v0", "Random-dot decision with a sure-bet option on half the trials",
          "Kiani & Shadlen 2009, Science 324:759", PostDecisionWager::builder),
      new Entry("SpatialSuppressMotion-v0", "Human report probabilities of motion direction by size and contrast (float)",
          "Tadin et al. 2003, Nature 424:312", SpatialSuppressMotion::builder),
      reach(Yang19Reach.Variant.GO, "Go: answer the direction shown, after the fixation cue goes off"),
      reach(Yang19Reach.Variant.REACTION_TIME_GO, "Reaction-time go: answer the direction as soon as it appears"),
      reach(Yang19Reach.Variant.DELAYED_GO, "Delayed go: answer the direction shown before a 500 ms memory delay"),
      reach(Yang19Reach.Variant.ANTI, "Anti: answer the direction opposite to the one shown"),
      reach(Yang19Reach.Variant.REACTION_TIME_ANTI, "Reaction-time anti: answer the opposite direction at once"),
      reach(Yang19Reach.Variant.DELAYED_ANTI, "Delayed anti: answer the opposite of a remembered direction"),
      decision(Yang19DecisionMaking.Variant.DM1, "Decision 1: choose the stronger of two directions on ring 1"),
      decision(Yang19DecisionMaking.Variant.DM2, "Decision 2: choose the stronger of two directions on ring 2"),
      decision(Yang19DecisionMaking.Variant.CONTEXT_DM1, "Context decision 1: both rings show evidence, ring 1 counts"),
      decision(Yang19DecisionMaking.Variant.CONTEXT_DM2, "Context decision 2: both rings show evidence, ring 2 counts"),
      decision(Yang19DecisionMaking.Variant.MULTI_DM, "Multi-sensory decision: the sum over both rings counts"),
      decision(Yang19DecisionMaking.Variant.DELAYED_DM1,
          "Delayed decision 1: two directions one after the other on ring 1; choose the stronger"),
      decision(Yang19DecisionMaking.Variant.DELAYED_DM2,
          "Delayed decision 2: two directions one after the other on ring 2; choose the stronger"),
      decision(Yang19DecisionMaking.Variant.CONTEXT_DELAYED_DM1,
          "Context delayed decision 1: sequential evidence on both rings, ring 1 counts"),
      decision(Yang19DecisionMaking.Variant.CONTEXT_DELAYED_DM2,
          "Context delayed decision 2: sequential evidence on both rings, ring 2 counts"),
      decision(Yang19DecisionMaking.Variant.MULTI_DELAYED_DM,
          "Multi-sensory delayed decision: sequential evidence, the sum over both rings counts"),
      match(Yang19DelayMatch.Variant.MATCH_SAMPLE, "Delayed match to sample: go to the test if it matches the sample"),
      match(Yang19DelayMatch.Variant.NON_MATCH_SAMPLE, "Delayed non-match to sample: go if the test differs"),
      match(Yang19DelayMatch.Variant.MATCH_CATEGORY,
          "Delayed match to category: go if the test is in the sample's half of the ring"),
      match(Yang19DelayMatch.Variant.NON_MATCH_CATEGORY,
          "Delayed non-match to category: go if the test is in the other half"),
      new Entry("perceptualdecisionmaking.roitman02-v0",
          "Perceptual decision in reaction time: answer during the stimulus", "Roitman & Shadlen 2002, J. Neurosci. "
          + "22:9475", () -> PerceptualDecisionMaking.builder().reactionTime(true)),
      new Entry("perceptualdecisionmaking.ibl20-v0",
          "Perceptual decision with unsignalled blocks of 90 trials biased 0.8/0.2 to one side",
          "International Brain Laboratory 2021, eLife 10:e63711", () -> PerceptualDecisionMaking.builder()
          .blocks(90, 0.8)),
      new Entry("tutorial.SimpleVisualDecisionMaking-v0",
          "The tutorial's exercise 8: a noisy vertical or horizontal bar in a 10x10 image", "",
          SimpleVisualDecisionMaking::builder));

  private Tasks() {}

  private static Entry reach(Yang19Reach.Variant variant, String description) {
    return yang19(variant.taskName(), description, () -> Yang19Reach.builder(variant));
  }

  private static Entry decision(Yang19DecisionMaking.Variant variant, String description) {
    return yang19(variant.taskName(), description, () -> Yang19DecisionMaking.builder(variant));
  }

  private static Entry match(Yang19DelayMatch.Variant variant, String description) {
    return yang19(variant.taskName(), description, () -> Yang19DelayMatch.builder(variant));
  }

  private static Entry yang19(String taskName, String description, Supplier<? extends AbstractTask.Builder<?>> b) {
    return new Entry(taskName + "-v0", description, YANG19, b);
  }

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
   * The task registered as {@code name} with its default time step and timing (neurogym's; 100 ms for most tasks).
   *
   * @throws IllegalArgumentException if no task has that name
   */
  public static Task create(String name) {
    return entry(name).factory().get().build();
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
    Checks.positive("dtMs", dtMs);
    return entry(name).factory().get().dtMs(dtMs).timing(timing).build();
  }

  /** The one-line description of the task registered as {@code name}. */
  public static String description(String name) {
    return entry(name).description();
  }

  /**
   * The registered tasks, one row each, built with their default settings: {@code name}, {@code dt_ms} (the default
   * time step), {@code inputs}, {@code outputs} (labels, or float target channels), {@code targets} ({@code labels}
   * or {@code float}), {@code mean_steps} (the mean trial length over 200 trials at the default dt), {@code periods}
   * (in trial order), {@code description} and {@code paper} (empty where neurogym cites none).
   */
  public static Table table() {
    List<Task> tasks = REGISTRY.stream().map(e -> (Task) e.factory().get().build()).toList();
    List<Double> meanSteps = new ArrayList<>();
    for (Task t : tasks) {
      meanSteps.add(t.trialLengthStats(200, 0).meanSteps());
    }
    return Table.create("tasks",
        StringColumn.create("name", names()),
        DoubleColumn.create("dt_ms", tasks.stream().mapToDouble(Task::dtMs).toArray()),
        IntColumn.create("inputs", tasks.stream().mapToInt(Task::inputSize).toArray()),
        IntColumn.create("outputs", tasks.stream().mapToInt(Task::outputSize).toArray()),
        StringColumn.create("targets", tasks.stream().map(t -> t.hasLabels() ? "labels" : "float").toList()),
        DoubleColumn.create("mean_steps", meanSteps),
        StringColumn.create("periods", tasks.stream().map(t -> String.join(", ", t.periodNames())).toList()),
        StringColumn.create("description", REGISTRY.stream().map(Entry::description).toList()),
        StringColumn.create("paper", REGISTRY.stream().map(Entry::paper).toList()));
  }

  private static Entry entry(String name) {
    for (Entry e : REGISTRY) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown task '" + name + "'; registered tasks are " + names());
  }

  /** A registered task: its id, a one-line description, its paper and a builder with its defaults. */
  private record Entry(String name, String description, String paper,
      Supplier<? extends AbstractTask.Builder<?>> factory) {}
}
