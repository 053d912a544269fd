package io.github.rnnlab.analysis;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.model.BatchResult;
import io.github.rnnlab.model.Loss;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.model.Rollout;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network whose plain forward pass keeps its training noise on (recurrent noise σ_rec and input noise σ_in, if it
 * has any), each call with a fresh noise seed from a stream seeded once: how the tutorial's EI notebook evaluates, as
 * its network adds recurrent noise at every step, in training and after. Everything else, parameters included, is the
 * wrapped network's.
 *
 * <pre>{@code
 * var eval = Evaluation.run(NoisyNetwork.of(net, 7), task, 500, 2);
 * }</pre>
 *
 * <p>Not thread-safe; the same seed and the same sequence of calls give the same noise.
 */
public final class NoisyNetwork implements RecurrentNetwork {
  private final RecurrentNetwork network;
  private final SplittableRandom seeds;

  private NoisyNetwork(RecurrentNetwork network, long seed) {
    this.network = network;
    this.seeds = new SplittableRandom(seed);
  }

  /** {@code network} with its training noise on in {@link #forward(INDArray)}, the noise drawn from {@code seed}. */
  public static NoisyNetwork of(RecurrentNetwork network, long seed) {
    return new NoisyNetwork(network, seed);
  }

  /** The wrapped network. */
  public RecurrentNetwork network() {
    return network;
  }

  @Override
  public int inputSize() {
    return network.inputSize();
  }

  @Override
  public int outputSize() {
    return network.outputSize();
  }

  @Override
  public double dtMs() {
    return network.dtMs();
  }

  @Override
  public Loss loss() {
    return network.loss();
  }

  @Override
  public List<Parameter> parameters() {
    return network.parameters();
  }

  /** The wrapped network's forward pass with its training noise, drawn from the next seed of this network's stream. */
  @Override
  public Rollout forward(INDArray inputs) {
    return network.forward(inputs, seeds.nextLong());
  }

  @Override
  public Rollout forward(INDArray inputs, long noiseSeed) {
    return network.forward(inputs, noiseSeed);
  }

  @Override
  public BatchResult computeGradients(Batch batch, double rateL2) {
    return network.computeGradients(batch, rateL2);
  }

  @Override
  public String toString() {
    return network + " with its training noise on";
  }
}
