package io.github.rnnlab.train;

/**
 * Hears every optimiser step of a {@link TrainingSession}, after the parameters have moved (and their constraints
 * hold again): what the step started from, the gradient of the batch's loss and where it went, in a {@link
 * TrainingStep}. For online measures along the training path, such as the path integral of {@link
 * IntelligentSynapses}. Add one with {@link Trainer.Builder#stepListener}; a penalty that is also a listener hears the
 * steps as soon as it is added with {@link Trainer.Builder#penalty}. One method, so a lambda will do:
 *
 * <pre>{@code
 * Trainer.builder().stepListener(step -> System.out.println(step.step() + ": " + step.result().loss())).build();
 * }</pre>
 */
@FunctionalInterface
public interface StepListener {

  /**
   * Called once after each optimiser step; {@code step} and the arrays it lends are valid during this call only.
   * Not called for a step that is not applied (training stopped because the loss or gradients were not finite).
   */
  void stepTaken(TrainingStep step);
}
