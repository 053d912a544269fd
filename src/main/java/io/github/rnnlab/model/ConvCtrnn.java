package io.github.rnnlab.model;

import com.google.gson.JsonObject;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.FramesChart;
import io.github.rnnlab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A convolutional front-end, a continuous-time RNN and a linear readout: the tutorial's exercise 8 ("ConvNet + RNN"),
 * where the image of every step passes through a convolution before the CTRNN sees it.
 *
 * <p>Each step's input is an image of {@code channels × height × width} pixels (channel by channel, row by row, as
 * {@code SimpleVisualDecisionMaking} lays out its 10 × 10 frames). The front-end is PyTorch's {@code Conv2d} with
 * {@code filters} filters of {@code k × k} (stride 1, no padding, with bias) followed by {@code Flatten}, giving
 * {@code filters·(height−k+1)·(width−k+1)} features; it has no activation, as the answer's
 * {@code SimpleSeqConvNetBackbone}. The features drive a CTRNN exactly as {@link Ctrnn}'s inputs do:
 *
 * <pre>
 * z = conv(x_t)                                         (filters × 8 × 8 = 64 features for one 3 × 3 filter on 10 × 10)
 * h ← (1−α)·h + α·relu(W_in·z + b_in + W_rec·h + b_rec),    y = W_out·h + b_out
 * </pre>
 *
 * <p>By default the filters are fixed at their random initial values, as in the answer ("no need to train the conv
 * net"): the parameters {@code W_conv} (filters × channels·k·k) and {@code b_conv} are frozen
 * ({@link Parameter#trainable()} false), so training leaves them bit for bit. {@link Builder#trainableFilters} makes
 * them trainable, and {@link Freezing} switches either way later. Weights start as PyTorch draws them,
 * U(−1/√fan_in, 1/√fan_in), from {@code seed}: the filters (fan_in = channels·k·k) first, then the CTRNN and the
 * readout as {@link Ctrnn} draws them. Since the front-end is linear, fixed filters restrict what the CTRNN sees to
 * a random linear projection of the image; with one filter, 64 numbers for 100 pixels.
 *
 * <p>Parameters: {@code W_conv}, {@code b_conv}, {@code W_in}, {@code b_in}, {@code W_rec}, {@code b_rec},
 * {@code W_out}, {@code b_out}. {@link Rollout#hidden()} is the CTRNN's activity; the {@link #stepMap()} takes images
 * as its input. Not thread-safe: it keeps work arrays between calls.
 *
 * <pre>{@code
 * var task = SimpleVisualDecisionMaking.builder().sigma(1).build();
 * var net = ConvCtrnn.builder().forTask(task).image(10, 10).filters(1).hiddenSize(64).seed(1).build();
 * Trainer.defaults().train(net, Dataset.of(task, 16, 100, 1));
 * net.plotFilters();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ConvCtrnn extends CtrnnNetwork {
  private final int hiddenSize;
  private final int channels;
  private final int imageHeight;
  private final int imageWidth;
  private final int filters;
  private final int kernelSize;

  private ConvCtrnn(Builder b) {
    super(b, engine(b));
    this.hiddenSize = b.hiddenSize;
    this.channels = b.channels;
    this.imageHeight = b.imageHeight;
    this.imageWidth = b.imageWidth;
    this.filters = b.filters;
    this.kernelSize = b.kernelSize;
  }

  private static Engine engine(Builder b) {
    b.check();
    SplittableRandom rng = new SplittableRandom(b.seed);
    ConvLayer conv = new ConvLayer(b.channels, b.imageHeight, b.imageWidth, b.kernelSize, b.filters, rng);
    conv.weight.setTrainable(b.trainableFilters);
    conv.bias.setTrainable(b.trainableFilters);
    CtrnnLayer cell = new CtrnnLayer("", conv.outputSize(), b.hiddenSize, alpha(b.dtMs, b.tauMs), b.reluPlacement,
        b.activation, b.sigmaRec, null, b.dtMs, rng);
    DenseLayer readout = new DenseLayer("W_out", "b_out", b.hiddenSize, b.outputSize, rng);
    return new Engine(List.of(conv, cell, readout), b.loss, b.sigmaIn);
  }

  /** A builder; input, image, hidden and output sizes are required ({@link Builder#forTask} sets input and output). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A network for {@code task}, whose inputs must be a square single-channel image, with {@code filters} fixed
   * random 3 × 3 filters, {@code hiddenSize} units and τ = 100 ms.
   *
   * @throws IllegalArgumentException if the task's input size is not a square number
   */
  public static ConvCtrnn forTask(Task task, int filters, int hiddenSize, long seed) {
    int side = (int) Math.round(Math.sqrt(task.inputSize()));
    if (side * side != task.inputSize()) {
      throw new IllegalArgumentException("forTask needs a square image, but " + task.name() + " has "
          + task.inputSize() + " inputs; use builder().image(height, width)");
    }
    return builder().forTask(task).image(side, side).filters(filters).hiddenSize(hiddenSize).seed(seed).build();
  }

  /** A builder holding this network's settings (not its weights); filters trainable as they are now. */
  public Builder toBuilder() {
    return ctrnnSettingsInto(builder()).channels(channels).image(imageHeight, imageWidth).filters(filters)
        .kernelSize(kernelSize).trainableFilters(parameter("W_conv").trainable()).hiddenSize(hiddenSize);
  }

  /** An independent copy with the same settings, parameter values, constraints and frozen flags. */
  public ConvCtrnn copy() {
    ConvCtrnn c = toBuilder().build();
    c.copyParametersFrom(this);
    return c;
  }

  @Override
  JsonObject settings() {
    JsonObject o = super.settings();
    o.addProperty("hiddenSize", hiddenSize);
    o.addProperty("channels", channels);
    o.addProperty("imageHeight", imageHeight);
    o.addProperty("imageWidth", imageWidth);
    o.addProperty("filters", filters);
    o.addProperty("kernelSize", kernelSize);
    return o;
  }

  static ConvCtrnn fromSettings(JsonObject s) {
    return apply(builder(), s).hiddenSize(s.get("hiddenSize").getAsInt()).channels(s.get("channels").getAsInt())
        .image(s.get("imageHeight").getAsInt(), s.get("imageWidth").getAsInt()).filters(s.get("filters").getAsInt())
        .kernelSize(s.get("kernelSize").getAsInt()).build();
  }

  /** The number of CTRNN units. */
  public int hiddenSize() {
    return hiddenSize;
  }

  /** The number of image channels. */
  public int channels() {
    return channels;
  }

  /** The image's height in pixels. */
  public int imageHeight() {
    return imageHeight;
  }

  /** The image's width in pixels. */
  public int imageWidth() {
    return imageWidth;
  }

  /** The number of filters. */
  public int filters() {
    return filters;
  }

  /** The side k of the k × k filters. */
  public int kernelSize() {
    return kernelSize;
  }

  /** The number of features the front-end gives the CTRNN: filters × (height−k+1) × (width−k+1). */
  public int featureSize() {
    return filters * (imageHeight - kernelSize + 1) * (imageWidth - kernelSize + 1);
  }

  /** The filters as small images, one panel per filter (and channel), on one colour scale centred on 0. */
  public Figure plotFilters() {
    float[][] w = parameter("W_conv").effectiveValues();
    List<float[][]> images = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (int f = 0; f < filters; f++) {
      for (int c = 0; c < channels; c++) {
        float[][] image = new float[kernelSize][kernelSize];
        for (int u = 0; u < kernelSize; u++) {
          System.arraycopy(w[f], (c * kernelSize + u) * kernelSize, image[u], 0, kernelSize);
        }
        images.add(image);
        titles.add("filter " + f + (channels > 1 ? ", channel " + c : ""));
      }
    }
    return FramesChart.of(images, titles, Math.min(images.size(), 6));
  }

  /** The one-step map of the CTRNN's rates with images as input, the convolution applied first. */
  @Override
  public StepMap stepMap() {
    List<Layer> layers = engine.layers();
    CellMap cell = layers.get(1).cellMap();
    return new FrontEndStepMap(((ConvLayer) layers.get(0)).affineMap(), new LayeredStepMap(List.of(cell)));
  }

  /** {@link Rollout#hidden()} is the CTRNN's activity. */
  @Override
  int reportedLayer() {
    return 1;
  }

  @Override
  public String toString() {
    String trained = parameter("W_conv").trainable() ? "trainable" : "fixed";
    return "ConvCtrnn[" + (channels > 1 ? channels + "×" : "") + imageHeight + "×" + imageWidth + " image → "
        + filters + " " + trained + " " + kernelSize + "×" + kernelSize + " filter" + (filters > 1 ? "s" : "")
        + " → " + featureSize() + " features → " + hiddenSize + " → " + outputSize() + ", " + timeConstants() + "]";
  }

  /** Settings of a {@link ConvCtrnn}. */
  public static final class Builder extends CtrnnSettings<Builder> {
    private int hiddenSize;
    private int channels = 1;
    private int imageHeight;
    private int imageWidth;
    private int filters = 1;
    private int kernelSize = 3;
    private boolean trainableFilters;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** The number of CTRNN units (required, > 0). */
    public Builder hiddenSize(int hiddenSize) {
      this.hiddenSize = Checks.positive("hiddenSize", hiddenSize);
      return this;
    }

    /** The image's height and width in pixels (required); channels × height × width must equal the input size. */
    public Builder image(int height, int width) {
      this.imageHeight = Checks.positive("image height", height);
      this.imageWidth = Checks.positive("image width", width);
      return this;
    }

    /** The number of image channels (default 1). */
    public Builder channels(int channels) {
      this.channels = Checks.positive("channels", channels);
      return this;
    }

    /** The number of filters (default 1, as the answer's run; its backbone's own default is 16). */
    public Builder filters(int filters) {
      this.filters = Checks.positive("filters", filters);
      return this;
    }

    /** The side k of the k × k filters (default 3), at most the image's smaller side. */
    public Builder kernelSize(int kernelSize) {
      this.kernelSize = Checks.positive("kernelSize", kernelSize);
      return this;
    }

    /** Whether training updates the filters (default false: fixed random filters, as the answer). */
    public Builder trainableFilters(boolean trainableFilters) {
      this.trainableFilters = trainableFilters;
      return this;
    }

    private void check() {
      requireSizes("hiddenSize", hiddenSize);
      if (imageHeight == 0) {
        throw new IllegalArgumentException("the image size must be set: image(height, width)");
      }
      if (channels * imageHeight * imageWidth != inputSize) {
        throw new IllegalArgumentException("channels × height × width = " + channels + " × " + imageHeight + " × "
            + imageWidth + " = " + channels * imageHeight * imageWidth + " pixels, but inputSize is " + inputSize);
      }
      if (kernelSize > Math.min(imageHeight, imageWidth)) {
        throw new IllegalArgumentException("kernelSize " + kernelSize + " does not fit in a " + imageHeight + " × "
            + imageWidth + " image (no padding)");
      }
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException if a size is missing, the image does not match the input size, the kernel
     *     does not fit the image, or dt exceeds τ
     */
    public ConvCtrnn build() {
      return new ConvCtrnn(this);
    }
  }
}
