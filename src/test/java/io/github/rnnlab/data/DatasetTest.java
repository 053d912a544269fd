package io.github.rnnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import io.github.rnnlab.task.Trial;
import io.github.rnnlab.task.TrialStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private final PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 1000);

  @Test
  void shapesAreTimeMajor() {
    Batch batch = Dataset.of(task, 16, 100, 1).next();
    assertArrayEquals(new long[] {100, 16, 3}, batch.inputs().shape());
    assertArrayEquals(new long[] {100, 16}, batch.targets().shape());
  }

  @Test
  void defaultCacheIsNeurogyms() {
    assertEquals(1600, Dataset.of(task, 16, 100, 1).cacheLen());
    assertEquals(200, Dataset.defaultCacheLen(33, 16, 100));
  }

  /** Each column is its stream's trials back to back: the column seeds are the stream seeds the dataset draws. */
  @Test
  void columnsAreBackToBackTrialsCutIntoWindows() {
    int batchSize = 3;
    int seqLen = 100;
    SplittableRandom seeds = new SplittableRandom(9);
    for (int b = 0; b < batchSize; b++) {
      TrialStream stream = task.trials(seeds.nextLong());
      float[][] expected = new float[1600][];
      int[] targets = new int[1600];
      int t = 0;
      while (t < 1600) {
        Trial trial = stream.next();
        for (int s = 0; s < trial.steps() && t < 1600; s++, t++) {
          expected[t] = new float[] {trial.input(s, 0), trial.input(s, 1), trial.input(s, 2)};
          targets[t] = trial.target(s);
        }
      }
      Dataset fresh = Dataset.of(task, batchSize, seqLen, 9);
      // 15 windows come from a 1600-step cache: the one that would end at the cache's end is never served.
      for (int w = 0; w < 15; w++) {
        Batch batch = fresh.next();
        for (int s = 0; s < seqLen; s++) {
          int at = w * seqLen + s;
          assertEquals(targets[at], batch.target(s, b), "column " + b + " step " + at);
          for (int c = 0; c < 3; c++) {
            assertEquals(expected[at][c], batch.input(s, b, c), "column " + b + " step " + at);
          }
        }
      }
      // The 16th batch starts a fresh cache, on a trial onset: fixation on, target 0, no stimulus yet.
      Batch refilled = fresh.next();
      assertEquals(1f, refilled.input(0, b, 0));
      assertEquals(0f, refilled.input(0, b, 1));
    }
  }

  /** Each window lists the trials it holds; their starts tile each column, the first and last may be cut. */
  @Test
  void windowsListTheirTrials() {
    Dataset data = Dataset.of(task, 3, 100, 9);
    for (int w = 0; w < 16; w++) {
      Batch batch = data.next();
      for (int b = 0; b < 3; b++) {
        int column = b;
        List<BatchTrial> trials = batch.trials().stream().filter(t -> t.column() == column).toList();
        assertTrue(trials.get(0).start() <= 0 && trials.get(trials.size() - 1).end() >= 100, "window " + w);
        for (int i = 1; i < trials.size(); i++) {
          assertEquals(trials.get(i - 1).end(), trials.get(i).start(), "trials back to back, window " + w);
        }
        for (int start : batch.trialStarts(b)) {
          // A trial starts with its fixation period: fixation input on, no stimulus, target 0.
          assertEquals(1f, batch.input(start, b, 0));
          assertEquals(0, batch.target(start, b));
        }
        assertEquals(60, trials.get(0).trial().steps());
      }
    }
  }

  @Test
  void sameSeedSameBatchesAndColumnsDiffer() {
    Batch a = Dataset.of(task, 4, 50, 3).next();
    Batch b = Dataset.of(task, 4, 50, 3).next();
    assertEquals(a.inputs(), b.inputs());
    assertEquals(a.targets(), b.targets());
    assertNotEquals(a.inputs().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
        org.nd4j.linalg.indexing.NDArrayIndex.point(0)), a.inputs().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
        org.nd4j.linalg.indexing.NDArrayIndex.point(1)));
  }

  /**
   * 100 pixel inputs make neurogym's cache a single window (100·(1 + ⌊10⁵/101/16/100⌋) = 100 steps): neurogym then
   * refills it at every call, so every batch starts on trial onsets with fresh trials. The visual task's trials last
   * 5 steps, so each window holds 20 whole trials per column.
   */
  @Test
  void aCacheOfOneWindowGivesFreshTrialsEveryBatch() {
    var visual = Tasks.create("tutorial.SimpleVisualDecisionMaking-v0");
    Dataset data = Dataset.of(visual, 16, 100, 2);
    assertEquals(100, data.cacheLen());
    Batch first = data.next();
    Batch second = data.next();
    for (Batch batch : List.of(first, second)) {
      for (int b = 0; b < 16; b++) {
        assertArrayEquals(new int[] {0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95},
            batch.trialStarts(b));
      }
      assertEquals(16 * 20, batch.trials().size());
    }
    assertNotEquals(first.inputs(), second.inputs());
    assertEquals(Dataset.of(visual, 16, 100, 2).next().inputs(), first.inputs());
  }

  @Test
  void badSizesAreRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(task, 0, 100, 1));
    assertTrue(e.getMessage().contains("batchSize must be > 0; got 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Dataset.of(task, 2, 100, 150, 1));
  }

  @Test
  void theBuilderServesTheSameBatchesAsTheFactory() {
    Dataset a = Dataset.builder(task).batchSize(4).seqLen(50).seed(7).build();
    Dataset b = Dataset.of(task, 4, 50, 7);
    assertEquals(b.cacheLen(), a.cacheLen());
    for (int i = 0; i < 3; i++) {
      assertEquals(b.next().inputs(), a.next().inputs());
    }
    assertEquals(200, Dataset.builder(task).seqLen(50).cacheLen(200).build().cacheLen());
    assertThrows(IllegalArgumentException.class, () -> Dataset.builder(task).seqLen(50).cacheLen(120).build());
  }
}
