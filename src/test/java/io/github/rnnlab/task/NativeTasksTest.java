package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins what is specific to each native task against neurogym's definitions (the task notes written from neurogym
 * 2.2's source): channels, stimulus values, targets, timing at the default dt. Noise is switched off (sigma 0) where
 * a task has it, so values compare exactly.
 */
class NativeTasksTest {
  private static final float EPS = 1e-6f;

  private static void assertInput(double expected, Trial trial, int t, int channel) {
    assertEquals(expected, trial.input(t, channel), EPS, "input " + channel + " at step " + t + " of " + trial);
  }

  /** Channel {@code channel} is {@code value} in {@code period} and 0 elsewhere. */
  private static void assertOnlyIn(Trial trial, int channel, Period period, double value) {
    for (int t = 0; t < trial.steps(); t++) {
      assertInput(period.contains(t) ? value : 0, trial, t, channel);
    }
  }

  /** The target is {@code label} in {@code period} and 0 elsewhere. */
  private static void assertTargetOnlyIn(Trial trial, Period period, int label) {
    for (int t = 0; t < trial.steps(); t++) {
      assertEquals(period.contains(t) ? label : 0, trial.target(t), "target at step " + t + " of " + trial);
    }
  }

  /** The fixation input is 1 before {@code period} starts and 0 from then on. */
  private static void assertFixationUntil(Trial trial, Period period) {
    for (int t = 0; t < trial.steps(); t++) {
      assertInput(t < period.start() ? 1 : 0, trial, t, 0);
    }
  }

  @Test
  void perceptualDecisionMakingDelayResponse() {
    Task task = PerceptualDecisionMakingDelayResponse.builder().sigma(0).build();
    assertEquals(List.of("fixation", "stimulus 1", "stimulus 2"), task.inputNames());
    Set<Integer> delays = Set.of(3, 5, 7, 9, 12, 20, 32, 40);
    for (Trial trial : task.trials(1).next(30)) {
      assertEquals(0, trial.period("fixation").steps());
      assertEquals(11, trial.period("stimulus").steps(), "1150 ms floors to 1100 at dt 100");
      assertTrue(delays.contains(trial.period("delay").steps()));
      assertEquals(15, trial.period("decision").steps());
      int g = trial.groundTruth();
      double c = trial.info().get("coherence");
      int t = trial.period("stimulus").start();
      assertInput((1 + c / 100) / 2, trial, t, 1 + g);
      assertInput((1 - c / 100) / 2, trial, t, 2 - g);
      assertFixationUntil(trial, trial.period("decision"));
      assertTargetOnlyIn(trial, trial.period("decision"), 1 + g);
    }
  }

  @Test
  void pulseDecisionMaking() {
    Task task = Tasks.create("PulseDecisionMaking-v0");
    for (Trial trial : task.trials(2).next(30)) {
      assertEquals(250, trial.steps(), "fixation 50 + 6 × (cue 1 + bin 24) + decision 50 at dt 10");
      int[] counts = new int[2];
      for (int i = 0; i < 6; i++) {
        Period cue = trial.period("cue" + i);
        assertEquals(1, cue.steps());
        for (int s = 0; s < 2; s++) {
          counts[s] += trial.input(cue.start(), 1 + s) == 1 ? 1 : 0;
          assertInput(0, trial, trial.period("bin" + i).start(), 1 + s);
        }
      }
      assertEquals(trial.info().get("pulses1"), counts[0]);
      assertEquals(trial.info().get("pulses2"), counts[1]);
      if (counts[0] != counts[1]) {
        assertEquals(counts[1] > counts[0] ? 1 : 0, trial.groundTruth());
      }
      assertFixationUntil(trial, trial.period("decision"));
      assertTargetOnlyIn(trial, trial.period("decision"), 1 + trial.groundTruth());
    }
    // At dt 20 the 10 ms cues floor to 0 steps and the pulses vanish, as in neurogym.
    Trial coarse = Tasks.create("PulseDecisionMaking-v0", 20).trials(2).next();
    for (int t = 0; t < coarse.steps(); t++) {
      assertInput(0, coarse, t, 1);
      assertInput(0, coarse, t, 2);
    }
  }

