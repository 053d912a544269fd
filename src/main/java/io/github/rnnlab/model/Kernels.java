package io.github.rnnlab.model;

/**
 * Small dense kernels in plain Java. Each inner loop is {@code y[j] += Σ s_i · x_i[j]} over equal indices of distinct
 * arrays, which C2 auto-vectorises; summing four rows per pass loads and stores {@code y} once per four rows. Measured
 * on a 16×128·128×128 product with a variable trip count (JDK 17): one row per pass 20 GFLOP/s, four rows 32; eight
 * rows 10, because C2 on JDK 17 gives up vectorising a loop over that many arrays.
 */
final class Kernels {
  private Kernels() {}

  /** {@code y[:n] += Σ_k s[k] · rows[k][:n]} over {@code k < count}, four rows a pass ({@link #addPass}). */
  static void addScaledRows(float[] y, float[] s, float[][] rows, int count, int n) {
    int last = count - 1;
    for (int k = 0; k <= last; k += 4) {
      int k1 = Math.min(k + 1, last);
      int k2 = Math.min(k + 2, last);
      int k3 = Math.min(k + 3, last);
      addPass(y, count - k, s[k], s[k1], s[k2], s[k3], rows[k], rows[k1], rows[k2], rows[k3], n);
    }
  }

  /**
   * {@code y[:n] += Σ_k s[k] · rows[k][:n]} over the {@code k < count} with {@code s[k] != 0}; {@code index} is
   * scratch of length {@code count}. ReLU rates and their gradients are about half zeros, so skipping them halves the
   * work.
   */
  static void addScaledRowsSparse(float[] y, float[] s, float[][] rows, int count, int n, int[] index) {
    addScaledRowsAt(y, s, rows, index, listNonZeros(s, count, index), n);
  }

  /** Lists in {@code index} the k < count with {@code v[k] != 0} (NaN included), in order, and returns how many. */
  private static int listNonZeros(float[] v, int count, int[] index) {
    int m = 0;
    for (int k = 0; k < count; k++) {
      // Branch-free: whether v[k] is zero is a coin flip for ReLU units, which a branch would mispredict.
      index[m] = k;
      m += nonZero(v[k]);
    }
    return m;
  }

  /** {@code y[:n] += Σ_i s[k] · rows[k][:n]} over {@code k = index[i]}, {@code i < m}. */
  static void addScaledRowsAt(float[] y, float[] s, float[][] rows, int[] index, int m, int n) {
    addScaledRowsAt(y, s, 0, rows, index, 0, m, n);
  }

  /**
   * {@code y[:n] += Σ_i s[sFrom + k] · rows[k][:n]} over {@code k = index[from + i]}, {@code i < m}, four rows a pass
   * ({@link #addPass}).
   */
  static void addScaledRowsAt(float[] y, float[] s, int sFrom, float[][] rows, int[] index, int from, int m, int n) {
    int last = from + m - 1;
    for (int i = from; i <= last; i += 4) {
      int k0 = index[i];
      int k1 = index[Math.min(i + 1, last)];
      int k2 = index[Math.min(i + 2, last)];
      int k3 = index[Math.min(i + 3, last)];
      addPass(y, last + 1 - i, s[sFrom + k0], s[sFrom + k1], s[sFrom + k2], s[sFrom + k3], rows[k0], rows[k1],
          rows[k2], rows[k3], n);
    }
  }

  /**
   * Lists in {@code active} the j with {@code v[j] != 0}, in order, and returns how many. For each of them also
   * copies {@code v[j]} into column {@code column} of {@code columns}, a flat (j, column) matrix with {@code width}
   * columns, and appends {@code column} to row j of {@code lists} (same shape), {@code counts[j]} counting them: row j
   * then lists, in order, the columns where j is active, and holds their values. The list comes first; the copies
   * then touch only the active units, about half (a compiled tutorial step about 6% faster than copying every value
   * and its list entry in the loop that lists them).
   */
  static int nonZeros(float[] v, int[] active, float[] columns, int[] lists, int[] counts, int column, int width) {
    int live = listNonZeros(v, v.length, active);
    for (int i = 0; i < live; i++) {
      int j = active[i];
      int row = j * width;
      columns[row + column] = v[j];
      lists[row + counts[j]++] = column;
    }
    return live;
  }

