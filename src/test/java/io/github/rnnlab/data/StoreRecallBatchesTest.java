package io.github.rnnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.task.StoreRecall;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoreRecallBatchesTest {

  @Test
  void everyBatchHasOneBlockLengthAndWholeTrialsInItsColumns() {
    StoreRecall task = StoreRecall.builder().blockSteps(5, 8).build();
    StoreRecallBatches source = StoreRecallBatches.of(task, 4, 3);
    StoreRecallBatches again = StoreRecallBatches.of(task, 4, 3);
    TreeSet<Integer> lengths = new TreeSet<>();
    for (int k = 0; k < 40; k++) {
      Batch batch = source.next();
      assertEquals(batch.inputs(), again.next().inputs(), "same seed, same batches");
      assertEquals(0, batch.seqLen() % 3);
      int length = batch.seqLen() / 3;
      lengths.add(length);
      assertEquals(4, batch.batchSize());
      for (int b = 0; b < 4; b++) {
        for (int block = 0; block < 3; block++) {
          int store = -1;
          int recall = -1;
          for (int t = block * length; t < (block + 1) * length; t++) {
            store = batch.input(t, b, 1) == 1 ? t : store;
            recall = batch.input(t, b, 2) == 1 ? t : recall;
            if (batch.targetValue(t, b, 0) != 0) {
              assertEquals(recall, t, "a target only at the recall step");
            }
          }
          assertTrue(store >= block * length && recall > store, "block " + block + " of column " + b);
          assertEquals(batch.input(store, b, 0), batch.targetValue(recall, b, 0));
        }
      }
    }
    assertEquals(4, lengths.size(), "lengths 5 to 8 drawn: " + lengths);
    assertThrows(IllegalArgumentException.class, () -> StoreRecallBatches.of(task, 0, 1));
  }
}
