package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The memory task of the tutorial's LSTM notebook ("Visualizing gating variables in a LSTM"): remember a value when
 * told to, report it when asked, ignore everything else. Three inputs: {@code noise}, a fresh U(−1, 1) value at every
 * step; {@code store}, a pulse (1) at one step of the first half of a block; {@code recall}, a pulse at one step of the
 * second half. One float target: at the recall step, the noise value that was shown at the store step; 0 everywhere
 * else. Trained with mean squared error.
 *
 * <p>A trial is {@code repeats} blocks of the same length L (the notebook concatenates 3), so that a network must also
 * overwrite what it stored in the previous block. L is drawn for each trial uniformly from
 * {@code [minBlockSteps, maxBlockSteps]} (the notebook draws it per batch from 5 to 19, "to help learning and
 * generalization"); within a block of L steps the store pulse falls uniformly on steps {@code 0 … ⌊L/2⌋ − 1} and the
 * recall pulse on steps {@code ⌊L/2⌋ … L − 2}, as the notebook's {@code randint} calls draw them. Periods
 * {@code block 1}, {@code block 2}, …; trial variables {@code block_steps} and, per block k, {@code store_step_k} and
 * {@code recall_step_k} (steps from the trial's start) and {@code value_k}. There is no ground truth (−1).
 *
 * <p>The task has no time scale of its own; dt (default 100 ms) only matters to networks that use it, such as a CTRNN.
 */
public final class StoreRecall implements Task {
  private static final List<String> INPUTS = List.of("noise", "store", "recall");
  private static final List<String> OUTPUTS = List.of("recalled value");

  private final double dtMs;
  private final int minBlockSteps;
  private final int maxBlockSteps;
  private final int repeats;
  private final List<String> periods;

  private StoreRecall(Builder b) {
    this.dtMs = b.dtMs;
    this.minBlockSteps = b.minBlockSteps;
    this.maxBlockSteps = b.maxBlockSteps;
    this.repeats = b.repeats;
    List<String> names = new ArrayList<>();
    for (int k = 1; k <= repeats; k++) {
      names.add("block " + k);
    }
    this.periods = List.copyOf(names);
  }

  /** A builder with the notebook's settings: blocks of 5 to 19 steps, 3 blocks a trial, dt 100 ms. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this task's settings. */
  public Builder toBuilder() {
    return new Builder().dtMs(dtMs).blockSteps(minBlockSteps, maxBlockSteps).repeats(repeats);
  }

  @Override
  public String name() {
    return "StoreRecall";
  }

  @Override
  public double dtMs() {
    return dtMs;
  }

  @Override
  public List<String> inputNames() {
    return INPUTS;
  }

  @Override
  public List<String> outputNames() {
    return OUTPUTS;
  }

  @Override
  public boolean hasLabels() {
    return false;
  }

  @Override
  public List<String> periodNames() {
    return periods;
  }

  /** Each block lasts one of the block lengths (in ms); all blocks of a trial have the same length. */
  @Override
  public Map<String, Timing> timing() {
    List<Double> lengths = new ArrayList<>();
    for (int l = minBlockSteps; l <= maxBlockSteps; l++) {
      lengths.add(l * dtMs);
    }
    Map<String, Timing> timing = new LinkedHashMap<>();
    periods.forEach(p -> timing.put(p, Timing.choice(lengths)));
    return timing;
  }

  /** The shortest block, in steps. */
  public int minBlockSteps() {
    return minBlockSteps;
  }

  /** The longest block, in steps. */
  public int maxBlockSteps() {
    return maxBlockSteps;
  }

  /** The number of blocks in a trial. */
  public int repeats() {
    return repeats;
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int length = minBlockSteps + rng.nextInt(maxBlockSteps - minBlockSteps + 1);
    int half = length / 2;
    TrialBuilder b = TrialBuilder.withFloatTargets(dtMs, INPUTS.size(), 1);
    periods.forEach(p -> b.addPeriod(p, length));
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("block_steps", (double) length);
    for (int k = 0; k < repeats; k++) {
      int start = k * length;
      double[] noise = new double[length];
      for (int t = 0; t < length; t++) {
        noise[t] = -1 + 2 * rng.nextDouble();
        b.addInput(start + t, start + t + 1, 0, noise[t]);
      }
      int store = rng.nextInt(half);
      int recall = half + rng.nextInt(length - 1 - half);
      b.addInput(start + store, start + store + 1, 1, 1.0)
          .addInput(start + recall, start + recall + 1, 2, 1.0)
          .setTargetValue(start + recall, start + recall + 1, 0, noise[store]);
      info.put("store_step_" + (k + 1), (double) (start + store));
      info.put("recall_step_" + (k + 1), (double) (start + recall));
      info.put("value_" + (k + 1), noise[store]);
    }
    return b.build(-1, info);
  }

  @Override
  public String toString() {
    return name() + "[blocks of " + minBlockSteps + " to " + maxBlockSteps + " steps, " + repeats + " a trial]";
  }

  /** Settings of a {@link StoreRecall} task. */
  public static final class Builder {
    private double dtMs = 100;
    private int minBlockSteps = 5;
    private int maxBlockSteps = 19;
    private int repeats = 3;

    private Builder() {}

    /** The time step in ms (default 100); only networks with a time constant care. */
    public Builder dtMs(double dtMs) {
      this.dtMs = Checks.positive("dtMs", dtMs);
      return this;
    }

    /**
     * Block lengths are drawn uniformly from {@code minSteps … maxSteps} (default 5 … 19); a block needs at least 3
     * steps, one for the store pulse and two for the recall half, whose last step never holds the pulse.
     *
     * @throws IllegalArgumentException if {@code minSteps < 3} or {@code maxSteps < minSteps}
     */
    public Builder blockSteps(int minSteps, int maxSteps) {
      if (minSteps < 3 || maxSteps < minSteps) {
        throw new IllegalArgumentException("block lengths must satisfy 3 <= minSteps <= maxSteps; got " + minSteps
            + " and " + maxSteps);
      }
      this.minBlockSteps = minSteps;
      this.maxBlockSteps = maxSteps;
      return this;
    }

    /** The number of blocks in a trial (default 3). */
    public Builder repeats(int repeats) {
      this.repeats = Checks.positive("repeats", repeats);
      return this;
    }

    /** The task. */
    public StoreRecall build() {
      return new StoreRecall(this);
    }
  }
}
