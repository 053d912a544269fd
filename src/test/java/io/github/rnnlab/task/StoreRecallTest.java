package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.Dataset;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoreRecallTest {

  @Test
  void eachBlockStoresOneValueAndAsksForItOnce() {
    StoreRecall task = StoreRecall.builder().build();
    assertFalse(task.hasLabels());
    assertEquals(List.of("noise", "store", "recall"), task.inputNames());
    assertEquals(List.of("block 1", "block 2", "block 3"), task.periodNames());
    TreeSet<Integer> lengths = new TreeSet<>();
    TreeSet<Integer> storeOffsets = new TreeSet<>();
    TreeSet<Integer> recallOffsets = new TreeSet<>();
    for (Trial trial : task.trials(4).next(400)) {
      int length = trial.info().get("block_steps").intValue();
      lengths.add(length);
      assertEquals(3 * length, trial.steps());
      assertFalse(trial.hasLabels());
      assertEquals(-1, trial.groundTruth());
      for (int k = 0; k < 3; k++) {
        Period block = trial.period("block " + (k + 1));
        assertEquals(k * length, block.start());
        int store = -1;
        int recall = -1;
        for (int t = block.start(); t < block.end(); t++) {
          float noise = trial.input(t, 0);
          assertTrue(noise >= -1 && noise < 1, "noise " + noise);
          if (trial.input(t, 1) == 1) {
            assertEquals(-1, store, "one store pulse per block");
            store = t;
          }
          if (trial.input(t, 2) == 1) {
            assertEquals(-1, recall, "one recall pulse per block");
            recall = t;
          }
        }
        int half = length / 2;
        assertTrue(store - block.start() < half, "store in the first half");
        assertTrue(recall - block.start() >= half && recall - block.start() <= length - 2, "recall in the second half");
        storeOffsets.add(store - block.start());
        recallOffsets.add(recall - block.start() - half);
        assertEquals(store, trial.info().get("store_step_" + (k + 1)).intValue());
        assertEquals(recall, trial.info().get("recall_step_" + (k + 1)).intValue());
        for (int t = block.start(); t < block.end(); t++) {
          float expected = t == recall ? trial.input(store, 0) : 0;
          assertEquals(expected, trial.targetValue(t, 0), "target at step " + t);
        }
        assertEquals(trial.input(store, 0), trial.info().get("value_" + (k + 1)), 1e-7);
      }
    }
    assertEquals(5, lengths.first());
    assertEquals(19, lengths.last());
    assertEquals(15, lengths.size(), "every length from 5 to 19 drawn");
    assertEquals(0, storeOffsets.first());
    assertEquals(8, storeOffsets.last(), "store on steps 0..⌊19/2⌋−1");
    assertEquals(0, recallOffsets.first());
    assertEquals(8, recallOffsets.last(), "recall on steps ⌊19/2⌋..17");
  }

  @Test
  void batchesCarryFloatTargetsAndSettingsAreChecked() {
    StoreRecall task = StoreRecall.builder().blockSteps(4, 4).repeats(2).build();
    Batch batch = Dataset.of(task, 3, 8, 16, 1).next();
    assertFalse(batch.hasLabels());
    assertEquals(1, batch.targetSize());
    assertThrows(IllegalArgumentException.class, () -> StoreRecall.builder().blockSteps(2, 5));
    assertThrows(IllegalArgumentException.class, () -> StoreRecall.builder().blockSteps(6, 5));
    assertThrows(IllegalArgumentException.class, () -> StoreRecall.builder().repeats(0));
    assertEquals(List.of(400.0), ((Timing.Choice) task.timing().get("block 1")).valuesMs());
  }
}
