package io.github.rnnlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.rnnlab.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TutorialFiguresTest {

  @Test
  void flagsParse() {
    var o = TutorialFigures.Options.parse(List.of("--out", "x", "--seed", "7", "--steps", "20", "--eval-trials", "9"));
    assertEquals(new TutorialFigures.Options(Path.of("x"), 7, 20, 9), o);
    assertEquals(new TutorialFigures.Options(Path.of("figures"), 3, 1000, 500), TutorialFigures.Options.parse(List.of()));
  }

  @Test
  void badFlagsAreExplained() {
    var unknown = assertThrows(IllegalArgumentException.class,
        () -> TutorialFigures.Options.parse(List.of("--sede", "1")));
    assertEquals("unknown flag --sede", unknown.getMessage());
    var negative = assertThrows(IllegalArgumentException.class,
        () -> TutorialFigures.Options.parse(List.of("--steps", "-5")));
    assertTrue(negative.getMessage().contains("--steps takes a whole number > 0; got -5"));
    assertThrows(IllegalArgumentException.class, () -> TutorialFigures.Options.parse(List.of("--out")));
    assertEquals("--seed is given twice", assertThrows(IllegalArgumentException.class,
        () -> TutorialFigures.Options.parse(List.of("--seed", "1", "--seed", "2"))).getMessage());
  }

  @Test
  void sameSeedWritesIdenticalCsvFiles(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    TutorialFigures.run(new TutorialFigures.Options(a, 3, 30, 20));
    TutorialFigures.run(new TutorialFigures.Options(b, 3, 30, 20));
    for (String f : List.of("loss.csv", "trials.csv", "pca.csv", "pca_variance.csv")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    for (String f : List.of("task.png", "loss.png", "pca.png", "summary.json")) {
      assertTrue(Files.size(a.resolve(f)) > 0, f);
    }
    JsonObject summary = Json.read(a.resolve("summary.json")).getAsJsonObject();
    assertEquals(30, summary.get("steps").getAsInt());
    assertEquals(5, summary.getAsJsonObject("accuracy_per_coherence").size());
  }

  @Test
  void aNumberThatDoesNotExistIsWrittenAsNull(@TempDir Path dir) {
    // What a run stopped before its first step reports as its final loss.
    JsonObject o = new JsonObject();
    o.add("final_loss", Json.number(Double.NaN));
    o.add("accuracy", Json.number(0.84));
    Json.write(dir.resolve("s.json"), o);
    assertEquals(JsonNull.INSTANCE, Json.read(dir.resolve("s.json")).getAsJsonObject().get("final_loss"));
    o.addProperty("raw", Double.NaN);
    assertThrows(IllegalArgumentException.class, () -> Json.toText(o), "NaN must never reach a JSON file");
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"final_loss\": NaN}"));
  }

  @Test
  void anUnwritableOutputFolderIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "");
    var e = assertThrows(IllegalArgumentException.class,
        () -> TutorialFigures.Options.parse(List.of("--out", file.toString())).writable());
    assertTrue(e.getMessage().startsWith("--out " + file + " is not a folder rnnlab can write to"), e.getMessage());
    assertEquals(dir.resolve("new"), TutorialFigures.Options.parse(List.of("--out", dir.resolve("new").toString()))
        .writable().out());
    assertTrue(Files.isDirectory(dir.resolve("new")));
  }
}
