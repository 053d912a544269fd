package io.github.rnnlab.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Builds one {@link Trial} the way a neurogym task's {@code _new_trial} does: periods first, then inputs, noise and
 * target labels by period and channel. Inputs start at 0 and targets at 0 (fixate).
 */
public final class TrialBuilder {
  private final double dtMs;
  private final int inputSize;
  private final List<Period> periods = new ArrayList<>();
  private final Map<String, Period> byName = new HashMap<>();
  private int steps;
  private float[][] inputs;
  private int[] targets;

  /** A builder for trials with the given time step and number of input channels. */
  public TrialBuilder(double dtMs, int inputSize) {
    this.dtMs = dtMs;
    this.inputSize = inputSize;
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

  /** Appends a period of {@code periodSteps} steps after the last one. */
  public TrialBuilder addPeriod(String name, int periodSteps) {
    if (inputs != null) {
      throw new IllegalStateException("add every period before setting inputs or targets");
    }
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("period '" + name + "' was already added");
    }
    Period p = new Period(name, steps, steps + periodSteps);
    periods.add(p);
    byName.put(name, p);
    steps += periodSteps;
    return this;
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
    float[][] in = inputs();
    for (int t = p.start(); t < p.end(); t++) {
      in[t][channel] += (float) value;
    }
    return this;
  }

  /** Adds {@code values[i]} to channel {@code firstChannel + i} throughout {@code period}. */
  public TrialBuilder addInput(String period, int firstChannel, double[] values) {
    for (int i = 0; i < values.length; i++) {
      addInput(period, firstChannel + i, values[i]);
    }
    return this;
  }

  /** Adds independent N(0, sigma²) noise to channels {@code [fromChannel, toChannel)} at every step of {@code period}. */
  public TrialBuilder addNoise(String period, int fromChannel, int toChannel, double sigma, RandomGenerator rng) {
    Period p = period(period);
    float[][] in = inputs();
    for (int t = p.start(); t < p.end(); t++) {
      for (int c = fromChannel; c < toChannel; c++) {
        in[t][c] += (float) (sigma * rng.nextGaussian());
      }
    }
    return this;
  }

  /** Sets the target label to {@code label} throughout {@code period}. */
  public TrialBuilder setTarget(String period, int label) {
    Period p = period(period);
    inputs();
    for (int t = p.start(); t < p.end(); t++) {
      targets[t] = label;
    }
    return this;
  }

  /** The trial, with its ground truth and variables. */
  public Trial build(int groundTruth, Map<String, Double> info) {
    inputs();
    return new Trial(dtMs, periods, inputs, targets, groundTruth, info);
  }

  private float[][] inputs() {
    if (inputs == null) {
      inputs = new float[steps][inputSize];
      targets = new int[steps];
    }
    return inputs;
  }
}
