package io.github.rnnlab.analysis;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.data.BatchTrial;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.model.Rollout;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.UnitTracesChart;
import io.github.rnnlab.task.Period;
import io.github.rnnlab.task.Response;
import io.github.rnnlab.task.Task;
import io.github.rnnlab.task.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A trained network's behaviour on trials, as the tutorial measures it: each trial runs alone from a zero hidden state
 * ({@link #run}), or within a batch ({@link #of}); the answer is read where the trial says ({@link Trial#responses()}).
 *
 * <ul>
 *   <li>A choice is the most active output at the last step of a response window (the decision period for most
 *       tasks), and it is right when it equals the target there. A trial that names no window is read at its last
 *       step: the tutorial's measure, which is also what the decision period gives for perceptual decision making.</li>
 *   <li>A timed answer (ReadySetGo and the other timing tasks) is the first step of its window at which the network
 *       leaves fixation, right when it is within the task's tolerance of the target step.</li>
 *   <li>A trial with several windows (DualDelayMatchSample, the three tests of DelayMatchSampleDistractor1D) is right
 *       when every answer is.</li>
 *   <li>Float targets (ReachingDelayResponse, SpatialSuppressMotion) have no choice: each trial gets its mean squared
 *       error over the steps its loss weights score ({@link #meanSquaredError(int)}).</li>
 * </ul>
 * The reaction time of a trial is the time from the start of its first response window to the end of the first step
 * at which the network leaves fixation ({@link #reactionTimeMs}). Immutable.
 */
public final class Evaluation {
  private final List<Trial> trials;
  private final int[] choices;
  private final boolean[] correct;
  private final double[] reactionMs;
  private final double[] errors;
  private final float[][][] activity;
  private final boolean labels;

  private Evaluation(List<Trial> trials, Scores scores) {
    this.trials = List.copyOf(trials);
    this.choices = scores.choices;
    this.correct = scores.correct;
    this.reactionMs = scores.reactionMs;
    this.errors = scores.errors;
    this.activity = scores.activity;
    this.labels = trials.get(0).hasLabels();
  }

  /**
   * Runs {@code network} on {@code count} fresh trials of {@code task} drawn with {@code seed}, each alone from a zero
   * state.
   *
   * @throws IllegalArgumentException if {@code count} is not positive or the network does not fit the task
   */
  public static Evaluation run(RecurrentNetwork network, Task task, int count, long seed) {
    return run(network, task, count, seed, false);
  }

  /**
   * As {@link #run}, with the network's training noise on (its recurrent and input noise, if it has any), drawn from
   * {@code seed} as well, for networks that are meant to run noisy after training too.
   *
   * @throws IllegalArgumentException if {@code count} is not positive or the network does not fit the task
   */
  public static Evaluation runWithNoise(RecurrentNetwork network, Task task, int count, long seed) {
    return run(network, task, count, seed, true);
  }

  /**
   * A builder with named settings (Kotlin cannot name a Java method's arguments): 500 trials, seed 0, no noise by
   * default; {@code Evaluation.builder(net, task).trials(500).seed(4).run()} is {@code Evaluation.run(net, task, 500, 4)}.
   */
  public static Builder builder(RecurrentNetwork network, Task task) {
    return new Builder(network, task);
  }

  /** Settings of an evaluation on fresh trials; {@link #run()} runs it. */
  public static final class Builder {
    private final RecurrentNetwork network;
    private final Task task;
    private int trials = 500;
    private long seed;
    private boolean noise;

    private Builder(RecurrentNetwork network, Task task) {
      this.network = Objects.requireNonNull(network, "network");
      this.task = Objects.requireNonNull(task, "task");
    }

    /** The number of fresh trials (default 500, the tutorial's). */
    public Builder trials(int trials) {
      this.trials = Checks.positive("trials", trials);
      return this;
    }

    /** The seed of the trials (and of the noise, with {@link #withNoise}); default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Keeps the network's training noise on, as {@link Evaluation#runWithNoise} does (default off). */
    public Builder withNoise(boolean noise) {
      this.noise = noise;
      return this;
    }

    /**
     * Runs the evaluation.
     *
     * @throws IllegalArgumentException if the network does not fit the task
     */
    public Evaluation run() {
      return Evaluation.run(network, task, trials, seed, noise);
    }
  }

  private static Evaluation run(RecurrentNetwork network, Task task, int count, long seed, boolean noise) {
    if (count <= 0) {
      throw new IllegalArgumentException("count of trials must be > 0; got " + count);
    }
    if (task.inputSize() != network.inputSize() || task.outputSize() != network.outputSize()) {
      throw new IllegalArgumentException("the task has " + task.inputSize() + " inputs and " + task.outputSize()
          + " outputs but the network has " + network.inputSize() + " and " + network.outputSize());
    }
    List<Trial> trials = task.trials(seed).next(count);
    Scores scores = new Scores(count);
    // Trials of equal length run together as one batch; each still starts from a zero state.
    Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      byLength.computeIfAbsent(trials.get(i).steps(), k -> new ArrayList<>()).add(i);
    }
    int nIn = task.inputSize();
    // One noise seed per batch of equal-length trials, in order of first appearance: reproducible from seed alone.
    SplittableRandom noiseSeeds = new SplittableRandom(~seed);
    byLength.forEach((steps, members) -> {
      long noiseSeed = noiseSeeds.nextLong();
      int batch = members.size();
      float[] inputs = new float[steps * batch * nIn];
      for (int b = 0; b < batch; b++) {
        Trial trial = trials.get(members.get(b));
        for (int t = 0; t < steps; t++) {
          for (int c = 0; c < nIn; c++) {
            inputs[(t * batch + b) * nIn + c] = trial.input(t, c);
          }
        }
      }
      INDArray in = Nd4j.create(inputs, new long[] {steps, batch, nIn}, 'c');
      RolloutView view = new RolloutView(noise ? network.forward(in, noiseSeed) : network.forward(in));
      for (int b = 0; b < batch; b++) {
        int i = members.get(b);
        scores.score(i, trials.get(i), view, b, 0);
      }
    });
    return new Evaluation(trials, scores);
  }

  /**
   * Runs {@code network} over {@code batch} as training sees it (hidden state carried through each column) and scores
   * every trial that lies wholly in the batch ({@link Batch#trials()}): all trials of a {@link
   * io.github.rnnlab.data.TrialBatches} batch, the complete ones of a {@link io.github.rnnlab.data.Dataset} window.
   *
   * @throws IllegalArgumentException if the network does not fit the batch or no trial lies wholly in it
   */
  public static Evaluation of(RecurrentNetwork network, Batch batch) {
    if (batch.inputSize() != network.inputSize()) {
      throw new IllegalArgumentException("the batch has " + batch.inputSize() + " inputs but the network has "
          + network.inputSize());
    }
    List<BatchTrial> complete = batch.trials().stream().filter(t -> t.completeIn(batch.seqLen())).toList();
    if (complete.isEmpty()) {
      throw new IllegalArgumentException("no trial lies wholly in this batch of " + batch.seqLen() + " steps (it lists "
          + batch.trials().size() + " trials); use trial-aligned batches or a longer seqLen");
    }
    RolloutView view = new RolloutView(network.forward(batch.inputs()));
    Scores scores = new Scores(complete.size());
    for (int i = 0; i < complete.size(); i++) {
      BatchTrial t = complete.get(i);
      scores.score(i, t.trial(), view, t.column(), t.start());
    }
    return new Evaluation(complete.stream().map(BatchTrial::trial).toList(), scores);
  }

  /** The number of trials. */
  public int size() {
    return trials.size();
  }

  /** Trial {@code i}. */
  public Trial trial(int i) {
    return trials.get(i);
  }

  /** Whether the trials have class-label targets (choices) rather than float targets. */
  public boolean hasLabels() {
    return labels;
  }

  /**
   * The output label trial {@code i} answered with: at the last step of its last choice window (its last step if it
   * names none), or at its timed go (0 if it never went); −1 for float targets.
   */
  public int choice(int i) {
    return choices[i];
  }

  /** Whether trial {@code i} was answered correctly (every response window right); false for float targets. */
  public boolean correct(int i) {
    return correct[i];
  }

  /**
   * The time from the start of trial {@code i}'s first response window to the end of the first step in it at which
   * the most active output is not "fixate", in ms; NaN if the network never left fixation there or the trial names
   * no window.
   */
  public double reactionTimeMs(int i) {
    return reactionMs[i];
  }

  /**
   * The mean squared error of trial {@code i}'s outputs against its float targets, over the steps and channels its
   * loss weights score (weighted by them); NaN for label targets.
   */
  public double meanSquaredError(int i) {
    return errors[i];
  }

  /**
   * The fraction of trials answered correctly.
   *
   * @throws IllegalStateException if the targets are float values (use {@link #meanSquaredError()})
   */
  public double accuracy() {
    requireLabels("accuracy");
    int right = 0;
    for (boolean c : correct) {
      if (c) {
        right++;
      }
    }
    return (double) right / correct.length;
  }

  /**
   * The mean over trials of {@link #meanSquaredError(int)}.
   *
   * @throws IllegalStateException if the targets are class labels (use {@link #accuracy()})
   */
  public double meanSquaredError() {
    if (labels) {
      throw new IllegalStateException("these trials have class-label targets; use accuracy()");
    }
    return Arrays.stream(errors).average().orElse(Double.NaN);
  }

  private void requireLabels(String what) {
    if (!labels) {
      throw new IllegalStateException("these trials have float targets, so there is no " + what
          + "; use meanSquaredError()");
    }
  }

  /**
   * One row per trial: {@code trial}, {@code ground_truth}, then the trials' variables (NaN where a trial lacks one,
   * as in a mix of tasks), then {@code choice} and {@code correct}, or {@code mse} for float targets.
   */
  public Table toTable() {
    int n = trials.size();
    int[] ids = new int[n];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
      truth[i] = trials.get(i).groundTruth();
    }
    Table table = Table.create("evaluation", IntColumn.create("trial", ids), IntColumn.create("ground_truth", truth));
    Set<String> variables = new LinkedHashSet<>();
    trials.forEach(t -> variables.addAll(t.info().keySet()));
    variables.remove("ground_truth");
    for (String variable : variables) {
      table.addColumns(DoubleColumn.create(variable,
          trials.stream().mapToDouble(t -> t.info().getOrDefault(variable, Double.NaN))));
    }
    if (!labels) {
      return table.addColumns(DoubleColumn.create("mse", errors));
    }
    return table.addColumns(IntColumn.create("choice", choices), BooleanColumn.create("correct", correct));
  }

  /**
   * Accuracy per value of a trial variable, e.g. {@code accuracyBy("coherence")}: one row per value, ascending, with
   * {@code trials} and {@code accuracy}.
   *
   * @throws IllegalArgumentException if the trials have no such variable
   * @throws IllegalStateException if the targets are float values
   */
  public Table accuracyBy(String variable) {
    requireLabels("accuracy");
    Map<Double, int[]> counts = new TreeMap<>();
    for (int i = 0; i < trials.size(); i++) {
      int[] c = counts.computeIfAbsent(value(i, variable), k -> new int[2]);
      c[0]++;
      c[1] += correct[i] ? 1 : 0;
    }
    return Table.create("accuracy by " + variable,
        DoubleColumn.create(variable, counts.keySet().stream().mapToDouble(Double::doubleValue)),
        IntColumn.create("trials", counts.values().stream().mapToInt(c -> c[0]).toArray()),
        DoubleColumn.create("accuracy", counts.values().stream().mapToDouble(c -> (double) c[1] / c[0])));
  }

  /**
   * The psychometric curve of a two-choice task, fitted with a probit: the probability of choice 2 against the signed
   * evidence {@code variable · (+1 if the ground truth is choice 2, −1 if choice 1)} (for perceptual decision making
   * and {@code "coherence"}, the coherence towards choice 2). Trials answered with neither choice are left out.
   *
   * @throws IllegalArgumentException if the trials have no such variable, or the task is not a two-choice task
   * @throws IllegalStateException if the targets are float values
   */
  public Psychometric psychometric(String variable) {
    requireLabels("psychometric curve");
    List<double[]> points = twoChoiceEvidence(variable);
    double[] x = new double[points.size()];
    boolean[] chose2 = new boolean[points.size()];
    for (int j = 0; j < x.length; j++) {
      x[j] = points.get(j)[0];
      chose2[j] = choices[(int) points.get(j)[1]] == 2;
    }
    return Psychometric.fit(x, chose2, Psychometric.Link.PROBIT).withLabels("evidence for choice 2 (" + variable
        + ")", "P(choice 2)");
  }

  /**
   * The chronometric curve of a two-choice reaction-time task: reaction time ({@link #reactionTimeMs}) against the
   * same signed evidence as {@link #psychometric}, for the trials with a reaction time.
   *
   * @throws IllegalArgumentException if the trials have no such variable, the task is not a two-choice task, or no
   *     trial has a reaction time
   */
  public Chronometric chronometric(String variable) {
    requireLabels("chronometric curve");
    List<double[]> points = twoChoiceEvidence(variable).stream().filter(p -> !Double.isNaN(reactionMs[(int) p[1]]))
        .toList();
    double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] rt = points.stream().mapToDouble(p -> reactionMs[(int) p[1]]).toArray();
    return Chronometric.of(x, rt, "evidence for choice 2 (" + variable + ")");
  }

  /** {signed evidence, trial index} for the trials answered with choice 1 or 2. */
  private List<double[]> twoChoiceEvidence(String variable) {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < trials.size(); i++) {
      int g = trials.get(i).groundTruth();
      if (g < 0 || g > 1) {
        throw new IllegalArgumentException("a psychometric curve needs a two-choice task (ground truth 0 or 1); trial "
            + i + " has ground truth " + g);
      }
      if (choices[i] == 1 || choices[i] == 2) {
        points.add(new double[] {value(i, variable) * (g == 1 ? 1 : -1), i});
      }
    }
    return points;
  }

  private double value(int i, String variable) {
    Double v = trials.get(i).info().get(variable);
    if (v == null) {
      throw new IllegalArgumentException("unknown trial variable '" + variable + "'; trial " + i + " has "
          + trials.get(i).info().keySet());
    }
    return v;
  }

  /**
   * The hidden activity as (trials, time, units), float32.
   *
   * @throws IllegalStateException if the trials differ in length; use {@link #stackedActivity()}
   */
  public INDArray activity() {
    int steps = activity[0].length;
    for (float[][] a : activity) {
      if (a.length != steps) {
        throw new IllegalStateException("trials differ in length (" + steps + " and " + a.length
            + " steps); use stackedActivity() for (all steps, units)");
      }
    }
    return stacked().reshape('c', activity.length, steps, activity[0][0].length);
  }

  /** The hidden activity of every step of every trial, in trial order: (total steps, units), float32. */
  public INDArray stackedActivity() {
    return stacked();
  }

  /**
   * The hidden activity during {@code period} of every trial, in trial order: (total steps of that period, units),
   * float32; e.g. {@code stackedActivity("delay")} for a PCA of the delay period.
   *
   * @throws IllegalArgumentException if the trials have no such period
   */
  public INDArray stackedActivity(String period) {
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < activity.length; i++) {
      rows.addAll(Arrays.asList(rows(i, period)));
    }
    return rows.isEmpty() ? Nd4j.create(DataType.FLOAT, 0, units()) : Nd4j.create(rows.toArray(new float[0][]));
  }

  /** The hidden activity of trial {@code i}: (steps, units), float32. */
  public INDArray activity(int i) {
    return Nd4j.create(rows(i));
  }

  /**
   * The hidden activity of trial {@code i} during {@code period}: (steps of the period, units), float32.
   *
   * @throws IllegalArgumentException if the trial has no such period, or it has no steps
   */
  public INDArray activity(int i, String period) {
    float[][] rows = rows(i, period);
    if (rows.length == 0) {
      throw new IllegalArgumentException("period '" + period + "' of trial " + i + " has no steps");
    }
    return Nd4j.create(rows);
  }

  /** The number of hidden units whose activity was recorded. */
  public int units() {
    return activity[0][0].length;
  }

  /** Trial {@code i}'s activity rows, [step][unit], not copied. */
  float[][] rows(int i) {
    return activity[Checks.index("trial", i, activity.length)];
  }

  /** Trial {@code i}'s activity rows during {@code period}, [step][unit], not copied. */
  float[][] rows(int i, String period) {
    Period p = trial(Checks.index("trial", i, activity.length)).period(period);
    return Arrays.copyOfRange(activity[i], p.start(), p.end());
  }

  /**
   * The rates of every unit over trial {@code i} against the time step, one line per unit, as the tutorial's EI
   * notebook draws a trial: units grouped in consecutive blocks, e.g. {@code plotActivity(2, List.of("excitatory",
   * "inhibitory"), List.of(40, 10))}, one colour per block.
   *
   * @throws IllegalArgumentException if the block sizes do not add up to the number of units
   */
  public Figure plotActivity(int i, List<String> groupNames, List<Integer> groupSizes) {
    return UnitTracesChart.of("Activity in trial " + i, rows(i), groupNames, groupSizes);
  }

  /** The rates of every unit over trial {@code i} against the time step, one line per unit. */
  public Figure plotActivity(int i) {
    return plotActivity(i, List.of("units"), List.of(units()));
  }

  private INDArray stacked() {
    int units = activity[0][0].length;
    int rows = 0;
    for (float[][] a : activity) {
      rows += a.length;
    }
    float[] flat = new float[rows * units];
    int r = 0;
    for (float[][] a : activity) {
      for (float[] step : a) {
        System.arraycopy(step, 0, flat, r++ * units, units);
      }
    }
    return Nd4j.create(flat, new long[] {rows, units}, 'c').castTo(DataType.FLOAT);
  }

  @Override
  public String toString() {
    return labels ? String.format(Locale.ROOT, "Evaluation[%d trials, accuracy %.3f]", trials.size(), accuracy())
        : String.format(Locale.ROOT, "Evaluation[%d trials, mean squared error %.4f]", trials.size(),
            meanSquaredError());
  }

  /** A rollout's outputs and hidden activity as flat arrays, read by step and column. */
  private static final class RolloutView {
    private final float[] out;
    private final float[] hidden;
    private final int batch;
    private final int outputs;
    private final int units;

    RolloutView(Rollout rollout) {
      this.out = rollout.outputs().data().asFloat();
      this.hidden = rollout.hidden().data().asFloat();
      this.batch = (int) rollout.outputs().size(1);
      this.outputs = (int) rollout.outputs().size(2);
      this.units = (int) rollout.hidden().size(2);
    }

    float output(int t, int b, int o) {
      return out[(t * batch + b) * outputs + o];
    }

    /** The most active output at step {@code t} of column {@code b}. */
    int argmax(int t, int b) {
      int best = 0;
      for (int o = 1; o < outputs; o++) {
        if (output(t, b, o) > output(t, b, best)) {
          best = o;
        }
      }
      return best;
    }

    float[] hidden(int t, int b) {
      float[] h = new float[units];
      System.arraycopy(hidden, (t * batch + b) * units, h, 0, units);
      return h;
    }
  }

  /** What each trial's outputs scored. */
  private static final class Scores {
    final int[] choices;
    final boolean[] correct;
    final double[] reactionMs;
    final double[] errors;
    final float[][][] activity;

    Scores(int n) {
      choices = new int[n];
      correct = new boolean[n];
      reactionMs = new double[n];
      errors = new double[n];
      activity = new float[n][][];
    }

    /** Scores trial {@code i}, whose step 0 is step {@code start} of column {@code b} of the rollout. */
    void score(int i, Trial trial, RolloutView view, int b, int start) {
      int steps = trial.steps();
      activity[i] = new float[steps][];
      for (int t = 0; t < steps; t++) {
        activity[i][t] = view.hidden(start + t, b);
      }
      reactionMs[i] = Double.NaN;
      errors[i] = Double.NaN;
      if (!trial.hasLabels()) {
        choices[i] = -1;
        errors[i] = squaredError(trial, view, b, start);
        return;
      }
      List<Response> responses = trial.responses();
      if (responses.isEmpty()) {
        choices[i] = view.argmax(start + steps - 1, b);
        correct[i] = choices[i] == trial.target(steps - 1);
        return;
      }
      boolean right = true;
      for (Response r : responses) {
        int go = firstGo(view, b, start, r);
        if (r.timed()) {
          choices[i] = go < 0 ? 0 : view.argmax(start + go, b);
          right &= go >= 0 && Math.abs(go - r.goStep()) <= r.toleranceSteps();
        } else {
          choices[i] = view.argmax(start + r.readStep(), b);
          right &= choices[i] == trial.target(r.readStep());
        }
      }
      correct[i] = right;
      Response first = responses.get(0);
      int go = firstGo(view, b, start, first);
      reactionMs[i] = go < 0 ? Double.NaN : (go - first.start() + 1) * trial.dtMs();
    }

    /** The first trial step of the window at which the network leaves fixation, or −1. */
    private static int firstGo(RolloutView view, int b, int start, Response r) {
      for (int t = r.start(); t < r.end(); t++) {
        if (view.argmax(start + t, b) != 0) {
          return t;
        }
      }
      return -1;
    }

    private static double squaredError(Trial trial, RolloutView view, int b, int start) {
      double sum = 0;
      double weights = 0;
      for (int t = 0; t < trial.steps(); t++) {
        for (int c = 0; c < trial.targetSize(); c++) {
          double w = trial.weight(t, c);
          double d = view.output(start + t, b, c) - trial.targetValue(t, c);
          sum += w * d * d;
          weights += w;
        }
      }
      return weights == 0 ? Double.NaN : sum / weights;
    }
  }
}
