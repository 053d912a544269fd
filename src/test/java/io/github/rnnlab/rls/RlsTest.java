package io.github.rnnlab.rls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RlsTest {

  @Test
  void recursiveLeastSquaresReachesTheDirectSolution() {
    // y = w*·x + noise for 400 samples of 12 regressors. RLS from w = 0, P = P0·I, with the error measured before each
    // update, ends exactly at the ridge solution w = (XᵀX + I/P0)⁻¹ Xᵀy, here computed directly by EJML's solver.
    int d = 12;
    int samples = 400;
    double p0 = 10;
    SplittableRandom random = new SplittableRandom(3);
    double[] truth = new double[d];
    for (int j = 0; j < d; j++) {
      truth[j] = random.nextGaussian();
    }
    double[][] x = new double[samples][d];
    double[] y = new double[samples];
    for (int t = 0; t < samples; t++) {
      for (int j = 0; j < d; j++) {
        x[t][j] = random.nextGaussian();
        y[t] += truth[j] * x[t][j];
      }
      y[t] += 0.3 * random.nextGaussian();
    }
    Rls rls = new Rls(d, p0);
    double[] w = new double[d];
    for (int t = 0; t < samples; t++) {
      double e = -y[t];
      for (int j = 0; j < d; j++) {
        e += w[j] * x[t][j];
      }
      double[] gain = rls.update(x[t]);
      for (int j = 0; j < d; j++) {
        w[j] -= e * gain[j];
      }
    }
    DMatrixRMaj xm = new DMatrixRMaj(x);
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(xm, xm, a);
    for (int j = 0; j < d; j++) {
      a.add(j, j, 1 / p0);
    }
    DMatrixRMaj b = new DMatrixRMaj(d, 1);
    CommonOps_DDRM.multTransA(xm, new DMatrixRMaj(samples, 1, true, y), b);
    DMatrixRMaj solution = new DMatrixRMaj(d, 1);
    CommonOps_DDRM.solve(a, b, solution);
    assertArrayEquals(solution.getData(), w, 1e-10);
    // ... and P is the inverse of XᵀX + I/P0.
    DMatrixRMaj inverse = new DMatrixRMaj(d, d);
    CommonOps_DDRM.invert(a, inverse);
    assertArrayEquals(inverse.getData(), rls.p().reshape(d * d).toDoubleVector(), 1e-12);
  }

  @Test
  void badSizesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Rls(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Rls(3, 0));
    assertThrows(IllegalArgumentException.class, () -> new Rls(3, 1).update(new double[2]));
    assertEquals(3, new Rls(3, 1).inputs());
  }
}
