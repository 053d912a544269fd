package io.github.rnnlab.analysis;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One fixed point (or slow point) of a network's one-step map {@code s ← F(s, x)} at a constant input x, as
 * {@link FixedPointFinder} found it: the state s* with {@code q = ½‖F(s*, x) − s*‖²} small, how the search went, and
 * the linearisation there, the Jacobian {@code ∂F/∂s} and its eigenvalues. The map is discrete-time, so s* is stable
 * when every eigenvalue lies inside the unit circle (spectral radius &lt; 1). Immutable.
 */
public final class FixedPoint {
  private final double[] state;
  private final double[] rates;
  private final double[] input;
  private final double q;
  private final int iterations;
  private final boolean converged;
  private final int initialStates;
  private final double[][] jacobian;
  private final Linearization linearization;

  FixedPoint(double[] state, double[] rates, double[] input, double q, int iterations, boolean converged,
      int initialStates, double[][] jacobian) {
    this.state = state.clone();
    this.rates = rates.clone();
    this.input = input.clone();
    this.q = q;
    this.iterations = iterations;
    this.converged = converged;
    this.initialStates = initialStates;
    this.jacobian = copy(jacobian);
    this.linearization = Linearization.of(jacobian);
  }

  /** The state s*, in the map's layout (see {@code StepMap.blocks()}), a copy. */
  public double[] state() {
    return state.clone();
  }

  /** The activity the readout sees at s* (the last layer's rates; the state itself for a plain CTRNN), a copy. */
  public double[] rates() {
    return rates.clone();
  }

  /** The constant input the fixed point belongs to, a copy. */
  public double[] input() {
    return input.clone();
  }

  /** {@code q = ½‖F(s*, x) − s*‖²}: 0 at an exact fixed point, small and positive at a slow point. */
  public double q() {
    return q;
  }

  /** The Levenberg–Marquardt iterations the search took from the initial state that found it. */
  public int iterations() {
    return iterations;
  }

  /** Whether q reached the finder's tolerance (otherwise the search stopped at a local minimum of q, a slow point). */
  public boolean converged() {
    return converged;
  }

  /** How many initial states ended at this point (within the finder's uniqueness tolerance). */
  public int initialStates() {
    return initialStates;
  }

  /** The Jacobian ∂F/∂s at s*, [output entry][state entry], a copy. */
  public double[][] jacobian() {
    return copy(jacobian);
  }

  /** The eigenvalues of the Jacobian, by decreasing magnitude (of a complex pair, positive imaginary part first). */
  public List<Eigenvalue> eigenvalues() {
    return linearization.eigenvalues();
  }

  /** The largest eigenvalue magnitude. */
  public double spectralRadius() {
    return linearization.eigenvalues().get(0).magnitude();
  }

  /** Whether s* is stable: every eigenvalue has magnitude below 1. */
  public boolean stable() {
    return spectralRadius() < 1;
  }

  /** The number of eigenvalues with magnitude 1 or more: directions along which perturbations do not decay. */
  public int unstableModes() {
    return (int) linearization.eigenvalues().stream().filter(e -> e.magnitude() >= 1).count();
  }

  /**
   * The eigenvalue with the largest real part, as the tutorial picks it: near a line attractor it is real and close
   * to 1, and its eigenvector points along the line.
   */
  public Eigenvalue topEigenvalue() {
    return linearization.top();
  }

  /**
   * The unit eigenvector of {@link #topEigenvalue()} in state coordinates (its largest entry positive), or null if
   * that eigenvalue is complex: a complex pair spans a plane of rotation, not one direction.
   */
  public double @Nullable [] topEigenvector() {
    return linearization.topVector();
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "FixedPoint[q %.3g, %s, spectral radius %.4f, top eigenvalue %s]", q,
        stable() ? "stable" : "unstable", spectralRadius(), topEigenvalue());
  }
}
