/**
 * Cognitive tasks in trials, modelled on neurogym's {@code TrialEnv}: {@link io.github.rnnlab.task.Tasks} makes
 * the built-in ones (perceptual decision making, yang19 go and reaction-time go), {@link
 * io.github.rnnlab.task.TrialBuilder} helps write new ones.
 */
@NullMarked
package io.github.rnnlab.task;

import org.jspecify.annotations.NullMarked;
