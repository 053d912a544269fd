package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernels' results and summation orders. Training results must not move when a kernel is rewritten for speed, so
 * each kernel is compared bit for bit with the plain loop that defines its order (written here as the engine first
 * had it), and with a double-precision sum as an independent check of the arithmetic.
 */
class KernelsTest {
  private static final SplittableRandom RNG = new SplittableRandom(7);

  @Test
  void affineSumsInFourPartialSumsPerOutput() {
    for (int outputs = 1; outputs <= 7; outputs++) {
      for (int n : new int[] {0, 1, 3, 5, 128, 131}) {
        float[][] w = matrix(outputs, n, false);
        float[] x = vector(n, true);
        float[] bias = vector(outputs, false);
        float[] y = new float[outputs];
        Kernels.affine(y, bias, w, x, outputs, n);
        for (int o = 0; o < outputs; o++) {
          assertEquals(Float.floatToRawIntBits(bias[o] + fourPartialSums(w[o], x, n)), Float.floatToRawIntBits(y[o]),
              "output " + o + " of " + outputs + ", n = " + n);
          double exact = bias[o];
          for (int j = 0; j < n; j++) {
            exact += (double) w[o][j] * x[j];
          }
          assertEquals(exact, y[o], 1e-5 * (1 + n));
        }
      }
    }
  }

  @Test
  void addScaledRowsAtAddsFourRowsAPassInListOrder() {
    int n = 37;
    float[][] rows = matrix(12, n, false);
    float[] s = vector(20, true);
    int[] index = {9, 0, 3, 4, 11, 1, 2, 7, 5, 6, 8, 10};
    for (int from = 0; from <= 2; from++) {
      for (int m = 0; m + from <= index.length; m++) {
        float[] y = vector(n, false);
        float[] expected = y.clone();
        double[] exact = new double[n];
        for (int j = 0; j < n; j++) {
          exact[j] = y[j];
        }
        Kernels.addScaledRowsAt(y, s, 3, rows, index, from, m, n);
        for (int i = 0; i < m; i += 4) {
          float[] sk = new float[4];
          float[][] rk = new float[4][];
          for (int q = 0; q < 4; q++) {
            boolean present = i + q < m;
            int k = index[from + Math.min(i + q, m - 1)];
            sk[q] = present ? s[3 + k] : 0f;
            rk[q] = present ? rows[k] : rows[index[from + i]];
            for (int j = 0; present && j < n; j++) {
              exact[j] += (double) sk[q] * rows[k][j];
            }
          }
          for (int j = 0; j < n; j++) {
            expected[j] += sk[0] * rk[0][j] + sk[1] * rk[1][j] + sk[2] * rk[2][j] + sk[3] * rk[3][j];
          }
        }
        assertArrayEquals(expected, y, "m = " + m + ", from = " + from);
        for (int j = 0; j < n; j++) {
          assertEquals(exact[j], y[j], 1e-5);
        }
      }
    }
  }

  @Test
  void addScaledRowsSparseSkipsExactlyTheZeroTerms() {
    int count = 19;
    int n = 21;
    float[][] rows = matrix(count, n, false);
    float[] s = vector(count, true);
    s[3] = -0f;
    s[5] = Float.NaN;
    s[6] = Float.MIN_VALUE;
    s[7] = -Float.MIN_VALUE;
    int[] listed = new int[count];
    int m = 0;
    for (int k = 0; k < count; k++) {
      if (s[k] != 0f) {
        listed[m++] = k;
      }
    }
    float[] y = vector(n, false);
    float[] expected = y.clone();
    Kernels.addScaledRowsAt(expected, s, rows, listed, m, n);
    Kernels.addScaledRowsSparse(y, s, rows, count, n, new int[count]);
    assertArrayEquals(expected, y);
    assertTrue(Float.isNaN(y[0]), "a NaN term is not skipped");
  }

  @Test
  void nonZerosListsActiveUnitsAndTransposesTheirValues() {
    int width = 5;
    int units = 23;
    float[] columns = new float[units * width];
    int[] lists = new int[units * width];
    int[] counts = new int[units];
    int[] active = new int[units];
    float[][] v = matrix(width, units, true);
    v[2][4] = -0f;
    v[1][3] = Float.NaN;
    for (int column = 0; column < width; column++) {
      int live = Kernels.nonZeros(v[column], active, columns, lists, counts, column, width);
      int expected = 0;
      for (int j = 0; j < units; j++) {
        if (v[column][j] != 0f) {
          assertEquals(j, active[expected++]);
        }
      }
      assertEquals(expected, live);
    }
    for (int j = 0; j < units; j++) {
      int listed = 0;
      for (int column = 0; column < width; column++) {
        if (v[column][j] != 0f) {
          assertEquals(Float.floatToRawIntBits(v[column][j]), Float.floatToRawIntBits(columns[j * width + column]));
          assertEquals(column, lists[j * width + listed++]);
        }
      }
      assertEquals(listed, counts[j]);
    }
  }

  @Test
  void reluSlopeIsOneForPositiveValuesOnly() {
    float[] on = {Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 0.5f, 1f, 3e38f, Float.POSITIVE_INFINITY};
    float[] off = {0f, -0f, -Float.MIN_VALUE, -1f, -3e38f, Float.NEGATIVE_INFINITY};
    for (float v : on) {
      assertEquals(Float.floatToRawIntBits(1f), Float.floatToRawIntBits(Kernels.reluSlope(v)), "at " + v);
    }
    for (float v : off) {
      assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(Kernels.reluSlope(v)), "at " + v);
    }
  }

  /** The dot product's defining order: four partial sums over j mod 4, then {@code (s0 + s1) + (s2 + s3)}. */
  private static float fourPartialSums(float[] a, float[] b, int n) {
    float[] s = new float[4];
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      for (int q = 0; q < 4; q++) {
        s[q] += a[j + q] * b[j + q];
      }
    }
    for (; j < n; j++) {
      s[0] += a[j] * b[j];
    }
    return (s[0] + s[1]) + (s[2] + s[3]);
  }

  private static float[][] matrix(int rows, int columns, boolean zeros) {
    float[][] m = new float[rows][];
    for (int r = 0; r < rows; r++) {
      m[r] = vector(columns, zeros);
    }
    return m;
  }

  /** Uniform in (−1, 1); with {@code zeros}, about half exact zeros, as ReLU rates are. */
  private static float[] vector(int n, boolean zeros) {
    float[] v = new float[n];
    for (int j = 0; j < n; j++) {
      v[j] = zeros && RNG.nextBoolean() ? 0f : (float) (2 * RNG.nextDouble() - 1);
    }
    return v;
  }
}
