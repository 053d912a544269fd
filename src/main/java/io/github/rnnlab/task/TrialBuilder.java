package io.github.rnnlab.task;

import io.github.rnnlab.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Builds one {@link Trial} the way a neurogym task's {@code _new_trial} does: periods first, then inputs, noise,
 * targets and loss weights by period and channel. Inputs start at 0, targets at 0 (label "fixate", or value 0) and
 * weights at 1.
 *
 * <p>Every argument is checked when it is given: a negative duration, an unknown period, a channel outside the
 * trial's channels or a value that is not a finite number throws an {@link IllegalArgumentException} naming it.
 */
public final class TrialBuilder {
  private final double dtMs;
  private final int inputSize;
  /** Target channels for float targets; 0 for class labels. */
  private final int valueTargets;
  private final List<Period> periods = new ArrayList<>();
  private final Map<String, Period> byName = new HashMap<>();
  private int steps;
  private float @Nullable [][] inputs;
  private int @Nullable [] labels;
  private float @Nullable [][] values;
  private float @Nullable [][] weights;
  private final List<Response> responses = new ArrayList<>();

  /** A builder for trials with class-label targets, the given time step and number of input channels. */
  public TrialBuilder(double dtMs, int inputSize) {
    this(dtMs, inputSize, 0);
  }

  private TrialBuilder(double dtMs, int inputSize, int valueTargets) {
    this.dtMs = Checks.positive("dtMs", dtMs);
    this.inputSize = Checks.positive("inputSize", inputSize);
    this.valueTargets = valueTargets;
  }

  /** A builder for trials with {@code targetSize} float targets per step (a continuous action space). */
  public static TrialBuilder withFloatTargets(double dtMs, int inputSize, int targetSize) {
    return new TrialBuilder(dtMs, inputSize, Checks.positive("targetSize", targetSize));
  }

  /**
   * Appends periods back to back, each lasting a duration drawn from {@code timing} and floored to whole steps.
   *
   * @throws IllegalArgumentException if a name has no timing or was added before
   */
  public TrialBuilder addPeriods(List<String> names, Map<String, Timing> timing, RandomGenerator rng) {
    for (String name : names) {
      Timing t = timing.get(name);
      if (t == null) {
        throw new IllegalArgumentException("no timing for period '" + name + "'; timing is given for " + timing.keySet());
      }
      addPeriod(name, Timing.steps(t.sampleMs(rng), dtMs));
    }
    return this;
  }

  /**
   * Appends a period of {@code periodSteps} steps (>= 0) after the last one.
   *
   * @throws IllegalArgumentException if the name was added before or {@code periodSteps} is negative
   */
  public TrialBuilder addPeriod(String name, int periodSteps) {
    return addPeriodAt(name, steps, periodSteps);
  }