  @Test
  void contextDecisionMaking() {
    Task implicit = ContextDecisionMaking.builder().sigma(0).build();
    assertEquals(List.of("fixation", "stim1_mod1", "stim2_mod1", "stim1_mod2", "stim2_mod2"), implicit.inputNames());
    Task explicit = ContextDecisionMaking.builder().sigma(0).explicitContext(true).build();
    assertEquals(List.of("context1", "context2"), explicit.inputNames().subList(5, 7));
    for (Task task : List.of(implicit, explicit)) {
      for (Trial trial : task.trials(3).next(30)) {
        int context = trial.info().get("context").intValue();
        int g = trial.groundTruth();
        int other = trial.info().get("other_choice").intValue();
        double coh1 = trial.info().get("coh_1");
        double coh2 = trial.info().get("coh_2");
        int t = trial.period("stimulus").start();
        // The modality the context names points to the ground truth; the other to the other choice.
        int choice1 = context == 0 ? g : other;
        int choice2 = context == 0 ? other : g;
        assertInput(0.5 + coh1 / 200, trial, t, 1 + choice1);
        assertInput(0.5 - coh1 / 200, trial, t, 2 - choice1);
        assertInput(0.5 + coh2 / 200, trial, t, 3 + choice2);
        assertInput(0.5 - coh2 / 200, trial, t, 4 - choice2);
        int delay = trial.period("delay").steps();
        assertTrue(delay >= 3 && delay <= 29, "delay " + delay);
        assertFixationUntil(trial, trial.period("decision"));
        assertTargetOnlyIn(trial, trial.period("decision"), 1 + g);
        if (task == explicit) {
          for (int s = 0; s < trial.steps(); s++) {
            assertInput(context == 0 ? 1 : 0, trial, s, 5);
            assertInput(context == 1 ? 1 : 0, trial, s, 6);
          }
        } else {
          assertEquals(0, context);
        }
      }
    }
  }

  @Test
  void multiSensoryIntegration() {
    Task task = MultiSensoryIntegration.builder().sigma(0).build();
    assertEquals(List.of("fixation", "stimulus_mod1 1", "stimulus_mod1 2", "stimulus_mod2 1", "stimulus_mod2 2"),
        task.inputNames());
    for (Trial trial : task.trials(4).next(30)) {
      int g = trial.groundTruth();
      double coh = trial.info().get("coherence");
      double prop = trial.info().get("coh_prop");
      int t = trial.period("stimulus").start();
      assertInput(0.5 + coh * prop / 200, trial, t, 1 + g);
      assertInput(0.5 - coh * prop / 200, trial, t, 2 - g);
      assertInput(0.5 + coh * (1 - prop) / 200, trial, t, 3 + g);
      assertEquals(11, trial.steps());
      assertFixationUntil(trial, trial.period("decision"));
      assertTargetOnlyIn(trial, trial.period("decision"), 1 + g);
    }
  }

  @Test
  void delayComparison() {
    Task task = DelayComparison.builder().sigma(0).build();
    for (Trial trial : task.trials(5).next(30)) {
      assertEquals(26, trial.steps());
      double v1 = trial.info().get("v1");
      double v2 = trial.info().get("v2");
      assertEquals(v1 > v2 ? 0 : 1, trial.groundTruth());
      assertInput((1 + (v1 - 10) / 24) / 2, trial, trial.period("stimulus1").start(), 1);
      assertInput((1 + (v2 - 10) / 24) / 2, trial, trial.period("stimulus2").start(), 1);
      assertInput(0, trial, trial.period("delay").start(), 1);
      assertFixationUntil(trial, trial.period("decision"));
      assertTargetOnlyIn(trial, trial.period("decision"), 1 + trial.groundTruth());
    }
    assertEquals(0.5, ((DelayComparison) task).represent(10), 1e-12);
    assertEquals(1.0, ((DelayComparison) task).represent(34), 1e-12);
  }

