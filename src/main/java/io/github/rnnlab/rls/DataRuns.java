package io.github.rnnlab.rls;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.dynamics.Input;
import io.github.rnnlab.dynamics.Integrator;
import io.github.rnnlab.dynamics.RateNetwork;
import org.jspecify.annotations.Nullable;

/**
 * The loop that PINning and CURBD share: repeated runs of a network over a trial, each from the same initial state,
 * with recursive least squares moving the outgoing weights of the plastic units at every data sample so that the
 * network's current (PINning) or rates (CURBD) approach the data. The first {@code runs − freeRuns} runs learn.
 *
 * <p>Per step s: rates r and current z (= J r + I + noise) from the {@link Integrator}; at the step of data sample k ≥ 1
 * the error e = z − target_k (or r − target_k) updates P with the plastic units' rates and every weight from a plastic
 * unit m by J[:, m] −= (P r)_m e; then the state moves towards z. The rates at the sample steps give each run's pVar.
 *
 * <p>Sample k (time k·dtData) falls on the nearest step, ties to the earlier one, the step at which pVar samples the
 * model in the lab codes. The lab codes instead learn whenever a clock that adds dt reaches dtData and then restart it
 * at zero, so with dtData = 64.1 ms and dt = 1 ms they learn every 65 steps while the target advances by one 64.1 ms
 * sample: the target falls behind the network's time by 0.9 ms a sample, 146 ms by the end of the PINning trial; and
 * CURBD compares the model with the data sample before the current one. Both are fixed here.
 *
 * <p>Before the first run, one run without learning records what the untrained network does (it draws noise, so the
 * runs after it see other noise than they would without it).
 */
final class DataRuns {
  /** What the error compares with the target. */
  enum Compared { CURRENT, RATE }

  /** Everything a training needs; arrays are [sample][unit]. */
  record Spec(RateNetwork network, Input input, int steps, int[] sampleSteps, float[][] errorTarget,
      float[][] rateTarget, float[] initialState, int[] plastic, double p0, int runs, int freeRuns, Compared compared,
      long noiseSeed, boolean recordLastRun, RunProgress progress) {}

  /** What a training produced. Sampled rates are [sample][unit]; recorded runs [step][unit]. */
  record Outcome(RunHistory history, float[][] untrainedRates, double untrainedPVar, float[][] lastRunRates,
      RateNetwork trained, float @Nullable [][] lastRunAllRates, float @Nullable [][] lastRunAllCurrents,
      double seconds) {}

  private DataRuns() {}

  static Outcome run(Spec spec) {
    long start = System.nanoTime();
    RateNetwork net = spec.network();
    int n = net.units();
    Integrator integrator = net.integrator(spec.input(), spec.noiseSeed());
    Rls rls = new Rls(spec.plastic().length, spec.p0());
    int samples = spec.sampleSteps().length;
    int trainingRuns = spec.runs() - spec.freeRuns();
    double[] pVar = new double[spec.runs()];
    double[] chi2 = new double[spec.runs()];
    float[][] untrained = new float[samples][];
    double untrainedPVar = Double.NaN;
    float[][] rates = new float[samples][];
    float[] error = new float[n];
    double[] plasticRates = new double[spec.plastic().length];
    float[][] allRates = null;
    float[][] allCurrents = null;
    // Run −1 is the untrained network's.
    for (int run = -1; run < spec.runs(); run++) {
      boolean learning = run >= 0 && run < trainingRuns;
      boolean record = spec.recordLastRun() && run == spec.runs() - 1;
      if (record) {
        allRates = new float[spec.steps()][];
        allCurrents = new float[spec.steps()][];
      }
      integrator.reset(spec.initialState());
      int k = 0;
      double runChi2 = 0;
      for (int s = 0; s < spec.steps(); s++) {
        integrator.computeCurrent(s);
        float[] r = integrator.rates();
        if (k < samples && s == spec.sampleSteps()[k]) {
          rates[k] = r.clone();
          if (k > 0) {
            float[] compared = spec.compared() == Compared.CURRENT ? integrator.current() : r;
            float[] target = spec.errorTarget()[k];
            double squares = 0;
            for (int i = 0; i < n; i++) {
              error[i] = compared[i] - target[i];
              squares += (double) error[i] * error[i];
            }
            runChi2 += squares / n;
            if (learning) {
              learn(integrator, rls, spec.plastic(), plasticRates, r, error);
            }
          }
          k++;
        }
        if (allRates != null && allCurrents != null) {
          allRates[s] = r.clone();
          allCurrents[s] = integrator.current().clone();
        }
        integrator.advance();
      }
      double fit = Metrics.pVar(spec.rateTarget(), rates);
      if (run < 0) {
        for (int i = 0; i < samples; i++) {
          untrained[i] = rates[i].clone();
        }
        untrainedPVar = fit;
        continue;
      }
      pVar[run] = fit;
      chi2[run] = runChi2;
      spec.progress().report(run + 1, spec.runs(), pVar[run], (System.nanoTime() - start) / 1e9);
    }
    return new Outcome(new RunHistory(pVar, chi2, trainingRuns), untrained, untrainedPVar, rates,
        integrator.network(), allRates, allCurrents, (System.nanoTime() - start) / 1e9);
  }

  /** One RLS step: P from the plastic units' rates, then each plastic unit's outgoing weights against the error. */
  private static void learn(Integrator integrator, Rls rls, int[] plastic, double[] plasticRates, float[] r,
      float[] error) {
    for (int m = 0; m < plastic.length; m++) {
      plasticRates[m] = r[plastic[m]];
    }
    double[] gain = rls.update(plasticRates);
    for (int m = 0; m < plastic.length; m++) {
      integrator.addToColumn(plastic[m], (float) -gain[m], error);
    }
  }

  /**
   * The number of model steps for samples 0 … samples − 1 taken every {@code dtDataMs}: the steps at times 0, dt, …
   * up to the last sample's time.
   */
  static int steps(int samples, double dtDataMs, double dtMs) {
    return (int) Math.floor((samples - 1) * dtDataMs / dtMs + 1e-9) + 1;
  }

  /**
   * The step nearest each sample time k·dtData, ties to the earlier step.
   *
   * @throws IllegalArgumentException if {@code dtDataMs} &lt; {@code dtMs} (two samples would share a step)
   */
  static int[] sampleSteps(int samples, double dtDataMs, double dtMs) {
    Checks.positive("dtDataMs", dtDataMs);
    if (dtDataMs < dtMs) {
      throw new IllegalArgumentException("dtDataMs must be at least the network's dtMs (" + dtMs + "); got "
          + dtDataMs);
    }
    int steps = steps(samples, dtDataMs, dtMs);
    int[] at = new int[samples];
    for (int k = 0; k < samples; k++) {
      at[k] = Math.min(steps - 1, (int) Math.floor(k * dtDataMs / dtMs + 0.5 - 1e-9));
    }
    return at;
  }
}
