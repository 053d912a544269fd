/**
 * Training: {@link io.github.rnnlab.train.Trainer} (BPTT with Adam), {@link
 * io.github.rnnlab.train.TrainingSession} (the optimiser kept across calls), {@link io.github.rnnlab.train.Curriculum}
 * (stages advanced at a performance threshold), the {@link io.github.rnnlab.train.TrainingHistory} and progress
 * reporting.
 */
@NullMarked
package io.github.rnnlab.train;

import org.jspecify.annotations.NullMarked;
