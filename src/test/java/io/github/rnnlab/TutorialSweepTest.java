package io.github.rnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.sweep.SweepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TutorialSweepTest {

  @Test
  void flagsParse() {
    var o = TutorialSweep.Options.parse(List.of("--seeds", "3-7", "--tau-ms", "50, 200", "--hidden", "64",
        "--master", "local[2]"));
    assertEquals(new TutorialSweep.Options(3, 7, List.of(50.0, 200.0), List.of(64), 1000, 500, "spark", "local[2]",
        Path.of("sweep")), o);
    assertEquals("local", TutorialSweep.Options.parse(List.of()).executor());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TutorialSweep.Options.parse(List.of("--seeds", "7-3"))).getMessage().contains("FIRST <= LAST"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TutorialSweep.Options.parse(List.of("--tau-ms", "50,x"))).getMessage().contains("'x' is not valid"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TutorialSweep.Options.parse(List.of("--executor", "gpu"))).getMessage().contains("local or spark"));
  }

  @Test
  void aTinySweepWritesItsResults(@TempDir Path dir) {
    var o = TutorialSweep.Options.parse(List.of("--seeds", "1-2", "--hidden", "8", "--steps", "5", "--eval-trials",
        "10", "--out", dir.toString()));
    SweepResult result = TutorialSweep.run(o);
    assertEquals(2, result.runs().size());
    assertEquals(0, result.failed());
    for (String f : List.of("runs.csv", "summary.csv", "accuracy.png")) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
  }
}
