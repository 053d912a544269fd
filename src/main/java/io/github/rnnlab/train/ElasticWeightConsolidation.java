package io.github.rnnlab.train;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.BatchSource;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Elastic weight consolidation (Kirkpatrick et al. 2017, "Overcoming catastrophic forgetting in neural networks",
 * PNAS 114:3521): after training on task k, the diagonal of the Fisher information {@code F_k} is estimated on the
 * task's data and the parameters are anchored at their values {@code θ*_k}; training on later tasks adds
 *
 * <pre>
 *   (λ/2) · Σ_k Σ_i F_k,i · (θ_i − θ*_k,i)²
 * </pre>
 *
 * <p>one quadratic term per consolidated task, as the paper does for a third task and beyond. Every parameter of the
 * network is anchored; frozen ones never move, so their terms stay 0. Logged as {@code "ewc"}.
 *
 * <p><b>The Fisher information.</b> {@code F_k,i = E[(∂ℓ/∂θ_i)²]}, the mean over {@link Builder#fisherSequences}
 * sequences (batch columns) of the task's data of the squared gradient of that sequence's loss {@code ℓ}, with the
 * targets drawn from the network's own output distribution at each scored step: the softmax of the outputs for
 * cross-entropy, and for mean squared error the Gaussian {@code N(y, ½)} whose negative log-likelihood the loss is
 * (up to a constant). That is the Fisher information the paper defines, with the sequence's loss (the weighted mean
 * over its scored steps, which training minimises) in place of its negative log-likelihood; the scale that this
 * choice sets is absorbed by λ. Targets are drawn from the outputs without noise, and the gradients with the
 * network's training noise, as training computes them. {@link Builder#empiricalFisher} uses the data's own targets
 * instead (the "empirical Fisher", common in implementations; it shrinks as a task is learned, since well-fit
 * sequences have small gradients). Each sequence is one backward pass, so the estimate costs about
 * {@code fisherSequences / batchSize} training steps.
 *
 * <pre>{@code
 * var ewc = ElasticWeightConsolidation.builder().strength(100).fisherSequences(128).build();
 * var session = Trainer.builder().penalty(ewc).build().session(net);
 * session.train(taskA, 500);
 * ewc.consolidate(net, taskA);      // F_A on 128 sequences from taskA's batches, anchor θ*_A
 * session.train(taskB, 500);
 * }</pre>
 *
 * <p>Keeps state (the anchors and Fisher information of each task): one instance per network. Not thread-safe.
 */
public final class ElasticWeightConsolidation extends AnchoredPenalty {
  private final double strength;
  private final int fisherSequences;
  private final boolean empirical;
  private final long seed;
  private final List<double[][][]> fishers = new ArrayList<>();
  private final List<float[][][]> anchors = new ArrayList<>();

  private ElasticWeightConsolidation(Builder b) {
    this.strength = b.strength;
    this.fisherSequences = b.fisherSequences;
    this.empirical = b.empirical;
    this.seed = b.seed;
  }

  /** A builder: strength 1, 64 sequences for the Fisher information, targets drawn from the network, seed 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** λ, the strength of the pull towards the anchors. */
  public double strength() {
    return strength;
  }

  @Override
  public String name() {
    return "ewc";
  }

  @Override
  public int tasksConsolidated() {
    return anchors.size();
  }

  /** {@code (λ/2) · Σ_k Σ_i F_k,i (θ_i − θ*_k,i)²}; 0 before the first consolidation. */
  @Override
  public double addGradients(RecurrentNetwork network) {
    if (anchors.isEmpty()) {
      return 0;
    }
    List<Parameter> parameters = bind(network);
    double value = 0;
    for (int k = 0; k < anchors.size(); k++) {
      value += pull(parameters, fishers.get(k), anchors.get(k), strength / 2);
    }
    return value;
  }

