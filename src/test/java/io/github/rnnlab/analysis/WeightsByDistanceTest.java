package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.UnitGrid;
import io.github.rnnlab.model.WeightConstraint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class WeightsByDistanceTest {
  /**
   * A 2 × 2 grid: units 0 (0,0), 1 (0,1), 2 (1,0), 3 (1,1). Distance 0 on the diagonal, √2 between 0–3 and 1–2, 1
   * between the other pairs. Weights W[to][from] chosen so each group's mean |W| is easy to add up by hand.
   */
  private static final float[][] W = {
      {1, -2, 3, -4},
      {5, 6, -7, 8},
      {-9, 10, 11, 12},
      {13, -14, 15, -16}};

  @Test
  void meansByDistanceAddUpByHand() {
    WeightsByDistance p = WeightsByDistance.of(W, UnitGrid.of(2, 2).distances());
    assertArrayEquals(new double[] {0, 1, Math.sqrt(2)}, p.distances(), 1e-6);
    assertArrayEquals(new int[] {4, 8, 4}, p.connections());
    // Diagonal 1, 6, 11, 16; distance 1: W01, W02, W10, W13, W20, W23, W31, W32; √2: W03, W12, W21, W30.
    double diagonal = (1 + 6 + 11 + 16) / 4.0;
    double near = (2 + 3 + 5 + 8 + 9 + 12 + 14 + 15) / 8.0;
    double diag2 = (4 + 7 + 10 + 13) / 4.0;
    assertArrayEquals(new double[] {diagonal, near, diag2}, p.meanAbsWeights(), 1e-12);
    assertEquals((near * 8 + diag2 * 4) / 12, p.meanAbsWeight(0.5, 2), 1e-12, "all pairs of distinct units");
    assertEquals(diagonal, p.meanAbsWeight(0, 0.5), 1e-12);
    Table table = p.toTable();
    assertEquals(java.util.List.of("distance", "connections", "mean_abs_weight"), table.columnNames());
    assertEquals(3, table.rowCount());
    var none = assertThrows(IllegalArgumentException.class, () -> p.meanAbsWeight(2, 3));
    assertTrue(none.getMessage().contains("[2.0, 3.0)"), none.getMessage());
  }

  @Test
  void aParameterIsReadThroughItsConstraints() {
    Ctrnn net = Ctrnn.builder().inputSize(2).hiddenSize(4).outputSize(2).seed(3).build();
    net.parameter("W_rec").constrain(WeightConstraint.noAutapses());
    WeightsByDistance p = WeightsByDistance.of(net.parameter("W_rec"), UnitGrid.of(2, 2));
    assertEquals(0, p.meanAbsWeights()[0], "masked self-connections count as 0");
    float[][] w = net.parameter("W_rec").values();
    assertEquals((Math.abs(w[0][3]) + Math.abs(w[1][2]) + Math.abs(w[2][1]) + Math.abs(w[3][0])) / 4,
        p.meanAbsWeights()[2], 1e-7);
    var shape = assertThrows(IllegalArgumentException.class,
        () -> WeightsByDistance.of(net.parameter("W_rec"), UnitGrid.of(3, 3)));
    assertTrue(shape.getMessage().contains("W_rec has shape [4, 4]"), shape.getMessage());
  }

  @Test
  void badMatricesAreRejectedAndProfilesCompareOnOneChart() {
    assertThrows(IllegalArgumentException.class, () -> WeightsByDistance.of(W, new float[3][4]));
    var negative = assertThrows(IllegalArgumentException.class,
        () -> WeightsByDistance.of(new float[][] {{1}}, new float[][] {{-1}}));
    assertTrue(negative.getMessage().contains("[0][0]"), negative.getMessage());
    Map<String, WeightsByDistance> runs = new LinkedHashMap<>();
    runs.put("a", WeightsByDistance.of(W, UnitGrid.of(2, 2).distances()));
    runs.put("b", WeightsByDistance.of(new float[4][4], UnitGrid.of(2, 2).distances()));
    var chart = (org.knowm.xchart.XYChart) WeightsByDistance.compare(runs).charts().get(0);
    double[] a = runs.get("a").meanAbsWeights();
    assertArrayEquals(new double[] {a[1], a[2]}, chart.getSeries("a").getYData(), 1e-12, "self-connections left out");
    assertEquals(2, chart.getSeries("b").getXData().length);
    assertFalse(chart.getStyler().isYAxisLogarithmic(), "b has zero weights");
    var one = (org.knowm.xchart.XYChart) runs.get("a").plot().charts().get(0);
    assertTrue(one.getStyler().isYAxisLogarithmic());
  }
}
