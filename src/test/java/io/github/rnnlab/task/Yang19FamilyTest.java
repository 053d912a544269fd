package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pins yang19's decision and match families to neurogym's definitions (noise off where it would blur values). */
class Yang19FamilyTest {

  private static double bump(int distance, double strength) {
    return 0.8 * Math.exp(-distance * distance / 2.0) * strength;
  }

  private static int index(double theta) {
    return (int) Math.round(theta / (2 * Math.PI / 16));
  }

  @ParameterizedTest
  @EnumSource(Yang19DecisionMaking.Variant.class)
  void decisionTasksAnswerTheStrongerWeightedDirection(Yang19DecisionMaking.Variant variant) {
    Yang19DecisionMaking task = Yang19DecisionMaking.builder(variant).sigma(0).build();
    String name = variant.taskName();
    boolean both = name.contains("ctx") || name.contains("multi");
    boolean[] presented = {both || name.endsWith("dm1"), both || name.endsWith("dm2")};
    for (Trial trial : task.trials(1).next(30)) {
      int i1 = index(trial.info().get("theta1"));
      int i2 = index(trial.info().get("theta2"));
      assertNotEquals(i1, i2);
      double total1 = 0;
      double total2 = 0;
      for (int m = 0; m < 2; m++) {
        String suffix = "_mod" + (m + 1);
        assertEquals(presented[m], trial.info().containsKey("coh1" + suffix), variant + " ring " + (m + 1));
        double w = variant.taskName().contains("ctx") ? (variant.taskName().endsWith(String.valueOf(m + 1)) ? 1 : 0)
            : 1;
        int ring = 1 + 16 * m;
        if (!presented[m]) {
          for (String p : variant.delayed() ? List.of("stim1", "stim2") : List.of("stimulus")) {
            assertEquals(0, trial.input(trial.period(p).start(), ring + i1), 1e-9, "unshown ring (noise is off)");
          }
          continue;
        }
        double coh1 = trial.info().get("coh1" + suffix);
        double coh2 = trial.info().get("coh2" + suffix);
        total1 += w * coh1;
        total2 += w * coh2;
        if (variant.delayed()) {
          assertTrue(task.cohs().contains(coh1) && task.cohs().contains(coh2) && coh1 != coh2);
          assertEquals(bump(0, coh1), trial.input(trial.period("stim1").start(), ring + i1), 1e-6);
          assertEquals(bump(0, coh2), trial.input(trial.period("stim2").start(), ring + i2), 1e-6);
        } else {
          assertEquals(1, coh1 + coh2, 1e-12);
          int d = Math.min(Math.abs(i1 - i2), 16 - Math.abs(i1 - i2));
          assertEquals(bump(0, coh1) + bump(d, coh2), trial.input(trial.period("stimulus").start(), ring + i1),
              1e-6);
        }
      }
      int g = trial.groundTruth();
      if (Math.abs(total1 - total2) < 1e-9) {
        assertTrue(g == i1 || g == i2, "a tie goes either way: " + trial);
      } else {
        assertEquals(total1 > total2 ? i1 : i2, g, trial.toString());
      }
      Period decision = trial.period("decision");
      for (int t = 0; t < trial.steps(); t++) {
        assertEquals(decision.contains(t) ? 0f : 1f, trial.input(t, 0), "fixation, the go cue, at step " + t);
        assertEquals(decision.contains(t) ? 1 + g : 0, trial.target(t));
      }
    }
  }

  @Test
  void decisionTimingFollowsNeurogym() {
    Task dm1 = Tasks.create("yang19.dm1-v0");
    for (Trial trial : dm1.trials(2).next(40)) {
      int fixation = trial.period("fixation").steps();
      assertTrue(fixation >= 2 && fixation <= 4, "U(200, 500) at dt 100: " + fixation);
      assertTrue(List.of(2, 4, 6).contains(trial.period("stimulus").steps()), "dm1's stimulus: 200, 400 or 600 ms");
      assertEquals(trial.period("stimulus").steps() * 100.0, trial.info().get("stim_period"));
      assertEquals(2, trial.period("decision").steps());
    }
    Trial dlydm1 = Tasks.create("yang19.dlydm1-v0").trials(2).next();
    assertEquals(List.of(5, 10, 5, 2), List.of(dlydm1.period("stim1").steps(), dlydm1.period("delay").steps(),
        dlydm1.period("stim2").steps(), dlydm1.period("decision").steps()));
    assertEquals(5, Tasks.create("yang19.dm2-v0").trials(2).next().period("stimulus").steps());
  }

