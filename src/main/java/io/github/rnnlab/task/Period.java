package io.github.rnnlab.task;

/**
 * A named period of a trial, as the half-open range of time steps {@code [start, end)}.
 *
 * @param name the period's name, e.g. {@code "stimulus"}
 * @param start the first step of the period
 * @param end one past the last step of the period (equal to {@code start} for an empty period)
 */
public record Period(String name, int start, int end) {

  /** The number of steps in this period. */
  public int steps() {
    return end - start;
  }

  /** Whether step {@code t} lies in this period. */
  public boolean contains(int t) {
    return t >= start && t < end;
  }
}
