package io.github.rnnlab.model;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.internal.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs and trains a stack of {@link Layer}s (each reads the previous one's output rows; the last is the readout)
 * scored by a {@link Loss}: layout, batch partitions, threads and the fixed-order reduction of gradients.
 *
 * <p>Training splits each batch into {@link #PARTS} fixed partitions of sequences, forward and backward through every
 * layer within a partition, one partition per core on the 2-core machines we target; each layer sums its partitions'
 * gradients in partition order, so results are bit-identical whatever the number of cores. Noise is drawn per
 * sequence from a seed, for the same reason. Not thread-safe: it keeps work arrays between calls.
 */
final class Engine {
  /** Fixed batch partitions for training: gradients do not depend on the number of cores. */
  static final int PARTS = 2;

  private final List<Layer> layers;
  private final Loss loss;
  private final int inputSize;
  private final double sigmaIn;
  private final List<Parameter> parameters;
  private int steps;
  private int batch;
  private float[][] inRows = new float[0][];
  /** Per layer k, the gradient with respect to its output rows ({@code dy} for the readout). */
  private float[][][] grads = new float[0][][];
  private double[] rowLoss = new double[0];
  private double[] rowPenalty = new double[0];

  /** Layers in order, the loss, and the standard deviation of the noise added to the network's inputs in training. */
  Engine(List<Layer> layers, Loss loss, double sigmaIn) {
    this.layers = List.copyOf(layers);
    this.loss = loss;
    this.inputSize = layers.get(0).inputSize();
    this.sigmaIn = sigmaIn;
    List<Parameter> all = new ArrayList<>();
    layers.forEach(l -> all.addAll(l.parameters()));
    this.parameters = List.copyOf(all);
  }

  List<Parameter> parameters() {
    return parameters;
  }

  List<Layer> layers() {
    return layers;
  }

  Loss loss() {
    return loss;
  }

  /**
   * Runs every layer from a zero state over {@code inputs} of shape (time, batch, inputs); the rollout's hidden
   * activity is layer {@code reported}'s output. With {@code noise}, recurrent and input noise are drawn from
   * {@code noiseSeed}.
   */
  Rollout forward(INDArray inputs, int reported, boolean noise, long noiseSeed) {
    long[] s = inputs.shape();
    if (s.length != 3 || s[2] != inputSize || s[0] <= 0 || s[1] <= 0) {
      throw new IllegalArgumentException("inputs must have shape (time, batch, " + inputSize + ") for a network with "
          + inputSize + " inputs; got " + Arrays.toString(s));
    }
    begin((int) s[0], (int) s[1]);
    float[] flat = inputs.castTo(DataType.FLOAT).dup('c').data().asFloat();
    for (int n = 0; n < inRows.length; n++) {
      System.arraycopy(flat, n * inputSize, inRows[n], 0, inputSize);
    }
    Parallel.forRange(batch, (b0, b1) -> forwardRange(b0, b1, noise, noiseSeed));
    Layer last = layers.get(layers.size() - 1);
    Layer shown = layers.get(reported);
    Map<String, INDArray> extras = new LinkedHashMap<>();
    for (Layer l : layers) {
      l.extras().forEach((name, rows) -> extras.put(name, toArray(rows, rows[0].length)));
    }
    return new Rollout(toArray(last.output(), last.outputSize()), toArray(shown.output(), shown.outputSize()), extras);
  }

  /**
   * Runs {@code batch} and sets every parameter's gradient of the mean loss plus {@code rateL2} times the mean squared
   * rate of the recurrent layers (BPTT). Noise (if the layers have any) is drawn from {@code noiseSeed}.
   */
  BatchResult computeGradients(Batch data, double rateL2, boolean noise, long noiseSeed) {
    if (data.inputSize() != inputSize) {
      throw new IllegalArgumentException("batch has " + data.inputSize() + " input channels but the network expects "
          + "inputSize = " + inputSize);
    }
    Layer last = layers.get(layers.size() - 1);
    loss.check(data, last.outputSize());
    begin(data.seqLen(), data.batchSize());
    for (int t = 0; t < steps; t++) {
      copyInputs(data, t);
    }
    double normaliser = loss.normaliser(data);
    Parallel.forEach(PARTS, part -> {
      int b0 = batch * part / PARTS;
      int b1 = batch * (part + 1) / PARTS;
      forwardRange(b0, b1, noise, noiseSeed);
      loss.score(data, last.output(), grads[layers.size() - 1], b0, b1, normaliser, rowLoss);
      for (int k = layers.size() - 1; k >= 0; k--) {
        Layer layer = layers.get(k);
        if (rateL2 > 0 && layer.recurrent()) {
          addRatePenalty(layer, grads[k], b0, b1, rateL2);
        }
        layer.backward(input(k), grads[k], k == 0 ? null : grads[k - 1], b0, b1, part);
      }
    });
    for (Layer l : layers) {
      l.reduce(PARTS);
    }
    parameters.forEach(Parameter::chainGradients);
    double sum = 0;
    double penalty = 0;
    for (int n = 0; n < rowLoss.length; n++) {
      sum += rowLoss[n];
      penalty += rowPenalty[n];
    }
    return new BatchResult(sum / normaliser, rateL2 > 0 ? penalty : 0, loss.metrics(data, last.output()));
  }

  /**
   * Step t's inputs into their rows; a method of its own, called per step, so that the JIT compiles it early rather
   * than the once-a-batch {@link #computeGradients} around it.
   */
  private void copyInputs(Batch data, int t) {
    for (int b = 0; b < batch; b++) {
      float[] row = inRows[t * batch + b];
      for (int i = 0; i < inputSize; i++) {
        row[i] = data.input(t, b, i);
      }
    }
  }

  private void forwardRange(int b0, int b1, boolean noise, long noiseSeed) {
    if (noise && sigmaIn > 0) {
      addInputNoise(b0, b1, noiseSeed);
    }
    for (int k = 0; k < layers.size(); k++) {
      layers.get(k).forward(input(k), b0, b1, noise, Layer.sequenceSeed(noiseSeed, k + 1, -1));
    }
  }

  private void addInputNoise(int b0, int b1, long seed) {
    float sigma = (float) sigmaIn;
    for (int b = b0; b < b1; b++) {
      SplittableRandom rng = new SplittableRandom(Layer.sequenceSeed(seed, 0, b));
      for (int t = 0; t < steps; t++) {
        float[] row = inRows[t * batch + b];
        for (int i = 0; i < inputSize; i++) {
          row[i] += sigma * (float) rng.nextGaussian();
        }
      }
    }
  }

  /**
   * Adds the gradient of {@code coefficient · mean(r²)} over the layer's rows and units to {@code dOut}, and each
   * row's share of the penalty to {@code rowPenalty}.
   */
  private void addRatePenalty(Layer layer, float[][] dOut, int b0, int b1, double coefficient) {
    float[][] r = layer.output();
    int units = layer.outputSize();
    double mean = 1.0 / ((double) r.length * units);
    float scale = (float) (2 * coefficient * mean);
    for (int t = 0; t < steps; t++) {
      for (int b = b0; b < b1; b++) {
        int n = t * batch + b;
        double sq = 0;
        for (int j = 0; j < units; j++) {
          float v = r[n][j];
          sq += (double) v * v;
          dOut[n][j] += scale * v;
        }
        rowPenalty[n] += coefficient * mean * sq;
      }
    }
  }

  private float[][] input(int k) {
    return k == 0 ? inRows : layers.get(k - 1).output();
  }

  private void begin(int steps, int batch) {
    if (steps != this.steps || batch != this.batch) {
      this.steps = steps;
      this.batch = batch;
      int rows = steps * batch;
      inRows = new float[rows][inputSize];
      grads = new float[layers.size()][][];
      for (int k = 0; k < layers.size(); k++) {
        grads[k] = new float[rows][layers.get(k).outputSize()];
      }
      rowLoss = new double[rows];
      rowPenalty = new double[rows];
    }
    Arrays.fill(rowPenalty, 0);
    for (Layer l : layers) {
      l.begin(steps, batch, PARTS);
    }
  }

  /** Rows as (time, batch, width). */
  private INDArray toArray(float[][] rows, int width) {
    float[] flat = new float[rows.length * width];
    for (int n = 0; n < rows.length; n++) {
      System.arraycopy(rows[n], 0, flat, n * width, width);
    }
    return Nd4j.create(flat, new long[] {steps, batch, width}, 'c');
  }
}