  /** The noise has standard deviation σ/√dt on both rings during the stimulus, and none on the fixation channel. */
  @Test
  void decisionNoiseIsOnTheRingsOnly() {
    Task dm2 = Tasks.create("yang19.dm2-v0", 20);
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (Trial trial : dm2.trials(3).next(40)) {
      Period stimulus = trial.period("stimulus");
      for (int t = stimulus.start(); t < stimulus.end(); t++) {
        assertEquals(1f, trial.input(t, 0));
        for (int c = 1; c <= 16; c++) {
          sum += trial.input(t, c);
          sumSq += trial.input(t, c) * trial.input(t, c);
          n++;
        }
      }
    }
    double sd = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
    assertEquals(1 / Math.sqrt(20), sd, 0.01);
  }

  @ParameterizedTest
  @EnumSource(Yang19DelayMatch.Variant.class)
  void matchTasksGoToTheTestOnlyWhenTheRuleSaysSo(Yang19DelayMatch.Variant variant) {
    Yang19DelayMatch task = Yang19DelayMatch.builder(variant).sigma(0).build();
    boolean byCategory = variant.taskName().endsWith("mc");
    boolean goOnMatch = !variant.taskName().contains("dn");
    for (Trial trial : task.trials(4).next(40)) {
      int sample = index(trial.info().get("sample_theta"));
      int test = index(trial.info().get("test_theta"));
      boolean match = trial.groundTruth() == 0;
      if (byCategory) {
        assertEquals(match, (sample >= 8) == (test >= 8), "categories are directions 0-7 and 8-15");
      } else {
        assertEquals(match ? sample : (sample + 8) % 16, test);
      }
      int m = trial.info().get("modality").intValue();
      assertEquals(0.8, trial.input(trial.period("sample").start(), 1 + 16 * m + sample), 1e-6);
      assertEquals(0.8, trial.input(trial.period("test").start(), 1 + 16 * m + test), 1e-6);
      assertEquals(0, trial.input(trial.period("sample").start(), 1 + 16 * (1 - m) + sample), 1e-9);
      Period decision = trial.period("decision");
      boolean go = match == goOnMatch;
      for (int t = 0; t < trial.steps(); t++) {
        assertEquals(decision.contains(t) ? 0f : 1f, trial.input(t, 0));
        assertEquals(go && decision.contains(t) ? 1 + test : 0, trial.target(t));
      }
    }
  }

  @Test
  void matchTasksAlternateRingsAndDecisionTasksDoNot() {
    List<Trial> dms = Tasks.create("yang19.dms-v0").trials(5).next(6);
    for (int i = 0; i < 6; i++) {
      assertEquals(i % 2, dms.get(i).info().get("modality").intValue());
    }
    Yang19Task dm1 = (Yang19Task) Tasks.create("yang19.dm1-v0");
    var e = assertThrows(IllegalArgumentException.class, () -> dm1.sampleTrialWithModality(new SplittableRandom(1), 0));
    assertTrue(e.getMessage().contains("fixed rings"), e.getMessage());
    var cohs = assertThrows(IllegalArgumentException.class,
        () -> Yang19DecisionMaking.builder(Yang19DecisionMaking.Variant.DELAYED_DM1).cohs(List.of(0.5)));
    assertTrue(cohs.getMessage().contains("at least two"), cohs.getMessage());
    assertEquals(20, Yang19Task.ids().size());
    assertEquals("yang19.dnmc-v0", Yang19Task.ids().get(19));
  }
}
