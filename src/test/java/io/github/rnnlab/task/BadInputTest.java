package io.github.rnnlab.task;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad task, timing and builder arguments fail up front with an {@link IllegalArgumentException} that names the value
 * and what is allowed, never later as an array, arithmetic or memory error.
 */
class BadInputTest {

  static Stream<Arguments> badCalls() {
    TrialBuilder b = new TrialBuilder(20, 3).addPeriod("fixation", 5);
    return Stream.of(
        bad("negative period", () -> new TrialBuilder(20, 3).addPeriod("x", -3), "steps of period 'x' must be >= 0; got -3"),
        bad("input channel", () -> b.addInput("fixation", 3, 1.0), "input channel must be in 0..2; got 3"),
        bad("input value", () -> b.addInput("fixation", 0, Double.NaN), "input value must be a finite number; got NaN"),
        bad("unknown period", () -> b.addInput("stimulus", 0, 1.0), "unknown period 'stimulus'"),
        bad("step range", () -> b.setTarget(2, 9, 1), "step range [2, 9) must lie within the trial's 5 steps"),
        bad("label", () -> b.setTarget("fixation", -1), "target label must be >= 0; got -1"),
        bad("noise channels", () -> b.addNoise("fixation", 2, 5, 1, new SplittableRandom(1)), "noise channels [2, 5)"),
        bad("weight", () -> b.setWeight("fixation", -1), "loss weight must be a finite number >= 0; got -1.0"),
        bad("endless uniform", () -> Timing.uniform(100, Double.POSITIVE_INFINITY), "uniform high must be a finite"),
        bad("empty choice", () -> Timing.choice(List.of()), "at least one duration"),
        bad("negative constant", () -> Timing.constant(-5), "constant duration must be a finite number of ms >= 0"),
        bad("huge period", () -> Timing.steps(1e12, 1), "at most 1000000 steps"),
        bad("huge trial", () -> new TrialBuilder(20, 3).addPeriod("a", 900_000).addPeriod("b", 900_000),
            "a trial may last at most 1000000 steps"),
        bad("truncated exponential", () -> Timing.truncatedExponential(0, 1, 2), "mean must be > 0 ms; got 0"),
        bad("dt", () -> Tasks.create("GoNogo-v0", Double.NaN), "dtMs must be a finite number > 0; got NaN"),
        bad("unknown timing", () -> Tasks.create("GoNogo-v0", 100, Map.of("decison", Timing.constant(1))),
            "unknown period 'decison'; allowed: [fixation, stimulus, delay, decision]"),
        bad("dimRing", () -> AntiReach.builder().dimRing(1), "dimRing must be >= 2; got 1"),
        bad("sigma", () -> ContextDecisionMaking.builder().sigma(-1), "sigma must be a finite number >= 0; got -1.0"),
        bad("cohs", () -> PerceptualDecisionMaking.builder().cohs(List.of(0.0, Double.NaN)), "cohs must be finite"),
        bad("empty cohs", () -> PerceptualDecisionMaking.builder().cohs(List.of()), "at least one value"),
        bad("context modality", () -> ContextDecisionMaking.builder().contextModality(2),
            "contextModality must be in 0..1; got 2"),
        bad("pulse probability", () -> PulseDecisionMaking.builder().pPulse(0.3, 1.5), "pPulse must lie in [0.0, 1.0]"),
        bad("bins", () -> PulseDecisionMaking.builder().nBin(0), "nBin must be > 0; got 0"),
        bad("vpairs", () -> DelayComparison.builder().vpairs(List.of(new double[] {10, 18})), "the first larger"),
        bad("bounds", () -> ReachingDelayResponse.builder().bounds(1, 0), "highBound must be >= lowBound"),
        bad("gain", () -> ReadySetGo.builder().gain(0), "gain must be a finite number > 0; got 0.0"),
        bad("ties", () -> IntervalDiscrimination.builder().timingMs("stim1", 400).timingMs("stim2", 400).build(),
            "no trial has a longer stimulus"),
        bad("blocks", () -> PerceptualDecisionMaking.builder().blocks(90, 1.2), "prior must lie in [0.0, 1.0]"),
        bad("blocks with three choices", () -> PerceptualDecisionMaking.builder().dimRing(3).blocks(90, 0.8).build(),
            "biased blocks need two choices"),
        bad("shape weights", () -> ProbabilisticReasoning.builder().shapeWeight(List.of(Double.POSITIVE_INFINITY)),
            "shapeWeight must be finite"),
        bad("stream count", () -> Tasks.create("GoNogo-v0").trials(1).next(-1), "trial count must be >= 0; got -1"),
        bad("length stats", () -> Tasks.create("GoNogo-v0").trialLengthStats(0, 1), "numTrials must be > 0; got 0"),
        bad("rule index", () -> MultiTask.of(List.of("GoNogo-v0"), 100).task(1), "task index must be in 0..0; got 1"),
        bad("response", () -> new Response(3, 3, -1, 0), "0 <= start < end; got [3, 3)"));
  }

  private static Arguments bad(String what, Executable call, String message) {
    return Arguments.of(what, call, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void badArgumentsFailUpFrontNamingTheValue(String what, Executable call, String message) {
    var e = assertThrows(IllegalArgumentException.class, call, what);
    assertTrue(e.getMessage().contains(message), what + ": \"" + e.getMessage() + "\" should say \"" + message + "\"");
  }
}
