package io.github.rnnlab.model;

import com.google.gson.JsonObject;
import io.github.rnnlab.data.Batch;
import io.github.rnnlab.internal.Checks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every rnnlab network shares: an {@link Engine} running its layers, its sizes and dt, and the stream its
 * training noise is drawn from (seeded with the network's seed, one draw per batch). Not thread-safe.
 */
public abstract sealed class Network implements RecurrentNetwork permits CtrnnNetwork, GatedNetwork {
  private final int inputSize;
  private final int outputSize;
  private final double dtMs;
  private final long seed;
  final Engine engine;
  private final SplittableRandom noiseStream;

  Network(int inputSize, int outputSize, double dtMs, long seed, Engine engine) {
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.dtMs = dtMs;
    this.seed = seed;
    this.engine = engine;
    this.noiseStream = new SplittableRandom(Layer.sequenceSeed(seed, -1, -1));
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public int outputSize() {
    return outputSize;
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  /** The seed the initial weights (and the training noise) were drawn from. */
  public long seed() {
    return seed;
  }

  @Override
  public Loss loss() {
    return engine.loss();
  }

  @Override
  public List<Parameter> parameters() {
    return engine.parameters();
  }

  /** Overwrites every parameter's values, constraints and frozen flag with {@code other}'s, which has the same shapes. */
  void copyParametersFrom(Network other) {
    List<Parameter> src = other.parameters();
    List<Parameter> dst = parameters();
    for (int i = 0; i < src.size(); i++) {
      dst.get(i).copyValuesFrom(src.get(i));
    }
  }

  /**
   * The one-step map of the recurrent state with its analytic Jacobians, from a snapshot of the current weights (see
   * {@link StepMap}).
   */
  public StepMap stepMap() {
    List<CellMap> cells = new ArrayList<>();
    List<Layer> layers = engine.layers();
    for (Layer layer : layers.subList(0, layers.size() - 1)) {
      CellMap cell = layer.cellMap();
      if (cell == null) {
        throw new IllegalStateException("this network has a non-recurrent layer before its readout; its step map "
            + "would need that layer's inputs");
      }
      cells.add(cell);
    }
    return new LayeredStepMap(cells);
  }

  /**
   * Saves the network to {@code file}: a NumPy {@code .npz} archive with {@code network.json} (kind, every setting,
   * each parameter's shape, frozen flag and constraints) and one float32 {@code .npy} array per parameter and mask,
   * which {@code numpy.load} reads without rnnlab. The file is written to a temporary file first, then moved into
   * place.
   *
   * @throws java.io.UncheckedIOException if it cannot be written
   */
  public void save(Path file) {
    NetworkFile.save(this, file);
  }

  /**
   * A network saved with {@link #save}: the same kind, settings, weights, constraints and frozen flags, so the same
   * outputs bit for bit.
   *
   * @throws IllegalArgumentException if the file is missing, truncated, not a saved network, of another format
   *     version, or inconsistent (the message names the file and what is wrong)
   */
  public static Network load(Path file) {
    return NetworkFile.load(file);
  }

  /**
   * A saved network of the expected kind, e.g. {@code Network.load(path, Ctrnn.class)}.
   *
   * @throws IllegalArgumentException as {@link #load(Path)}, or if the file holds another kind of network
   */
  public static <N extends Network> N load(Path file, Class<N> kind) {
    Network net = NetworkFile.load(file);
    if (!kind.isInstance(net)) {
      throw new IllegalArgumentException(file + " holds a " + net.getClass().getSimpleName() + ", not a "
          + kind.getSimpleName());
    }
    return kind.cast(net);
  }

  /** The settings {@link #save} writes, as readable JSON. */
  public String settingsJson() {
    return NetworkFile.toJson(settings());
  }

  /** Every setting needed to rebuild this network (not its weights), as {@link NetworkFile} stores them. */
  JsonObject settings() {
    JsonObject o = new JsonObject();
    o.addProperty("inputSize", inputSize);
    o.addProperty("outputSize", outputSize);
    o.addProperty("dtMs", dtMs);
    o.addProperty("seed", seed);
    o.addProperty("loss", loss().usesLabels() ? "cross_entropy" : "mean_squared_error");
    return o;
  }

  /** {@code b} with the settings every network shares, this network's. */
  <B extends NetworkSettings<B>> B networkSettingsInto(B b) {
    return b.inputSize(inputSize()).outputSize(outputSize()).dtMs(dtMs()).loss(loss()).seed(seed());
  }

  /** Applies the settings every network shares, as {@link #settings()} wrote them, to a builder. */
  static <B extends NetworkSettings<B>> B applySettings(B b, JsonObject s) {
    return b.inputSize(s.get("inputSize").getAsInt()).outputSize(s.get("outputSize").getAsInt())
        .dtMs(s.get("dtMs").getAsDouble()).loss(loss(s)).seed(s.get("seed").getAsLong());
  }

  /** The loss named in saved settings. */
  static Loss loss(JsonObject settings) {
    return Loss.forTargets(settings.get("loss").getAsString().equals("cross_entropy"));
  }

  /** The layer whose output {@link Rollout#hidden()} reports. */
  int reportedLayer() {
    return 0;
  }

  @Override
  public Rollout forward(INDArray inputs) {
    return engine.forward(inputs, reportedLayer(), false, 0);
  }

  @Override
  public Rollout forward(INDArray inputs, long noiseSeed) {
    return engine.forward(inputs, reportedLayer(), true, noiseSeed);
  }

  @Override
  public BatchResult computeGradients(Batch batch, double rateL2) {
    Checks.nonNegative("rateL2", rateL2);
    return engine.computeGradients(batch, rateL2, true, noiseStream.nextLong());
  }
}
