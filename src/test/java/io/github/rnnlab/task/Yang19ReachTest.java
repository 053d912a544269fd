package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pins {@code yang19.go-v0} and {@code yang19.rtgo-v0} to the trials neurogym builds (dt 20 ms unless stated). */
class Yang19ReachTest {
  /** neurogym's bump 0.8·exp(−k²/2) at ring distance k = 0..3, to four decimals. */
  private static final double[] BUMP = {0.8, 0.4852, 0.1083, 0.0089};

  private static final Yang19Reach GO = Tasks.yang19Go(20, 500);
  private static final Yang19Reach RTGO = Tasks.yang19ReactionTimeGo(20);

  @ParameterizedTest
  @EnumSource(Yang19Reach.Variant.class)
  void channelsAreFixationAndTwoRingsOfSixteen(Yang19Reach.Variant variant) {
    Yang19Reach task = Yang19Reach.builder(variant).dtMs(20).build();
    assertEquals(33, task.inputSize());
    assertEquals(17, task.outputSize());
    assertEquals("fixation", task.inputNames().get(0));
    assertEquals("ring 1 dir 1", task.inputNames().get(1));
    assertEquals("ring 1 dir 16", task.inputNames().get(16));
    assertEquals("ring 2 dir 1", task.inputNames().get(17));
    assertEquals("ring 2 dir 16", task.inputNames().get(32));
    assertEquals("fixation", task.outputNames().get(0));
    assertEquals("choice 1", task.outputNames().get(1));
    assertEquals("choice 16", task.outputNames().get(16));
    assertEquals(16, task.dimRing());
  }

  @Test
  void goPeriodsAtDefaultTiming() {
    Trial trial = GO.trials(0).next();
    assertEquals("yang19.go", GO.name());
    assertEquals(List.of("fixation", "stimulus", "delay", "decision"), GO.periodNames());
    assertEquals(List.of(new Period("fixation", 0, 25), new Period("stimulus", 25, 50), new Period("delay", 50, 50),
        new Period("decision", 50, 75)), trial.periods());
    assertEquals(75, trial.steps());
  }

  @Test
  void goWithTheTutorialsThousandMsStimulusLastsOneHundredSteps() {
    Trial trial = Tasks.yang19Go(20, 1000).trials(0).next();
    assertEquals(new Period("stimulus", 25, 75), trial.period("stimulus"));
    assertEquals(new Period("decision", 75, 100), trial.period("decision"));
    assertEquals(100, trial.steps());
  }

  @Test
  void reactionTimeGoHasOnlyFixationAndDecisionAndIgnoresStimulusTiming() {
    assertEquals("yang19.rtgo", RTGO.name());
    assertEquals(List.of("fixation", "decision"), RTGO.periodNames());
    assertEquals(List.of("fixation", "decision"), List.copyOf(RTGO.timing().keySet()));
    Yang19Reach tutorial = Yang19Reach.reactionTimeGo().dtMs(20).stimulusMs(1000)
        .timing("delay", Timing.constant(300)).build();
    for (Yang19Reach task : List.of(RTGO, tutorial)) {
      Trial trial = task.trials(0).next();
      assertEquals(List.of(new Period("fixation", 0, 25), new Period("decision", 25, 50)), trial.periods());
      assertEquals(50, trial.steps());
    }
  }

  @Test
  void defaultsAreNeurogyms() {
    Yang19Reach task = Yang19Reach.go().build();
    assertEquals(100, task.dtMs());
    assertEquals(Map.of("fixation", Timing.constant(500), "stimulus", Timing.constant(500), "delay",
        Timing.constant(0), "decision", Timing.constant(500)), task.timing());
    assertEquals(15, task.trials(0).next().steps());
  }

  @Test
  void goFixationIsOnUntilTheDecisionAndTheBumpOnlyDuringTheStimulus() {
    for (Trial trial : Tasks.yang19Go(20, 1000).trials(1).next(10)) {
      Period stimulus = trial.period("stimulus");
      Period decision = trial.period("decision");
      for (int t = 0; t < trial.steps(); t++) {
        assertEquals(decision.contains(t) ? 0f : 1f, trial.input(t, 0), "fixation input at step " + t);
        assertEquals(decision.contains(t) ? 1 + trial.groundTruth() : 0, trial.target(t), "target at step " + t);
        assertRing(trial, t, stimulus.contains(t));
      }
    }
  }

  @Test
  void reactionTimeGoFixationIsOnInFixationAndTheBumpThroughoutTheDecision() {
    for (Trial trial : RTGO.trials(1).next(10)) {
      Period decision = trial.period("decision");
      for (int t = 0; t < trial.steps(); t++) {
        assertEquals(decision.contains(t) ? 0f : 1f, trial.input(t, 0), "fixation input at step " + t);
        assertEquals(decision.contains(t) ? 1 + trial.groundTruth() : 0, trial.target(t), "target at step " + t);
        assertRing(trial, t, decision.contains(t));
      }
    }
  }

  /**
   * At step {@code t}: if {@code on}, the bump around channel {@code 1 + 16m + g} on the trial's ring and zeros on the
   * other ring; otherwise zeros on both.
   */
  private static void assertRing(Trial trial, int t, boolean on) {
    int g = trial.groundTruth();
    int modality = trial.info().get("modality").intValue();
    for (int m = 0; m < 2; m++) {
      for (int j = 0; j < 16; j++) {
        int d = Math.min(Math.abs(j - g), 16 - Math.abs(j - g));
        double expected = on && m == modality ? 0.8 * Math.exp(-d * d / 2.0) : 0;
        assertEquals(expected, trial.input(t, 1 + 16 * m + j), 1e-7, "ring " + (m + 1) + " direction " + j
            + " at step " + t + " (ground truth " + g + ", modality " + modality + ")");
      }
    }
  }

