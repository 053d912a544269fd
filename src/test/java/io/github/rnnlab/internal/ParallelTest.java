package io.github.rnnlab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every part runs exactly once, its writes are seen by the caller, and a failure comes back once no part runs. */
class ParallelTest {

  @Test
  void everyPartRunsOnceAndItsWritesAreSeen() {
    for (int parts = 1; parts <= 9; parts++) {
      int[] seen = new int[parts];
      Parallel.forEach(parts, p -> seen[p] += p + 1);
      int[] expected = new int[parts];
      for (int p = 0; p < parts; p++) {
        expected[p] = p + 1;
      }
      assertArrayEquals(expected, seen, parts + " parts");
    }
  }

  @Test
  void rangesCoverEveryIndexOnce() {
    int[] hits = new int[1001];
    Parallel.forRange(hits.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        hits[i]++;
      }
    });
    for (int i = 0; i < hits.length; i++) {
      assertEquals(1, hits[i], "index " + i);
    }
  }

  @Test
  void aFailureIsThrownOnceNoPartIsRunning() {
    for (int failing = 0; failing < 4; failing++) {
      int bad = failing;
      IllegalStateException failure = new IllegalStateException("part " + bad);
      AtomicInteger running = new AtomicInteger();
      IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forEach(4, p -> {
        running.incrementAndGet();
        try {
          if (p == bad) {
            throw failure;
          }
          sleep();
        } finally {
          running.decrementAndGet();
        }
      }));
      assertSame(failure, thrown);
      assertEquals(0, running.get(), "parts still running after part " + bad + " failed");
    }
  }

  @Test
  void concurrentAndNestedCallersGetAllTheirParts() throws InterruptedException {
    AtomicIntegerArray counts = new AtomicIntegerArray(3);
    Thread[] callers = new Thread[3];
    for (int c = 0; c < callers.length; c++) {
      int caller = c;
      callers[c] = new Thread(() -> {
        for (int i = 0; i < 2000; i++) {
          Parallel.forEach(2, p -> Parallel.forEach(3, q -> counts.incrementAndGet(caller)));
        }
      });
      callers[c].start();
    }
    for (Thread t : callers) {
      t.join();
    }
    for (int c = 0; c < callers.length; c++) {
      assertEquals(2000 * 2 * 3, counts.get(c), "caller " + c);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
