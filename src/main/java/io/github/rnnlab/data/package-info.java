/**
 * Supervised batches from a task: {@link io.github.rnnlab.data.Dataset} (neurogym's back-to-back windows) and {@link
 * io.github.rnnlab.data.TrialBatches} (one trial per column, padding masked, optionally weighted by a {@link
 * io.github.rnnlab.data.CostMask}); each batch lists its trials.
 */
@NullMarked
package io.github.rnnlab.data;

import org.jspecify.annotations.NullMarked;