  @Test
  void bumpPeaksAtTheGroundTruthAndWrapsAroundTheRing() {
    Trial trial = GO.sampleTrialWithModality(new SplittableRandom(3), 1);
    int g = trial.groundTruth();
    int t = trial.period("stimulus").start();
    for (int k = 0; k < BUMP.length; k++) {
      assertEquals(BUMP[k], trial.input(t, 17 + Math.floorMod(g + k, 16)), 5e-5, "distance +" + k);
      assertEquals(BUMP[k], trial.input(t, 17 + Math.floorMod(g - k, 16)), 5e-5, "distance -" + k);
    }
    // Direction 0's neighbours across the wrap are directions 15 and 1.
    double[] atZero = Yang19Reach.bump(0);
    assertEquals(atZero[1], atZero[15]);
    assertEquals(0.8 * Math.exp(-32), atZero[8]);
    assertEquals(g, trial.info().get("ground_truth").intValue());
  }

  @Test
  void streamsAlternateRingsStartingWithRingOne() {
    for (Yang19Reach task : List.of(GO, RTGO)) {
      List<Trial> trials = task.trials(11).next(40);
      for (int i = 0; i < trials.size(); i++) {
        assertEquals(i % 2, trials.get(i).info().get("modality").intValue(), "modality of trial " + i);
      }
      assertEquals(task.name(), task.trials(11).task().name());
    }
  }

  @Test
  void singleTrialsDrawTheRingAndTheDirectionUniformly() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 8000;
    int ringTwo = 0;
    int[] directions = new int[16];
    for (int i = 0; i < n; i++) {
      Trial trial = GO.sampleTrial(rng);
      ringTwo += trial.info().get("modality").intValue();
      directions[trial.groundTruth()]++;
    }
    assertEquals(n / 2.0, ringTwo, 4 * Math.sqrt(n * 0.25));
    for (int count : directions) {
      assertEquals(n / 16.0, count, 4 * Math.sqrt(n / 16.0 * 15 / 16));
    }
  }

  @Test
  void sameSeedGivesSameTrials() {
    List<Trial> a = GO.trials(42).next(6);
    List<Trial> b = GO.trials(42).next(6);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).info(), b.get(i).info());
      assertEquals(a.get(i).inputs(), b.get(i).inputs());
      assertArrayEquals(a.get(i).targets(), b.get(i).targets());
    }
    List<Double> truths = GO.trials(42).next(20).stream().map(t -> t.info().get("ground_truth")).toList();
    assertNotEquals(truths, GO.trials(43).next(20).stream().map(t -> t.info().get("ground_truth")).toList());
  }

  /** anti shows the opposite direction; the delayed variants add a 500 ms delay that user timing can change. */
  @Test
  void antiAndDelayedVariants() {
    for (Yang19Reach.Variant v : List.of(Yang19Reach.Variant.ANTI, Yang19Reach.Variant.DELAYED_ANTI,
        Yang19Reach.Variant.REACTION_TIME_ANTI)) {
      Yang19Reach task = Yang19Reach.builder(v).dtMs(20).build();
      for (Trial trial : task.trials(3).next(8)) {
        int g = trial.groundTruth();
        int m = trial.info().get("modality").intValue();
        int t = trial.period(v == Yang19Reach.Variant.REACTION_TIME_ANTI ? "decision" : "stimulus").start();
        assertEquals(0.8, trial.input(t, 1 + 16 * m + (g + 8) % 16), 1e-6, v + " peak opposite the answer");
        assertEquals(1 + g, trial.target(trial.steps() - 1));
      }
    }
    Yang19Reach dlygo = Yang19Reach.builder(Yang19Reach.Variant.DELAYED_GO).dtMs(20).build();
    assertEquals(new Period("delay", 50, 75), dlygo.trials(0).next().period("delay"));
    // neurogym replaces user timing by {delay: 500}; here it is honoured.
    Yang19Reach longer = Yang19Reach.builder(Yang19Reach.Variant.DELAYED_GO).dtMs(20).stimulusMs(1000).build();
    assertEquals(new Period("delay", 75, 100), longer.trials(0).next().period("delay"));
    assertEquals("yang19.dlyanti", Yang19Reach.builder(Yang19Reach.Variant.DELAYED_ANTI).build().name());
  }

  @Test
  void toBuilderKeepsSettings() {
    Yang19Reach task = Yang19Reach.reactionTimeGo().dtMs(10).timing("fixation", Timing.uniform(200, 500)).build();
    Yang19Reach copy = task.toBuilder().build();
    assertEquals(task.variant(), copy.variant());
    assertEquals(10, copy.dtMs());
    assertEquals(task.timing(), copy.timing());
  }

  @Test
  void badSettingsNameTheValueAndWhatIsAllowed() {
    var period = assertThrows(IllegalArgumentException.class, () -> Yang19Reach.go().timing("response",
        Timing.constant(500)));
    assertTrue(period.getMessage().contains("'response'")
        && period.getMessage().contains("[fixation, stimulus, delay, decision]"), period.getMessage());
    var dt = assertThrows(IllegalArgumentException.class, () -> Yang19Reach.reactionTimeGo().dtMs(-20));
    assertTrue(dt.getMessage().contains("dtMs") && dt.getMessage().contains("got -20"), dt.getMessage());
    var modality = assertThrows(IllegalArgumentException.class, () -> GO.sampleTrialWithModality(new SplittableRandom(1), 2));
    assertTrue(modality.getMessage().contains("0 (ring 1) or 1 (ring 2); got 2"), modality.getMessage());
  }
}
