package io.github.rnnlab.train;

import io.github.rnnlab.data.BatchSource;
import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Intelligent synapses (Zenke, Poole &amp; Ganguli 2017, "Continual learning through synaptic intelligence", ICML),
 * as Yang et al. 2019 used them to train one RNN on their cognitive tasks in sequence ({@code c_intsyn},
 * {@code ksi_intsyn} in their code). Each parameter keeps, while it trains on a task, the path integral of its
 * contribution to the fall of the loss,
 *
 * <pre>
 *   ω_i = −Σ_steps g_i · Δθ_i
 * </pre>
 *
 * <p>with {@code g} the gradient of the batch's loss (without the penalty: see {@link TrainingStep#gradient}) before
 * the step and {@code Δθ} the step actually taken. When the task ends, {@link #consolidate} turns it into importance,
 *
 * <pre>
 *   Ω_i ← max(0, Ω_i + ω_i / ((Δ_i)² + ξ)),     Δ_i = θ_i(end of task) − θ_i(start of task),
 * </pre>
 *
 * <p>anchors the parameters at {@code θ*} = their values now and starts a new path integral. Training then adds
 *
 * <pre>
 *   c · Σ_i Ω_i · (θ_i − θ*_i)²
 * </pre>
 *
 * <p>to the loss (no factor ½, as in both reference codes), logged as {@code "intelligent_synapses"}. The damping ξ
 * keeps Ω bounded for parameters that ended a task where they started. The clip at 0 is not in the paper's formula
 * but is in both reference implementations (Zenke et al.'s {@code pathint}, Yang et al.'s {@code train_sequential}):
 * a parameter whose moves raised the loss overall gets no importance rather than a negative one, which would push it
 * away from its anchor. As in both, Ω sums over tasks and the anchor is the last task's end.
 *
 * <p>The path integral needs every step: the penalty is also a {@link StepListener}, and hears the steps of any
 * trainer it is added to with {@link Trainer.Builder#penalty}. The first step it hears marks the start of the first
 * task; each consolidation marks the start of the next.
 *
 * <pre>{@code
 * var synapses = IntelligentSynapses.of(0.1, 0.01);    // c, ξ
 * var session = Trainer.builder().penalty(synapses).build().session(net);
 * session.train(taskA, 500);
 * synapses.consolidate(net);                           // Ω from task A's path, anchor at the end of A
 * session.train(taskB, 500);
 * }</pre>
 *
 * <p>Keeps state: one instance per network. Not thread-safe.
 */
public final class IntelligentSynapses extends AnchoredPenalty implements StepListener {
  private final double strength;
  private final double damping;
  private double @Nullable [][][] importance;
  private double @Nullable [][][] path;
  private float @Nullable [][][] start;
  private float @Nullable [][][] anchor;
  private int stepsHeard;
  private int tasks;

  private IntelligentSynapses(double strength, double damping) {
    this.strength = strength;
    this.damping = damping;
  }

  /**
   * Intelligent synapses with strength {@code c} and damping {@code ξ}. Zenke et al.'s code uses ξ = 0.1 (permuted
   * MNIST) and 0.001 (split CIFAR); Yang et al.'s sequential runs use c = 1 and ξ = 0.01 with their squared-error loss.
   * The scale of c is set by the loss, so tune it for yours.
   *
   * @throws IllegalArgumentException if {@code c} is negative or not finite, or {@code ξ} is not a finite number
   *     &gt; 0
   */
  public static IntelligentSynapses of(double c, double xi) {
    return new IntelligentSynapses(Checks.nonNegative("c (strength)", c), Checks.positive("ξ (damping)", xi));
  }

  /** c, the strength of the pull towards the anchor. */
  public double strength() {
    return strength;
  }

  /** ξ, the damping of the importance. */
  public double damping() {
    return damping;
  }

  @Override
  public String name() {
    return "intelligent_synapses";
  }

  @Override
  public int tasksConsolidated() {
    return tasks;
  }

  /** The number of steps heard since the last consolidation (or since the start). */
  public int stepsSinceConsolidation() {
    return stepsHeard;
  }

  /** Adds {@code −g·Δθ} of this step to every parameter's path integral. */
  @Override
  public void stepTaken(TrainingStep step) {
    List<Parameter> parameters = bind(step.network());
    if (start == null || path == null) {
      // The first step heard starts the first task.
      start = new float[parameters.size()][][];
      for (int i = 0; i < start.length; i++) {
        start[i] = copy(step.before(parameters.get(i).name()));
      }
      path = zerosLike(parameters);
    }
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      float[][] before = step.before(p.name());
      float[][] after = p.values();
      float[][] gradient = step.gradient(p.name());
      double[][] omega = path[i];
      for (int r = 0; r < after.length; r++) {
        for (int c = 0; c < after[r].length; c++) {
          omega[r][c] -= (double) gradient[r][c] * ((double) after[r][c] - before[r][c]);
        }
      }
    }
    stepsHeard++;
  }

  /**
   * Ends a task: {@code Ω ← max(0, Ω + ω/(Δ² + ξ))} from the path integral since the last consolidation, anchors the
   * parameters at their current values and starts a new path integral. {@code taskData} is not used: the importance
   * comes from the path, so {@link #consolidate(RecurrentNetwork)} does the same without it.
   *
   * @throws IllegalArgumentException if the network is not the one whose steps this penalty heard
   * @throws IllegalStateException if it heard no step since the last consolidation (it was not added to the
   *     trainer, or nothing was trained)
   */
  @Override
  public void consolidate(RecurrentNetwork network, BatchSource taskData) {
    consolidate(network);
  }

  /** As {@link #consolidate(RecurrentNetwork, BatchSource)}, which needs no data. */
  public void consolidate(RecurrentNetwork network) {
    List<Parameter> parameters = bind(network);
    if (stepsHeard == 0 || path == null || start == null) {
      throw new IllegalStateException("intelligent synapses heard no training step since "
          + (tasks == 0 ? "they were made" : "the last consolidation") + ", so there is no path to consolidate; add "
          + "them to the trainer with Trainer.builder().penalty(...) and train before consolidating");
    }
    if (importance == null) {
      importance = zerosLike(parameters);
    }
    for (int i = 0; i < parameters.size(); i++) {
      float[][] now = parameters.get(i).values();
      for (int r = 0; r < now.length; r++) {
        for (int c = 0; c < now[r].length; c++) {
          double delta = (double) now[r][c] - start[i][r][c];
          importance[i][r][c] = Math.max(0, importance[i][r][c] + path[i][r][c] / (delta * delta + damping));
        }
      }
    }
    anchor = valuesOf(parameters);
    start = valuesOf(parameters);
    path = zerosLike(parameters);
    stepsHeard = 0;
    tasks++;
  }

  /** {@code c · Σ_i Ω_i (θ_i − θ*_i)²}; 0 before the first consolidation. */
  @Override
  public double addGradients(RecurrentNetwork network) {
    if (importance == null || anchor == null) {
      return 0;
    }
    return pull(bind(network), importance, anchor, strength);
  }

  @Override
  double[][][] summedImportance() {
    return importance == null ? new double[0][][] : importance;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "IntelligentSynapses[c %s, ξ %s, %d task(s)]", strength, damping, tasks);
  }
}
