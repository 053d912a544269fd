package io.github.rnnlab.analysis;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.plot.Charts;
import io.github.rnnlab.plot.Figure;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.special.Erf;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A psychometric function fitted by maximum likelihood: the probability of a choice against signed evidence
 * {@code x}, {@code P = F(bias + slope·x)} with {@code F} the standard normal distribution (probit, as neurogym's
 * {@code plot_psychometric}) or the logistic function. The fit maximises the Bernoulli log-likelihood of the trials
 * (not a least-squares fit to binned rates) with Commons Math's BOBYQA optimiser, on standardised evidence for
 * conditioning; standard errors come
 * from the inverse Fisher information at the estimate, and confidence intervals are Wald intervals,
 * {@code estimate ± z·se}. There are no lapse rates. Immutable.
 *
 * <pre>{@code
 * var fit = Psychometric.fit(evidence, choseRight, Psychometric.Link.PROBIT);
 * fit.toTable();   // bias and slope with standard errors and 95 % intervals
 * fit.plot();      // binned choice rates ± SEM and the fitted curve
 * }</pre>
 */
public final class Psychometric {

  /** The sigmoid {@code F}. */
  public enum Link {
    /** {@code Φ(η)}, the standard normal distribution function. */
    PROBIT,
    /** {@code 1 / (1 + e^{−η})}. */
    LOGISTIC
  }

  private static final double EPS = 1e-15;

  private final Link link;
  private final double[] x;
  private final boolean[] chose;
  private final double bias;
  private final double slope;
  private final double[][] covariance;
  private final double biasSe;
  private final double slopeSe;
  private final double level;
  private final double logLikelihood;
  private final String xTitle;
  private final String yTitle;

  private Psychometric(Link link, double[] x, boolean[] chose, double[] estimate, double[][] covariance, double level,
      String xTitle, String yTitle) {
    this.link = link;
    this.x = x;
    this.chose = chose;
    this.bias = estimate[0];
    this.slope = estimate[1];
    this.covariance = covariance;
    this.biasSe = Math.sqrt(covariance[0][0]);
    this.slopeSe = Math.sqrt(covariance[1][1]);
    this.level = level;
    this.logLikelihood = logLikelihood(link, Levels.of(x, chose), bias, slope);
    this.xTitle = xTitle;
    this.yTitle = yTitle;
  }

  /**
   * Fits {@code P(chose) = F(bias + slope·x)} with 95 % confidence intervals.
   *
   * @throws IllegalArgumentException if the arrays differ in length, hold fewer than two distinct evidence values or a
   *     non-finite one, or the choices are all the same
   */
  public static Psychometric fit(double[] evidence, boolean[] chose, Link link) {
    return fit(evidence, chose, link, 0.95);
  }

