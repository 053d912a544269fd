package io.github.rnnlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.Lstm;
import io.github.rnnlab.task.StoreRecall;
import io.github.rnnlab.task.Trial;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LstmTraceTest {
  private final StoreRecall task = StoreRecall.builder().build();
  private final Trial trial = task.trials(3).next();

  /** The gates recomputed from the parameters with PyTorch's LSTM equations, in double precision. */
  @Test
  void gatesMatchTheLstmEquations() {
    Lstm net = Lstm.builder().forTask(task).hiddenSize(2).seed(4).build();
    LstmTrace trace = LstmTrace.of(net, trial, task.inputNames(), 1);
    float[][] wih = net.parameter("weight_ih").values();
    float[][] whh = net.parameter("weight_hh").values();
    float[] bih = net.parameter("bias_ih").values()[0];
    float[] bhh = net.parameter("bias_hh").values()[0];
    double[] h = new double[2];
    double[] c = new double[2];
    for (int t = 0; t < trial.steps(); t++) {
      double[] pre = new double[8];
      for (int r = 0; r < 8; r++) {
        pre[r] = bih[r] + bhh[r];
        for (int k = 0; k < 3; k++) {
          pre[r] += wih[r][k] * trial.input(t, k);
        }
        for (int k = 0; k < 2; k++) {
          pre[r] += whh[r][k] * h[k];
        }
      }
      double[] next = new double[2];
      for (int u = 0; u < 2; u++) {
        double i = sigmoid(pre[u]);
        double f = sigmoid(pre[2 + u]);
        double g = Math.tanh(pre[4 + u]);
        double o = sigmoid(pre[6 + u]);
        c[u] = f * c[u] + i * g;
        next[u] = o * Math.tanh(c[u]);
        if (u == 1) {
          assertEquals(i, trace.gate("lstm_i")[t], 1e-5, "input gate at step " + t);
          assertEquals(f, trace.gate("lstm_f")[t], 1e-5, "forget gate at step " + t);
          assertEquals(g, trace.gate("lstm_g")[t], 1e-5);
          assertEquals(o, trace.gate("lstm_o")[t], 1e-5);
          assertEquals(c[u], trace.gate("lstm_c")[t], 1e-5, "cell at step " + t);
        }
      }
      h = next;
    }
    Table table = trace.toTable();
    assertEquals(List.of("step", "noise", "store", "recall", "target", "output", "input_gate", "forget_gate",
        "candidate", "output_gate", "cell", "hidden"), table.columnNames());
    assertEquals(h[1], table.doubleColumn("hidden").getDouble(trial.steps() - 1), 1e-5);
    assertEquals(4, trace.plot().charts().size());
  }

  @Test
  void otherNetworksAndBadArgumentsAreRejected() {
    Lstm net = Lstm.builder().forTask(task).hiddenSize(1).seed(1).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LstmTrace.of(Ctrnn.forTask(task, 4, 1), trial, task.inputNames(), 0));
    assertTrue(e.getMessage().contains("no LSTM gates"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LstmTrace.of(net, trial, task.inputNames(), 1));
    assertThrows(IllegalArgumentException.class, () -> LstmTrace.of(net, trial, List.of("a"), 0));
    assertThrows(IllegalArgumentException.class, () -> LstmTrace.of(net, trial, task.inputNames(), 0).gate("x"));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