  @Test
  void delayMatchSample() {
    Task task = DelayMatchSample.builder().sigma(0).build();
    assertEquals(List.of("fixation", "match", "non-match"), task.outputNames());
    for (Trial trial : task.trials(6).next(30)) {
      assertEquals(32, trial.steps());
      double sample = trial.info().get("sample_theta");
      double test = trial.info().get("test_theta");
      assertEquals(trial.groundTruth() == 0 ? sample : (sample + Math.PI) % (2 * Math.PI), test, 1e-12);
      int s = trial.period("sample").start();
      // Two directions, θ = 0 and π: the stimulus is (1, 0) or (0, 1).
      assertInput(sample == 0 ? 1 : 0, trial, s, 1);
      assertInput(sample == 0 ? 0 : 1, trial, s, 2);
      assertInput(test == 0 ? 1 : 0, trial, trial.period("test").start(), 1);
      assertFixationUntil(trial, trial.period("decision"));
      assertTargetOnlyIn(trial, trial.period("decision"), 1 + trial.groundTruth());
    }
  }

  @Test
  void delayMatchSampleDistractor1D() {
    Task task = Tasks.create("DelayMatchSampleDistractor1D-v0");
    assertEquals(33, task.inputSize());
    assertEquals(List.of("fixation", "match"), task.outputNames());
    for (Trial trial : task.trials(7).next(20)) {
      assertEquals(53, trial.steps());
      double sample = trial.info().get("sample");
      assertOnlyIn(trial, 0, trial.period("fixation"), 1);
      for (int i = 1; i <= 3; i++) {
        Period test = trial.period("test" + i);
        double angle = trial.info().get("test" + i);
        assertInput(Math.cos(-angle), trial, test.start(), 1);
        assertInput(Math.cos(2 * Math.PI * 8 / 32 - angle), trial, test.start(), 9);
        assertEquals(i == trial.groundTruth() + 1, angle == sample, "test " + i);
        for (int t = test.start(); t < test.end(); t++) {
          assertEquals(i == trial.groundTruth() + 1 ? 1 : 0, trial.target(t));
        }
      }
      assertEquals(3, trial.responses().size());
      assertInput(0, trial, trial.period("delay2").start(), 5);
    }
  }

  @Test
  void delayMatchCategory() {
    Task task = DelayMatchCategory.builder().sigma(0).build();
    for (Trial trial : task.trials(8).next(30)) {
      assertEquals(27, trial.steps());
      double sample = trial.info().get("sample_theta");
      double test = trial.info().get("test_theta");
      assertEquals(trial.info().get("sample_category"), Math.floor(sample / Math.PI));
      assertEquals(trial.groundTruth() == 0, Math.floor(sample / Math.PI) == Math.floor(test / Math.PI));
      assertInput(Math.cos(sample) * 0.5 + 0.5, trial, trial.period("sample").start(), 1);
      assertInput(Math.cos(Math.PI - test) * 0.5 + 0.5, trial, trial.period("test").start(), 2);
      assertFixationUntil(trial, trial.period("test"));
      assertTargetOnlyIn(trial, trial.period("test"), 1 + trial.groundTruth());
    }
  }

  @Test
  void dualDelayMatchSample() {
    Task task = DualDelayMatchSample.builder().sigma(0).build();
    for (Trial trial : task.trials(9).next(30)) {
      assertEquals(40, trial.steps());
      int order = trial.info().get("test_order").intValue();
      for (int item = 0; item < 2; item++) {
        String slot = item == order ? "1" : "2";
        double sample = trial.info().get("sample" + (item + 1));
        int answer = item == 0 ? trial.groundTruth() : trial.info().get("ground_truth2").intValue();
        double test = answer == 0 ? sample : 0.5 - sample;
        assertOnlyIn(trial, 5 + item, trial.period("cue" + slot), 1);
        int at = trial.period("test" + slot).start();
        assertInput(Math.cos(test * Math.PI), trial, at, 1 + 2 * item);
        assertInput(Math.sin(test * Math.PI), trial, at, 2 + 2 * item);
        assertInput(Math.cos(sample * Math.PI), trial, trial.period("sample").start(), 1 + 2 * item);
        assertEquals(1 + answer, trial.target(at));
      }
      for (int t = 0; t < trial.steps(); t++) {
        assertInput(1, trial, t, 0);
      }
    }
  }

