package io.github.rnnlab.model;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * One stage of a network as the {@link Engine} trains it: it maps a sequence of input rows to a sequence of output
 * rows (row n = t·batch + b, time-major), forward over all steps of a range of sequences and backward in reverse
 * time, so the per-call cost is spread over steps × sequences. Recurrent cells, a convolutional front-end and the
 * readout are layers. A layer owns its work arrays (reused while the (steps, batch) shape stays the same) and one
 * gradient buffer per batch partition, which {@link #reduce} sums in partition order: that fixed order keeps results
 * bit-identical whatever the number of cores. Not thread-safe except for disjoint sequence ranges between
 * {@link #begin} and {@link #reduce}.
 */
abstract class Layer {

  /** The length of an input row. */
  abstract int inputSize();

  /** The length of an output row. */
  abstract int outputSize();

  /** The parameters, in a fixed order. */
  abstract List<Parameter> parameters();

  /** Whether the outputs are a recurrent population's rates (what rate penalties and activity analyses read). */
  boolean recurrent() {
    return false;
  }

  /**
   * Readies the work arrays for {@code steps × batch} rows and {@code parts} gradient partitions, and packs the
   * effective (constrained) weights. Single-threaded, before any forward pass of this shape.
   */
  abstract void begin(int steps, int batch, int parts);

  /**
   * The forward pass over all steps for sequences {@code [b0, b1)}: reads {@code in[n]}, writes output rows. With
   * {@code noise}, recurrent noise is drawn per sequence from {@code noiseSeed}, so it does not depend on how sequences
   * are split among threads.
   */
  abstract void forward(float[][] in, int b0, int b1, boolean noise, long noiseSeed);

  /** The output rows of the last forward pass, one per input row. */
  abstract float[][] output();

  /**
   * The backward pass for sequences {@code [b0, b1)}, in reverse time: {@code dOut[n]} is the loss gradient with
   * respect to output row n (it may be overwritten); writes the gradient with respect to input row n into
   * {@code dIn[n]} if {@code dIn} is not null; accumulates weight gradients into partition {@code part}.
   */
  abstract void backward(float[][] in, float[][] dOut, float @Nullable [][] dIn, int b0, int b1, int part);

  /**
   * Sets the parameters' gradients (with respect to their effective values) to the sum of the first {@code parts}
   * partitions, in partition order.
   */
  abstract void reduce(int parts);

  /** This layer's one-step map, from a snapshot of its current weights, or null if it is not recurrent. */
  @Nullable CellMap cellMap() {
    return null;
  }

  /** Per-step values besides the output that a rollout can report, e.g. gates or synaptic resources, by name. */
  Map<String, float[][]> extras() {
    return Map.of();
  }

  /** One noise generator per sequence of {@code [b0, b1)}, seeded from this layer's pass seed and the sequence. */
  static SplittableRandom[] noiseStreams(long seed, int b0, int b1) {
    SplittableRandom[] rngs = new SplittableRandom[b1 - b0];
    for (int b = b0; b < b1; b++) {
      rngs[b - b0] = new SplittableRandom(sequenceSeed(seed, 0, b));
    }
    return rngs;
  }

  /** A seed for sequence {@code b}'s noise in layer {@code layer} of a pass seeded with {@code seed}. */
  static long sequenceSeed(long seed, int layer, int b) {
    // SplittableRandom's mixing of a golden-ratio sequence: distinct, well-spread seeds per (layer, sequence).
    long z = seed + 0x9E3779B97F4A7C15L * (1L + b + ((long) layer << 32));
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
