package io.github.rnnlab.analysis;

/**
 * One eigenvalue {@code real + i·imaginary} of a Jacobian. For the one-step map of a network (a discrete-time system)
 * a perturbation along its eigenvector is multiplied by it every step: it decays when the magnitude is below 1, grows
 * when it is above 1, and persists (a direction of marginal stability, as along a line attractor) when it is 1.
 *
 * @param real the real part
 * @param imaginary the imaginary part
 */
public record Eigenvalue(double real, double imaginary) {

  /** The magnitude |λ|, the factor a perturbation along this mode is multiplied by each step. */
  public double magnitude() {
    return Math.hypot(real, imaginary);
  }

  /** Whether it is real (imaginary part exactly 0, as the eigensolver reports real eigenvalues). */
  public boolean isReal() {
    return imaginary == 0;
  }

  /**
   * The time constant of the mode in steps, {@code −1 / ln|λ|}: how many steps a perturbation takes to shrink by e
   * (infinite at |λ| = 1, negative for a growing mode, where it is the time to grow by e).
   */
  public double timeConstantSteps() {
    return -1 / Math.log(magnitude());
  }

  @Override
  public String toString() {
    return imaginary == 0 ? Double.toString(real)
        : real + (imaginary < 0 ? " − " : " + ") + Math.abs(imaginary) + "i";
  }
}
