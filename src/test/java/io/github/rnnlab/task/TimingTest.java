package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimingTest {

  @Test
  void stepsFloorAsNeurogymDoes() {
    assertEquals(5, Timing.steps(100, 20));
    assertEquals(3, Timing.steps(100, 30));
    assertEquals(3, Timing.steps(0.3, 0.1));
    assertEquals(0, Timing.steps(0, 20));
  }

  @Test
  void choiceAndUniformStayInTheirSets() {
    SplittableRandom rng = new SplittableRandom(1);
    Timing choice = Timing.choice(List.of(100.0, 200.0, 400.0));
    Timing uniform = Timing.uniform(300, 600);
    for (int i = 0; i < 1000; i++) {
      assertTrue(List.of(100.0, 200.0, 400.0).contains(choice.sampleMs(rng)));
      double u = uniform.sampleMs(rng);
      assertTrue(u >= 300 && u < 600, "uniform sample " + u);
    }
  }

  @Test
  void truncatedExponentialHasTheTruncatedMean() {
    // An exponential of mean m restricted to [a, b) has mean m + (a·e^{-a/m} − b·e^{-b/m}) / (e^{-a/m} − e^{-b/m}).
    double m = 600;
    double a = 300;
    double b = 3000;
    double ea = Math.exp(-a / m);
    double eb = Math.exp(-b / m);
    double expected = m + (a * ea - b * eb) / (ea - eb);
    Timing timing = Timing.truncatedExponential(m, a, b);
    SplittableRandom rng = new SplittableRandom(2);
    int n = 200_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double t = timing.sampleMs(rng);
      assertTrue(t >= a && t < b);
      sum += t;
    }
    assertEquals(expected, sum / n, 5 * 600 / Math.sqrt(n));
    assertEquals(500, Timing.truncatedExponential(100, 500, 500).sampleMs(rng));
  }
}