  @Test
  void delayPairedAssociationAndGoNogo() {
    for (Trial trial : Tasks.create("DelayPairedAssociation-v0").trials(10).next(30)) {
      assertEquals(45, trial.steps());
      int a = trial.info().get("stimulus1").intValue();
      int b = trial.info().get("stimulus2").intValue();
      assertEquals((a == 1 && b == 3) || (a == 2 && b == 4) ? 1 : 0, trial.groundTruth());
      assertOnlyIn(trial, a, trial.period("stim1"), 1);
      assertOnlyIn(trial, b, trial.period("stim2"), 1);
      assertFixationUntil(trial, trial.period("decision"));
      assertTargetOnlyIn(trial, trial.period("decision"), trial.groundTruth());
    }
    Task goNogo = Tasks.create("GoNogo-v0");
    assertEquals(List.of("fixation", "nogo", "go"), goNogo.inputNames());
    for (Trial trial : goNogo.trials(11).next(20)) {
      assertEquals(15, trial.steps());
      assertOnlyIn(trial, 1 + trial.groundTruth(), trial.period("stimulus"), 1);
      assertOnlyIn(trial, 2 - trial.groundTruth(), trial.period("stimulus"), 0);
      assertTargetOnlyIn(trial, trial.period("decision"), trial.groundTruth());
    }
  }

  @Test
  void antiReach() {
    for (boolean anti : List.of(true, false)) {
      Task task = AntiReach.builder().anti(anti).build();
      for (Trial trial : task.trials(12).next(20)) {
        int g = trial.groundTruth();
        int peak = anti ? (g + 16) % 32 : g;
        int t = trial.period("stimulus").start();
        assertInput(1, trial, t, 1 + peak);
        assertInput(-1, trial, t, 1 + (peak + 16) % 32);
        assertFixationUntil(trial, trial.period("decision"));
        assertTargetOnlyIn(trial, trial.period("decision"), 1 + g);
      }
    }
  }

  /** The teacher-forced reach: from π, one 0.05 rad step towards the target per reach step; the self input shows it. */
  @Test
  void reachingIsTeacherForced() {
    for (Task task : List.of(Tasks.create("Reaching1D-v0"), Tasks.create("Reaching1DWithSelfDistraction-v0"))) {
      boolean distracted = task.inputSize() == 32 && task.name().contains("Self");
      int d = distracted ? 32 : 16;
      for (Trial trial : task.trials(13).next(20)) {
        double target = trial.info().get("target");
        double position = Math.PI;
        Period reach = trial.period("reach");
        for (int t = 0; t < trial.steps(); t++) {
          for (int k = 0; k < d; k += 5) {
            double self = Math.cos(2 * Math.PI * k / d - position);
            double shown = reach.contains(t) ? (distracted ? 0.3 : 1) * Math.cos(2 * Math.PI * k / d - target) : 0;
            if (distracted) {
              assertInput(self + shown, trial, t, k);
            } else {
              assertInput(shown, trial, t, k);
              assertInput(self, trial, t, d + k);
            }
          }
          int action = reach.contains(t) ? Reaching1D.action(position, target) : 0;
          assertEquals(action, trial.target(t), "step " + t);
          position += action == 1 ? 0.05 : action == 2 ? -0.05 : 0;
        }
        assertEquals(Reaching1D.action(Math.PI, target) == 1 ? 0 : 1, trial.groundTruth());
      }
    }
    assertEquals(1, Reaching1D.action(Math.PI, Math.PI + 1));
    assertEquals(2, Reaching1D.action(Math.PI, Math.PI - 1));
    assertEquals(2, Reaching1D.action(0.1, 2 * Math.PI - 0.1), "the short way round");
    assertEquals(0, Reaching1D.action(1, 1.01));
  }

