package io.github.rnnlab.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CTRNN cell's one-step map in double precision, from a snapshot of its effective weights: the state is the
 * rates (the leaky state x for {@link ReluPlacement#STATE}) and, with short-term plasticity, the resources and
 * utilisation of every presynaptic unit. Mirrors {@link CtrnnLayer} and {@link StpSynapses} equation by equation.
 */
final class CtrnnCellMap implements CellMap {
  private final int in;
  private final int h;
  private final double alpha;
  private final ReluPlacement placement;
  private final Activation f;
  private final double[][] wIn;
  private final double[][] wRec;
  private final double[] bias;
  private final @Nullable ShortTermPlasticity stp;
  private final double dtSeconds;
  private final double[] alphaX;
  private final double[] alphaU;
  private final double[] baseU;

  CtrnnCellMap(float[][] wIn, float[][] wRec, float[] bIn, float[] bRec, double alpha, ReluPlacement placement,
      Activation f, @Nullable ShortTermPlasticity stp, double dtMs) {
    this.h = wRec.length;
    this.in = wIn[0].length;
    this.alpha = alpha;
    this.placement = placement;
    this.f = f;
    this.wIn = CellMap.toDouble(wIn);
    this.wRec = CellMap.toDouble(wRec);
    this.bias = new double[h];
    for (int j = 0; j < h; j++) {
      bias[j] = (double) bIn[j] + bRec[j];
    }
    this.stp = stp;
    this.dtSeconds = dtMs / 1000;
    this.alphaX = new double[h];
    this.alphaU = new double[h];
    this.baseU = new double[h];
    if (stp != null) {
      for (int j = 0; j < h; j++) {
        alphaX[j] = dtMs / stp.synapse(j).tauXMs();
        alphaU[j] = dtMs / stp.synapse(j).tauUMs();
        baseU[j] = stp.synapse(j).u();
      }
    }
  }

  @Override
  public int stateSize() {
    return stp == null ? h : 3 * h;
  }

  @Override
  public int inputSize() {
    return in;
  }

  @Override
  public int outputSize() {
    return h;
  }

  @Override
  public List<String> blocks() {
    String main = (placement == ReluPlacement.STATE ? "x" : "r") + " (" + h + ")";
    return stp == null ? List.of(main) : List.of(main, "stp_x (" + h + ")", "stp_u (" + h + ")");
  }

  @Override
  public double[] initialState() {
    double[] s = new double[stateSize()];
    if (stp != null) {
      for (int j = 0; j < h; j++) {
        s[h + j] = 1;
        s[2 * h + j] = baseU[j];
      }
    }
    return s;
  }

  /** Intermediate values of one step, shared by the map and its Jacobians. */
  private final class Step {
    final double[] r = new double[h];
    final double[] dr = new double[h];
    final double[] e = new double[h];
    final double[] xs = new double[h];
    final double[] us = new double[h];
    final boolean[] passX = new boolean[h];
    final boolean[] passU = new boolean[h];
    final double[] drive = new double[h];
    final double[] next;

    Step(double[] s, double[] input) {
      for (int k = 0; k < h; k++) {
        r[k] = placement == ReluPlacement.STATE ? f.apply(s[k]) : s[k];
        dr[k] = placement == ReluPlacement.STATE ? f.slopeAtOutput(r[k]) : 1;
        if (stp == null) {
          e[k] = r[k];
        } else {
          double x = s[h + k];
          double u = s[2 * h + k];
          double xt = x + alphaX[k] * (1 - x) - dtSeconds * u * x * r[k];
          double ut = u + alphaU[k] * (baseU[k] - u) + dtSeconds * baseU[k] * (1 - u) * r[k];
          passX[k] = xt > 0 && xt < 1;
          passU[k] = ut > 0 && ut < 1;
          xs[k] = Math.min(1, Math.max(0, xt));
          us[k] = Math.min(1, Math.max(0, ut));
          e[k] = us[k] * xs[k] * r[k];
        }
      }
      next = new double[stateSize()];
      for (int j = 0; j < h; j++) {
        double d = bias[j];
        for (int i = 0; i < in; i++) {
          d += wIn[j][i] * input[i];
        }
        for (int k = 0; k < h; k++) {
          d += wRec[j][k] * e[k];
        }
        drive[j] = d;
        next[j] = switch (placement) {
          case INSIDE -> (1 - alpha) * s[j] + alpha * f.apply(d);
          case OUTSIDE -> f.apply((1 - alpha) * s[j] + alpha * d);
          case STATE -> (1 - alpha) * s[j] + alpha * d;
        };
        if (stp != null) {
          next[h + j] = xs[j];
          next[2 * h + j] = us[j];
        }
      }
    }

    /** d next_j / d drive_j. */
    double driveSlope(int j) {
      return switch (placement) {
        case INSIDE -> alpha * f.slopeAtOutput(f.apply(drive[j]));
        case OUTSIDE -> f.slopeAtOutput(next[j]) * alpha;
        case STATE -> alpha;
      };
    }

    /** d next_j / d s_j through the leak alone. */
    double leakSlope(int j) {
      return placement == ReluPlacement.OUTSIDE ? f.slopeAtOutput(next[j]) * (1 - alpha) : 1 - alpha;
    }
  }

  @Override
  public double[] next(double[] state, double[] input) {
    return new Step(state, input).next;
  }

  @Override
  public double[][] stateJacobian(double[] state, double[] input) {
    Step st = new Step(state, input);
    int n = stateSize();
    double[][] jac = new double[n][n];
    // de_k / d(main_k), d(stp_x_k), d(stp_u_k): every dependence of e on the state is unit-wise.
    double[] deMain = new double[h];
    double[] deX = new double[h];
    double[] deU = new double[h];
    for (int k = 0; k < h; k++) {
      if (stp == null) {
        deMain[k] = st.dr[k];
      } else {
        double x = state[h + k];
        double u = state[2 * h + k];
        double r = st.r[k];
        double dxdr = st.passX[k] ? -dtSeconds * u * x : 0;
        double dudr = st.passU[k] ? dtSeconds * baseU[k] * (1 - u) : 0;
        deMain[k] = (st.us[k] * st.xs[k] + r * (st.us[k] * dxdr + st.xs[k] * dudr)) * st.dr[k];
        double dxdx = st.passX[k] ? 1 - alphaX[k] - dtSeconds * u * r : 0;
        double dxdu = st.passX[k] ? -dtSeconds * x * r : 0;
        double dudu = st.passU[k] ? 1 - alphaU[k] - dtSeconds * baseU[k] * r : 0;
        deX[k] = r * st.us[k] * dxdx;
        deU[k] = r * (st.us[k] * dxdu + st.xs[k] * dudu);
        jac[h + k][k] = dxdr * st.dr[k];
        jac[h + k][h + k] = dxdx;
        jac[h + k][2 * h + k] = dxdu;
        jac[2 * h + k][k] = dudr * st.dr[k];
        jac[2 * h + k][2 * h + k] = dudu;
      }
    }
    for (int j = 0; j < h; j++) {
      double g = st.driveSlope(j);
      for (int k = 0; k < h; k++) {
        jac[j][k] = g * wRec[j][k] * deMain[k];
        if (stp != null) {
          jac[j][h + k] = g * wRec[j][k] * deX[k];
          jac[j][2 * h + k] = g * wRec[j][k] * deU[k];
        }
      }
      jac[j][j] += st.leakSlope(j);
    }
    return jac;
  }

  @Override
  public double[][] inputJacobian(double[] state, double[] input) {
    Step st = new Step(state, input);
    double[][] jac = new double[stateSize()][in];
    for (int j = 0; j < h; j++) {
      double g = st.driveSlope(j);
      for (int i = 0; i < in; i++) {
        jac[j][i] = g * wIn[j][i];
      }
    }
    return jac;
  }

  @Override
  public double[] output(double[] state) {
    double[] r = new double[h];
    for (int k = 0; k < h; k++) {
      r[k] = placement == ReluPlacement.STATE ? f.apply(state[k]) : state[k];
    }
    return r;
  }

  @Override
  public double[][] outputJacobian(double[] state) {
    double[][] jac = new double[h][stateSize()];
    for (int k = 0; k < h; k++) {
      jac[k][k] = placement == ReluPlacement.STATE ? f.slopeAtOutput(f.apply(state[k])) : 1;
    }
    return jac;
  }
}
