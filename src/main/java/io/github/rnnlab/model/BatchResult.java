package io.github.rnnlab.model;

/**
 * The loss and accuracies of one training batch, measured in the forward pass that computed its gradients.
 *
 * @param loss mean cross-entropy over every time step and sequence
 * @param stepAccuracy fraction of all time steps whose most likely output equals the target (fixation included)
 * @param decisionAccuracy the same fraction over the steps whose target is a choice (target > 0), NaN if none
 */
public record BatchResult(double loss, double stepAccuracy, double decisionAccuracy) {}
