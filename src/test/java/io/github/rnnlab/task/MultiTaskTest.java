package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiTaskTest {
  private static final List<String> SET = List.of("yang19.go-v0", "yang19.anti-v0", "yang19.dm1-v0",
      "yang19.dlygo-v0");

  @Test
  void everyTaskOfTheSetHasTheSameRuleChannels() {
    MultiTask set = MultiTask.of(SET, 20);
    assertEquals(List.of("rule yang19.go", "rule yang19.anti", "rule yang19.dm1", "rule yang19.dlygo"),
        set.ruleNames());
    for (int i = 0; i < SET.size(); i++) {
      Task task = set.task(SET.get(i));
      assertEquals(37, task.inputSize());
      assertEquals(set.task(0).inputNames(), task.inputNames());
      for (Trial trial : task.trials(1).next(4)) {
        assertEquals((double) i, trial.info().get("rule"));
        for (int t = 0; t < trial.steps(); t++) {
          for (int r = 0; r < 4; r++) {
            assertEquals(r == i ? 1f : 0f, trial.input(t, 33 + r), "rule channel " + r + " at step " + t);
          }
        }
      }
    }
    // The task's own channels are untouched, and rings still alternate per stream.
    Trial plain = Tasks.create("yang19.go-v0", 20).trials(1).next();
    Trial ruled = set.task("yang19.go").trials(1).next();
    for (int c = 0; c < 33; c++) {
      assertEquals(plain.input(30, c), ruled.input(30, c));
    }
    assertEquals(1.0, set.task(0).trials(1).next(2).get(1).info().get("modality"));
  }

  /** neurogym's full mix: 33 + 20 inputs, rule channel 33 + i for the i-th task in collection order. */
  @Test
  void allTwentyYang19Tasks() {
    MultiTask all = MultiTask.of(Yang19Task.ids(), 100);
    assertEquals(53, all.task(0).inputSize());
    assertEquals(17, all.interleaved().outputSize());
    Trial dnmc = all.task("yang19.dnmc-v0").trials(0).next();
    assertEquals(1f, dnmc.input(0, 52));
  }

  /** RandomSchedule: the first trial is the first task, then never the same task twice in a row, all tasks used. */
  @Test
  void interleavingFollowsNeurogymsRandomSchedule() {
    MultiTask set = MultiTask.of(SET, 20);
    List<Trial> trials = set.interleaved().trials(3).next(200);
    List<Integer> rules = new ArrayList<>();
    trials.forEach(t -> rules.add(t.info().get("rule").intValue()));
    assertEquals(0, rules.get(0));
    int[] counts = new int[4];
    for (int i = 0; i < rules.size(); i++) {
      counts[rules.get(i)]++;
      if (i > 0) {
        assertNotEquals(rules.get(i - 1), rules.get(i), "trial " + i);
      }
      Trial t = trials.get(i);
      assertEquals(1f, t.input(0, 33 + rules.get(i)));
    }
    for (int c : counts) {
      assertEquals(50, c, 25);
    }
    // go trials keep their own alternation of rings within the mix.
    List<Double> goRings = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) == 0) {
        goRings.add(trials.get(i).info().get("modality"));
      }
    }
    for (int i = 0; i < goRings.size(); i++) {
      assertEquals(i % 2, goRings.get(i).intValue());
    }
    assertEquals(set.interleaved().trials(3).next(20).stream().map(Trial::info).toList(),
        trials.subList(0, 20).stream().map(Trial::info).toList());
  }

  @Test
  void tasksOfASetMustFit() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> MultiTask.of(List.of(Tasks.create("yang19.go-v0"), Tasks.create("GoNogo-v0"))));
    assertTrue(e.getMessage().contains("share inputs, outputs"), e.getMessage());
    var dt = assertThrows(IllegalArgumentException.class,
        () -> MultiTask.of(List.of(Tasks.create("yang19.go-v0", 20), Tasks.create("yang19.anti-v0", 10))));
    assertTrue(dt.getMessage().contains("dt 20.0 ms") && dt.getMessage().contains("dt 10.0 ms"), dt.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MultiTask.of(List.of()));
    var twice = assertThrows(IllegalArgumentException.class, () -> MultiTask.of(List.of("yang19.go-v0",
        "yang19.go-v0"), 20));
    assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    var unknown = assertThrows(IllegalArgumentException.class, () -> MultiTask.of(SET, 20).task("yang19.rtgo"));
    assertTrue(unknown.getMessage().contains("no task 'yang19.rtgo'"), unknown.getMessage());
  }
}
