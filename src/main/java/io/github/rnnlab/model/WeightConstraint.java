package io.github.rnnlab.model;

import io.github.rnnlab.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * A constraint on a weight matrix, applied as a transform of the trained ("raw") values: the network computes with
 * the effective weights, backpropagation follows the transform's chain rule, and after every optimiser step the raw
 * values are projected so the constraint holds exactly. Constraints compose; every one is elementwise:
 *
 * <ul>
 *   <li>{@link #mask}: a connectivity mask M, {@code W_eff = W ⊙ M}; masked-out entries stay exactly 0.</li>
 *   <li>{@link #noAutapses()}: the diagonal is masked out (no self-connections).</li>
 *   <li>{@link #dale}: Dale's law by presynaptic unit (column), {@code W_eff = |W| ⊙ sign}, as the tutorial's EI
 *       network ({@code effective_weight = |W| ⊙ mask}) and PsychRNN do: excitatory columns are ≥ 0, inhibitory
 *       ≤ 0, whatever the raw values.</li>
 *   <li>{@link #fixed}: chosen entries never train (non-plastic synapses); their gradient is 0 and they keep their
 *       values bit for bit.</li>
 * </ul>
 *
 * <p>Shapes are checked when the constraint is added to a parameter ({@link Parameter#constrain}).
 */
public sealed interface WeightConstraint {

  /**
   * A connectivity mask: entries where {@code mask} is 0 are absent. Its shape must be the weight's.
   *
   * @throws IllegalArgumentException if the mask is empty, ragged, or holds a value other than 0 or 1
   */
  static WeightConstraint mask(float[][] mask) {
    return new Mask(copyOf("mask", mask, true), "mask");
  }

  /** No self-connections: the diagonal of a square weight matrix is masked out. */
  static WeightConstraint noAutapses() {
    return NoAutapses.INSTANCE;
  }

  /**
   * Dale's law: column j (presynaptic unit j) is excitatory ({@code true}) or inhibitory ({@code false}).
   *
   * @throws IllegalArgumentException if the list is empty
   */
  static WeightConstraint dale(List<Boolean> excitatory) {
    if (excitatory.isEmpty()) {
      throw new IllegalArgumentException("dale needs one entry per presynaptic unit; got an empty list");
    }
    return new Dale(excitatory.stream().map(e -> e ? 1f : -1f).toList());
  }

  /**
   * Fixed (non-plastic) synapses: entries where {@code fixed} is true keep their values. Its shape must be the
   * weight's.
   */
  static WeightConstraint fixed(boolean[][] fixed) {
    float[][] m = new float[fixed.length][];
    for (int r = 0; r < fixed.length; r++) {
      m[r] = new float[fixed[r].length];
      for (int c = 0; c < fixed[r].length; c++) {
        m[r][c] = fixed[r][c] ? 1f : 0f;
      }
    }
    return new Fixed(copyOf("fixed", m, true));
  }

  /** A short description, e.g. {@code "mask (80% kept)"}. */
  String describe();

  /** A 0/1 connectivity mask. */
  final class Mask implements WeightConstraint {
    private final float[][] mask;
    private final String name;

    Mask(float[][] mask, String name) {
      this.mask = mask;
      this.name = name;
    }

    /** The mask, a copy ([row][column], 1 = present). */
    public float[][] mask() {
      return copyOf(name, mask, true);
    }

    @Override
    public String describe() {
      long kept = Arrays.stream(mask).mapToLong(r -> {
        long k = 0;
        for (float v : r) {
          k += v != 0 ? 1 : 0;
        }
        return k;
      }).sum();
      return name + " (" + Math.round(100.0 * kept / (mask.length * (long) mask[0].length)) + "% kept)";
    }
  }

  /** The diagonal masked out. */
  final class NoAutapses implements WeightConstraint {
    static final NoAutapses INSTANCE = new NoAutapses();

    private NoAutapses() {}

    @Override
    public String describe() {
      return "no autapses";
    }
  }

  /** Dale's law by column. */
  final class Dale implements WeightConstraint {
    private final List<Float> signs;

    Dale(List<Float> signs) {
      this.signs = List.copyOf(signs);
    }

    /** Whether presynaptic unit {@code j} is excitatory. */
    public boolean excitatory(int j) {
      return signs.get(j) > 0;
    }

    /** The number of presynaptic units. */
    public int size() {
      return signs.size();
    }

    float sign(int j) {
      return signs.get(j);
    }

    @Override
    public String describe() {
      long e = signs.stream().filter(s -> s > 0).count();
      return "Dale (" + e + " E, " + (signs.size() - e) + " I columns)";
    }
  }

  /** Entries that never train. */
  final class Fixed implements WeightConstraint {
    private final float[][] fixed;

    Fixed(float[][] fixed) {
      this.fixed = fixed;
    }

    /** Whether entry ({@code row}, {@code col}) is fixed. */
    public boolean isFixed(int row, int col) {
      return fixed[row][col] != 0;
    }

    float[][] flags() {
      return fixed;
    }

    @Override
    public String describe() {
      long n = Arrays.stream(fixed).mapToLong(r -> {
        long k = 0;
        for (float v : r) {
          k += v != 0 ? 1 : 0;
        }
        return k;
      }).sum();
      return "fixed (" + n + " entries)";
    }
  }

  /** A checked copy of a rectangular 0/1 (if {@code binary}) matrix. */
  private static float[][] copyOf(String what, float[][] m, boolean binary) {
    if (m.length == 0 || m[0].length == 0) {
      throw new IllegalArgumentException(what + " must have at least one row and one column");
    }
    float[][] copy = new float[m.length][];
    for (int r = 0; r < m.length; r++) {
      if (m[r].length != m[0].length) {
        throw new IllegalArgumentException(what + " row " + r + " has " + m[r].length + " entries but row 0 has "
            + m[0].length);
      }
      for (float v : m[r]) {
        if (binary && v != 0 && v != 1) {
          throw new IllegalArgumentException(what + " entries must be 0 or 1; got " + v + " in row " + r);
        }
        Checks.finite(what + " entry", v);
      }
      copy[r] = m[r].clone();
    }
    return copy;
  }
}
