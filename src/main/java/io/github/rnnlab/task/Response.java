package io.github.rnnlab.task;

/**
 * Where a trial's answer is read, and how it is judged: the steps {@code [start, end)} of a response window and, for a
 * timed answer, the step the "go" should come at.
 *
 * <ul>
 *   <li>A <b>choice</b> ({@code goStep = -1}): the answer is the most active output at the window's last step, and it
 *       is right when it equals the target there. This is the tutorial's measure (the window is the decision period,
 *       which ends the trial).</li>
 *   <li>A <b>timed</b> answer ({@code goStep >= 0}): the answer is the first step of the window at which the most
 *       active output is not "fixate"; it is right when it lies within {@code toleranceSteps} of {@code goStep}, as
 *       neurogym's timing tasks reward a production within a margin of the target interval. No answer is a miss.</li>
 * </ul>
 *
 * @param start the first step of the window
 * @param end one past the last step of the window (> start)
 * @param goStep the step a timed answer should come at, or −1 for a choice
 * @param toleranceSteps how many steps a timed answer may be early or late (0 for a choice)
 */
public record Response(int start, int end, int goStep, int toleranceSteps) {

  /**
   * A response window.
   *
   * @throws IllegalArgumentException if the window is empty or negative, or a timed answer's step or tolerance is bad
   */
  public Response {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a response window needs 0 <= start < end; got [" + start + ", " + end + ")");
    }
    if (goStep < -1 || toleranceSteps < 0 || (goStep == -1 && toleranceSteps != 0)) {
      throw new IllegalArgumentException("goStep must be -1 (a choice, tolerance 0) or a step >= 0 with a tolerance "
          + ">= 0; got goStep " + goStep + ", tolerance " + toleranceSteps);
    }
  }

  /** A choice read at the last step of {@code period}. */
  public static Response choice(Period period) {
    return new Response(period.start(), period.end(), -1, 0);
  }

  /** Whether the answer is a timed "go" rather than a choice. */
  public boolean timed() {
    return goStep >= 0;
  }

  /** The step at which a choice is read: the window's last step. */
  public int readStep() {
    return end - 1;
  }
}