  /**
   * Adds a period of {@code periodSteps} steps starting at step {@code start}, which may overlap others (neurogym's
   * {@code add_period} with an explicit start); the trial lasts until the latest period ends.
   *
   * @throws IllegalArgumentException if the name was added before or a step count is negative
   */
  public TrialBuilder addPeriodAt(String name, int start, int periodSteps) {
    Objects.requireNonNull(name, "name");
    if (inputs != null) {
      throw new IllegalStateException("add every period before setting inputs or targets");
    }
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("period '" + name + "' was already added");
    }
    Checks.nonNegative("start step of period '" + name + "'", start);
    Checks.nonNegative("steps of period '" + name + "'", periodSteps);
    if ((long) start + periodSteps > Timing.MAX_STEPS) {
      throw new IllegalArgumentException("period '" + name + "' would end at step " + ((long) start + periodSteps)
          + "; a trial may last at most " + Timing.MAX_STEPS + " steps");
    }
    Period p = new Period(name, start, start + periodSteps);
    periods.add(p);
    byName.put(name, p);
    steps = Math.max(steps, p.end());
    return this;
  }

  /** The time step in ms. */
  public double dtMs() {
    return dtMs;
  }

  /** The number of steps so far. */
  public int steps() {
    return steps;
  }

  /** The period called {@code name}. */
  public Period period(String name) {
    Period p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown period '" + name + "'; periods are " + byName.keySet());
    }
    return p;
  }

  /** Adds {@code value} to {@code channel} throughout {@code period}. */
  public TrialBuilder addInput(String period, int channel, double value) {
    Period p = period(period);
    return addInput(p.start(), p.end(), channel, value);
  }

  /** Adds {@code value} to {@code channel} at steps {@code [from, to)}. */
  public TrialBuilder addInput(int from, int to, int channel, double value) {
    checkSteps(from, to);
    Checks.index("input channel", channel, inputSize);
    float v = (float) Checks.finite("input value", value);
    float[][] in = inputs();
    for (int t = from; t < to; t++) {
      in[t][channel] += v;
    }
    return this;
  }

  /** Adds {@code values[i]} to channel {@code firstChannel + i} throughout {@code period}. */
  public TrialBuilder addInput(String period, int firstChannel, double[] values) {
    Checks.index("last input channel", firstChannel + values.length - 1, inputSize);
    for (int i = 0; i < values.length; i++) {
      addInput(period, firstChannel + i, values[i]);
    }
    return this;
  }

  /**
   * Adds {@code values[i]} to channel {@code firstChannel + i} throughout {@code period}, then independent
   * N(0, sigma²) noise on those channels (a stimulus and its noise, as neurogym's tasks add them).
   */
  public TrialBuilder addNoisyInput(String period, int firstChannel, double[] values, double sigma,
      RandomGenerator rng) {
    return addInput(period, firstChannel, values).addNoise(period, firstChannel, firstChannel + values.length, sigma,
        rng);
  }

  /**
   * Adds independent N(0, sigma²) noise to channels {@code [fromChannel, toChannel)} at every step of {@code period},
   * drawn step by step, channel by channel.
   */
  public TrialBuilder addNoise(String period, int fromChannel, int toChannel, double sigma, RandomGenerator rng) {
    Period p = period(period);
    if (fromChannel < 0 || toChannel > inputSize || fromChannel >= toChannel) {
      throw new IllegalArgumentException("noise channels [" + fromChannel + ", " + toChannel + ") must be a non-empty "
          + "range within 0.." + inputSize);
    }
    Checks.nonNegative("noise sigma", sigma);
    float[][] in = inputs();
    for (int t = p.start(); t < p.end(); t++) {
      for (int c = fromChannel; c < toChannel; c++) {
        in[t][c] += (float) (sigma * rng.nextGaussian());
      }
    }
    return this;
  }

  /** Sets the target label to {@code label} (>= 0) throughout {@code period}. */
  public TrialBuilder setTarget(String period, int label) {
    Period p = period(period);
    return setTarget(p.start(), p.end(), label);
  }

  /** Sets the target label to {@code label} (>= 0) at steps {@code [from, to)}. */
  public TrialBuilder setTarget(int from, int to, int label) {
    checkSteps(from, to);
    Checks.nonNegative("target label", label);
    inputs();
    int[] l = requireLabels();
    for (int t = from; t < to; t++) {
      l[t] = label;
    }
    return this;
  }

  /** Sets the float target of {@code channel} to {@code value} throughout {@code period}. */
  public TrialBuilder setTargetValue(String period, int channel, double value) {
    Period p = period(period);
    return setTargetValue(p.start(), p.end(), channel, value);
  }

  /** Sets the float target of {@code channel} to {@code value} at steps {@code [from, to)}. */
  public TrialBuilder setTargetValue(int from, int to, int channel, double value) {
    checkSteps(from, to);
    if (valueTargets == 0) {
      throw new IllegalStateException("this builder makes class-label targets; use setTarget, or build with "
          + "TrialBuilder.withFloatTargets for float targets");
    }
    Checks.index("target channel", channel, valueTargets);
    float v = (float) Checks.finite("target value", value);
    inputs();
    float[][] target = Objects.requireNonNull(values);
    for (int t = from; t < to; t++) {
      target[t][channel] = v;
    }
    return this;
  }

  /** Sets the loss weight of every target channel to {@code weight} (>= 0) throughout {@code period}. */
  public TrialBuilder setWeight(String period, double weight) {
    Period p = period(period);
    return setWeight(p.start(), p.end(), weight);
  }

  /** Sets the loss weight of every target channel to {@code weight} (>= 0) at steps {@code [from, to)}. */
  public TrialBuilder setWeight(int from, int to, double weight) {
    for (int c = 0; c < Math.max(1, valueTargets); c++) {
      setWeight(from, to, c, weight);
    }
    return this;
  }

  /** Sets the loss weight of target channel {@code channel} to {@code weight} (>= 0) at steps {@code [from, to)}. */
  public TrialBuilder setWeight(int from, int to, int channel, double weight) {
    checkSteps(from, to);
    Checks.index("target channel", channel, Math.max(1, valueTargets));
    float w = (float) Checks.nonNegative("loss weight", weight);
    inputs();
    float[][] all = weights;
    if (all == null) {
      all = rows(steps, Math.max(1, valueTargets));
      for (float[] row : all) {
        Arrays.fill(row, 1f);
      }
      weights = all;
    }
    for (int t = from; t < to; t++) {
      all[t][channel] = w;
    }
    return this;
  }

  /**
   * Marks {@code period} as a response window whose answer is a choice, read at its last step (see {@link Response});
   * an empty period is skipped, as it has no step to read.
   */
  public TrialBuilder respondIn(String period) {
    Period p = period(period);
    if (p.steps() > 0) {
      responses.add(Response.choice(p));
    }
    return this;
  }

  /**
   * Marks steps {@code [from, to)} as a window for a timed "go" that should come at step {@code goStep}, give or take
   * {@code toleranceSteps} (see {@link Response}).
   *
   * @throws IllegalArgumentException if the window is empty or outside the trial, or the step or tolerance is bad
   */
  public TrialBuilder respondAt(int from, int to, int goStep, int toleranceSteps) {
    checkSteps(from, to);
    Checks.nonNegative("goStep", goStep);
    Checks.nonNegative("toleranceSteps", toleranceSteps);
    responses.add(new Response(from, to, goStep, toleranceSteps));
    return this;
  }

  /**
   * The trial, with its ground truth (−1 if it has none) and variables.
   *
   * @throws IllegalStateException if no period was added or every period is empty
   */
  public Trial build(int groundTruth, Map<String, Double> info) {
    if (steps == 0) {
      throw new IllegalStateException("a trial needs at least one step; its periods are " + periods
          + " at dt " + dtMs + " ms (durations shorter than dt floor to 0 steps)");
    }
    inputs();
    if (groundTruth < -1) {
      throw new IllegalArgumentException("ground truth must be an index >= 0, or -1 for none; got " + groundTruth);
    }
    return new Trial(dtMs, periods, inputs, labels, values, weights, groundTruth, info, responses);
  }

  private void checkSteps(int from, int to) {
    if (from < 0 || to > steps || from > to) {
      throw new IllegalArgumentException("step range [" + from + ", " + to + ") must lie within the trial's "
          + steps + " steps");
    }
  }

  private int[] requireLabels() {
    if (labels == null) {
      throw new IllegalStateException("this builder makes float targets; use setTargetValue");
    }
    return labels;
  }

  private float[][] inputs() {
    if (inputs == null) {
      inputs = rows(steps, inputSize);
      if (valueTargets == 0) {
        labels = new int[steps];
      } else {
        values = rows(steps, valueTargets);
      }
    }
    return inputs;
  }

  /**
   * A zeroed {@code count} × {@code width} array, allocated a row at a time: the JIT compiles {@code new float[a][b]}
   * to a call into the VM, which cost several times the rows' inline allocations when trials are drawn for training.
   */
  static float[][] rows(int count, int width) {
    float[][] rows = new float[count][];
    for (int t = 0; t < count; t++) {
      rows[t] = new float[width];
    }
    return rows;
  }
}
