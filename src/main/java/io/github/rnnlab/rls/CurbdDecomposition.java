package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.dynamics.FrozenInput;
import io.github.rnnlab.dynamics.RateNetwork;
import io.github.rnnlab.dynamics.Region;
import io.github.rnnlab.plot.ActivityChart;
import io.github.rnnlab.plot.Figure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * CURBD's current decomposition ({@code computeCURBD}): for every target region T and source region S, the current
 * that S sends into T's units, J[T, S] · r_S(t), at every step of a fitted model's last run. Summed over the sources
 * and with the external input added, they give each unit's total input current. Immutable.
 *
 * @since 0.1.0
 */
public final class CurbdDecomposition {
  private final List<Region> regions;
  /** [target][source][unit of target][step]. */
  private final float[][][][] currents;
  /** [target][unit of target][step]. */
  private final float[][][] inputs;
  private final double dtMs;

  private CurbdDecomposition(List<Region> regions, float[][][][] currents, float[][][] inputs, double dtMs) {
    this.regions = regions;
    this.currents = currents;
    this.inputs = inputs;
    this.dtMs = dtMs;
  }

  /**
   * The decomposition of any network's currents: for rates {@code unitsBySteps} of {@code network}'s units and the
   * input it received, e.g. the currents of a simulation with known weights, to compare with what a fitted model
   * infers ({@code ThreeRegionSimulation} gives its network, rates and drive).
   *
   * @throws IllegalArgumentException if the rates do not have one row per unit, the input does not cover them, or the
   *     regions overlap or name units that do not exist
   */
  public static CurbdDecomposition of(RateNetwork network, INDArray unitsBySteps, FrozenInput input,
      List<Region> regions, double dtMs) {
    Checks.shape("unitsBySteps", unitsBySteps, network.units(), -1);
    Region.requireDisjoint(regions, network.units());
    input.requireFits(network.units(), (int) unitsBySteps.size(1));
    Checks.positive("dtMs", dtMs);
    return of(network, PinningResult.transpose(unitsBySteps.toFloatMatrix()), input, List.copyOf(regions), dtMs);
  }

  /** The decomposition for {@code rates} ([step][unit]), computed in float64 and stored as float32. */
  static CurbdDecomposition of(RateNetwork network, float[][] rates, FrozenInput input, List<Region> regions,
      double dtMs) {
    double[][] j = network.weights().toDoubleMatrix();
    int m = regions.size();
    int steps = rates.length;
    float[][][][] currents = new float[m][m][][];
    float[][][] inputs = new float[m][][];
    for (int t = 0; t < m; t++) {
      Region target = regions.get(t);
      inputs[t] = new float[target.size()][steps];
      for (int i = 0; i < target.size(); i++) {
        for (int s = 0; s < steps; s++) {
          inputs[t][i][s] = input.value(target.unit(i), s);
        }
      }
      for (int c = 0; c < m; c++) {
        Region source = regions.get(c);
        // Columns of J[T, S] (one per source unit, over the target's units), so each step is a sum of scaled columns.
        double[][] columns = new double[source.size()][target.size()];
        for (int k = 0; k < source.size(); k++) {
          for (int i = 0; i < target.size(); i++) {
            columns[k][i] = j[target.unit(i)][source.unit(k)];
          }
        }
        float[][] block = new float[target.size()][steps];
        double[] sum = new double[target.size()];
        for (int s = 0; s < steps; s++) {
          Arrays.fill(sum, 0);
          for (int k = 0; k < source.size(); k++) {
            double r = rates[s][source.unit(k)];
            double[] column = columns[k];
            for (int i = 0; i < sum.length; i++) {
              sum[i] += r * column[i];
            }
          }
          for (int i = 0; i < sum.length; i++) {
            block[i][s] = (float) sum[i];
          }
        }
        currents[t][c] = block;
      }
    }
    return new CurbdDecomposition(regions, currents, inputs, dtMs);
  }

  /** The regions, in the order of the grid's rows (targets) and columns (sources). */
  public List<Region> regions() {
    return regions;
  }

  /**
   * The current from region {@code source} into region {@code target}, target units × steps.
   *
   * @throws IllegalArgumentException if a name is not one of the regions
   */
  public INDArray current(String target, String source) {
    return Nd4j.create(currents[index(target)][index(source)]);
  }

  /**
   * The external input into region {@code target}, target units × steps.
   *
   * @throws IllegalArgumentException if the name is not one of the regions
   */
  public INDArray input(String target) {
    return Nd4j.create(inputs[index(target)]);
  }

  /** CURBD's label of a current: "{@code source} to {@code target}". */
  public static String label(String target, String source) {
    return source + " to " + target;
  }

  /**
   * One row per (target, source) pair: {@code target}, {@code source}, {@code label}, {@code mean_current} and
   * {@code mean_abs_current} (over the target's units and all steps).
   */
  public Table toTable() {
    StringColumn target = StringColumn.create("target");
    StringColumn source = StringColumn.create("source");
    StringColumn label = StringColumn.create("label");
    DoubleColumn mean = DoubleColumn.create("mean_current");
    DoubleColumn meanAbs = DoubleColumn.create("mean_abs_current");
    for (int t = 0; t < regions.size(); t++) {
      for (int c = 0; c < regions.size(); c++) {
        double sum = 0;
        double sumAbs = 0;
        long count = 0;
        for (float[] unit : currents[t][c]) {
          for (float v : unit) {
            sum += v;
            sumAbs += Math.abs(v);
            count++;
          }
        }
        String tn = regions.get(t).name();
        String sn = regions.get(c).name();
        target.append(tn);
        source.append(sn);
        label.append(label(tn, sn));
        mean.append(sum / count);
        meanAbs.append(sumAbs / count);
      }
    }
    return Table.create("CURBD currents", target, source, label, mean, meanAbs);
  }

  /** The currents as a grid of heat maps: one row per target region, one column per source region. */
  public Figure plot() {
    List<HeatMapChart> charts = new ArrayList<>();
    for (int t = 0; t < regions.size(); t++) {
      for (int c = 0; c < regions.size(); c++) {
        charts.add(ActivityChart.chart(label(regions.get(t).name(), regions.get(c).name()), currents[t][c], 0, dtMs));
      }
    }
    return Figure.grid(charts, regions.size());
  }

  private int index(String name) {
    for (int k = 0; k < regions.size(); k++) {
      if (regions.get(k).name().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no region named '" + name + "'; regions: "
        + regions.stream().map(Region::name).toList());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CurbdDecomposition[%d regions, %d steps of %s ms]", regions.size(),
        currents[0][0][0].length, dtMs);
  }
}
