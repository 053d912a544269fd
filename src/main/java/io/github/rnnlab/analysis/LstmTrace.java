package io.github.rnnlab.analysis;

import io.github.rnnlab.internal.Checks;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.model.Rollout;
import io.github.rnnlab.plot.Charts;
import io.github.rnnlab.plot.Figure;
import io.github.rnnlab.task.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One trial run through an LSTM, step by step, with what its gates did: the tutorial's LSTM notebook. For one hidden
 * unit it records the input gate i, the forget gate f, the candidate g, the output gate o, the cell state c (after the
 * step) and the output h, from {@code Rollout.extra("lstm_i")} etc., next to the trial's inputs, targets and the
 * network's outputs. The LSTM stores by opening i (and closing f), keeps by holding f at 1 and i at 0, and reports by
 * opening o. Immutable.
 */
public final class LstmTrace {
  private static final List<String> GATES = List.of("lstm_i", "lstm_f", "lstm_g", "lstm_o", "lstm_c");

  private final Trial trial;
  private final List<String> inputNames;
  private final int unit;
  private final double[][] outputs;
  private final Map<String, double[]> gates;
  private final double[] hidden;

  private LstmTrace(Trial trial, List<String> inputNames, int unit, double[][] outputs, Map<String, double[]> gates,
      double[] hidden) {
    this.trial = trial;
    this.inputNames = inputNames;
    this.unit = unit;
    this.outputs = outputs;
    this.gates = gates;
    this.hidden = hidden;
  }

  /**
   * Runs {@code network} (an {@code Lstm}) on {@code trial} alone, from a zero state, and records hidden unit
   * {@code unit}; {@code inputNames} label the input channels (e.g. {@code task.inputNames()}).
   *
   * @throws IllegalArgumentException if the network is not an LSTM (its rollout has no gates), does not fit the trial,
   *     {@code unit} is not one of its units, or there is not one name per input channel
   */
  public static LstmTrace of(RecurrentNetwork network, Trial trial, List<String> inputNames, int unit) {
    if (trial.inputSize() != network.inputSize() || inputNames.size() != network.inputSize()) {
      throw new IllegalArgumentException("the network has " + network.inputSize() + " inputs; the trial has "
          + trial.inputSize() + " and " + inputNames.size() + " names were given");
    }
    Rollout rollout = network.forward(trial.inputs().reshape(trial.steps(), 1, trial.inputSize()));
    if (!rollout.extraNames().containsAll(GATES)) {
      throw new IllegalArgumentException("this network's rollout has no LSTM gates (it has " + rollout.extraNames()
          + "); use an Lstm");
    }
    int units = (int) rollout.hidden().size(2);
    Checks.index("unit", unit, units);
    Map<String, double[]> gates = new LinkedHashMap<>();
    for (String g : GATES) {
      gates.put(g, column(rollout.extra(g), unit));
    }
    int outs = network.outputSize();
    double[][] outputs = new double[outs][];
    for (int o = 0; o < outs; o++) {
      outputs[o] = column(rollout.outputs(), o);
    }
    return new LstmTrace(trial, List.copyOf(inputNames), unit, outputs, gates, column(rollout.hidden(), unit));
  }

  /** Channel {@code k} of a (time, 1, channels) array. */
  private static double[] column(INDArray a, int k) {
    double[] v = new double[(int) a.size(0)];
    for (int t = 0; t < v.length; t++) {
      v[t] = a.getDouble(t, 0, k);
    }
    return v;
  }

  /** The trial. */
  public Trial trial() {
    return trial;
  }

  /**
   * The recorded values of {@code name}: {@code lstm_i}, {@code lstm_f}, {@code lstm_g}, {@code lstm_o} or
   * {@code lstm_c}, one per step.
   */
  public double[] gate(String name) {
    double[] v = gates.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unknown gate '" + name + "'; recorded are " + gates.keySet());
    }
    return v.clone();
  }

  /**
   * One row per step: {@code step}, each input channel (by name), {@code target} and {@code output} (the first target
   * and output channel), {@code input_gate}, {@code forget_gate}, {@code candidate}, {@code output_gate},
   * {@code cell} and {@code hidden} (of the recorded unit).
   */
  public Table toTable() {
    int steps = trial.steps();
    int[] ids = new int[steps];
    for (int t = 0; t < steps; t++) {
      ids[t] = t;
    }
    Table table = Table.create("LSTM unit " + unit + " over a trial", IntColumn.create("step", ids));
    for (int c = 0; c < inputNames.size(); c++) {
      table.addColumns(DoubleColumn.create(inputNames.get(c), input(c)));
    }
    return table.addColumns(DoubleColumn.create("target", target()), DoubleColumn.create("output", outputs[0]),
        DoubleColumn.create("input_gate", gates.get("lstm_i")), DoubleColumn.create("forget_gate",
            gates.get("lstm_f")), DoubleColumn.create("candidate", gates.get("lstm_g")),
        DoubleColumn.create("output_gate", gates.get("lstm_o")), DoubleColumn.create("cell", gates.get("lstm_c")),
        DoubleColumn.create("hidden", hidden));
  }

  /**
   * Four panels over the trial's steps, as the tutorial's figure: the first input channel (the value to remember);
   * the other input channels (the cues); the target and the output; the input, forget and output gates with the cell
   * state.
   */
  public Figure plot() {
    int steps = trial.steps();
    double[] x = new double[steps];
    for (int t = 0; t < steps; t++) {
      x[t] = t;
    }
    Map<String, double[]> cues = new LinkedHashMap<>();
    for (int c = 1; c < inputNames.size(); c++) {
      cues.put(inputNames.get(c), input(c));
    }
    Map<String, double[]> answer = new LinkedHashMap<>();
    answer.put("target", target());
    answer.put("output", outputs[0]);
    Map<String, double[]> inner = new LinkedHashMap<>();
    inner.put("input gate", gates.get("lstm_i"));
    inner.put("forget gate", gates.get("lstm_f"));
    inner.put("output gate", gates.get("lstm_o"));
    inner.put("cell state", gates.get("lstm_c"));
    List<XYChart> panels = new ArrayList<>();
    panels.add(panel("Input: " + inputNames.get(0), "", Map.of(inputNames.get(0), input(0)), x));
    if (!cues.isEmpty()) {
      panels.add(panel("Cues", "", cues, x));
    }
    panels.add(panel("Output", "", answer, x));
    panels.add(panel("Gates and cell state (unit " + unit + ")", "Time step", inner, x));
    return Figure.column(panels);
  }

  private static XYChart panel(String title, String xTitle, Map<String, double[]> curves, double[] x) {
    // Legends below the plots, so that the four panels' time axes line up.
    XYChart chart = Charts.xy(title, xTitle, "", 720, 210);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    // Limits half a step beyond the data: XChart then picks round ticks instead of one at every step.
    chart.getStyler().setXAxisMin(-0.5).setXAxisMax(x.length - 0.5);
    chart.getStyler().setMarkerSize(4);
    curves.forEach((name, y) -> chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE)
        .setLineStyle(SeriesLines.SOLID));
    return chart;
  }

  private double[] input(int channel) {
    double[] v = new double[trial.steps()];
    for (int t = 0; t < v.length; t++) {
      v[t] = trial.input(t, channel);
    }
    return v;
  }

  private double[] target() {
    double[] v = new double[trial.steps()];
    for (int t = 0; t < v.length; t++) {
      v[t] = trial.hasLabels() ? trial.target(t) : trial.targetValue(t, 0);
    }
    return v;
  }

  @Override
  public String toString() {
    return "LstmTrace[unit " + unit + ", " + trial + "]";
  }
}
