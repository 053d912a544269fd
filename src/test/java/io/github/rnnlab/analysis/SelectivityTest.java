package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.EiRnn;
import io.github.rnnlab.task.PerceptualDecisionMaking;
import io.github.rnnlab.task.Tasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;
import org.knowm.xchart.CategoryChart;

class SelectivityTest {
  private final PerceptualDecisionMaking task = Tasks.perceptualDecisionMaking(20, 200);
  private final EiRnn net = EiRnn.forTask(task, 10, 2);
  private final Evaluation eval = Evaluation.run(net, task, 40, 3);

  /** d′ recomputed with ND4J: stimulus-period rows of each ground truth stacked, mean and population std per unit. */
  @Test
  void dPrimeMatchesAnIndependentTwoPassComputation() {
    Selectivity sel = Selectivity.dPrime(eval, "stimulus", "ground_truth");
    List<List<INDArray>> byTruth = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < eval.size(); i++) {
      byTruth.get(eval.trial(i).groundTruth()).add(eval.activity(i, "stimulus").castTo(
          org.nd4j.linalg.api.buffer.DataType.DOUBLE));
    }
    INDArray a = Nd4j.vstack(byTruth.get(0));
    INDArray b = Nd4j.vstack(byTruth.get(1));
    INDArray variance = a.var(false, 0).add(b.var(false, 0)).add(1e-7).div(2);
    INDArray expected = a.mean(0).sub(b.mean(0)).div(org.nd4j.linalg.ops.transforms.Transforms.sqrt(variance));
    assertArrayEquals(expected.toDoubleVector(), sel.values(), 1e-9);
    assertTrue(sel.toString().contains("ground_truth 0 vs 1"), sel.toString());
    assertEquals(List.of("unit", "mean_a", "mean_b", "d_prime"), sel.toTable().columnNames());
  }

  @Test
  void unitsAreSortedWithinTheirGroupsAndTheMatrixFollows() {
    Selectivity sel = Selectivity.dPrime(eval, "stimulus", "ground_truth");
    double[] d = sel.values();
    int[] order = sel.sortedOrder(List.of(8, 2));
    for (int k = 0; k < 10; k++) {
      assertTrue(k < 8 ? order[k] < 8 : order[k] >= 8, "unit " + order[k] + " stays in its group");
      if (k != 0 && k != 8) {
        assertTrue(d[order[k - 1]] <= d[order[k]], "ascending within the group at " + k);
      }
    }
    float[][] w = net.effectiveRecurrentWeights();
    float[][] sorted = sel.sortedMatrix(w, List.of(8, 2));
    assertEquals(w[order[3]][order[9]], sorted[3][9]);
    assertEquals(w[order[9]][order[0]], sorted[9][0]);
    CategoryChart histogram = (CategoryChart) sel.plot(List.of("excitatory", "inhibitory"), List.of(8, 2))
        .charts().get(0);
    assertEquals(2, histogram.getSeriesCollection().size());
    var heat = (org.knowm.xchart.HeatMapChart) sel.plotSorted("W", w, List.of(8, 2)).charts().get(0);
    assertEquals(100, heat.getHeatMapSeries().getHeatData().size());
    assertArrayEquals(d, sel.toArray().toDoubleVector());
  }

  @Test
  void poolConnectivityAveragesTheWeightsBetweenPoolsOfLikeSelectiveUnits() {
    Selectivity sel = Selectivity.dPrime(eval, "stimulus", "ground_truth");
    double[] d = sel.values();
    float[][] w = new float[10][10];
    for (int to = 0; to < 10; to++) {
      for (int from = 0; from < 10; from++) {
        w[to][from] = to * 10 + from;
      }
    }
    Table t = sel.poolConnectivity(w, List.of("E", "I"), List.of(8, 2));
    assertEquals(4, t.rowCount());
    assertEquals("E (d′ > 0, prefers 0)", t.stringColumn("to").get(0));
    // Pool of each unit: 0 = E with d′ > 0, 1 = E with d′ ≤ 0, 2 and 3 the same for I.
    int[] pool = new int[10];
    for (int u = 0; u < 10; u++) {
      pool[u] = (u < 8 ? 0 : 2) + (d[u] > 0 ? 0 : 1);
    }
    for (int to = 0; to < 4; to++) {
      for (int from = 0; from < 4; from++) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < 10; r++) {
          for (int c = 0; c < 10; c++) {
            if (r != c && pool[r] == to && pool[c] == from) {
              sum += w[r][c];
              n++;
            }
          }
        }
        double got = t.doubleColumn(2 + from).getDouble(to);
        if (n == 0) {
          assertTrue(Double.isNaN(got));
        } else {
          assertEquals(sum / n, got, 1e-9, "from pool " + from + " to pool " + to);
        }
      }
    }
  }

  @Test
  void badInputsGiveClearErrors() {
    Selectivity sel = Selectivity.dPrime(eval, "stimulus", "ground_truth");
    assertMessage(() -> Selectivity.dPrime(eval, "stimulus", "coherence"), "takes 5 values");
    assertMessage(() -> Selectivity.dPrime(eval, "stimulus", "coh"), "unknown trial variable 'coh'");
    assertMessage(() -> Selectivity.dPrime(eval, "stim", "ground_truth"), "unknown period 'stim'");
    assertMessage(() -> sel.sortedOrder(List.of(8, 3)), "add up to 11 but there are 10 units");
    assertMessage(() -> sel.sortedMatrix(new float[3][3], List.of(10)), "must be 10 × 10");
    assertMessage(() -> sel.plot(List.of("E"), List.of(8, 2)), "one name per group size");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