  /**
   * Estimates the diagonal Fisher information of the task whose batches {@code taskData} serves (see the class
   * comment) and anchors the parameters at their current values. Draws as many batches as it needs for {@link
   * Builder#fisherSequences} sequences with at least one scored step; sequences with none are skipped. Overwrites
   * the parameters' gradients.
   *
   * @throws IllegalArgumentException if the network is not the one this penalty has seen, a batch does not fit it,
   *     or a whole batch has no scored step
   */
  @Override
  public void consolidate(RecurrentNetwork network, BatchSource taskData) {
    List<Parameter> parameters = bind(network);
    double[][][] fisher = zerosLike(parameters);
    // One stream per consolidation, so each task's draws are reproducible from the seed alone.
    SplittableRandom rng = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (anchors.size() + 1));
    int counted = 0;
    while (counted < fisherSequences) {
      Batch batch = taskData.next();
      if (batch.inputSize() != network.inputSize()) {
        throw new IllegalArgumentException("the task's batches have " + batch.inputSize() + " inputs but the network "
            + "has " + network.inputSize());
      }
      @Nullable INDArray outputs = empirical ? null : network.forward(batch.inputs()).outputs();
      int before = counted;
      for (int b = 0; b < batch.batchSize() && counted < fisherSequences; b++) {
        Batch one = FisherSequence.of(batch, b, outputs, rng);
        if (one != null) {
          network.computeGradients(one);
          addSquares(parameters, fisher);
          counted++;
        }
      }
      if (counted == before) {
        throw new IllegalArgumentException("a batch of the task's data has no scored step (every loss weight is 0), "
            + "so it says nothing about the task");
      }
    }
    for (double[][] m : fisher) {
      for (double[] row : m) {
        for (int c = 0; c < row.length; c++) {
          row[c] /= fisherSequences;
        }
      }
    }
    fishers.add(fisher);
    anchors.add(valuesOf(parameters));
  }

  private static void addSquares(List<Parameter> parameters, double[][][] sums) {
    for (int i = 0; i < sums.length; i++) {
      float[][] g = parameters.get(i).gradients();
      for (int r = 0; r < g.length; r++) {
        double[] s = sums[i][r];
        float[] gr = g[r];
        for (int c = 0; c < gr.length; c++) {
          s[c] += (double) gr[c] * gr[c];
        }
      }
    }
  }

  /** The Fisher information summed over the consolidated tasks. */
  @Override
  double[][][] summedImportance() {
    double[][][] sum = new double[fishers.get(0).length][][];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = new double[fishers.get(0)[i].length][fishers.get(0)[i][0].length];
      for (double[][][] f : fishers) {
        for (int r = 0; r < sum[i].length; r++) {
          for (int c = 0; c < sum[i][r].length; c++) {
            sum[i][r][c] += f[i][r][c];
          }
        }
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ElasticWeightConsolidation[λ %s, Fisher on %d sequences%s, %d task(s)]",
        strength, fisherSequences, empirical ? " (empirical)" : "", anchors.size());
  }

  /** Settings of an {@link ElasticWeightConsolidation}. */
  public static final class Builder {
    private double strength = 1;
    private int fisherSequences = 64;
    private boolean empirical;
    private long seed;

    private Builder() {}

    /**
     * λ, the strength of the pull towards the anchors (default 1). Its scale is set by the loss and by how certain the
     * network is: the Fisher information of a task learned to near-certainty is small, so large values may be needed
     * (the continual-learning notebook uses 10⁷ for yang19 tasks learned to an accuracy of 1).
     *
     * @throws IllegalArgumentException if it is negative or not finite
     */
    public Builder strength(double strength) {
      this.strength = Checks.nonNegative("strength", strength);
      return this;
    }

    /**
     * The number of sequences (batch columns) the Fisher information is averaged over at each consolidation
     * (default 64).
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder fisherSequences(int sequences) {
      this.fisherSequences = Checks.positive("fisherSequences", sequences);
      return this;
    }

    /**
     * Whether the Fisher information uses the data's targets instead of targets drawn from the network's outputs
     * (default false: drawn, as the paper defines it).
     */
    public Builder empiricalFisher(boolean empirical) {
      this.empirical = empirical;
      return this;
    }

    /** The seed of the targets drawn for the Fisher information (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The penalty, with nothing consolidated yet. */
    public ElasticWeightConsolidation build() {
      return new ElasticWeightConsolidation(this);
    }
  }
}