  /**
   * 1 if {@code x != 0f} (NaN included), else 0. On the bits without the sign, which ran the index loops about a
   * quarter faster than the float comparison, whose unordered case costs extra instructions.
   */
  private static int nonZero(float x) {
    return Float.floatToRawIntBits(x) << 1 != 0 ? 1 : 0;
  }

  /**
   * The ReLU's slope at {@code v}: 1 where {@code v > 0}, else 0 (NaN stays NaN), in operations the JIT vectorises;
   * an integer mask of the sign bit gave the same slopes in a loop it did not.
   */
  static float reluSlope(float v) {
    // 2^149 takes the least positive float to 1 and larger ones to at least 1; −0 and negatives go to 0 in the max.
    return Math.min(Math.max(v * 0x1p100f * 0x1p49f, 0f), 1f);
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
        addPass(ys[b], kCount - k, s[k], s[k1], s[k2], 0f, rows[k], rows[k1], rows[k2], rows[k], n);
      }
    }
  }

  /**
   * Adds one pass of {@code present} rows, at most four, to {@code y}: rows past the present ones (repeats of present
   * ones, so that callers index within bounds) count with weight 0 and read {@code r0}. A short last pass so costs a
   * full pass but keeps each kernel one loop for the JIT to compile, and the sums' order is that of full passes.
   */
  private static void addPass(float[] y, int present, float s0, float s1, float s2, float s3, float[] r0, float[] r1,
      float[] r2, float[] r3, int n) {
    add4(y, s0, present > 1 ? s1 : 0f, present > 2 ? s2 : 0f, present > 3 ? s3 : 0f, r0, present > 1 ? r1 : r0,
        present > 2 ? r2 : r0, present > 3 ? r3 : r0, n);
  }

  private static void add4(float[] y, float s0, float s1, float s2, float s3, float[] x0, float[] x1, float[] x2,
      float[] x3, int n) {
    for (int j = 0; j < n; j++) {
      y[j] += s0 * x0[j] + s1 * x1[j] + s2 * x2[j] + s3 * x3[j];
    }
  }

  /**
   * {@code y[o] = bias[o] + Σ_j w[o][j] · x[j]} for {@code o < outputs}, {@code j < n}: each sum in four partial sums
   * (j mod 4) added as {@code (s0 + s1) + (s2 + s3)}. Three outputs a pass give twelve independent sums, so the adds
   * do not wait on each other and {@code x} is read once for three outputs.
   */
  static void affine(float[] y, float[] bias, float[][] w, float[] x, int outputs, int n) {
    int last = outputs - 1;
    for (int o = 0; o < outputs; o += 3) {
      float[] w0 = w[o];
      float[] w1 = w[Math.min(o + 1, last)];
      float[] w2 = w[Math.min(o + 2, last)];
      float a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      float b0 = 0, b1 = 0, b2 = 0, b3 = 0;
      float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      int j = 0;
      for (; j + 4 <= n; j += 4) {
        float x0 = x[j];
        float x1 = x[j + 1];
        float x2 = x[j + 2];
        float x3 = x[j + 3];
        a0 += w0[j] * x0;
        a1 += w0[j + 1] * x1;
        a2 += w0[j + 2] * x2;
        a3 += w0[j + 3] * x3;
        b0 += w1[j] * x0;
        b1 += w1[j + 1] * x1;
        b2 += w1[j + 2] * x2;
        b3 += w1[j + 3] * x3;
        c0 += w2[j] * x0;
        c1 += w2[j + 1] * x1;
        c2 += w2[j + 2] * x2;
        c3 += w2[j + 3] * x3;
      }
      for (; j < n; j++) {
        a0 += w0[j] * x[j];
        b0 += w1[j] * x[j];
        c0 += w2[j] * x[j];
      }
      y[o] = bias[o] + ((a0 + a1) + (a2 + a3));
      if (o + 1 <= last) {
        y[o + 1] = bias[o + 1] + ((b0 + b1) + (b2 + b3));
      }
      if (o + 2 <= last) {
        y[o + 2] = bias[o + 2] + ((c0 + c1) + (c2 + c3));
      }
    }
  }
}
