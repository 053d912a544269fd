package io.github.rnnlab.analysis;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.TrajectoryChart;
import io.github.rnnlab.task.Trial;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Principal component analysis of activity, as scikit-learn's {@code PCA}: the data are centred on their mean (not
 * scaled), the components come from a singular value decomposition of the centred data in double precision, and
 * variances use the n − 1 divisor. Each component's sign makes its largest-magnitude loading positive, so results do
 * not depend on the solver. Immutable.
 */
public final class Pca {
  private final double[] mean;
  private final double[][] components;
  private final double[] explainedVariance;
  private final double totalVariance;

  private Pca(double[] mean, double[][] components, double[] explainedVariance, double totalVariance) {
    this.mean = mean;
    this.components = components;
    this.explainedVariance = explainedVariance;
    this.totalVariance = totalVariance;
  }

  /**
   * Fits {@code components} principal components to {@code data}: samples × features, or trials × time × units
   * (all time steps of all trials become samples, as the tutorial's concatenation does).
   *
   * @throws IllegalArgumentException if the shape is not 2-D or 3-D, there are fewer than 2 samples, or
   *     {@code components} is not in 1..features
   */
  public static Pca fit(INDArray data, int components) {
    INDArray x = samples(data);
    long n = x.rows();
    long d = x.columns();
    if (n < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 samples; got " + n);
    }
    if (components < 1 || components > Math.min(n, d)) {
      throw new IllegalArgumentException("components must be in 1.." + Math.min(n, d) + " for data of shape "
          + Arrays.toString(x.shape()) + "; got " + components);
    }
    INDArray centred = x.castTo(DataType.DOUBLE).dup('f');
    INDArray mean = centred.mean(0);
    centred.subiRowVector(mean);
    double total = centred.mul(centred).sumNumber().doubleValue() / (n - 1);
    INDArray singular = Nd4j.create(DataType.DOUBLE, Math.min(n, d));
    INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {d, d}, 'f');
    Nd4j.getBlasWrapper().lapack().gesvd(centred, singular, null, vt);
    double[][] comps = new double[components][(int) d];
    double[] variance = new double[components];
    for (int c = 0; c < components; c++) {
      int largest = 0;
      for (int f = 0; f < d; f++) {
        comps[c][f] = vt.getDouble(c, f);
        if (Math.abs(comps[c][f]) > Math.abs(comps[c][largest])) {
          largest = f;
        }
      }
      if (comps[c][largest] < 0) {
        for (int f = 0; f < d; f++) {
          comps[c][f] = -comps[c][f];
        }
      }
      double s = singular.getDouble(c);
      variance[c] = s * s / (n - 1);
    }
    return new Pca(mean.toDoubleVector(), comps, variance, total);
  }

  private static INDArray samples(INDArray data) {
    long[] s = data.shape();
    if (s.length == 2) {
      return data;
    }
    if (s.length == 3) {
      return data.reshape('c', s[0] * s[1], s[2]);
    }
    throw new IllegalArgumentException("PCA takes samples × features or trials × time × units; got shape "
        + Arrays.toString(s));
  }

  /** The number of components. */
  public int components() {
    return components.length;
  }

  /** The number of features (units). */
  public int features() {
    return mean.length;
  }

  /** The variance along each component (n − 1 divisor). */
  public double[] explainedVariance() {
    return explainedVariance.clone();
  }

  /** The fraction of the total variance along each component. */
  public double[] explainedVarianceRatio() {
    return Arrays.stream(explainedVariance).map(v -> v / totalVariance).toArray();
  }

  /** The components as rows, (components, features). */
  public INDArray componentsArray() {
    return Nd4j.create(components);
  }

  /** The feature means, (features). */
  public INDArray meanArray() {
    return Nd4j.create(mean.clone());
  }

  /**
   * Projects {@code data} (samples × features, or trials × time × units) onto the components: (samples, components)
   * or (trials, time, components), float64.
   *
   * @throws IllegalArgumentException if the number of features differs from the fitted data's
   */
  public INDArray transform(INDArray data) {
    long[] s = data.shape();
    INDArray x = samples(data);
    if (x.columns() != mean.length) {
      throw new IllegalArgumentException("data have " + x.columns() + " features but the PCA was fitted on "
          + mean.length);
    }
    INDArray centred = x.castTo(DataType.DOUBLE).subRowVector(Nd4j.create(mean));
    INDArray projected = centred.mmul(componentsArray().transpose());
    return s.length == 3 ? projected.reshape('c', s[0], s[1], components.length) : projected;
  }

  /** One row per component: {@code component}, {@code explained_variance}, {@code explained_variance_ratio}. */
  public Table toTable() {
    int[] ids = new int[components.length];
    for (int c = 0; c < ids.length; c++) {
      ids[c] = c + 1;
    }
    return Table.create("PCA",
        IntColumn.create("component", ids),
        DoubleColumn.create("explained_variance", explainedVariance),
        DoubleColumn.create("explained_variance_ratio", explainedVarianceRatio()));
  }

  /**
   * The evaluation trials' activity projected on PC 1 and PC 2, one line per trial, as in the tutorial: red for
   * ground truth 0, blue for 1; the first 100 trials with a marker at each start (left) and the first 3 (right).
   */
  public Figure plotTrajectories(Evaluation evaluation) {
    return TrajectoryChart.of(projectionTable(evaluation));
  }

  /**
   * The evaluation trials projected on the first two components (the first if there is one): one row per trial and
   * step, with {@code trial}, {@code step}, {@code ground_truth}, {@code pc1}, {@code pc2}.
   */
  public Table projectionTable(Evaluation evaluation) {
    return projection(evaluation, transform(evaluation.stackedActivity()).toDoubleMatrix(), null);
  }

  /**
   * As {@link #projectionTable(Evaluation)}, for the steps of {@code period} only ({@code step} still counts from the
   * trial's start), e.g. the delay period of a working-memory task.
   *
   * @throws IllegalArgumentException if the trials have no such period
   */
  public Table projectionTable(Evaluation evaluation, String period) {
    return projection(evaluation, transform(evaluation.stackedActivity(period)).toDoubleMatrix(), period);
  }

  private Table projection(Evaluation evaluation, double[][] projected, @Nullable String period) {
    int rows = projected.length;
    int[] trial = new int[rows];
    int[] step = new int[rows];
    int[] truth = new int[rows];
    double[] pc1 = new double[rows];
    double[] pc2 = new double[rows];
    int r = 0;
    for (int i = 0; i < evaluation.size(); i++) {
      Trial t = evaluation.trial(i);
      int from = period == null ? 0 : t.period(period).start();
      int to = period == null ? t.steps() : t.period(period).end();
      for (int s = from; s < to; s++, r++) {
        trial[r] = i;
        step[r] = s;
        truth[r] = t.groundTruth();
        pc1[r] = projected[r][0];
        pc2[r] = components.length > 1 ? projected[r][1] : 0;
      }
    }
    return Table.create("PCA projection", IntColumn.create("trial", trial), IntColumn.create("step", step),
        IntColumn.create("ground_truth", truth), DoubleColumn.create("pc1", pc1), DoubleColumn.create("pc2", pc2));
  }

  @Override
  public String toString() {
    return "Pca[" + components.length + " of " + mean.length + " features, explained variance ratio "
        + Arrays.toString(Arrays.stream(explainedVarianceRatio()).map(v -> Math.round(v * 1e4) / 1e4).toArray())
        + "]";
  }
}
