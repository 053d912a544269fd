/**
 * Helpers shared by rnnlab's packages (argument checks, work spread over the cores). Not part of the public API: it may change without notice.
 */
@NullMarked
package io.github.rnnlab.internal;

import org.jspecify.annotations.NullMarked;
