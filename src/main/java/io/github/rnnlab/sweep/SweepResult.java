package io.github.rnnlab.sweep;

import io.github.rnnlab.plot.DistributionChart;
import io.github.rnnlab.plot.Figure;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Every run of a sweep, in the sweep's order (settings in the order given, then seeds), whichever executor ran them
 * and in whatever order they finished. {@link #toTable()} has one row per run; {@link #summary} one per setting;
 * {@link #plotDistribution} and {@link #plotAgainst} draw a metric over the seeds. Immutable.
 */
public final class SweepResult {
  private final List<String> settingNames;
  private final List<String> metricNames;
  private final List<RunResult> runs;

  SweepResult(List<String> settingNames, List<String> metricNames, List<RunResult> runs) {
    this.settingNames = List.copyOf(settingNames);
    this.metricNames = List.copyOf(metricNames);
    this.runs = List.copyOf(runs);
  }

  /** The runs' results, in the sweep's order. */
  public List<RunResult> runs() {
    return runs;
  }

  /** The names of the settings, in column order. */
  public List<String> settingNames() {
    return settingNames;
  }

  /** The names of the metrics the runs returned, in alphabetical order. */
  public List<String> metricNames() {
    return metricNames;
  }

  /** The number of runs that threw. */
  public int failed() {
    return (int) runs.stream().filter(RunResult::failed).count();
  }

  /**
   * One row per run, in the sweep's order: the settings (a column per setting: integers, longs, doubles, booleans or
   * text, as given), {@code seed}, the metrics (alphabetical; missing for a failed run), {@code seconds} (wall-clock,
   * the one column that differs between two executions of a sweep; shown with 1 decimal) and {@code error} (empty
   * unless the run threw).
   */
  public Table toTable() {
    Table table = Table.create("sweep");
    for (String name : settingNames) {
      table.addColumns(column(name, runs));
    }
    table.addColumns(LongColumn.create("seed", runs.stream().mapToLong(r -> r.run().seed()).toArray()));
    for (String name : metricNames) {
      table.addColumns(DoubleColumn.create(name, runs.stream().mapToDouble(r -> r.metric(name))));
    }
    DoubleColumn seconds = DoubleColumn.create("seconds", runs.stream().mapToDouble(RunResult::seconds));
    seconds.setPrintFormatter(decimals("0.0"), "");
    table.addColumns(seconds);
    table.addColumns(StringColumn.create("error", runs.stream().map(r -> r.errorMessage().orElse(""))));
    return table;
  }

  /**
   * One row per setting, in the sweep's order: the settings, then for {@code metric} the number of runs with a value
   * ({@code runs}), {@code failed}, {@code mean}, {@code sd} (sample standard deviation, n − 1), {@code min},
   * {@code q1}, {@code median}, {@code q3} (NumPy's default quartiles) and {@code max}, shown with 4 decimals (the
   * values keep every digit).
   *
   * @throws IllegalArgumentException if the runs returned no metric {@code metric}
   */
  public Table summary(String metric) {
    requireMetric(metric);
    Map<Setting, List<RunResult>> bySetting = bySetting();
    Table table = Table.create("summary of " + metric);
    List<RunResult> firsts = bySetting.values().stream().map(rs -> rs.get(0)).toList();
    for (String name : settingNames) {
      table.addColumns(column(name, firsts));
    }
    String[] stats = {"mean", "sd", "min", "q1", "median", "q3", "max"};
    double[][] values = new double[stats.length][bySetting.size()];
    int[] counts = new int[bySetting.size()];
    int[] failures = new int[bySetting.size()];
    int s = 0;
    for (List<RunResult> group : bySetting.values()) {
      double[] v = values(group, metric);
      counts[s] = v.length;
      failures[s] = (int) group.stream().filter(RunResult::failed).count();
      DescriptiveStatistics d = new DescriptiveStatistics(v);
      double[] q = v.length == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : DistributionChart.quartiles(v);
      double[] row = {d.getMean(), d.getStandardDeviation(), d.getMin(), q[0], q[1], q[2], d.getMax()};
      for (int k = 0; k < stats.length; k++) {
        values[k][s] = v.length == 0 ? Double.NaN : row[k];
      }
      s++;
    }
    table.addColumns(IntColumn.create("runs", counts), IntColumn.create("failed", failures));
    for (int k = 0; k < stats.length; k++) {
      DoubleColumn column = DoubleColumn.create(stats[k], values[k]);
      column.setPrintFormatter(decimals("0.####"), "");
      table.addColumns(column);
    }
    return table;
  }

  /** The first metric's distribution per setting; see {@link #plotDistribution(String, double)}. */
  public Figure plot() {
    if (metricNames.isEmpty()) {
      throw new IllegalStateException("no run returned a metric, so there is nothing to plot ("
          + failed() + " of " + runs.size() + " runs failed)");
    }
    return plotDistribution(metricNames.get(0));
  }

  /** {@code metric} over the seeds, one column of dots per setting; see {@link #plotDistribution(String, double)}. */
  public Figure plotDistribution(String metric) {
    return plotDistribution(metric, Double.NaN);
  }

  /**
   * {@code metric} over the seeds, one column of dots per setting in the sweep's order (labelled with its values, the
   * axis with the settings' names), with each setting's median and quartiles ({@link DistributionChart#byGroup}) and a
   * dashed line at {@code reference} (NaN for none), e.g. a performance criterion.
   *
   * @throws IllegalArgumentException if the runs returned no metric {@code metric}
   */
  public Figure plotDistribution(String metric, double reference) {
    requireMetric(metric);
    Map<String, double[]> groups = new LinkedHashMap<>();
    bySetting().forEach((setting, group) -> groups.put(setting.values().isEmpty() ? "all runs"
        : setting.values().values().stream().map(Setting::format).collect(Collectors.joining(", ")),
        values(group, metric)));
    int seeds = bySetting().values().stream().mapToInt(List::size).max().orElse(0);
    return DistributionChart.byGroup(String.format(Locale.ROOT, "%s over %d seed%s", metric, seeds,
        seeds == 1 ? "" : "s"), String.join(", ", settingNames), metric, groups, reference);
  }

  /**
   * {@code metric} against the numeric setting {@code setting}: every run as a dot, the median at each value joined
   * by a line, the quartiles as bars ({@link DistributionChart#against}); one line per combination of the other
   * settings.
   *
   * @throws IllegalArgumentException if there is no such metric or setting, or the setting is not numeric
   */
  public Figure plotAgainst(String metric, String setting) {
    requireMetric(metric);
    if (!settingNames.contains(setting)) {
      throw new IllegalArgumentException("no setting '" + setting + "'; the sweep's settings are " + settingNames);
    }
    Map<String, List<RunResult>> lines = new LinkedHashMap<>();
    for (RunResult r : runs) {
      if (!(r.run().setting().get(setting) instanceof Number)) {
        throw new IllegalArgumentException("setting '" + setting + "' is not numeric (" + r.run().setting().get(
            setting) + "); use plotDistribution to compare its values side by side");
      }
      Map<String, Object> others = new LinkedHashMap<>(r.run().setting().values());
      others.remove(setting);
      lines.computeIfAbsent(new Setting(others).label(), k -> new ArrayList<>()).add(r);
    }
    List<DistributionChart.Series> series = new ArrayList<>();
    lines.forEach((name, group) -> series.add(new DistributionChart.Series(name,
        group.stream().mapToDouble(r -> r.run().getDouble(setting)).toArray(),
        group.stream().mapToDouble(r -> r.metric(metric)).toArray())));
    return DistributionChart.against(metric + " against " + setting, setting, metric, series);
  }

  /** A display format (the values keep every digit). */
  private static NumberFormat decimals(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  private void requireMetric(String metric) {
    if (!metricNames.contains(metric)) {
      throw new IllegalArgumentException("no metric '" + metric + "'; the runs returned " + metricNames);
    }
  }

  /** The runs grouped by setting, in the sweep's order. */
  private Map<Setting, List<RunResult>> bySetting() {
    Map<Setting, List<RunResult>> groups = new LinkedHashMap<>();
    for (RunResult r : runs) {
      groups.computeIfAbsent(r.run().setting(), k -> new ArrayList<>()).add(r);
    }
    return groups;
  }

  private static double[] values(List<RunResult> runs, String metric) {
    return runs.stream().mapToDouble(r -> r.metric(metric)).filter(Double::isFinite).toArray();
  }

  /**
   * The column of setting {@code name} over {@code rows}: int if every value is an Integer, long if every value is a
   * whole number, double if every value is a number, boolean if every value is a Boolean, text otherwise.
   */
  private static Column<?> column(String name, List<RunResult> rows) {
    List<Object> values = rows.stream().map(r -> r.run().setting().get(name)).toList();
    if (values.stream().allMatch(v -> v instanceof Integer)) {
      return IntColumn.create(name, values.stream().mapToInt(v -> (Integer) v).toArray());
    }
    if (values.stream().allMatch(v -> v instanceof Integer || v instanceof Long)) {
      return LongColumn.create(name, values.stream().mapToLong(v -> ((Number) v).longValue()).toArray());
    }
    if (values.stream().allMatch(v -> v instanceof Number)) {
      return DoubleColumn.create(name, values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
    }
    if (values.stream().allMatch(v -> v instanceof Boolean)) {
      BooleanColumn c = BooleanColumn.create(name);
      values.forEach(v -> c.append((Boolean) v));
      return c;
    }
    return StringColumn.create(name, values.stream().map(Setting::format));
  }

  @Override
  public String toString() {
    return "SweepResult[" + runs.size() + " runs over " + (settingNames.isEmpty() ? "seeds" : settingNames)
        + ", metrics " + metricNames + (failed() > 0 ? ", " + failed() + " failed" : "") + "]";
  }
}
