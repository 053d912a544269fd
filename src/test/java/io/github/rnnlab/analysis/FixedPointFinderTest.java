package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.ReluPlacement;
import io.github.rnnlab.model.StepMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * Fixed points with analytic solutions: an affine map {@code s ← A s + B x + c} (one fixed point, {@code (I − A)⁻¹(Bx +
 * c)}, with the eigenvalues of A), and a two-unit ReLU network with mutual inhibition (a flip-flop: two stable
 * states and a saddle between them).
 */
class FixedPointFinderTest {

  /**
   * {@code A = S·M·S⁻¹}: M is block diagonal with a rotation-scaling block {@code [[0.9, 0.2], [−0.2, 0.9]]}
   * (eigenvalues 0.9 ± 0.2i) and {@code diag(d, −0.3)}; S = I + N with N strictly upper triangular (so S⁻¹ = I − N + N²
   * − N³), which makes A non-normal. The fixed point is {@code S (I − M)⁻¹ S⁻¹ (Bx + c)}, with (I − M)⁻¹ known in
   * closed form.
   */
  private static class AffineMap implements StepMap {
    final double[][] s;
    final double[][] sInverse;
    final double[][] a;
    final double[][] m;
    final double[][] b = {{1, 0}, {0.5, -1}, {0, 2}, {-1, 1}};
    final double[] c = {0.3, -0.2, 0.1, 0.4};

    AffineMap(double d) {
      double[][] n = {{0, 0.5, -0.3, 0.2}, {0, 0, 0.4, 0.1}, {0, 0, 0, -0.6}, {0, 0, 0, 0}};
      s = add(identity(4), n);
      double[][] n2 = multiply(n, n);
      sInverse = add(add(identity(4), scale(n, -1)), add(n2, scale(multiply(n2, n), -1)));
      m = new double[][] {{0.9, 0.2, 0, 0}, {-0.2, 0.9, 0, 0}, {0, 0, d, 0}, {0, 0, 0, -0.3}};
      a = multiply(multiply(s, m), sInverse);
    }

    /** {@code S (I − M)⁻¹ S⁻¹ (Bx + c)}; the inverse of {@code [[0.1, −0.2], [0.2, 0.1]]} is its transpose / 0.05. */
    double[] fixedPoint(double[] x) {
      double[] rhs = apply(new double[4], x);
      double[] z = times(sInverse, rhs);
      double d = m[2][2];
      double[] w = {(0.1 * z[0] + 0.2 * z[1]) / 0.05, (-0.2 * z[0] + 0.1 * z[1]) / 0.05, z[2] / (1 - d),
          z[3] / 1.3};
      return times(s, w);
    }

    @Override
    public int stateSize() {
      return 4;
    }

    @Override
    public int inputSize() {
      return 2;
    }

    @Override
    public List<String> blocks() {
      return List.of("s (4)");
    }

    @Override
    public double[] initialState() {
      return new double[4];
    }

    @Override
    public double[] apply(double[] state, double[] input) {
      double[] next = times(a, state);
      double[] drive = times(b, input);
      for (int i = 0; i < 4; i++) {
        next[i] += drive[i] + c[i];
      }
      return next;
    }

    @Override
    public double[][] stateJacobian(double[] state, double[] input) {
      return scale(a, 1);
    }

    @Override
    public double[][] inputJacobian(double[] state, double[] input) {
      return scale(b, 1);
    }

    @Override
    public double[] rates(double[] state) {
      return state.clone();
    }
  }

  private static final double[] INPUT = {0.7, -0.4};