  /**
   * Fits {@code P(chose) = F(bias + slope·x)} with confidence intervals at {@code level} (e.g. 0.95).
   *
   * @throws IllegalArgumentException if the arrays differ in length, hold fewer than two distinct evidence values or a
   *     non-finite one, the choices are all the same, or {@code level} is not in (0, 1)
   */
  public static Psychometric fit(double[] evidence, boolean[] chose, Link link, double level) {
    if (evidence.length != chose.length) {
      throw new IllegalArgumentException("evidence and choices must pair up; got " + evidence.length + " and "
          + chose.length);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must lie in (0, 1); got " + level);
    }
    int yes = 0;
    for (int i = 0; i < evidence.length; i++) {
      Checks.finite("evidence", evidence[i]);
      yes += chose[i] ? 1 : 0;
    }
    if (yes == 0 || yes == chose.length) {
      throw new IllegalArgumentException("a psychometric fit needs both choices among the trials; got " + yes
          + " of " + chose.length);
    }
    double mean = java.util.Arrays.stream(evidence).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(evidence).map(v -> (v - mean) * (v - mean)).sum()
        / evidence.length);
    if (!(sd > 0)) {
      throw new IllegalArgumentException("a psychometric fit needs at least two distinct evidence values; got "
          + evidence.length + " trials at " + mean);
    }
    Levels levels = Levels.of(evidence, chose);
    Levels z = levels.standardised(mean, sd);
    // BOBYQA (Powell's trust-region method on quadratic models) converges to the stopping radius in the standardised
    // parameters, which are of order 1; conjugate gradients with a line search stop early on this problem.
    PointValuePair best = new BOBYQAOptimizer(5, 1, 1e-11).optimize(new MaxEval(100_000), GoalType.MAXIMIZE,
        new InitialGuess(new double[] {0, 0}), SimpleBounds.unbounded(2),
        new ObjectiveFunction(p -> logLikelihood(link, z, p[0], p[1])));
    double[] p = best.getPoint();
    double[] estimate = {p[0] - p[1] * mean / sd, p[1] / sd};
    return new Psychometric(link, evidence.clone(), chose.clone(), estimate,
        inverseFisher(link, levels, estimate), level, "evidence", "P(choice)");
  }

  /** This fit with other axis titles for its chart. */
  Psychometric withLabels(String evidenceTitle, String probabilityTitle) {
    return new Psychometric(link, x, chose, new double[] {bias, slope}, covariance, level, evidenceTitle,
        probabilityTitle);
  }

  /** {@code F(η)}. */
  private static double cdf(Link link, double eta) {
    return link == Link.PROBIT ? 0.5 * Erf.erfc(-eta / Math.sqrt(2)) : 1 / (1 + Math.exp(-eta));
  }

  /** {@code F'(η)}. */
  private static double density(Link link, double eta) {
    if (link == Link.PROBIT) {
      return Math.exp(-eta * eta / 2) / Math.sqrt(2 * Math.PI);
    }
    double p = cdf(link, eta);
    return p * (1 - p);
  }

  private static double clamp(double p) {
    return Math.min(1 - EPS, Math.max(EPS, p));
  }

  private static double logLikelihood(Link link, Levels levels, double a, double b) {
    double sum = 0;
    for (int i = 0; i < levels.x.length; i++) {
      double p = clamp(cdf(link, a + b * levels.x[i]));
      sum += levels.yes[i] * Math.log(p) + (levels.trials[i] - levels.yes[i]) * Math.log1p(-p);
    }
    return sum;
  }

  /** The inverse of the Fisher information {@code Σ w [1 x; x x²]}, {@code w = F'(η)² / (p(1 − p))}. */
  private static double[][] inverseFisher(Link link, Levels levels, double[] ab) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < levels.x.length; i++) {
      double v = levels.x[i];
      double eta = ab[0] + ab[1] * v;
      double p = clamp(cdf(link, eta));
      double f = density(link, eta);
      double w = levels.trials[i] * f * f / (p * (1 - p));
      s0 += w;
      s1 += w * v;
      s2 += w * v * v;
    }
    double det = s0 * s2 - s1 * s1;
    return new double[][] {{s2 / det, -s1 / det}, {-s1 / det, s0 / det}};
  }

  /** The trials grouped by evidence value: each value, its number of trials and of choices. */
  private record Levels(double[] x, double[] trials, double[] yes) {
    static Levels of(double[] evidence, boolean[] chose) {
      java.util.TreeMap<Double, double[]> counts = new java.util.TreeMap<>();
      for (int i = 0; i < evidence.length; i++) {
        double[] c = counts.computeIfAbsent(evidence[i] + 0.0, k -> new double[2]);
        c[0]++;
        c[1] += chose[i] ? 1 : 0;
      }
      return new Levels(counts.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
          counts.values().stream().mapToDouble(c -> c[0]).toArray(),
          counts.values().stream().mapToDouble(c -> c[1]).toArray());
    }

    Levels standardised(double mean, double sd) {
      return new Levels(java.util.Arrays.stream(x).map(v -> (v - mean) / sd).toArray(), trials, yes);
    }
  }

  /** The link function. */
  public Link link() {
    return link;
  }

  /** The number of trials fitted. */
  public int trials() {
    return x.length;
  }

  /** The fitted bias (intercept) {@code a} of {@code F(a + b·x)}. */
  public double bias() {
    return bias;
  }

  /** The fitted slope {@code b} of {@code F(a + b·x)}, per unit of evidence. */
  public double slope() {
    return slope;
  }

  /** The standard error of the bias. */
  public double biasStandardError() {
    return biasSe;
  }

  /** The standard error of the slope. */
  public double slopeStandardError() {
    return slopeSe;
  }

  /** The confidence level of the intervals, e.g. 0.95. */
  public double confidenceLevel() {
    return level;
  }

  /** The half-width of a confidence interval in standard errors: the normal quantile of {@code (1 + level)/2}. */
  private double z() {
    return new NormalDistribution(0, 1).inverseCumulativeProbability((1 + level) / 2);
  }

  /** The confidence interval of the bias, {low, high}. */
  public double[] biasInterval() {
    return new double[] {bias - z() * biasSe, bias + z() * biasSe};
  }

  /** The confidence interval of the slope, {low, high}. */
  public double[] slopeInterval() {
    return new double[] {slope - z() * slopeSe, slope + z() * slopeSe};
  }

  /** The maximised log-likelihood. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** The fitted probability of the choice at evidence {@code x}. */
  public double probability(double evidence) {
    return cdf(link, bias + slope * evidence);
  }

  /**
   * The parameters, one row each ({@code bias}, {@code slope}): {@code parameter}, {@code estimate},
   * {@code std_error}, {@code ci_low}, {@code ci_high}.
   */
  public Table toTable() {
    double[] bi = biasInterval();
    double[] si = slopeInterval();
    return Table.create(String.format(Locale.ROOT, "psychometric fit (%s, %d trials, %.0f %% intervals)",
            link.name().toLowerCase(Locale.ROOT), x.length, 100 * level),
        StringColumn.create("parameter", "bias", "slope"),
        DoubleColumn.create("estimate", bias, slope),
        DoubleColumn.create("std_error", biasSe, slopeSe),
        DoubleColumn.create("ci_low", bi[0], si[0]),
        DoubleColumn.create("ci_high", bi[1], si[1]));
  }

  /**
   * The data binned by evidence (each level, or ten bins of equal counts when there are many): {@code evidence}
   * (the bin's mean), {@code trials}, {@code p_choice} and its standard error {@code sem}.
   */
  public Table binnedTable() {
    return bins().toTable("psychometric data", "evidence", "p_choice");
  }

  private Bins bins() {
    double[] y = new double[chose.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = chose[i] ? 1 : 0;
    }
    return Bins.of(x, y);
  }

  /** The binned choice rates ± SEM and the fitted curve. */
  public Figure plot() {
    Bins b = bins();
    XYChart chart = Charts.pointsWithErrorBars("Psychometric curve (" + link.name().toLowerCase(Locale.ROOT) + " fit)",
        xTitle, yTitle, "data (mean ± SEM)", b.x, b.mean, b.sem);
    double lo = java.util.Arrays.stream(x).min().orElseThrow();
    double hi = java.util.Arrays.stream(x).max().orElseThrow();
    int points = 101;
    double[] cx = new double[points];
    double[] cy = new double[points];
    for (int i = 0; i < points; i++) {
      cx[i] = lo + (hi - lo) * i / (points - 1);
      cy[i] = probability(cx[i]);
    }
    Charts.addLine(chart, "fit", cx, cy);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    return Figure.of(chart);
  }

  @Override
  public String toString() {
    double[] bi = biasInterval();
    double[] si = slopeInterval();
    return String.format(Locale.ROOT, "Psychometric[%s, %d trials: bias %.4g [%.4g, %.4g], slope %.4g [%.4g, %.4g]]",
        link.name().toLowerCase(Locale.ROOT), x.length, bias, bi[0], bi[1], slope, si[0], si[1]);
  }
}