  @Test
  void reachingDelayResponseHasFloatTargets() {
    Task task = Tasks.create("ReachingDelayResponse-v0");
    assertEquals(false, task.hasLabels());
    for (Trial trial : task.trials(14).next(20)) {
      double x = trial.info().get("position");
      assertTrue(Set.of(0, 10, 20).contains(trial.period("delay").steps()));
      for (int t = 0; t < trial.steps(); t++) {
        boolean decision = trial.period("decision").contains(t);
        boolean stimulus = trial.period("stimulus").contains(t);
        assertInput(decision ? 1 : 0, trial, t, 0);
        assertInput(stimulus ? x : -0.5, trial, t, 1);
        assertEquals(decision ? 1 : -1, trial.targetValue(t, 0), EPS);
        assertEquals(decision ? x : -0.5, trial.targetValue(t, 1), EPS);
      }
    }
  }

  @Test
  void intervalDiscriminationHasNoTies() {
    Task task = Tasks.create("IntervalDiscrimination-v0");
    Set<Double> floored = Set.of(240.0, 320.0, 400.0, 480.0, 560.0);
    for (Trial trial : task.trials(15).next(100)) {
      double d1 = trial.info().get("duration1");
      double d2 = trial.info().get("duration2");
      assertTrue(floored.contains(d1) && floored.contains(d2), d1 + ", " + d2);
      assertNotEquals(d1, d2);
      assertEquals(d1 > d2 ? 0 : 1, trial.groundTruth());
      assertOnlyIn(trial, 1, trial.period("stim1"), 1);
      assertOnlyIn(trial, 2, trial.period("stim2"), 1);
      assertEquals(d1, trial.period("stim1").steps() * 80.0);
      assertTargetOnlyIn(trial, trial.period("decision"), 1 + trial.groundTruth());
    }
  }

  @Test
  void readySetGoTargetsOneStepAfterTheProducedInterval() {
    Task task = Tasks.create("ReadySetGo-v0");
    for (Trial trial : task.trials(16).next(20)) {
      Period measure = trial.period("measure");
      assertEquals(new Period("ready", 1, 2), trial.period("ready"), "ready starts with measure, after fixation");
      assertEquals(1, measure.start());
      assertEquals(trial.info().get("measure"), measure.steps() * 80.0);
      Period production = trial.period("production");
      assertEquals(trial.period("set").end(), production.start());
      assertEquals(2 * measure.steps(), production.steps());
      int go = production.start() + measure.steps();
      for (int t = 0; t < trial.steps(); t++) {
        assertEquals(t == go ? 1 : 0, trial.target(t));
        assertInput(production.contains(t) ? 0 : 1, trial, t, 0);
      }
      Response r = trial.responses().get(0);
      assertEquals(go, r.goStep());
      assertEquals((int) Math.floor((0.2 * trial.info().get("production") + 25) / 80), r.toleranceSteps());
    }
  }

  @Test
  void motorTimingProducesTheCuedInterval() {
    Task task = Tasks.create("MotorTiming-v0");
    for (Trial trial : task.trials(17).next(20)) {
      int which = trial.info().get("production_ind").intValue();
      assertEquals(0, trial.period("set").steps(), "50 ms floors to 0 steps at dt 80, as in neurogym");
      Period production = trial.period("production");
      assertEquals(which == 0 ? 20 : 37, production.steps());
      int go = production.start() + (which == 0 ? 10 : 18);
      for (int t = 0; t < trial.steps(); t++) {
        assertEquals(t == go ? 1 : 0, trial.target(t));
      }
      assertOnlyIn(trial, 1 + which, trial.period("cue"), 1);
    }
  }

