package io.github.rnnlab.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * What a sweep runs: one setting and seed in, named metrics out, e.g. {@code Map.of("accuracy", eval.accuracy())}.
 * Train and evaluate inside, from the run's seed, so that each run is reproducible on its own whatever machine and
 * thread runs it. Metrics are numbers (NaN means "none"); their names are column names, as for {@link Setting}. Every
 * run of a sweep must return the same metric names.
 *
 * <p>Serializable so that Spark can ship it to other machines: build tasks, data and networks inside the function and
 * capture only numbers, text and settings (a captured object that is not serializable makes Spark refuse the sweep;
 * the local executor does not mind).
 */
@FunctionalInterface
public interface SweepFunction extends Serializable {

  /** Trains and evaluates for {@code run}; a thrown exception is reported in the run's row and stops no other run. */
  Map<String, ? extends Number> apply(Run run) throws Exception;
}
