package io.github.rnnlab.model;

/**
 * Small dense kernels in plain Java. Each inner loop is {@code y[j] += Σ s_i · x_i[j]} over equal indices of distinct
 * arrays, which C2 auto-vectorises; summing four rows per pass loads and stores {@code y} once per four rows. Measured
 * on a 16×128·128×128 product with a variable trip count (JDK 17): one row per pass 20 GFLOP/s, four rows 32; eight
 * rows 10, because C2 on JDK 17 gives up vectorising a loop over that many arrays.
 */
final class Kernels {
  private Kernels() {}

  /** {@code y[:n] += Σ_k s[k] · rows[k][:n]} over {@code k < count}. */
  static void addScaledRows(float[] y, float[] s, float[][] rows, int count, int n) {
    int k = 0;
    for (; k + 4 <= count; k += 4) {
      add4(y, s[k], s[k + 1], s[k + 2], s[k + 3], rows[k], rows[k + 1], rows[k + 2], rows[k + 3], n);
    }
    if (k < count) {
      int last = count - 1;
      int k1 = Math.min(k + 1, last);
      int k2 = Math.min(k + 2, last);
      addTail(y, count - k, s[k], s[k1], s[k2], rows[k], rows[k1], rows[k2], n);
    }
  }

  /**
   * {@code y[:n] += Σ_k s[k] · rows[k][:n]} over the {@code k < count} with {@code s[k] != 0}; {@code index} is
   * scratch of length {@code count}. ReLU rates and their gradients are about half zeros, so skipping them halves the
   * work.
   */
  static void addScaledRowsSparse(float[] y, float[] s, float[][] rows, int count, int n, int[] index) {
    int m = 0;
    for (int k = 0; k < count; k++) {
      // Branch-free: whether s[k] is zero is a coin flip for ReLU units, which a branch would mispredict.
      index[m] = k;
      m += s[k] != 0f ? 1 : 0;
    }
    addScaledRowsAt(y, s, rows, index, m, n);
  }

  /** {@code y[:n] += Σ_i s[k] · rows[k][:n]} over {@code k = index[i]}, {@code i < m}. */
  static void addScaledRowsAt(float[] y, float[] s, float[][] rows, int[] index, int m, int n) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int k0 = index[i];
      int k1 = index[i + 1];
      int k2 = index[i + 2];
      int k3 = index[i + 3];
      add4(y, s[k0], s[k1], s[k2], s[k3], rows[k0], rows[k1], rows[k2], rows[k3], n);
    }
    if (i < m) {
      int last = m - 1;
      int k0 = index[i];
      int k1 = index[Math.min(i + 1, last)];
      int k2 = index[Math.min(i + 2, last)];
      addTail(y, m - i, s[k0], s[k1], s[k2], rows[k0], rows[k1], rows[k2], n);
    }
  }

  /**
   * {@code ys[b][:n] += Σ_k ss[b][k] · rows[k][:n]} for every {@code b < count}, over {@code k < kCount}: several
   * products with the same rows at once. Four rows at a time update every y, so they are read from memory once for
   * all b and stay in the L1 cache with the ys: about 10% faster than one product after another, which reads every
   * row again for each (132 rows of 512, 8 products, JDK 17).
   */
  static void addScaledRowsMany(float[][] ys, float[][] ss, int count, float[][] rows, int kCount, int n) {
    int k = 0;
    for (; k + 4 <= kCount; k += 4) {
      float[] x0 = rows[k];
      float[] x1 = rows[k + 1];
      float[] x2 = rows[k + 2];
      float[] x3 = rows[k + 3];
      for (int b = 0; b < count; b++) {
        float[] s = ss[b];
        add4(ys[b], s[k], s[k + 1], s[k + 2], s[k + 3], x0, x1, x2, x3, n);
      }
    }
    if (k < kCount) {
      int last = kCount - 1;
      int k1 = Math.min(k + 1, last);
      int k2 = Math.min(k + 2, last);
      for (int b = 0; b < count; b++) {
        float[] s = ss[b];
        addTail(ys[b], kCount - k, s[k], s[k1], s[k2], rows[k], rows[k1], rows[k2], n);
      }
    }
  }

  /** Adds the last one to three rows in one pass over {@code y}; absent rows repeat {@code r0} with weight 0. */
  private static void addTail(float[] y, int left, float s0, float s1, float s2, float[] r0, float[] r1, float[] r2,
      int n) {
    add4(y, s0, left > 1 ? s1 : 0f, left > 2 ? s2 : 0f, 0f, r0, left > 1 ? r1 : r0, left > 2 ? r2 : r0, r0, n);
  }

  private static void add4(float[] y, float s0, float s1, float s2, float s3, float[] x0, float[] x1, float[] x2,
      float[] x3, int n) {
    for (int j = 0; j < n; j++) {
      y[j] += s0 * x0[j] + s1 * x1[j] + s2 * x2[j] + s3 * x3[j];
    }
  }

  /** {@code Σ_j a[j] · b[j]} with four partial sums, so the adds do not wait on each other. */
  static float dot(float[] a, float[] b, int n) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      s0 += a[j] * b[j];
      s1 += a[j + 1] * b[j + 1];
      s2 += a[j + 2] * b[j + 2];
      s3 += a[j + 3] * b[j + 3];
    }
    for (; j < n; j++) {
      s0 += a[j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
