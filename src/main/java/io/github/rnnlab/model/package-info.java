/**
 * Recurrent networks trainable by backpropagation through time: the tutorial's continuous-time RNN, {@link
 * io.github.rnnlab.model.Ctrnn}.
 */
@NullMarked
package io.github.rnnlab.model;

import org.jspecify.annotations.NullMarked;
