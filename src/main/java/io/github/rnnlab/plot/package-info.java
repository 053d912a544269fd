/**
 * Headless XChart charts; every {@code plot()} in rnnlab returns a {@link io.github.rnnlab.plot.Figure}.
 */
@NullMarked
package io.github.rnnlab.plot;

import org.jspecify.annotations.NullMarked;
