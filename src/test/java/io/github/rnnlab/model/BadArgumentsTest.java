package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad settings fail at once with an IllegalArgumentException naming the value and what is allowed. */
class BadArgumentsTest {

  private static void refused(Executable call, String... words) {
    var e = assertThrows(IllegalArgumentException.class, call);
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), "'" + w + "' in: " + e.getMessage());
    }
  }

  @Test
  void networkSettings() {
    refused(() -> Ctrnn.builder().sigmaRec(-0.1), "sigmaRec", "-0.1", ">= 0");
    refused(() -> Ctrnn.builder().sigmaIn(Double.NaN), "sigmaIn", "NaN");
    refused(() -> Ctrnn.builder().tauMs(0), "tauMs", "> 0");
    refused(() -> Ctrnn.builder().inputSize(3).hiddenSize(4).outputSize(2).dtMs(50).tauMs(20).build(), "dtMs",
        "tauMs", "α");
    refused(() -> EiRnn.builder().excitatoryFraction(1.0), "excitatoryFraction", "(0, 1)", "1.0");
    refused(() -> EiRnn.builder().excitatoryFraction(0), "excitatoryFraction");
    refused(() -> EiRnn.builder().inputSize(3).hiddenSize(3).outputSize(3).excitatoryFraction(0.2).build(),
        "each kind needs one");
    refused(() -> new ShortTermPlasticity.Synapse(200, 0, 0.15), "tauUMs", "> 0");
    refused(() -> new ShortTermPlasticity.Synapse(-1, 100, 0.15), "tauXMs");
    refused(() -> new ShortTermPlasticity.Synapse(200, 1500, 1.5), "U", "(0, 1]", "1.5");
    refused(() -> new ShortTermPlasticity(List.of()), "at least one");
    refused(() -> UnitGrid.of(0, 8), "rows", "> 0");
    refused(() -> Ctrnn.builder().inputSize(3).hiddenSize(4).outputSize(3).build()
        .computeGradients(ReferenceNetwork.randomBatch(2, 2, 3, 3, false, 1), -1), "rateL2");
  }

  @Test
  void lossesRefuseTargetsTheyCannotScore() {
    Ctrnn labels = Ctrnn.builder().inputSize(3).hiddenSize(4).outputSize(2).build();
    refused(() -> labels.computeGradients(io.github.rnnlab.data.Batch.of(1, 1, 3, new float[3], new int[] {2})),
        "target label 2", "0..1");
    refused(() -> labels.computeGradients(ReferenceNetwork.randomValueBatch(2, 2, 3, 2, false, 1)),
        "class-label targets", "meanSquaredError");
    Ctrnn values = Ctrnn.builder().inputSize(3).hiddenSize(4).outputSize(2).loss(Loss.meanSquaredError()).build();
    refused(() -> values.computeGradients(ReferenceNetwork.randomValueBatch(2, 2, 3, 3, false, 1)), "3 float targets",
        "2 outputs");
  }
}
