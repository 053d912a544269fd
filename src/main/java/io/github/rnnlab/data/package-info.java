/**
 * Supervised batches from a task, with neurogym's {@code Dataset} semantics: {@link
 * io.github.rnnlab.data.Dataset}.
 */
@NullMarked
package io.github.rnnlab.data;

import org.jspecify.annotations.NullMarked;
