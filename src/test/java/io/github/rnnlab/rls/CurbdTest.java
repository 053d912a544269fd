package io.github.rnnlab.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.dynamics.Region;
import io.github.rnnlab.dynamics.ThreeRegionSimulation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CurbdTest {
  private static ThreeRegionSimulation sim;
  private static CurbdModel model;
  private static CurbdDecomposition decomposition;

  @BeforeAll
  static void fit() {
    sim = ThreeRegionSimulation.settings().units(30).seed(2).run();
    model = Curbd.builder().activity(sim.activity()).dtDataMs(sim.dtMs()).regions(sim.regions()).dtFactor(5)
        .tauMs(100).runs(6, 2).seed(1).progress(RunProgress.silent()).fit();
    decomposition = model.decomposition();
  }

  @Test
  void simulationHasThreeNormalisedRegions() {
    assertEquals(90, sim.activity().size(0));
    assertEquals(1201, sim.samples());
    for (Region r : sim.regions()) {
      double max = Double.NEGATIVE_INFINITY;
      for (int u : r.units()) {
        max = Math.max(max, sim.activity().getRow(u).maxNumber().doubleValue());
      }
      assertEquals(1, max, 1e-6, r.name());
    }
  }

  @Test
  void currentsFromEveryRegionSumToTheTotalInputCurrent() {
    // Σ over source regions of J[T, S] r_S(t), plus the external input, must equal the current J r + I that the
    // network computed at every step of its last run (float32 products summed in another order: tolerance 1e-4).
    CurbdDecomposition d = decomposition;
    float[][] total = model.currents().toFloatMatrix();
    for (Region target : model.regions()) {
      float[][] sum = d.input(target.name()).toFloatMatrix();
      for (Region source : model.regions()) {
        float[][] part = d.current(target.name(), source.name()).toFloatMatrix();
        for (int i = 0; i < sum.length; i++) {
          for (int s = 0; s < sum[i].length; s++) {
            sum[i][s] += part[i][s];
          }
        }
      }
      for (int i = 0; i < target.size(); i++) {
        float[] recorded = total[target.unit(i)];
        int unit = i;
        for (int s = 0; s < recorded.length; s++) {
          int step = s;
          assertEquals(recorded[s], sum[i][s], 1e-4 * (1 + Math.abs(recorded[s])),
              () -> target.name() + " unit " + unit + " step " + step);
        }
      }
    }
    assertEquals(9, d.toTable().rowCount());
    assertEquals("B to A", CurbdDecomposition.label("A", "B"));
    assertEquals(9, d.plot().charts().size());
  }

  @Test
  void theFitExplainsMostOfTheVariance() {
    RunHistory h = model.history();
    assertEquals(8, h.runs());
    assertTrue(h.meanFreePVar() > 0.8, h.toString());
    // Without private noise the free runs repeat each other exactly.
    assertEquals(h.chiSquared()[h.runs() - 2], h.chiSquared()[h.runs() - 1]);
    assertEquals(2, h.freePVar().length);
  }

  @Test
  void badInputsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Curbd.builder().dtDataMs(10).fit());
    assertThrows(IllegalArgumentException.class, () -> Curbd.builder().activity(sim.activity()).fit());
    assertThrows(IllegalArgumentException.class, () -> Curbd.builder().activity(sim.activity()).dtDataMs(10)
        .regions(List.of(Region.range("A", 0, 100), Region.range("B", 50, 100))).fit());
    assertThrows(IllegalArgumentException.class,
        () -> Curbd.builder().activity(sim.activity()).dtDataMs(10).tauMs(5).fit(), "dt 10 ms >= tau 5 ms");
    assertThrows(IllegalArgumentException.class, () -> decomposition.current("A", "D"));
  }
}
