/**
 * Cognitive tasks in trials, modelled on neurogym's {@code TrialEnv}: {@link io.github.rnnlab.task.Tasks} is the
 * catalogue (every neurogym task with a supervised target, by neurogym id), {@link io.github.rnnlab.task.MultiTask}
 * adds rule inputs to a set of tasks, {@link io.github.rnnlab.task.AbstractTask} and {@link
 * io.github.rnnlab.task.TrialBuilder} help write new ones.
 */
@NullMarked
package io.github.rnnlab.task;

import org.jspecify.annotations.NullMarked;
