/**
 * Training: {@link io.github.rnnlab.train.Trainer} (BPTT with Adam), its {@link
 * io.github.rnnlab.train.TrainingHistory} and progress reporting.
 */
@NullMarked
package io.github.rnnlab.train;

import org.jspecify.annotations.NullMarked;