  @Test
  void oneTwoThreeGoRepeatsTheInterval() {
    Task task = Tasks.create("OneTwoThreeGo-v0");
    Set<Integer> intervals = Set.of(7, 8, 10, 11, 12);
    for (Trial trial : task.trials(18).next(20)) {
      int interval = trial.period("interval1").steps();
      assertTrue(intervals.contains(interval), "600..1000 ms floored at dt 80: " + interval);
      assertEquals(interval, trial.period("interval2").steps());
      assertEquals(interval, trial.period("interval3").steps());
      for (String flash : List.of("s1", "s2", "s3")) {
        assertInput(1, trial, trial.period(flash).start(), 1);
      }
      for (int t = 0; t < trial.steps(); t++) {
        assertInput(1, trial, t, 0);
        assertInput(t >= trial.period("target").start() ? 1 : 0, trial, t, 2);
      }
      assertTargetOnlyIn(trial, trial.period("response"), 1);
    }
  }

  @Test
  void hierarchicalReasoningAnswersFromTheShownDelayAndTheCuedRule() {
    HierarchicalReasoning task = HierarchicalReasoning.builder().build();
    assertEquals(850, task.thresholdMs());
    List<Trial> trials = task.trials(19).next(200);
    assertEquals(1.0, trials.get(0).info().get("rule"), "a stream starts with rule 1");
    int switches = 0;
    int run = 1;
    for (int i = 0; i < trials.size(); i++) {
      Trial trial = trials.get(i);
      int rule = trial.info().get("rule").intValue();
      int stimulus = trial.info().get("stimulus").intValue();
      boolean longer = trial.period("delay").steps() * 100.0 > 850;
      assertEquals(longer ? 1.0 : 0.0, trial.info().get("long_interval"));
      int choice = (longer ? 1 : 0) == rule ? stimulus : 1 - stimulus;
      assertEquals(choice, trial.groundTruth());
      assertOnlyIn(trial, 1 + rule, trial.period("rule_target"), 1);
      assertOnlyIn(trial, 2 - rule, trial.period("rule_target"), 0);
      for (int t = 0; t < trial.steps(); t++) {
        int expected = trial.period("rule_target").contains(t) ? 1 + rule
            : trial.period("decision").contains(t) ? 3 + choice : 0;
        assertEquals(expected, trial.target(t), "step " + t);
      }
      assertEquals(2, trial.responses().size());
      if (i > 0 && rule != trials.get(i - 1).info().get("rule").intValue()) {
        switches++;
        assertTrue(run >= 10 && run <= 20, "block of " + run + " trials");
        run = 1;
      } else if (i > 0) {
        run++;
      }
    }
    assertTrue(switches >= 9, switches + " rule switches in 200 trials");
  }

  @Test
  void probabilisticReasoningShowsShapesCumulatively() {
    Task task = Tasks.create("ProbabilisticReasoning-v0");
    double[] weights = {-10, -0.9, -0.7, -0.5, -0.3, 0.3, 0.5, 0.7, 0.9, 10};
    for (Trial trial : task.trials(20).next(50)) {
      // Decode the shapes at the end of the last stimulus period; their weights add up to the log odds.
      int t = trial.period("stimulus3").start();
      double logOdd = 0;
      int shown = 0;
      for (int c = 1; c <= 40; c++) {
        if (trial.input(t, c) == 1) {
          logOdd += weights[(c - 1) % 10];
          shown++;
        }
      }
      assertEquals(4, shown, "four shapes, one per location");
      assertEquals(trial.info().get("log_odd"), logOdd, 1e-9);
      for (int c = 1; c <= 40; c++) {
        assertInput(0, trial, trial.period("delay").start(), c);
      }
      if (Math.abs(logOdd) > 9) {
        assertEquals(logOdd > 0 ? 1 : 0, trial.groundTruth(), "a ±10 shape makes the answer nearly certain");
      }
    }
  }

  @Test
  void postDecisionWagerShowsTheSureOptionDuringTheDelay() {
    Task task = PostDecisionWager.builder().sigma(0).build();
    assertEquals(List.of("fixation", "choice 1", "choice 2", "sure"), task.outputNames());
    for (Trial trial : task.trials(21).next(40)) {
      boolean wager = trial.info().get("wager") == 1;
      int sureOn = wager ? trial.period("pre_sure").end() : trial.steps();
      assertTrue(!wager || trial.period("pre_sure").start() == trial.period("delay").start());
      for (int t = 0; t < trial.steps(); t++) {
        assertInput(t >= sureOn ? 1 : 0, trial, t, 3);
        assertTrue(trial.target(t) != 3);
      }
      double coh = trial.info().get("coherence");
      assertInput(0.5 + coh / 200, trial, trial.period("stimulus").start(), 1 + trial.groundTruth());
      assertTargetOnlyIn(trial, trial.period("decision"), 1 + trial.groundTruth());
    }
  }

