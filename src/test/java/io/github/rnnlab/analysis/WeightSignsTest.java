package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class WeightSignsTest {

  @Test
  void countsSignsPerSourceGroupAndDiagonalSeparately() {
    float[][] w = {
        {0.5f, 0.2f, -1f},
        {0f, 0f, -0.5f},
        {0.3f, 0.1f, 0.4f}};
    Table t = WeightSigns.bySource(w, List.of("E", "I"), List.of(2, 1));
    assertEquals(List.of("from", "weights", "positive", "zero", "negative", "min", "max", "autapses"),
        t.columnNames());
    // E columns 0 and 1 without the diagonal: 0, 0.3, 0.2, 0.1.
    assertEquals(4, t.intColumn("weights").getInt(0));
    assertEquals(3, t.intColumn("positive").getInt(0));
    assertEquals(1, t.intColumn("zero").getInt(0));
    assertEquals(0, t.intColumn("negative").getInt(0));
    assertEquals(0.0, t.doubleColumn("min").getDouble(0));
    assertEquals(0.3, t.doubleColumn("max").getDouble(0), 1e-7);
    assertEquals(1, t.intColumn("autapses").getInt(0), "w[0][0] = 0.5; w[1][1] = 0");
    // I column 2 without the diagonal: −1, −0.5; its own weight 0.4 is an autapse.
    assertEquals(2, t.intColumn("negative").getInt(1));
    assertEquals(1, t.intColumn("autapses").getInt(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WeightSigns.bySource(w, List.of("E", "I"), List.of(2, 2)));
    assertTrue(e.getMessage().contains("add up to 4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WeightSigns.bySource(new float[][] {{1, 2}},
        List.of("E"), List.of(1)));
  }
}
