package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TasksTest {

  /** neurogym 2.2's 24 native tasks with a target, its 20 yang19 tasks, 2 perceptualdecisionmaking ones, the tutorial's. */
  @Test
  void namesAreTheCatalogueInRegistrationOrder() {
    List<String> names = Tasks.names();
    assertEquals(47, names.size());
    assertEquals(names.size(), Set.copyOf(names).size());
    assertEquals("PerceptualDecisionMaking-v0", names.get(0));
    assertEquals(Yang19Task.ids(), names.subList(24, 44));
    assertEquals(List.of("yang19.go-v0", "yang19.rtgo-v0"), names.subList(24, 26));
    assertEquals(24, names.stream().filter(n -> !n.contains(".")).count());
    for (String skipped : List.of("Bandit-v0", "DawTwoStep-v0", "Null-v0", "EconomicDecisionMaking-v0")) {
      assertTrue(!names.contains(skipped), skipped + " has no supervised target");
    }
  }

  @Test
  void createBuildsTheRegisteredTaskWithTheTimeStep() {
    Task pdm = Tasks.create("PerceptualDecisionMaking-v0", 20);
    assertInstanceOf(PerceptualDecisionMaking.class, pdm);
    assertEquals(20, pdm.dtMs());
    assertEquals(110, pdm.trials(0).next().steps());
    Task go = Tasks.create("yang19.go-v0", 20);
    assertEquals(Yang19Reach.Variant.GO, ((Yang19Reach) go).variant());
    assertEquals(75, go.trials(0).next().steps());
    Task rtgo = Tasks.create("yang19.rtgo-v0", 20);
    assertEquals(Yang19Reach.Variant.REACTION_TIME_GO, ((Yang19Reach) rtgo).variant());
    assertEquals(50, rtgo.trials(0).next().steps());
  }

  /** The tutorial's exercise: the same kwargs for both yang19 tasks, and they have no effect on rtgo. */
  @Test
  void timingOverridesApplyPerPeriod() {
    Map<String, Timing> tutorial = Map.of("stimulus", Timing.constant(1000));
    assertEquals(60, Tasks.create("PerceptualDecisionMaking-v0", 20, tutorial).trials(0).next().steps());
    assertEquals(100, Tasks.create("yang19.go-v0", 20, tutorial).trials(0).next().steps());
    assertEquals(50, Tasks.create("yang19.rtgo-v0", 20, tutorial).trials(0).next().steps());
    Task longFixation = Tasks.create("yang19.rtgo-v0", 20, Map.of("fixation", Timing.constant(1000)));
    assertEquals(new Period("fixation", 0, 50), longFixation.trials(0).next().period("fixation"));
  }

  @Test
  void unknownPeriodListsTheAllowedOnes() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Tasks.create("yang19.go-v0", 20, Map.of("stim", Timing.constant(1000))));
    assertTrue(e.getMessage().contains("'stim'") && e.getMessage().contains("[fixation, stimulus, delay, decision]"),
        e.getMessage());
  }

  @Test
  void unknownNameListsTheRegisteredNames() {
    var typo = assertThrows(IllegalArgumentException.class, () -> Tasks.create("yang19.goo-v0", 20));
    assertEquals("unknown task 'yang19.goo-v0'; registered tasks are " + Tasks.names(), typo.getMessage());
    var skipped = assertThrows(IllegalArgumentException.class, () -> Tasks.create("Bandit-v0"));
    assertTrue(skipped.getMessage().startsWith("unknown task 'Bandit-v0'"), skipped.getMessage());
  }

  @Test
  void createWithoutTimeStepUsesTheTasksDefault() {
    assertEquals(10, Tasks.create("PulseDecisionMaking-v0").dtMs());
    assertEquals(80, Tasks.create("ReadySetGo-v0").dtMs());
    assertEquals(8.3, Tasks.create("SpatialSuppressMotion-v0").dtMs());
    assertEquals(36, Tasks.create("SpatialSuppressMotion-v0").trials(0).next().steps());
    assertEquals(100, Tasks.create("yang19.dm1-v0").dtMs());
  }

  @Test
  void badTimeStepIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> Tasks.create("yang19.go-v0", 0));
    assertTrue(e.getMessage().contains("dtMs") && e.getMessage().contains("got 0"), e.getMessage());
  }

  @Test
  void tableDescribesEveryRegisteredTask() {
    Table table = Tasks.table();
    assertEquals(List.of("name", "dt_ms", "inputs", "outputs", "targets", "mean_steps", "periods", "description",
        "paper"), table.columnNames());
    assertEquals(Tasks.names(), table.stringColumn("name").asList());
    int go = Tasks.names().indexOf("yang19.go-v0");
    int rtgo = Tasks.names().indexOf("yang19.rtgo-v0");
    assertEquals(List.of(3, 33, 33), List.of(table.intColumn("inputs").get(0), table.intColumn("inputs").get(go),
        table.intColumn("inputs").get(rtgo)));
    assertEquals(List.of(3, 17, 17), List.of(table.intColumn("outputs").get(0), table.intColumn("outputs").get(go),
        table.intColumn("outputs").get(rtgo)));
    assertEquals("fixation, stimulus, delay, decision", table.stringColumn("periods").get(go));
    assertEquals("fixation, decision", table.stringColumn("periods").get(rtgo));
    // PDM at dt 100: 1 + 20 + 0 + 1 steps, always.
    assertEquals(22.0, table.doubleColumn("mean_steps").get(0));
    assertEquals(List.of("PerceptualDecisionMaking-v0", "float"), List.of(table.stringColumn("name").get(0),
        table.stringColumn("targets").get(Tasks.names().indexOf("ReachingDelayResponse-v0"))));
    assertEquals(2, table.stringColumn("targets").countOccurrences("float"));
    table.stringColumn("description").forEach(d -> assertTrue(!d.isBlank()));
    assertTrue(table.stringColumn("paper").get(go).startsWith("Yang et al. 2019"));
  }
}
