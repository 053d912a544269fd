package io.github.rnnlab.data;

/**
 * Where training batches come from: a {@link Dataset} (neurogym's back-to-back stream) or any other supplier of
 * batches. A single method, so a lambda will do.
 */
@FunctionalInterface
public interface BatchSource {

  /** The next batch. */
  Batch next();
}
