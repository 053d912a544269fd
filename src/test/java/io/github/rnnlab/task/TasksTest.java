package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TasksTest {

  @Test
  void namesAreNeurogymIdsInRegistrationOrder() {
    assertEquals(List.of("PerceptualDecisionMaking-v0", "yang19.go-v0", "yang19.rtgo-v0"), Tasks.names());
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
    assertEquals("unknown task 'yang19.goo-v0'; registered tasks are "
        + "[PerceptualDecisionMaking-v0, yang19.go-v0, yang19.rtgo-v0]", typo.getMessage());
    var later = assertThrows(IllegalArgumentException.class, () -> Tasks.create("yang19.dm1-v0", 20));
    assertTrue(later.getMessage().contains("'yang19.dm1-v0'") && later.getMessage().contains("not implemented yet")
        && later.getMessage().contains(Tasks.names().toString()), later.getMessage());
  }

  @Test
  void badTimeStepIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> Tasks.create("yang19.go-v0", 0));
    assertTrue(e.getMessage().contains("dtMs") && e.getMessage().contains("got 0"), e.getMessage());
  }

  @Test
  void tableDescribesEveryRegisteredTask() {
    Table table = Tasks.table();
    assertEquals(List.of("name", "inputs", "outputs", "periods", "description"), table.columnNames());
    assertEquals(Tasks.names(), table.stringColumn("name").asList());
    assertEquals(List.of(3, 33, 33), table.intColumn("inputs").asList());
    assertEquals(List.of(3, 17, 17), table.intColumn("outputs").asList());
    assertEquals(List.of("fixation, stimulus, delay, decision", "fixation, stimulus, delay, decision",
        "fixation, decision"), table.stringColumn("periods").asList());
    table.stringColumn("description").forEach(d -> assertTrue(!d.isBlank()));
  }
}