  @Test
  void findsTheFixedPointOfAStableAffineMapWithItsEigenvalues() {
    AffineMap map = new AffineMap(0.5);
    FixedPoints points = FixedPointFinder.defaults().find(map, randomStates(4, 20, 3.0, 1), INPUT);
    assertEquals(1, points.size(), points.toString());
    assertEquals(19, points.duplicatesMerged());
    FixedPoint p = points.get(0);
    assertArrayEquals(map.fixedPoint(INPUT), p.state(), 1e-9);
    assertTrue(p.converged());
    assertTrue(p.q() <= 1e-20);
    assertEquals(20, p.initialStates());
    // An affine map is its own Gauss-Newton model: one undamped step would land on the solution, damped ones converge
    // within a few iterations.
    assertTrue(p.iterations() <= 10, "iterations " + p.iterations());
    List<Eigenvalue> eig = p.eigenvalues();
    double rotation = Math.hypot(0.9, 0.2);
    assertEquals(rotation, eig.get(0).magnitude(), 1e-9);
    assertEquals(0.9, eig.get(0).real(), 1e-9);
    assertEquals(0.2, eig.get(0).imaginary(), 1e-9);
    assertEquals(-0.2, eig.get(1).imaginary(), 1e-9);
    assertEquals(0.5, eig.get(2).real(), 1e-9);
    assertEquals(-0.3, eig.get(3).real(), 1e-9);
    assertEquals(rotation, p.spectralRadius(), 1e-9);
    assertTrue(p.stable());
    assertEquals(0, p.unstableModes());
    // The top eigenvalue (largest real part) is the complex pair: no single direction.
    assertEquals(0.9, p.topEigenvalue().real(), 1e-9);
    assertNull(p.topEigenvector());
  }

  @Test
  void anUnstableFixedPointIsFoundAndClassifiedByItsEigenvalues() {
    AffineMap map = new AffineMap(1.5);
    FixedPoints points = FixedPointFinder.defaults().find(map, randomStates(4, 10, 3.0, 2), INPUT);
    assertEquals(1, points.size());
    FixedPoint p = points.get(0);
    assertArrayEquals(map.fixedPoint(INPUT), p.state(), 1e-9);
    assertFalse(p.stable());
    assertEquals(1, p.unstableModes());
    assertEquals(1.5, p.spectralRadius(), 1e-9);
    assertEquals(1.5, p.topEigenvalue().real(), 1e-9);
    assertEquals(0, p.topEigenvalue().imaginary());
    double[] v = p.topEigenvector();
    double[] av = times(map.a, v);
    for (int i = 0; i < 4; i++) {
      assertEquals(1.5 * v[i], av[i], 1e-9, "A v = 1.5 v, entry " + i);
    }
    Table table = points.toTable();
    assertEquals(List.of("fixed_point", "q", "iterations", "converged", "initial_states", "spectral_radius",
        "top_eigenvalue", "top_eigenvalue_imag", "unstable_modes", "stable"), table.columnNames());
    assertFalse(table.booleanColumn("stable").get(0));
    assertEquals(4, points.eigenvalueTable().rowCount());
  }

  /**
   * Adam on q, the tutorial's optimiser, reaches the affine map's fixed point too, only in far more iterations; and on
   * s ← diag(0.999, 0.5) s, whose fixed point is 0, a budget of Adam steps leaves the searches spread along the slow
   * first axis (q there is ½(0.001 s₁)²) while Levenberg–Marquardt goes to 0.
   */
  @Test
  void adamFindsTheFixedPointSlowlyAndStopsAlongSlowDirections() {
    AffineMap map = new AffineMap(0.5);
    FixedPoints adam = FixedPointFinder.builder().adam(0.01).maxIterations(20000).tolerance(1e-14).build()
        .find(map, randomStates(4, 3, 2.0, 4), INPUT);
    assertEquals(1, adam.size(), adam.toString());
    assertArrayEquals(map.fixedPoint(INPUT), adam.get(0).state(), 1e-5);
    assertTrue(adam.get(0).iterations() > 100, "iterations " + adam.get(0).iterations());
    StepMap slow = new AffineMap(0.5) {
      @Override
      public double[] apply(double[] state, double[] input) {
        return new double[] {0.999 * state[0], 0.5 * state[1], 0.5 * state[2], 0.5 * state[3]};
      }

      @Override
      public double[][] stateJacobian(double[] state, double[] input) {
        return new double[][] {{0.999, 0, 0, 0}, {0, 0.5, 0, 0}, {0, 0, 0.5, 0}, {0, 0, 0, 0.5}};
      }
    };
    double[][] starts = {{-2, 1, 1, 1}, {-1, 1, 1, 1}, {1, 1, 1, 1}, {2, 1, 1, 1}};
    FixedPoints creeping = FixedPointFinder.builder().adam(0.001).maxIterations(300).build()
        .find(slow, starts, INPUT);
    assertEquals(4, creeping.size(), "four points along the slow axis: " + creeping);
    for (FixedPoint p : creeping.points()) {
      assertTrue(Math.abs(p.state()[0]) > 0.5, "still far along the slow axis: " + p.state()[0]);
      assertTrue(Math.abs(p.state()[1]) < 0.9, "moved in along the fast axes: " + p.state()[1]);
      assertFalse(p.converged());
    }
    FixedPoints exact = FixedPointFinder.defaults().find(slow, starts, INPUT);
    assertEquals(1, exact.size());
    assertArrayEquals(new double[4], exact.get(0).state(), 1e-6);
    assertTrue(FixedPointFinder.builder().adam(0.01).build().toString().contains("Adam"));
  }

