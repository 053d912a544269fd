package io.github.rnnlab.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataRunsTest {

  @Test
  void pinningProblemSamplesFallOnTheNearestStep() {
    // 166 samples every 64.1 ms at dt = 1 ms: times 0 … 10576.5 ms, steps 0 … 10576 (the lab's t = 0:dt:tData(end)).
    assertEquals(10577, DataRuns.steps(166, 64.1, 1));
    int[] at = DataRuns.sampleSteps(166, 64.1, 1);
    assertEquals(0, at[0]);
    assertEquals(64, at[1]);
    assertEquals(128, at[2]);
    assertEquals(320, at[5], "320.5 ms ties to the earlier step");
    assertEquals(10576, at[165], "the last sample, 10576.5 ms, is the last step");
  }

  @Test
  void curbdSamplesAreEveryDtFactorSteps() {
    // CURBD's example: 1201 samples every 10 ms, dtFactor 5: model steps of 2 ms, t = 0:2:12000 → 6001 steps.
    assertEquals(6001, DataRuns.steps(1201, 10, 2));
    int[] at = DataRuns.sampleSteps(1201, 10, 2);
    for (int k = 0; k < at.length; k++) {
      assertEquals(5 * k, at[k]);
    }
    assertThrows(IllegalArgumentException.class, () -> DataRuns.sampleSteps(10, 0.5, 1));
  }
}
