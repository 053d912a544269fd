package io.github.rnnlab.dynamics;

import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.plot.LineChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A measure taken at several values of a parameter: the largest Lyapunov exponent against the gain g, pVar against
 * the plastic fraction p. Immutable.
 *
 * @param parameter the parameter's column name, snake_case (e.g. {@code gain})
 * @param values the parameter's values, in the order measured
 * @param measure the measure's column name, snake_case (e.g. {@code lyapunov_per_s})
 * @param results the measure at each value
 * @since 0.1.0
 */
public record Sweep(String parameter, double[] values, String measure, double[] results) {

  /**
   * Checks and copies the arrays.
   *
   * @throws IllegalArgumentException if the arrays differ in length or are empty
   */
  public Sweep {
    if (values.length != results.length || values.length == 0) {
      throw new IllegalArgumentException("a sweep needs one result per value, at least one; got " + values.length
          + " values and " + results.length + " results");
    }
    values = values.clone();
    results = results.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public double[] results() {
    return results.clone();
  }

  /** Two columns: the parameter and the measure. */
  public Table toTable() {
    return Table.create(measure + " against " + parameter, DoubleColumn.create(parameter, values),
        DoubleColumn.create(measure, results));
  }

  /** The measure against the parameter, a marker at each value. */
  public Figure plot() {
    return chart().figure();
  }

  /** The same with a dashed horizontal line at {@code reference} (e.g. 0 for an exponent). */
  public Figure plot(double reference) {
    return chart().horizontalLine(reference).figure();
  }

  private LineChart chart() {
    String x = parameter.replace('_', ' ');
    String y = measure.replace('_', ' ');
    return LineChart.of(y + " against " + x, x, y).points(y, values, results);
  }
}