  /**
   * Two ReLU units inhibiting each other, {@code h ← relu(W h + b)} with {@code W = [[0, −2], [−2, 0]]}, b = 1 (the
   * OUTSIDE form at dt = τ): fixed points (1, 0) and (0, 1), where the silent unit's drive is −1 and the Jacobian
   * {@code diag(active)·W} is nilpotent (stable), and (1/3, 1/3), where {@code J = W} has eigenvalues ±2 (unstable).
   */
  @Test
  void findsTheThreeFixedPointsOfATwoUnitFlipFlop() {
    Ctrnn net = Ctrnn.builder().inputSize(1).hiddenSize(2).outputSize(1).dtMs(100).tauMs(100)
        .reluPlacement(ReluPlacement.OUTSIDE).seed(1).build();
    net.parameter("W_in").set(Nd4j.zeros(2, 1));
    net.parameter("b_in").set(Nd4j.create(new float[] {0.25f, 0.25f}));
    net.parameter("b_rec").set(Nd4j.create(new float[] {0.75f, 0.75f}));
    net.parameter("W_rec").set(Nd4j.create(new float[][] {{0, -2}, {-2, 0}}));
    double[][] starts = {{0.9, 0.2}, {0.15, 1.2}, {0.3, 0.35}, {0.4, 0.3}, {1.3, 0.0}, {0.05, 0.7}, {0.33, 0.31}};
    FixedPoints points = FixedPointFinder.defaults().find(net.stepMap(), starts, new double[] {0.5});
    assertEquals(3, points.size(), points.toString());
    List<FixedPoint> byFirstUnit = new ArrayList<>(points.points());
    byFirstUnit.sort(Comparator.comparingDouble(p -> p.state()[0]));
    assertArrayEquals(new double[] {0, 1}, byFirstUnit.get(0).state(), 1e-6);
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3}, byFirstUnit.get(1).state(), 1e-6);
    assertArrayEquals(new double[] {1, 0}, byFirstUnit.get(2).state(), 1e-6);
    assertTrue(byFirstUnit.get(0).stable());
    assertTrue(byFirstUnit.get(2).stable());
    assertEquals(0, byFirstUnit.get(0).spectralRadius(), 1e-9);
    FixedPoint saddle = byFirstUnit.get(1);
    assertFalse(saddle.stable());
    assertEquals(2, saddle.spectralRadius(), 1e-6);
    assertEquals(2, saddle.unstableModes());
    assertEquals(2, saddle.topEigenvalue().real(), 1e-6);
    assertEquals(2, saddle.eigenvalues().stream().filter(e -> Math.abs(e.magnitude() - 2) < 1e-6).count());
    assertEquals(7, points.points().stream().mapToInt(FixedPoint::initialStates).sum());
    assertArrayEquals(new long[] {3, 2}, points.statesArray().shape());
    assertArrayEquals(new long[] {3, 2}, points.ratesArray().shape());
    assertEquals(2, points.where(FixedPoint::stable).size());

    // PC 1 of the three points runs along (1, −1), so the saddle is the median, and its top eigenvector (λ = 2) is
    // (1, −1)/√2. On s* + t·v both units stay active while |t|/√2 < 1/6, F − s = (t/√2)(1, −1) there, so q = t²/2.
    Pca pca = Pca.fit(points.statesArray(), 1);
    int median = points.medianAlongFirstComponent(pca);
    assertArrayEquals(saddle.state(), points.get(median).state());
    Table line = points.lineTable(pca, median, 0.2);
    for (int k = 0; k < line.rowCount(); k++) {
      double t = line.doubleColumn("t").getDouble(k);
      assertEquals(t * t / 2, line.doubleColumn("q").getDouble(k), 1e-12, "q at t = " + t);
    }
    assertEquals(0, line.doubleColumn("pc2").getDouble(0), "one component: pc2 is 0");
    double[] v = saddle.topEigenvector();
    assertEquals(Math.sqrt(0.5), v[0], 1e-9);
    assertEquals(-Math.sqrt(0.5), v[1], 1e-9);
  }

  @Test
  void aModeTimeConstantIsTheStepsToShrinkByE() {
    assertEquals(5, new Eigenvalue(Math.exp(-0.2), 0).timeConstantSteps(), 1e-12);
    assertEquals(5, new Eigenvalue(0, Math.exp(-0.2)).timeConstantSteps(), 1e-12);
    assertTrue(Double.isInfinite(new Eigenvalue(1, 0).timeConstantSteps()));
    assertEquals("0.5 − 0.25i", new Eigenvalue(0.5, -0.25).toString());
  }

  /**
   * A ReLU network's Jacobian has a zero row for every silent unit; EJML's eigenvectors give up on such matrices (about
   * one in three at this size), its eigenvalues do not, and inverse iteration gives the top eigenvector.
   */
  @Test
  void topEigenvectorOfAJacobianWithSilentUnits() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      int n = 64;
      double[][] j = new double[n][n];
      for (int i = 0; i < n; i++) {
        if (rng.nextDouble() < 0.4) {
          for (int k = 0; k < n; k++) {
            j[i][k] = 0.1 * rng.nextGaussian();
          }
        }
      }
      // A dominant real mode, as along a line attractor.
      j[0][0] = 1.5;
      Linearization lin = Linearization.of(j);
      assertEquals(n, lin.eigenvalues().size());
      Eigenvalue top = lin.top();
      assertTrue(top.isReal(), top.toString());
      double[] v = lin.topVector();
      double[] jv = times(j, v);
      for (int i = 0; i < n; i++) {
        assertEquals(top.real() * v[i], jv[i], 1e-8, "trial " + trial + ", entry " + i);
      }
    }
  }

  @Test
  void dropsPointsFarFromTheInitialStatesUnlessToldToKeepThem() {
    // s ← 0.999 s + (1, 0) has its only fixed point at (1000, 0), about 2000 mean distances from states near 0.
    StepMap far = new AffineMap(0.5) {
      @Override
      public double[] apply(double[] state, double[] input) {
        double[] next = new double[4];
        for (int i = 0; i < 4; i++) {
          next[i] = 0.999 * state[i] + (i == 0 ? 1 : 0);
        }
        return next;
      }

      @Override
      public double[][] stateJacobian(double[] state, double[] input) {
        double[][] j = identity(4);
        return scale(j, 0.999);
      }
    };
    INDArray starts = randomStates(4, 8, 1.0, 3);
    FixedPoints dropped = FixedPointFinder.defaults().find(far, starts, INPUT);
    assertEquals(0, dropped.size());
    assertEquals(1, dropped.outliersDropped());
    FixedPoints kept = FixedPointFinder.builder().outlierDistance(Double.POSITIVE_INFINITY).build()
        .find(far, starts, INPUT);
    assertEquals(1, kept.size());
    assertArrayEquals(new double[] {1000, 0, 0, 0}, kept.get(0).state(), 1e-6);
  }

  @Test
  void sampledStatesAreRowsOfTheActivityPlusNoise() {
    float[][][] activity = new float[3][4][2];
    for (int trial = 0; trial < 3; trial++) {
      for (int t = 0; t < 4; t++) {
        activity[trial][t] = new float[] {trial, 10 * t};
      }
    }
    INDArray a = Nd4j.create(activity);
    double[][] clean = FixedPointFinder.sampleStates(a, 50, 0, 7).toDoubleMatrix();
    assertEquals(50, clean.length);
    for (double[] row : clean) {
      assertTrue(row[0] >= 0 && row[0] <= 2 && row[0] == Math.rint(row[0]) && row[1] % 10 == 0, "a row: "
          + row[0] + ", " + row[1]);
    }
    assertArrayEquals(clean, FixedPointFinder.sampleStates(a, 50, 0, 7).toDoubleMatrix());
    double[][] noisy = FixedPointFinder.sampleStates(a.reshape(12, 2), 2000, 0.5, 7).toDoubleMatrix();
    double sum = 0;
    double squares = 0;
    for (double[] row : noisy) {
      double e = row[0] - Math.rint(row[0]);
      sum += e;
      squares += e * e;
    }
    // Offsets beyond ±0.5 wrap around, so the spread of the rounding residual is below 0.5 but clearly non-zero.
    assertTrue(Math.abs(sum / noisy.length) < 0.05);
    assertTrue(Math.sqrt(squares / noisy.length) > 0.2);
  }

  @Test
  void badInputsGiveClearErrors() {
    AffineMap map = new AffineMap(0.5);
    FixedPointFinder finder = FixedPointFinder.defaults();
    assertMessage(() -> finder.find(map, new double[][] {{1, 2, 3}}, INPUT), "has 3 entries but the map's state has 4");
    assertMessage(() -> finder.find(map, new double[][] {{1, 2, 3, 4}}, new double[] {1}), "2 channels; got 1");
    assertMessage(() -> finder.find(map, new double[0][], INPUT), "at least one initial state");
    assertMessage(() -> finder.find(map, new double[][] {{1, Double.NaN, 3, 4}}, INPUT), "entry 1");
    assertMessage(() -> finder.find(map, Nd4j.zeros(2, 2, 4), INPUT), "2-D array");
    assertMessage(() -> FixedPointFinder.sampleStates(Nd4j.zeros(5), 3, 0, 1), "samples × units");
    assertMessage(() -> FixedPointFinder.sampleStates(Nd4j.zeros(5, 2), 0, 0, 1), "count");
    assertMessage(() -> FixedPointFinder.sampleStates(Nd4j.zeros(5, 2), 3, -1, 1), "noise");
    assertMessage(() -> FixedPointFinder.builder().tolerance(0), "tolerance");
    assertMessage(() -> FixedPointFinder.builder().maxIterations(0), "maxIterations");
    assertMessage(() -> FixedPointFinder.builder().outlierDistance(-1), "outlierDistance");
    assertMessage(() -> FixedPointFinder.builder().adam(0), "learningRate");
    FixedPoints points = finder.find(map, new double[][] {{0, 0, 0, 0}}, INPUT);
    assertMessage(() -> points.get(1), "fixed point must be in 0..0");
    IllegalStateException complex = assertThrows(IllegalStateException.class,
        () -> points.lineTable(Pca.fit(Nd4j.rand(10, 4), 2), 0, 1.0));
    assertTrue(complex.getMessage().contains("complex"), complex.getMessage());
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private static INDArray randomStates(int size, int count, double spread, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] s = new double[count][size];
    for (double[] row : s) {
      for (int i = 0; i < size; i++) {
        row[i] = rng.nextDouble(-spread, spread);
      }
    }
    return Nd4j.create(s);
  }

  static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  static double[][] add(double[][] a, double[][] b) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[i][j] = a[i][j] + b[i][j];
      }
    }
    return c;
  }

  static double[][] scale(double[][] a, double k) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[i][j] = k * a[i][j];
      }
    }
    return c;
  }

  static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        for (int j = 0; j < b[0].length; j++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  static double[] times(double[][] a, double[] x) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        y[i] += a[i][j] * x[j];
      }
    }
    return y;
  }
}
