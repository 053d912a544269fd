package io.github.rnnlab.data;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.internal.Parallel;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Trial;
import io.github.rnnlab.task.TrialStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Supervised batches from a task, with neurogym's {@code Dataset} semantics: every batch column is an independent,
 * seeded stream of back-to-back trials, cut into windows of {@code seqLen} steps. Not thread-safe.
 *
 * <p>Like neurogym, each column's trials are laid into a cache of {@link #cacheLen()} steps (the last trial cut at
 * the end), and windows are served from it until the next window would reach the end of the cache; then the cache is
 * refilled with fresh trials. So {@code cacheLen / seqLen - 1} windows come from each cache (one if the cache is a
 * single window long), a trial may be cut at a cache boundary, and a window that starts a cache starts on a trial
 * onset. The default cache length is neurogym's: {@code seqLen · (1 + ⌊10⁵ / (inputs + 1) / batch / seqLen⌋)}, 1600
 * steps for the tutorial's task and batch, and a single window for wide inputs such as the 100 pixels of
 * {@code SimpleVisualDecisionMaking} (every batch then starts on fresh trials, as in neurogym).
 * The hidden state is not carried from one window to the next. Each batch lists the trials it holds
 * ({@link Batch#trials()}), so trial boundaries are known even though windows cut across them.
 *
 * <p>For one trial per batch row, with a mask over the padding and no {@code seqLen} to choose, use
 * {@link TrialBatches}.
 */
public final class Dataset implements BatchSource {
  private final Task task;
  private final int batchSize;
  private final int seqLen;
  private final int cacheLen;
  private final TrialStream[] columns;
  private final boolean labels;
  private final int targetSize;
  private final float[][] cacheInputs;
  private final int[][] cacheLabels;
  private final float[][] cacheValues;
  private final float[][] cacheWeights;
  /** The trials in each column's cache, with the cache step each starts at. */
  private final List<List<BatchTrial>> cacheTrials = new ArrayList<>();
  /** Whether the trials in the cache carry loss weights. */
  private boolean weighted;
  private int start;

  private Dataset(Task task, int batchSize, int seqLen, int cacheLen, long seed) {
    this.task = task;
    this.batchSize = batchSize;
    this.seqLen = seqLen;
    this.cacheLen = cacheLen;
    SplittableRandom seeds = new SplittableRandom(seed);
    this.columns = new TrialStream[batchSize];
    for (int b = 0; b < batchSize; b++) {
      columns[b] = task.trials(seeds.nextLong());
      cacheTrials.add(new ArrayList<>());
    }
    this.labels = task.hasLabels();
    this.targetSize = labels ? 1 : task.outputSize();
    this.cacheInputs = new float[batchSize][cacheLen * task.inputSize()];
    this.cacheLabels = new int[labels ? batchSize : 0][cacheLen];
    this.cacheValues = new float[labels ? 0 : batchSize][cacheLen * targetSize];
    this.cacheWeights = new float[batchSize][cacheLen * targetSize];
    this.start = cacheLen; // the first call fills the cache
  }

  /**
   * A dataset of {@code batchSize} columns served in windows of {@code seqLen} steps, with neurogym's cache length.
   *
   * @throws IllegalArgumentException if {@code batchSize} or {@code seqLen} is not positive
   */
  public static Dataset of(Task task, int batchSize, int seqLen, long seed) {
    Checks.positive("batchSize", batchSize);
    Checks.positive("seqLen", seqLen);
    return of(task, batchSize, seqLen, defaultCacheLen(task.inputSize(), batchSize, seqLen), seed);
  }

  /**
   * A dataset with an explicit cache length (a multiple of {@code seqLen}).
   *
   * @throws IllegalArgumentException if a size is not positive or the cache length is not allowed
   */
  public static Dataset of(Task task, int batchSize, int seqLen, int cacheLen, long seed) {
    Checks.positive("batchSize", batchSize);
    Checks.positive("seqLen", seqLen);
    if (cacheLen < seqLen || cacheLen % seqLen != 0) {
      throw new IllegalArgumentException("cacheLen must be a positive multiple of seqLen (" + seqLen + "); got "
          + cacheLen);
    }
    return new Dataset(task, batchSize, seqLen, cacheLen, seed);
  }

  /**
   * A builder with the tutorial's batch (16 sequences of 100 steps), neurogym's cache length and seed 0, for code that
   * reads better with named settings (Kotlin cannot name a Java method's arguments):
   * {@code Dataset.builder(task).batchSize(16).seqLen(100).seed(3).build()}.
   */
  public static Builder builder(Task task) {
    return new Builder(task);
  }

  /** Settings of a {@link Dataset}. */
  public static final class Builder {
    private final Task task;
    private int batchSize = 16;
    private int seqLen = 100;
    private int cacheLen;
    private long seed;

    private Builder(Task task) {
      this.task = Objects.requireNonNull(task, "task");
    }

    /** The number of sequences per batch (default 16). */
    public Builder batchSize(int batchSize) {
      this.batchSize = Checks.positive("batchSize", batchSize);
      return this;
    }

    /** The number of steps per batch (default 100). */
    public Builder seqLen(int seqLen) {
      this.seqLen = Checks.positive("seqLen", seqLen);
      return this;
    }

    /** The cache length, a multiple of seqLen of at least two windows (default: neurogym's). */
    public Builder cacheLen(int cacheLen) {
      this.cacheLen = Checks.positive("cacheLen", cacheLen);
      return this;
    }

    /** The seed of the trials (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The dataset.
     *
     * @throws IllegalArgumentException if the cache length is not a multiple of seqLen of at least two windows
     */
    public Dataset build() {
      return cacheLen == 0 ? of(task, batchSize, seqLen, seed) : of(task, batchSize, seqLen, cacheLen, seed);
    }
  }

  /** neurogym's default cache length for a task with {@code inputSize} channels and a scalar target. */
  static int defaultCacheLen(int inputSize, int batchSize, int seqLen) {
    return seqLen * (1 + (int) Math.floor(1e5 / (inputSize + 1) / batchSize / seqLen));
  }

  /** The task the trials come from. */
  public Task task() {
    return task;
  }

  /** The number of columns in a batch. */
  public int batchSize() {
    return batchSize;
  }

  /** The number of steps in a batch. */
  public int seqLen() {
    return seqLen;
  }

  /** The number of steps cached per column before fresh trials are drawn. */
  public int cacheLen() {
    return cacheLen;
  }

  /** The next batch. */
  @Override
  public Batch next() {
    if (start + seqLen >= cacheLen) {
      refill();
    }
    int nIn = task.inputSize();
    int k = targetSize;
    float[] inputs = new float[seqLen * batchSize * nIn];
    int @Nullable [] targetLabels = labels ? new int[seqLen * batchSize] : null;
    float @Nullable [] targetValues = labels ? null : new float[seqLen * batchSize * k];
    float @Nullable [] weights = weighted ? new float[seqLen * batchSize * k] : null;
    for (int t = 0; t < seqLen; t++) {
      copyStep(t, inputs, targetLabels, targetValues, weights);
    }
    List<BatchTrial> trials = new ArrayList<>();
    for (List<BatchTrial> column : cacheTrials) {
      for (BatchTrial t : column) {
        if (t.start() < start + seqLen && t.end() > start) {
          trials.add(new BatchTrial(t.column(), t.start() - start, t.trial()));
        }
      }
    }
    start += seqLen;
    return new Batch(seqLen, batchSize, nIn, inputs, targetLabels, targetValues, weights, trials);
  }

  /**
   * Fresh trials into every column's cache. The columns are independent streams, so they are drawn on all cores; each
   * column's trials and cache are the same whatever the number of threads.
   */
  private void refill() {
    boolean[] columnWeighted = new boolean[batchSize];
    Parallel.forRange(batchSize, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        columnWeighted[b] = refillColumn(b);
      }
    });
    weighted = false;
    for (boolean w : columnWeighted) {
      weighted |= w;
    }
    start = 0;
  }

  /** Fresh trials into column b's cache and trial list; whether any of them carries loss weights. */
  private boolean refillColumn(int b) {
    List<BatchTrial> column = cacheTrials.get(b);
    column.clear();
    boolean anyWeights = false;
    int t = 0;
    while (t < cacheLen) {
      Trial trial = columns[b].next();
      column.add(new BatchTrial(b, t, trial));
      anyWeights |= trial.hasWeights();
      int n = Math.min(trial.steps(), cacheLen - t);
      for (int s = 0; s < n; s++, t++) {
        cacheStep(trial, s, b, t);
      }
    }
    return anyWeights;
  }

  /*
   * The two copies below are methods of their own, called per step, so that the JIT compiles them early rather than
   * the loops around them, which run once a batch.
   */

  /** Step t of the window that starts at {@code start}, every column, into the batch's flat arrays. */
  private void copyStep(int t, float[] inputs, int @Nullable [] targetLabels, float @Nullable [] targetValues,
      float @Nullable [] weights) {
    int nIn = task.inputSize();
    int k = targetSize;
    for (int b = 0; b < batchSize; b++) {
      int row = t * batchSize + b;
      System.arraycopy(cacheInputs[b], (start + t) * nIn, inputs, row * nIn, nIn);
      if (targetLabels != null) {
        targetLabels[row] = cacheLabels[b][start + t];
      } else {
        System.arraycopy(cacheValues[b], (start + t) * k, targetValues, row * k, k);
      }
      if (weights != null) {
        System.arraycopy(cacheWeights[b], (start + t) * k, weights, row * k, k);
      }
    }
  }

  /** Step s of {@code trial} into step t of column b's cache. */
  private void cacheStep(Trial trial, int s, int b, int t) {
    int nIn = task.inputSize();
    int k = targetSize;
    for (int c = 0; c < nIn; c++) {
      cacheInputs[b][t * nIn + c] = trial.input(s, c);
    }
    for (int c = 0; c < k; c++) {
      if (labels) {
        cacheLabels[b][t] = trial.target(s);
      } else {
        cacheValues[b][t * k + c] = trial.targetValue(s, c);
      }
      cacheWeights[b][t * k + c] = trial.weight(s, c);
    }
  }
}
