package io.github.rnnlab.analysis;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.StepMap;
import io.github.rnnlab.plot.ComplexPlaneChart;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.StateSpaceChart;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The fixed points {@link FixedPointFinder} found, ordered by q (best first), with what happened to the initial states
 * (how many were merged as duplicates, how many ended as outliers). Shows itself as a table, as eigenvalues in the
 * complex plane ({@link #plot()}) and among the network's trajectories in PCA space ({@link #plot(Pca, Table)}).
 * Immutable.
 */
public final class FixedPoints {
  /** Points along a line-attractor segment: enough for a smooth curve when the rates bend it. */
  private static final int LINE_POINTS = 41;

  private final List<FixedPoint> points;
  private final StepMap map;
  private final int initialStates;
  private final int duplicates;
  private final int outliers;

  FixedPoints(List<FixedPoint> points, StepMap map, int initialStates, int duplicates, int outliers) {
    this.points = List.copyOf(points);
    this.map = map;
    this.initialStates = initialStates;
    this.duplicates = duplicates;
    this.outliers = outliers;
  }

  /** The number of fixed points. */
  public int size() {
    return points.size();
  }

  /** Fixed point {@code i}, counted from 0 in the order of {@link #toTable()}. */
  public FixedPoint get(int i) {
    return points.get(Checks.index("fixed point", i, points.size()));
  }

  /** The fixed points, best (smallest q) first. */
  public List<FixedPoint> points() {
    return points;
  }

  /** How many initial states the search started from. */
  public int initialStateCount() {
    return initialStates;
  }

  /** How many searches ended on a point found before (within the uniqueness tolerance) and were merged into it. */
  public int duplicatesMerged() {
    return duplicates;
  }

  /** How many distinct points were dropped as distance outliers. */
  public int outliersDropped() {
    return outliers;
  }

  /** The points that satisfy {@code filter}, e.g. {@code points.where(p -> p.q() < 1e-10)}; counts carry over. */
  public FixedPoints where(Predicate<FixedPoint> filter) {
    return new FixedPoints(points.stream().filter(filter).toList(), map, initialStates, duplicates, outliers);
  }

  /** The states s*, (points, state size), float64. */
  public INDArray statesArray() {
    return matrix(points.stream().map(FixedPoint::state).toList(), map.stateSize());
  }

  /** The rates at each point (what PCA of the network's activity sees), (points, units), float64. */
  public INDArray ratesArray() {
    return matrix(points.stream().map(FixedPoint::rates).toList(), map.rates(map.initialState()).length);
  }

  private static INDArray matrix(List<double[]> rows, int columns) {
    return rows.isEmpty() ? Nd4j.zeros(0, columns) : Nd4j.create(rows.toArray(new double[0][]));
  }

  /**
   * One row per point: {@code fixed_point}, {@code q}, {@code iterations}, {@code converged}, {@code initial_states}
   * (how many searches ended there), {@code spectral_radius}, {@code top_eigenvalue} and {@code top_eigenvalue_imag}
   * (the eigenvalue with the largest real part), {@code unstable_modes} (eigenvalues with |λ| ≥ 1) and
   * {@code stable}.
   */
  public Table toTable() {
    int n = points.size();
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    return Table.create("fixed points",
        IntColumn.create("fixed_point", ids),
        scientific(DoubleColumn.create("q", points.stream().mapToDouble(FixedPoint::q))),
        IntColumn.create("iterations", points.stream().mapToInt(FixedPoint::iterations).toArray()),
        BooleanColumn.create("converged", points.stream().map(FixedPoint::converged).toList()),
        IntColumn.create("initial_states", points.stream().mapToInt(FixedPoint::initialStates).toArray()),
        DoubleColumn.create("spectral_radius", points.stream().mapToDouble(FixedPoint::spectralRadius)),
        DoubleColumn.create("top_eigenvalue", points.stream().mapToDouble(p -> p.topEigenvalue().real())),
        DoubleColumn.create("top_eigenvalue_imag", points.stream().mapToDouble(p -> p.topEigenvalue().imaginary())),
        IntColumn.create("unstable_modes", points.stream().mapToInt(FixedPoint::unstableModes).toArray()),
        BooleanColumn.create("stable", points.stream().map(FixedPoint::stable).toList()));
  }

  /**
   * Every eigenvalue of every point: {@code fixed_point}, {@code stable} (the point's), {@code real},
   * {@code imaginary}, {@code magnitude}.
   */
  public Table eigenvalueTable() {
    Table t = Table.create("eigenvalues", IntColumn.create("fixed_point"), BooleanColumn.create("stable"),
        DoubleColumn.create("real"), DoubleColumn.create("imaginary"), DoubleColumn.create("magnitude"));
    for (int i = 0; i < points.size(); i++) {
      FixedPoint p = points.get(i);
      for (Eigenvalue e : p.eigenvalues()) {
        t.intColumn("fixed_point").append(i);
        t.booleanColumn("stable").append(p.stable());
        t.doubleColumn("real").append(e.real());
        t.doubleColumn("imaginary").append(e.imaginary());
        t.doubleColumn("magnitude").append(e.magnitude());
      }
    }
    return t;
  }

  /**
   * The eigenvalues of every point (fixed or slow) in the complex plane with the unit circle: stable points' in blue,
   * unstable points' in orange.
   */
  public Figure plot() {
    List<ComplexPlaneChart.Group> groups = new ArrayList<>();
    for (boolean stable : new boolean[] {true, false}) {
      List<FixedPoint> kind = points.stream().filter(p -> p.stable() == stable).toList();
      if (!kind.isEmpty()) {
        groups.add(group("at " + (stable ? "stable" : "unstable") + " points (" + kind.size() + ")",
            kind.stream().flatMap(p -> p.eigenvalues().stream()).toList(), !stable));
      }
    }
    if (groups.isEmpty()) {
      groups.add(group("no fixed points", List.of(), false));
    }
    return ComplexPlaneChart.of("Eigenvalues of the Jacobian at the fixed points", groups, 1);
  }

  /** The eigenvalues of point {@code i} with the unit circle: inside it in blue, on or outside it in orange. */
  public Figure plotEigenvalues(int i) {
    List<Eigenvalue> all = get(i).eigenvalues();
    List<Eigenvalue> inside = all.stream().filter(e -> e.magnitude() < 1).toList();
    List<Eigenvalue> outside = all.stream().filter(e -> e.magnitude() >= 1).toList();
    return ComplexPlaneChart.of("Eigenvalues of the Jacobian at point " + i, List.of(
        group("|λ| < 1 (" + inside.size() + ")", inside, false), group("|λ| ≥ 1 (" + outside.size() + ")", outside,
            true)), 1);
  }

  private static ComplexPlaneChart.Group group(String name, List<Eigenvalue> values, boolean unstable) {
    return new ComplexPlaneChart.Group(name, values.stream().mapToDouble(Eigenvalue::real).toArray(),
        values.stream().mapToDouble(Eigenvalue::imaginary).toArray(), unstable);
  }

  /**
   * The points' rates projected on the first two components of {@code pca}: {@code fixed_point}, {@code pc1},
   * {@code pc2}, {@code stable}, {@code converged}, {@code q}.
   *
   * @throws IllegalArgumentException if the PCA was fitted on another number of units
   */
  public Table projectionTable(Pca pca) {
    double[][] pcs = project(pca, points.stream().map(FixedPoint::rates).toList());
    int n = points.size();
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    return Table.create("fixed points in PCA space", IntColumn.create("fixed_point", ids),
        DoubleColumn.create("pc1", Arrays.stream(pcs).mapToDouble(p -> p[0])),
        DoubleColumn.create("pc2", Arrays.stream(pcs).mapToDouble(p -> p[1])),
        BooleanColumn.create("stable", points.stream().map(FixedPoint::stable).toList()),
        BooleanColumn.create("converged", points.stream().map(FixedPoint::converged).toList()),
        scientific(DoubleColumn.create("q", points.stream().mapToDouble(FixedPoint::q))));
  }

  /**
   * The point at the median of the points' projections on the first principal component (the element at position
   * ⌊n/2⌋ in ascending order): a central point of a line of fixed points. The tutorial means to pick this one but
   * sorts by the first unit's rate instead of PC 1.
   *
   * @throws IllegalStateException if there are no points
   */
  public int medianAlongFirstComponent(Pca pca) {
    if (points.isEmpty()) {
      throw new IllegalStateException("there are no fixed points to choose from");
    }
    double[][] pcs = project(pca, points.stream().map(FixedPoint::rates).toList());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pcs.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> pcs[i][0]));
    return order.get(pcs.length / 2);
  }

  /**
   * The segment {@code s* + t·v}, −halfLength ≤ t ≤ halfLength, through point {@code i} along its top eigenvector v
   * (unit length, in state units), mapped to rates and projected on the first two components of {@code pca}:
   * {@code t}, {@code q} (q = ½‖F − s‖² on the segment: how slowly the state moves there), {@code pc1}, {@code pc2}.
   * Near a line attractor it follows the line of fixed points and q stays small along it; the tutorial uses
   * half-lengths 2 (decision making) and 10 (working memory).
   *
   * @throws IllegalArgumentException if {@code i} is not a point or {@code halfLength} is not positive
   * @throws IllegalStateException if the point's top eigenvalue is complex (no single direction)
   */
  public Table lineTable(Pca pca, int i, double halfLength) {
    Checks.positive("halfLength", halfLength);
    FixedPoint p = get(i);
    double[] v = p.topEigenvector();
    if (v == null) {
      throw new IllegalStateException("the top eigenvalue of fixed point " + i + " is complex (" + p.topEigenvalue()
          + "): it rotates in a plane and has no single direction to draw");
    }
    double[] s = p.state();
    double[] input = p.input();
    double[] t = new double[LINE_POINTS];
    double[] q = new double[LINE_POINTS];
    List<double[]> rates = new ArrayList<>();
    for (int k = 0; k < LINE_POINTS; k++) {
      t[k] = -halfLength + 2 * halfLength * k / (LINE_POINTS - 1);
      double[] x = new double[s.length];
      for (int d = 0; d < s.length; d++) {
        x[d] = s[d] + t[k] * v[d];
      }
      double[] f = map.apply(x, input);
      for (int d = 0; d < s.length; d++) {
        q[k] += 0.5 * (f[d] - x[d]) * (f[d] - x[d]);
      }
      rates.add(map.rates(x));
    }
    double[][] pcs = project(pca, rates);
    return Table.create("top eigenvector through fixed point " + i, DoubleColumn.create("t", t),
        DoubleColumn.create("q", q), DoubleColumn.create("pc1", Arrays.stream(pcs).mapToDouble(c -> c[0])),
        DoubleColumn.create("pc2", Arrays.stream(pcs).mapToDouble(c -> c[1])));
  }

  /**
   * The points among {@code trajectories} (a table with {@code trial}, {@code ground_truth}, {@code pc1} and
   * {@code pc2}, as {@link Pca#projectionTable} makes it; filter it to the trials to show) in the plane of the first
   * two components of {@code pca}: stable fixed points as black dots, unstable ones as orange crosses, slow points
   * (searches that ended at a local minimum of q above the tolerance) in grey.
   */
  public Figure plot(Pca pca, Table trajectories) {
    return StateSpaceChart.of("Fixed points in PC space", trajectories, projectionTable(pca), null);
  }

  /**
   * As {@link #plot(Pca, Table)}, with the segment of {@link #lineTable} through point {@code lineThrough} along its
   * top eigenvector: the direction of the line attractor.
   */
  public Figure plot(Pca pca, Table trajectories, int lineThrough, double halfLength) {
    return StateSpaceChart.of("Fixed points and the top eigenvector in PC space", trajectories,
        projectionTable(pca), lineTable(pca, lineThrough, halfLength));
  }

  /** q spans many orders of magnitude (1e-27 at a fixed point, 1e-2 at a slow point): show it as 1.23E-4. */
  private static DoubleColumn scientific(DoubleColumn q) {
    q.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.00E0",
        DecimalFormatSymbols.getInstance(Locale.ROOT))));
    return q;
  }

  private static double[][] project(Pca pca, List<double[]> rates) {
    if (rates.isEmpty()) {
      return new double[0][2];
    }
    double[][] pcs = pca.transform(Nd4j.create(rates.toArray(new double[0][]))).toDoubleMatrix();
    if (pca.components() < 2) {
      for (int r = 0; r < pcs.length; r++) {
        pcs[r] = new double[] {pcs[r][0], 0};
      }
    }
    return pcs;
  }

  @Override
  public String toString() {
    long stable = points.stream().filter(FixedPoint::stable).count();
    return String.format(Locale.ROOT, "FixedPoints[%d points (%d stable, %d unstable) from %d initial states; "
        + "%d duplicates merged, %d outliers dropped]", points.size(), stable, points.size() - stable, initialStates,
        duplicates, outliers);
  }
}
