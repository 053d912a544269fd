package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.BatchSource;
import io.github.rnnlab.data.TrialBatches;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.RecurrentNetwork;
import io.github.rnnlab.task.MultiTask;
import io.github.rnnlab.task.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small problem on which a consolidation penalty must protect weights: a 32-unit network learns go (with rule
 * inputs for go and anti, at neurogym's dt of 100 ms), then anti, which asks for the opposite answer to the same
 * stimulus. Without protection anti overwrites go (its loss rises about 40-fold). With the penalty, the network
 * learns go exactly as without it (the penalty is 0 until it consolidates go), then anti on the same batches: the
 * weights the penalty found most important for go (the top tenth) must move less than half as far as without it.
 * (They move about a hundred times less.) Go's loss after anti is not asserted: on a problem this small it depends on
 * the seed and on rounding (over seeds 1 to 4 the protected loss ranged from a twentieth of the unprotected one to more
 * than it), as anti moves the other nine tenths; the continual-learning notebook measures accuracy over seeds instead.
 */
final class Movement {
  private static final MultiTask SET = MultiTask.of(List.of("yang19.go-v0", "yang19.anti-v0"), 100);
  private static final Task GO = SET.task(0);
  private static final Task ANTI = SET.task(1);
  private static final int STEPS = 600;
  /** The unprotected run, shared by the tests of both penalties: weights after go, weights and go's loss after anti. */
  private static Map<String, float[][]> plainAfterGo;
  private static Map<String, float[][]> plainAfterAnti;
  private static double plainGoLoss;

  private Movement() {}

  /** What ends the first task: the penalty's {@code consolidate}. */
  interface Consolidation {
    void consolidate(RecurrentNetwork network, BatchSource data);
  }

  private static Ctrnn net() {
    return Ctrnn.builder().forTask(GO).hiddenSize(32).seed(3).build();
  }

  private static double goLoss(RecurrentNetwork net) {
    return net.computeGradients(TrialBatches.of(GO, 64, 9).next()).loss();
  }

  private static synchronized void trainPlain() {
    if (plainAfterGo == null) {
      Ctrnn plain = net();
      TrainingSession session = ElasticWeightConsolidationTest.quiet().build().session(plain);
      session.train(TrialBatches.of(GO, 8, 1), STEPS);
      plainAfterGo = Snapshots.of(plain);
      session.train(TrialBatches.of(ANTI, 8, 3), STEPS);
      plainAfterAnti = Snapshots.of(plain);
      plainGoLoss = goLoss(plain);
    }
  }

  static void assertProtectedWeightsMoveLess(ConsolidationPenalty penalty, Consolidation consolidation) {
    trainPlain();
    Ctrnn kept = net();
    TrainingSession session = ElasticWeightConsolidationTest.quiet().penalty(penalty).build().session(kept);
    session.train(TrialBatches.of(GO, 8, 1), STEPS);
    Map<String, float[][]> afterGo = Snapshots.of(kept);
    plainAfterGo.forEach((name, values) -> {
      for (int r = 0; r < values.length; r++) {
        assertArrayEquals(values[r], afterGo.get(name)[r], "an inactive penalty changes nothing: " + name);
      }
    });
    double goLossBefore = goLoss(kept);
    consolidation.consolidate(kept, TrialBatches.of(GO, 8, 2));
    session.train(TrialBatches.of(ANTI, 8, 3), STEPS);

    List<double[]> entries = new ArrayList<>();   // importance, plain's move, protected move
    Map<String, float[][]> keptNow = Snapshots.of(kept);
    Snapshots.importances(penalty, kept).forEach((name, m) -> {
      for (int r = 0; r < m.length; r++) {
        for (int c = 0; c < m[r].length; c++) {
          double start = afterGo.get(name)[r][c];
          entries.add(new double[] {m[r][c], Math.abs(plainAfterAnti.get(name)[r][c] - start),
              Math.abs(keptNow.get(name)[r][c] - start)});
        }
      }
    });
    entries.sort(Comparator.comparingDouble((double[] e) -> e[0]).reversed());
    List<double[]> top = entries.subList(0, entries.size() / 10);
    double plainMove = top.stream().mapToDouble(e -> e[1]).average().orElseThrow();
    double keptMove = top.stream().mapToDouble(e -> e[2]).average().orElseThrow();
    String summary = String.format(Locale.ROOT, "mean |Δθ| of the top tenth: plain %.4f, protected %.4f; go's loss "
        + "after go %.3f, after anti without protection %.3f", plainMove, keptMove, goLossBefore, plainGoLoss);
    assertTrue(plainGoLoss > 10 * goLossBefore, "without protection anti overwrites go: " + summary);
    assertTrue(keptMove < 0.5 * plainMove, summary);
  }
}
