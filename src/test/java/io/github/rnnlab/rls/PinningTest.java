package io.github.rnnlab.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rnnlab.dynamics.Connectivity;
import io.github.rnnlab.dynamics.FrozenInput;
import io.github.rnnlab.dynamics.Nonlinearity;
import io.github.rnnlab.dynamics.RateNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PinningTest {
  private static final int N = 120;
  private static final double DT_DATA_MS = 10;
  private static final int SAMPLES = 101;

  /** A sigmoid network (τ 10 ms, dt 1 ms) with Gaussian weights of gain g and no noise. */
  private static RateNetwork network(double gain, long seed) {
    return RateNetwork.builder().weights(Connectivity.gaussian(N, gain, seed)).nonlinearity(Nonlinearity.SIGMOID)
        .build();
  }

  @Test
  void allUnitsPlasticReproduceWhatAnotherNetworkOfTheSameKindProduces() {
    // The target is the activity of a "teacher" network of the same kind driven by the same frozen input, sampled
    // every 10 ms for 1 s, so some weights produce it exactly. A student with other random weights, every unit
    // plastic (p = 100%), must reach pVar > 0.95 in its free runs.
    int steps = DataRuns.steps(SAMPLES, DT_DATA_MS, 1);
    FrozenInput input = FrozenInput.smoothedNoise(N, steps, 1, 200, 1, 5);
    RateNetwork teacher = network(1.2, 1);
    float[] x0 = new float[N];
    for (int i = 0; i < N; i++) {
      x0[i] = (float) Math.sin(i);
    }
    INDArray rates = teacher.simulate(steps - 1, input, Nd4j.create(x0), 1).rates();
    INDArray target = Nd4j.create(N, SAMPLES);
    for (int k = 0; k < SAMPLES; k++) {
      target.putColumn(k, rates.getColumn(k * 10L));
    }
    PinningResult result = Pinning.builder().network(network(1.5, 2)).input(input).targetRates(target)
        .dtDataMs(DT_DATA_MS).plasticFraction(1.0).runs(30, 3).seed(3).progress(RunProgress.silent()).train();
    assertTrue(result.history().meanFreePVar() > 0.95, result.toString());
    assertTrue(result.untrainedPVar() < 0.5, "the untrained network does not produce the target: " + result.untrainedPVar());
    assertEquals(N, result.plasticUnits().length);
    assertEquals(30, result.toTable().rowCount());
    assertEquals(3, result.plotRates().charts().size());
  }

  @Test
  void referenceProblemHasTheLabsShapes() {
    BumpSequence problem = BumpSequence.reference(1);
    assertEquals(500, problem.network().units());
    assertEquals(166, problem.samples());
    assertEquals(10577, problem.input().steps());
    INDArray x = problem.targetRates();
    // The bump is centred on unit i (the lab's i + 1) = N t/T − 1: unit 99 at sample 33 (t/T = 33/165 = 0.2).
    assertEquals(1.0, x.getDouble(99, 33), 1e-7);
    assertEquals(Math.exp(-1.0 / (2 * 17.15 * 17.15)), x.getDouble(0, 0), 1e-6);
  }

  @Test
  void badSettingsNameTheValueAndWhatIsAllowed() {
    RateNetwork net = network(1.5, 1);
    INDArray target = Nd4j.rand(N, 5);
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> Pinning.builder().plasticFraction(1.5));
    assertTrue(p.getMessage().contains("(0, 1]") && p.getMessage().contains("1.5"), p.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Pinning.builder().plasticFraction(0));
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> Pinning.builder().network(net).targetRates(Nd4j.rand(N + 1, 5)).dtDataMs(10).train());
    assertTrue(shape.getMessage().contains("[" + N + ", samples]"), shape.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Pinning.builder().targetRates(Nd4j.rand(N, 1)));
    assertThrows(IllegalArgumentException.class,
        () -> Pinning.builder().network(net).targetRates(target).train(), "dtDataMs missing");
    assertThrows(IllegalArgumentException.class,
        () -> Pinning.builder().network(net).targetRates(target).dtDataMs(0.5).train(), "dtData below dt");
    assertThrows(IllegalArgumentException.class,
        () -> Pinning.builder().network(net).targetRates(target).dtDataMs(10).plasticFraction(0.001).train());
    assertThrows(IllegalArgumentException.class, () -> Pinning.builder().runs(5, 6));
    assertThrows(IllegalArgumentException.class, () -> Pinning.builder().sweepPlasticFraction(List.of()));
  }
}
