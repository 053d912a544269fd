package io.github.rnnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.data.TrialBatches;
import io.github.rnnlab.model.Ctrnn;
import io.github.rnnlab.model.Parameter;
import io.github.rnnlab.model.RecurrentNetwork;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Intelligent synapses: Ω against the formula of Zenke et al. 2017 applied by a separate listener to the same steps,
 * over two tasks; the penalty's value against its definition and its gradient against finite differences; weights
 * that matter for the first task moving less.
 */
class IntelligentSynapsesTest {

  /**
   * Zenke et al.'s importance, written out from what each step lends: ω −= g·(after − before) per step, and at the end
   * of a task Ω ← max(0, Ω + ω/(Δ² + ξ)) with Δ the change since the task started.
   */
  private static final class Reference implements StepListener {
    final double xi;
    Map<String, double[][]> omega;
    Map<String, double[][]> importance;
    Map<String, float[][]> start;

    Reference(RecurrentNetwork net, double xi) {
      this.xi = xi;
      this.omega = Snapshots.zeros(net);
      this.importance = Snapshots.zeros(net);
      this.start = Snapshots.of(net);
    }

    @Override
    public void stepTaken(TrainingStep step) {
      for (Parameter p : step.network().parameters()) {
        double[][] w = omega.get(p.name());
        for (int r = 0; r < w.length; r++) {
          for (int c = 0; c < w[r].length; c++) {
            w[r][c] -= step.gradient(p.name())[r][c] * ((double) p.values()[r][c] - step.before(p.name())[r][c]);
          }
        }
      }
    }

    void endTask(RecurrentNetwork net) {
      for (Parameter p : net.parameters()) {
        double[][] big = importance.get(p.name());
        for (int r = 0; r < big.length; r++) {
          for (int c = 0; c < big[r].length; c++) {
            double delta = (double) p.values()[r][c] - start.get(p.name())[r][c];
            big[r][c] = Math.max(0, big[r][c] + omega.get(p.name())[r][c] / (delta * delta + xi));
          }
        }
      }
      omega = Snapshots.zeros(net);
      start = Snapshots.of(net);
    }
  }

  @Test
  void importanceFollowsThePathIntegralAndThePenaltyItsDefinition() {
    Ctrnn net = ElasticWeightConsolidationTest.net();
    IntelligentSynapses synapses = IntelligentSynapses.of(50, 0.05);
    Reference reference = new Reference(net, 0.05);
    TrainingSession session = ElasticWeightConsolidationTest.quiet().penalty(synapses).stepListener(reference).build()
        .session(net);
    session.train(TrialBatches.of(ElasticWeightConsolidationTest.GO, 4, 1), 30);
    assertEquals(30, synapses.stepsSinceConsolidation());
    synapses.consolidate(net);
    reference.endTask(net);
    assertImportance(reference.importance, synapses, net);
    // The second task's path runs under the penalty; the path integral still uses the task loss's gradient only.
    session.train(TrialBatches.of(ElasticWeightConsolidationTest.ANTI, 4, 2), 30);
    synapses.consolidate(net, TrialBatches.of(ElasticWeightConsolidationTest.ANTI, 4, 3));
    reference.endTask(net);
    assertImportance(reference.importance, synapses, net);
    assertEquals(2, synapses.tasksConsolidated());
    Map<String, float[][]> anchor = Snapshots.of(net);
    session.train(TrialBatches.of(ElasticWeightConsolidationTest.DM1, 4, 4), 10);

    double expected = 0;
    boolean clipped = false;
    for (Parameter p : net.parameters()) {
      double[][] omega = reference.importance.get(p.name());
      for (int r = 0; r < omega.length; r++) {
        for (int c = 0; c < omega[r].length; c++) {
          double d = (double) p.values()[r][c] - anchor.get(p.name())[r][c];
          expected += 50 * omega[r][c] * d * d;
          clipped |= omega[r][c] == 0;
        }
      }
    }
    assertTrue(clipped, "some parameters should have had a negative path integral, clipped to 0");
    assertEquals(expected, synapses.addGradients(net), 1e-5 * expected);
    assertTrue(expected > 1e-3, "the test needs a penalty that pulls: " + expected);
    for (Parameter p : net.parameters()) {
      PenaltyGradients.assertMatches(synapses, net, p.name());
    }
    assertTrue(session.history().seriesNames().contains("intelligent_synapses"));
  }

  @Test
  void weightsThatMatterForTheFirstTaskMoveLess() {
    IntelligentSynapses synapses = Penalty.intelligentSynapses(10, 0.01);
    Movement.assertProtectedWeightsMoveLess(synapses, synapses::consolidate);
  }

  @Test
  void badSettingsAndMisuseAreRefused() {
    var negative = assertThrows(IllegalArgumentException.class, () -> IntelligentSynapses.of(-0.5, 0.01));
    assertTrue(negative.getMessage().contains("c (strength)") && negative.getMessage().contains("-0.5"),
        negative.getMessage());
    for (double xi : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      var damping = assertThrows(IllegalArgumentException.class, () -> Penalty.intelligentSynapses(1, xi));
      assertTrue(damping.getMessage().contains("ξ (damping)") && damping.getMessage().contains(Double.toString(xi)),
          damping.getMessage());
    }
    IntelligentSynapses synapses = IntelligentSynapses.of(1, 0.1);
    Ctrnn net = ElasticWeightConsolidationTest.net();
    assertEquals(0, synapses.addGradients(net));
    var unheard = assertThrows(IllegalStateException.class, () -> synapses.consolidate(net));
    assertTrue(unheard.getMessage().contains("heard no training step"), unheard.getMessage());
    assertThrows(IllegalStateException.class, () -> synapses.importance("W_rec"));
    ElasticWeightConsolidationTest.quiet().penalty(synapses).build().train(net,
        TrialBatches.of(ElasticWeightConsolidationTest.GO, 2, 1));
    var other = assertThrows(IllegalArgumentException.class,
        () -> synapses.consolidate(Ctrnn.builder().forTask(ElasticWeightConsolidationTest.GO).hiddenSize(5).build()));
    assertTrue(other.getMessage().contains("Use one penalty per network"), other.getMessage());
  }

  private static void assertImportance(Map<String, double[][]> expected, IntelligentSynapses synapses, Ctrnn net) {
    Snapshots.importances(synapses, net).forEach((name, actual) -> {
      double[][] e = expected.get(name);
      for (int r = 0; r < e.length; r++) {
        for (int c = 0; c < e[r].length; c++) {
          assertEquals(e[r][c], actual[r][c], 1e-9 + 1e-5 * Math.abs(e[r][c]), name + "[" + r + "][" + c + "]");
        }
      }
    });
  }
}
