package io.github.rnnlab.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Go/no-go with a delay: neurogym's {@code GoNogo-v0} (its metadata cites Zhang et al. 2019, eLife 8:e43191, pending
 * the original go/no-go paper). A go or a no-go cue, a delay, then the network answers "go" or holds.
 *
 * <p>Each trial draws the ground truth (0 = no-go, 1 = go). Inputs: {@code fixation} is 1 until the decision;
 * {@code nogo} or {@code go} is 1 during the stimulus. No noise. Targets: 0, then the ground truth in the decision
 * period, where the answer is read (no-go trials are 0 throughout). Trial variables: {@code ground_truth}.
 *
 * <p>neurogym reports correct no-go trials as failures in its step-based performance (its core resets the
 * performance its {@code _new_trial} set, issue #22); here a held no-go trial is correct. Defaults (neurogym's): dt
 * 100 ms; fixation 0, stimulus 500, delay 500, decision 500 ms.
 */
public final class GoNogo extends AbstractTask {
  private static final List<String> PERIODS = List.of("fixation", "stimulus", "delay", "decision");

  private GoNogo(Builder b) {
    super("GoNogo", b, PERIODS, List.of("fixation", "nogo", "go"), List.of("fixation", "go"));
  }

  /** A builder with neurogym's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Trial sampleTrial(RandomGenerator rng) {
    int groundTruth = rng.nextInt(2);
    TrialBuilder b = newTrial(PERIODS, rng);
    for (String p : List.of("fixation", "stimulus", "delay")) {
      b.addInput(p, 0, 1.0);
    }
    b.addInput("stimulus", 1 + groundTruth, 1.0).setTarget("decision", groundTruth).respondIn("decision");
    Map<String, Double> info = new LinkedHashMap<>();
    info.put("ground_truth", (double) groundTruth);
    return b.build(groundTruth, info);
  }

  /** Settings of a {@link GoNogo}; defaults are neurogym's. */
  public static final class Builder extends AbstractTask.Builder<Builder> {
    private Builder() {
      super(100);
      defaultTiming("fixation", Timing.constant(0));
      defaultTiming("stimulus", Timing.constant(500));
      defaultTiming("delay", Timing.constant(500));
      defaultTiming("decision", Timing.constant(500));
    }

    @Override
    public GoNogo build() {
      return new GoNogo(this);
    }
  }
}
