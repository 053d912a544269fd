package io.github.rnnlab.analysis;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.StepMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finds the fixed points of a trained network's one-step map at a constant input, as Golub &amp; Sussillo's
 * FixedPointFinder (2018) does, after Sussillo &amp; Barak (2013), "Opening the black box". From each initial state
 * (typically states the network visited, see {@link #sampleStates}) it minimises
 *
 * <pre>q(s) = ½‖F(s, x) − s‖²</pre>
 *
 * <p>with the map's analytic Jacobian, by Levenberg–Marquardt (Madsen, Nielsen &amp; Tingleff 2004, algorithm 3.16):
 * damped Gauss–Newton steps {@code (JᵀJ + μI) δ = −Jᵀ(F − s)}, {@code J = ∂F/∂s − I}, in double precision. Near a fixed
 * point q falls quadratically, so exact fixed points are found to round-off in a few iterations where the tutorial's
 * Adam on q needs thousands; where no fixed point is near, the search ends at a local minimum of q, a slow point,
 * reported with its q. {@link Builder#adam} searches by Adam instead, as the tutorial and FixedPointFinder do; with
 * a budget of iterations it leaves points spread along an approximate line attractor, where q is nearly flat.
 * Then, as FixedPointFinder does: duplicates are merged
 * (points whose every entry differs by at most the uniqueness tolerance; the one with the smallest q is kept), points
 * farther from the centroid of the initial states than the outlier distance (in units of the initial states' mean
 * distance to it) are dropped, and each point is linearised: its Jacobian and the eigenvalues (EJML).
 *
 * <p>Defaults: tolerance on q 1e-20 (so ‖F − s‖ ≤ 1.4e-10), at most 200 iterations per initial state, uniqueness
 * tolerance 1e-3, outlier distance 10 (FixedPointFinder's). Deterministic: the same inputs give the same points.
 * Immutable.
 *
 * <pre>{@code
 * var eval = Evaluation.run(net, task, 100, 1);
 * var initial = FixedPointFinder.sampleStates(eval.activity(), 128, 0.0, 2);
 * var points = FixedPointFinder.defaults().find(net.stepMap(), initial, new double[] {1, 0.5, 0.5});
 * points.toTable();
 * }</pre>
 */
public final class FixedPointFinder {
  private final double tolerance;
  private final int maxIterations;
  private final double uniqueTolerance;
  private final double outlierDistance;
  /** Adam's learning rate, or 0 for Levenberg–Marquardt. */
  private final double adamLearningRate;

  private FixedPointFinder(Builder b) {
    this.tolerance = b.tolerance;
    this.maxIterations = b.maxIterations;
    this.uniqueTolerance = b.uniqueTolerance;
    this.outlierDistance = b.outlierDistance;
    this.adamLearningRate = b.adamLearningRate;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A finder with the defaults. */
  public static FixedPointFinder defaults() {
    return builder().build();
  }

  /**
   * {@code count} states drawn uniformly, with replacement, from the rows of {@code activity} (samples × units, or
   * trials × time × units, as {@link Evaluation#activity()} gives it), each with independent N(0, noise²) added to
   * every entry, as FixedPointFinder's {@code sample_states}: initial states for {@link #find}. Returns a
   * (count, units) float64 array.
   *
   * @throws IllegalArgumentException if the array is not 2-D or 3-D or has no rows, {@code count} is not positive or
   *     {@code noise} is negative
   */
  public static INDArray sampleStates(INDArray activity, int count, double noise, long seed) {
    Checks.positive("count", count);
    Checks.nonNegative("noise", noise);
    long[] shape = activity.shape();
    if (shape.length != 2 && shape.length != 3) {
      throw new IllegalArgumentException("activity must be samples × units or trials × time × units; got shape "
          + Arrays.toString(shape));
    }
    INDArray rows = shape.length == 2 ? activity : activity.reshape('c', shape[0] * shape[1], shape[2]);
    double[][] samples = rows.castTo(DataType.DOUBLE).toDoubleMatrix();
    if (samples.length == 0 || samples[0].length == 0) {
      throw new IllegalArgumentException("activity has no rows to sample from; got shape " + Arrays.toString(shape));
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] out = new double[count][];
    for (int i = 0; i < count; i++) {
      out[i] = samples[rng.nextInt(samples.length)].clone();
      if (noise > 0) {
        for (int k = 0; k < out[i].length; k++) {
          out[i][k] += noise * rng.nextGaussian();
        }
      }
    }
    return Nd4j.create(out);
  }

  /**
   * The fixed points of {@code map} at the constant {@code input}, searched from each row of {@code initialStates}
   * (n × state size).
   *
   * @throws IllegalArgumentException if the initial states are not a non-empty 2-D array whose rows have the map's
   *     state size, the input does not have the map's input size, or a value is not finite
   */
  public FixedPoints find(StepMap map, INDArray initialStates, double[] input) {
    if (initialStates.rank() != 2) {
      throw new IllegalArgumentException("initial states must be a 2-D array (states × " + map.stateSize()
          + "); got shape " + Arrays.toString(initialStates.shape()));
    }
    return find(map, initialStates.castTo(DataType.DOUBLE).toDoubleMatrix(), input);
  }

  /**
   * As {@link #find(StepMap, INDArray, double[])}, with the initial states as rows of a Java array.
   *
   * @throws IllegalArgumentException as {@link #find(StepMap, INDArray, double[])}
   */
  public FixedPoints find(StepMap map, double[][] initialStates, double[] input) {
    check(map, initialStates, input);
    List<Residual.Result> searches = new ArrayList<>(initialStates.length);
    Residual residual = new Residual() {
      @Override
      public double[] value(double[] s) {
        double[] f = map.apply(s, input);
        for (int i = 0; i < f.length; i++) {
          f[i] -= s[i];
        }
        return f;
      }

      @Override
      public double[][] jacobian(double[] s) {
        double[][] j = map.stateJacobian(s, input);
        for (int i = 0; i < j.length; i++) {
          j[i][i] -= 1;
        }
        return j;
      }
    };
    for (double[] start : initialStates) {
      searches.add(adamLearningRate > 0
          ? AdamDescent.minimise(residual, start, tolerance, maxIterations, adamLearningRate)
          : LevenbergMarquardt.minimise(residual, start, tolerance, maxIterations));
    }
    // Merge duplicates, keeping the best (smallest q) of each group; the sort is stable, so ties keep search order.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < searches.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> searches.get(i).q()));
    List<Integer> kept = new ArrayList<>();
    List<Integer> hits = new ArrayList<>();
    for (int i : order) {
      double[] x = searches.get(i).x();
      int match = -1;
      for (int k = 0; k < kept.size() && match < 0; k++) {
        if (sameWithin(x, searches.get(kept.get(k)).x(), uniqueTolerance)) {
          match = k;
        }
      }
      if (match < 0) {
        kept.add(i);
        hits.add(1);
      } else {
        hits.set(match, hits.get(match) + 1);
      }
    }
    double[] centroid = new double[map.stateSize()];
    for (double[] s : initialStates) {
      for (int k = 0; k < centroid.length; k++) {
        centroid[k] += s[k] / initialStates.length;
      }
    }
    double meanDistance = 0;
    for (double[] s : initialStates) {
      meanDistance += distance(s, centroid) / initialStates.length;
    }
    List<FixedPoint> points = new ArrayList<>();
    int outliers = 0;
    for (int k = 0; k < kept.size(); k++) {
      Residual.Result r = searches.get(kept.get(k));
      // With identical initial states there is no scale to measure distance by; keep everything then.
      if (meanDistance > 0 && distance(r.x(), centroid) / meanDistance > outlierDistance) {
        outliers++;
        continue;
      }
      points.add(new FixedPoint(r.x(), map.rates(r.x()), input, r.q(), r.iterations(), r.q() <= tolerance,
          hits.get(k), map.stateJacobian(r.x(), input)));
    }
    return new FixedPoints(points, map, initialStates.length, initialStates.length - kept.size(), outliers);
  }

  private static void check(StepMap map, double[][] initialStates, double[] input) {
    if (initialStates.length == 0) {
      throw new IllegalArgumentException("give at least one initial state; got none");
    }
    if (input.length != map.inputSize()) {
      throw new IllegalArgumentException("input must have the map's " + map.inputSize() + " channels; got "
          + input.length);
    }
    for (int c = 0; c < input.length; c++) {
      Checks.finite("input[" + c + "]", input[c]);
    }
    for (int i = 0; i < initialStates.length; i++) {
      if (initialStates[i].length != map.stateSize()) {
        throw new IllegalArgumentException("initial state " + i + " has " + initialStates[i].length
            + " entries but the map's state has " + map.stateSize() + " " + map.blocks());
      }
      for (int k = 0; k < initialStates[i].length; k++) {
        Checks.finite("initial state " + i + ", entry " + k, initialStates[i][k]);
      }
    }
  }

  private static boolean sameWithin(double[] a, double[] b, double tolerance) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > tolerance) {
        return false;
      }
    }
    return true;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  @Override
  public String toString() {
    return "FixedPointFinder[" + (adamLearningRate > 0 ? "Adam, learning rate " + adamLearningRate
        : "Levenberg-Marquardt") + ", tolerance " + tolerance + ", max " + maxIterations + " iterations, unique "
        + "within " + uniqueTolerance + ", outliers beyond " + outlierDistance + "]";
  }

  /** Settings of a {@link FixedPointFinder}. */
  public static final class Builder {
    private double tolerance = 1e-20;
    private int maxIterations = 200;
    private double uniqueTolerance = 1e-3;
    private double outlierDistance = 10;
    private double adamLearningRate;

    private Builder() {}

    /**
     * The search from a state stops once q = ½‖F − s‖² is at most this (default 1e-20, near double round-off;
     * FixedPointFinder's tol_q is 1e-12, in float32).
     */
    public Builder tolerance(double q) {
      this.tolerance = Checks.positive("tolerance", q);
      return this;
    }

    /** The most iterations from one initial state (default 200, ample for Levenberg–Marquardt). */
    public Builder maxIterations(int iterations) {
      this.maxIterations = Checks.positive("maxIterations", iterations);
      return this;
    }

    /**
     * Two points are one when every entry differs by at most this (default 1e-3, FixedPointFinder's tol_unique).
     */
    public Builder uniqueTolerance(double tolerance) {
      this.uniqueTolerance = Checks.nonNegative("uniqueTolerance", tolerance);
      return this;
    }

    /**
     * Points farther than this from the centroid of the initial states, in units of the initial states' mean distance
     * to it, are dropped (default 10, FixedPointFinder's outlier_distance_scale); {@code Double.POSITIVE_INFINITY}
     * keeps every point.
     */
    public Builder outlierDistance(double scale) {
      if (!(scale > 0)) {
        throw new IllegalArgumentException("outlierDistance must be > 0 (infinity keeps every point); got " + scale);
      }
      this.outlierDistance = scale;
      return this;
    }

    /**
     * Searches by Adam on the gradient of q, with this learning rate, instead of Levenberg–Marquardt: the tutorial's
     * way (learning rate 0.001 or 0.01 for 10 000 iterations) and FixedPointFinder's. Set the budget with
     * {@link #maxIterations}. Adam creeps along flat directions of q, so where Levenberg–Marquardt runs down an
     * approximate line attractor to its one exact fixed point, a budget of Adam steps stops the searches all along
     * the line: a picture of the slow manifold rather than of its fixed points.
     */
    public Builder adam(double learningRate) {
      this.adamLearningRate = Checks.positive("learningRate", learningRate);
      return this;
    }

    /** The finder. */
    public FixedPointFinder build() {
      return new FixedPointFinder(this);
    }
  }
}
