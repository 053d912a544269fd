package io.github.rnnlab.analysis;

import io.github.rnnlab.plot.Charts;
import io.github.rnnlab.plot.Figure;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * A chronometric function: reaction time against signed evidence, as the mean reaction time ± SEM per evidence level
 * (or per bin of equal counts when there are many levels). Immutable.
 */
public final class Chronometric {
  private final double[] evidence;
  private final double[] reactionMs;
  private final String xTitle;

  private Chronometric(double[] evidence, double[] reactionMs, String xTitle) {
    this.evidence = evidence;
    this.reactionMs = reactionMs;
    this.xTitle = xTitle;
  }

  /**
   * The chronometric function of trials with evidence {@code evidence[i]} and reaction time {@code reactionMs[i]}.
   *
   * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold a value that is not finite
   */
  public static Chronometric of(double[] evidence, double[] reactionMs) {
    return of(evidence, reactionMs, "evidence");
  }

  static Chronometric of(double[] evidence, double[] reactionMs, String xTitle) {
    if (evidence.length != reactionMs.length || evidence.length == 0) {
      throw new IllegalArgumentException("a chronometric curve needs evidence and reaction times for at least one "
          + "trial, in pairs; got " + evidence.length + " and " + reactionMs.length);
    }
    for (int i = 0; i < evidence.length; i++) {
      if (!Double.isFinite(evidence[i]) || !Double.isFinite(reactionMs[i])) {
        throw new IllegalArgumentException("evidence and reaction times must be finite; trial " + i + " has "
            + evidence[i] + " and " + reactionMs[i]);
      }
    }
    return new Chronometric(evidence.clone(), reactionMs.clone(), xTitle);
  }

  /** The number of trials. */
  public int trials() {
    return evidence.length;
  }

  /** One row per evidence level or bin: {@code evidence}, {@code trials}, {@code reaction_time_ms}, {@code sem}. */
  public Table toTable() {
    return Bins.of(evidence, reactionMs).toTable("chronometric data", "evidence", "reaction_time_ms");
  }

  /** The mean reaction time ± SEM against evidence. */
  public Figure plot() {
    Bins b = Bins.of(evidence, reactionMs);
    XYChart chart = Charts.pointsWithErrorBars("Chronometric curve", xTitle, "Reaction time (ms)",
        "mean ± SEM", b.x, b.mean, b.sem);
    Charts.addLine(chart, "", b.x, b.mean);
    chart.getStyler().setLegendVisible(false);
    return Figure.of(chart);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Chronometric[%d trials]", evidence.length);
  }
}
