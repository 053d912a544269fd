/**
 * Sweeps: one function trained and evaluated over a grid (or list) of settings × seeds, run in parallel on all local
 * cores ({@link io.github.rnnlab.sweep.SweepExecutor#local()}) or on Apache Spark
 * ({@link io.github.rnnlab.sweep.SweepExecutor#spark()}), with each finished run written to a results file so that a
 * sweep stopped half-way resumes where it stopped. Results come back as a {@link io.github.rnnlab.sweep.SweepResult}:
 * a Tablesaw table with one row per run and charts of the metrics' distributions.
 *
 * <p>Spark is optional: it is needed only when {@code SweepExecutor.spark(...)} is called.
 */
@NullMarked
package io.github.rnnlab.sweep;

import org.jspecify.annotations.NullMarked;
