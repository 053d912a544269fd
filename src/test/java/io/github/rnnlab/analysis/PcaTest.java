package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks the SVD-based PCA against a Jacobi eigen-decomposition of the covariance matrix, written here. */
class PcaTest {

  @Test
  void matchesEigenDecompositionOfTheCovariance() {
    int n = 400;
    int d = 6;
    double[][] x = correlatedData(n, d, 3);
    Pca pca = Pca.fit(Nd4j.create(x), 3);

    double[] mean = new double[d];
    for (double[] row : x) {
      for (int f = 0; f < d; f++) {
        mean[f] += row[f] / n;
      }
    }
    double[][] cov = new double[d][d];
    for (double[] row : x) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (n - 1);
        }
      }
    }
    double trace = 0;
    for (int i = 0; i < d; i++) {
      trace += cov[i][i];
    }
    double[][] vectors = new double[d][d];
    double[] values = jacobi(cov, vectors);
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));

    double[] ratio = pca.explainedVarianceRatio();
    double[] variance = pca.explainedVariance();
    double[][] comps = pca.componentsArray().toDoubleMatrix();
    double[][] projected = pca.transform(Nd4j.create(x)).toDoubleMatrix();
    for (int c = 0; c < 3; c++) {
      int k = order[c];
      assertEquals(values[k], variance[c], 1e-4 * values[k], "variance of component " + c);
      assertEquals(values[k] / trace, ratio[c], 1e-4, "ratio of component " + c);
      double dot = 0;
      for (int f = 0; f < d; f++) {
        dot += comps[c][f] * vectors[f][k];
      }
      double sign = Math.signum(dot);
      for (int f = 0; f < d; f++) {
        assertEquals(sign * vectors[f][k], comps[c][f], 1e-4, "component " + c + " loading " + f);
      }
      for (int r = 0; r < n; r += 37) {
        double expected = 0;
        for (int f = 0; f < d; f++) {
          expected += (x[r][f] - mean[f]) * sign * vectors[f][k];
        }
        assertEquals(expected, projected[r][c], 1e-4, "projection of sample " + r + " on component " + c);
      }
    }
  }

  @Test
  void largestLoadingOfEachComponentIsPositive() {
    double[][] comps = Pca.fit(Nd4j.create(correlatedData(200, 5, 8)), 2).componentsArray().toDoubleMatrix();
    for (double[] c : comps) {
      double largest = 0;
      for (double v : c) {
        largest = Math.abs(v) > Math.abs(largest) ? v : largest;
      }
      assertTrue(largest > 0);
    }
  }

  @Test
  void threeDimensionalActivityIsStackedOverTrialsAndTime() {
    double[][] x = correlatedData(60, 4, 2);
    INDArray flat = Nd4j.create(x);
    INDArray cube = flat.reshape('c', 3, 20, 4);
    assertEquals(Pca.fit(flat, 2).explainedVarianceRatio()[1], Pca.fit(cube, 2).explainedVarianceRatio()[1], 1e-12);
    assertEquals(3, Pca.fit(cube, 2).transform(cube).rank());
  }

  @Test
  void badArgumentsAreExplained() {
    var e = assertThrows(IllegalArgumentException.class, () -> Pca.fit(Nd4j.rand(10, 4), 5));
    assertTrue(e.getMessage().contains("components must be in 1..4") && e.getMessage().contains("got 5"),
        e.getMessage());
  }

  private static double[][] correlatedData(int n, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] mix = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        mix[i][j] = rng.nextDouble(-1, 1) * (j + 1);
      }
    }
    double[][] x = new double[n][d];
    for (double[] row : x) {
      double[] z = new double[d];
      for (int j = 0; j < d; j++) {
        z[j] = rng.nextDouble(-1, 1);
      }
      for (int i = 0; i < d; i++) {
        row[i] = 2.0 + i;
        for (int j = 0; j < d; j++) {
          row[i] += mix[i][j] * z[j];
        }
      }
    }
    return x;
  }

  /** Cyclic Jacobi rotations: returns eigenvalues and fills {@code vectors} with eigenvectors as columns. */
  private static double[] jacobi(double[][] matrix, double[][] vectors) {
    int d = matrix.length;
    double[][] a = new double[d][];
    for (int i = 0; i < d; i++) {
      a[i] = matrix[i].clone();
      vectors[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < d; p++) {
        for (int q = p + 1; q < d; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off < 1e-30) {
        break;
      }
      for (int p = 0; p < d; p++) {
        for (int q = p + 1; q < d; q++) {
          if (Math.abs(a[p][q]) < 1e-300) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < d; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < d; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < d; k++) {
            double vkp = vectors[k][p];
            double vkq = vectors[k][q];
            vectors[k][p] = c * vkp - s * vkq;
            vectors[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    double[] values = new double[d];
    for (int i = 0; i < d; i++) {
      values[i] = a[i][i];
    }
    return values;
  }
}
