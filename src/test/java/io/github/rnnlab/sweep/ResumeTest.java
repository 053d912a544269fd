package io.github.rnnlab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ResumeTest {

  @Test
  void aSweepKilledHalfWayResumesWithOnlyWhatIsMissing(@TempDir Path dir) throws Exception {
    Path results = dir.resolve("runs.csv");
    // A separate JVM runs the sweep; it is killed (SIGKILL, no clean-up) once three runs are in the file.
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ResumeTarget.class.getName(), results.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (dataLines(results) < 3 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    child.destroyForcibly().waitFor();
    int finished = dataLines(results);
    assertTrue(finished >= 3 && finished < ResumeTarget.RUNS, "the kill should leave a partial sweep: " + finished
        + " runs; child log: " + Files.readString(dir.resolve("child.log")));
    // As if the kill had cut a line short.
    Files.writeString(results, "2,4,", StandardOpenOption.APPEND);

    AtomicInteger ran = new AtomicInteger();
    SweepResult resumed = ResumeTarget.sweep(results).execute(run -> {
      ran.incrementAndGet();
      return ResumeTarget.metrics(run);
    });
    assertEquals(ResumeTarget.RUNS - finished, ran.get(), "only the missing runs run again");
    assertArrayEquals(new double[] {1, 4, 9, 16, 2, 8, 18, 32}, resumed.toTable().doubleColumn("square")
        .asDoubleArray());
    assertEquals(ResumeTarget.RUNS, dataLines(results), "one line per run, the cut line dropped");

    ran.set(0);
    Table again = ResumeTarget.sweep(results).execute(run -> {
      ran.incrementAndGet();
      return ResumeTarget.metrics(run);
    }).toTable();
    assertEquals(0, ran.get(), "a finished sweep runs nothing");
    assertEquals(resumed.toTable().toString(), again.toString());
  }

  @Test
  void failedRunsAreRunAgainAndTheFileKeepsEveryAttempt(@TempDir Path dir) throws Exception {
    Path results = dir.resolve("runs.csv");
    // The first attempt fails everywhere before any run succeeds, so the file starts without metric columns.
    SweepResult first = ResumeTarget.sweep(results).execute(run -> {
      if (run.seed() <= 2) {
        throw new IllegalStateException("out of luck, \"seed\" " + run.seed());
      }
      return ResumeTarget.metrics(run);
    });
    assertEquals(4, first.failed());
    AtomicInteger ran = new AtomicInteger();
    SweepResult second = ResumeTarget.sweep(results).execute(run -> {
      ran.incrementAndGet();
      return ResumeTarget.metrics(run);
    });
    assertEquals(4, ran.get());
    assertEquals(0, second.failed());
    List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
    assertEquals("x,seed,square,seconds,error", lines.get(0));
    assertEquals(1 + 8 + 4, lines.size(), "header, the first attempt's 8 runs, the 4 run again");
    assertTrue(lines.get(1).matches("1,1,,[0-9.E-]+,\"java.lang.IllegalStateException: out of luck, \"\"seed\"\" 1 "
        + "\\(at .*\\)\""), lines.get(1));
  }

  @Test
  void aResultsFileBelongsToOneSweepAtATime(@TempDir Path dir) throws Exception {
    Path results = dir.resolve("runs.csv");
    ResumeTarget.sweep(results).execute(ResumeTarget::metrics);
    var other = SweepPlan.builder().vary("y", List.of(1)).seedRange(1, 2).resultsFile(results)
        .progress(SweepProgress.silent()).build();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> other.execute(run -> Map.of("v", 1))).getMessage().contains("holds a sweep over [x], not [y]"));
    Path data = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2");
    var notOurs = assertThrows(IllegalArgumentException.class,
        () -> ResumeTarget.sweep(data).execute(ResumeTarget::metrics));
    assertTrue(notOurs.getMessage().contains("not a sweep results file"), notOurs.getMessage());
    assertEquals("a,b\n1,2", Files.readString(data), "a file that is not a results file is left as it was");
    try (ResultsFile open = ResultsFile.open(results, List.of("x"))) {
      var e = assertThrows(IllegalStateException.class,
          () -> ResumeTarget.sweep(results).execute(ResumeTarget::metrics));
      assertTrue(e.getMessage().contains("in use by another sweep"), e.getMessage());
    }
  }

  private static int dataLines(Path file) throws Exception {
    if (!Files.exists(file)) {
      return 0;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return (int) Math.max(0, text.chars().filter(c -> c == '\n').count() - 1);
  }
}