  /** The tabulated report probabilities: frame 10 of a high-contrast trial and the clipped, rescaled frame 35. */
  @Test
  void spatialSuppressMotionTargetsAreProbabilities() {
    Task task = Tasks.create("SpatialSuppressMotion-v0");
    for (Trial trial : task.trials(22).next(20)) {
      assertEquals(36, trial.steps());
      int dir = trial.groundTruth();
      boolean high = trial.info().get("contrast") == 0.99;
      int opposite = new int[] {1, 0, 3, 2}[dir];
      double contrast = trial.info().get("contrast");
      assertInput(contrast, trial, 0, 8 * dir);
      assertInput(0, trial, 0, 8 * opposite);
      assertInput(high ? contrast : 0, trial, 0, 8 * dir + 7);
      for (int t = 0; t < 36; t++) {
        double sum = 0;
        for (int j = 0; j < 4; j++) {
          assertTrue(trial.targetValue(t, j) >= 0);
          sum += trial.targetValue(t, j);
        }
        assertEquals(1, sum, 1e-6);
      }
      if (high) {
        assertEquals(0.249 + 0.021 / 3, trial.targetValue(10, dir), 1e-6);
        assertEquals(0.99 / 1.03, trial.targetValue(35, dir), 1e-6);
        assertEquals(0.04 / 1.03, trial.targetValue(35, opposite), 1e-6);
      }
    }
  }

  @Test
  void simpleVisualDecisionMakingShowsABar() {
    Task task = SimpleVisualDecisionMaking.builder().sigma(0).build();
    for (Trial trial : task.trials(23).next(10)) {
      int f = trial.period("fixation").start();
      int s = trial.period("stimulus").start();
      int d = trial.period("decision").start();
      assertInput(1, trial, f, 44);
      assertInput(0, trial, f, 24);
      boolean vertical = trial.groundTruth() == 0;
      assertInput(vertical ? 1 : 0, trial, s, 24);
      assertInput(vertical ? 0 : 1, trial, s, 42);
      for (int c = 0; c < 100; c++) {
        assertInput(0, trial, d, c);
      }
      assertTargetOnlyIn(trial, trial.period("decision"), 1 + trial.groundTruth());
    }
  }

  @Test
  void roitman02AnswersDuringTheStimulus() {
    Task task = Tasks.create("perceptualdecisionmaking.roitman02-v0");
    assertEquals(List.of("fixation", "stimulus"), task.periodNames());
    for (Trial trial : task.trials(24).next(10)) {
      Period stimulus = trial.period("stimulus");
      assertEquals(21, trial.steps());
      for (int t = 0; t < trial.steps(); t++) {
        assertEquals(t > stimulus.start() ? 1 + trial.groundTruth() : 0, trial.target(t));
      }
      assertOnlyIn(trial, 0, trial.period("fixation"), 1);
      assertEquals(stimulus.start(), trial.responses().get(0).start());
    }
  }

  @Test
  void ibl20BlocksAlternateEveryNinetyTrials() {
    List<Trial> trials = Tasks.create("perceptualdecisionmaking.ibl20-v0").trials(25).next(360);
    int[] zeros = new int[4];
    for (int i = 0; i < trials.size(); i++) {
      assertEquals((i / 90) % 2, trials.get(i).info().get("block").intValue());
      zeros[i / 90] += trials.get(i).groundTruth() == 0 ? 1 : 0;
    }
    // Binomial(90, 0.8): mean 72, sd 3.8.
    assertEquals(72, zeros[0], 16);
    assertEquals(18, zeros[1], 16);
    assertEquals(72, zeros[2], 16);
    assertEquals(0.8, trials.get(0).info().get("prior"));
  }
}
