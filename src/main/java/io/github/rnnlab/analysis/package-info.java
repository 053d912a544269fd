/**
 * Analyses of trained networks: {@link io.github.rnnlab.analysis.Evaluation} on fresh trials or batches, {@link
 * io.github.rnnlab.analysis.Psychometric} and {@link io.github.rnnlab.analysis.Chronometric} curves, and {@link
 * io.github.rnnlab.analysis.Pca} of their activity.
 */
@NullMarked
package io.github.rnnlab.analysis;

import org.jspecify.annotations.NullMarked;
