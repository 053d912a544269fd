/**
 * Training rate networks without backpropagation, as in the second half of the Rajan lab's COSYNE 2021 problem set:
 * recursive least squares ({@link io.github.rnnlab.rls.Rls}), FORCE learning of a readout with output feedback
 * ({@link io.github.rnnlab.rls.Force}), PINning of a plastic fraction of the recurrent weights ({@link
 * io.github.rnnlab.rls.Pinning}, with the lab's problem 3 in {@link io.github.rnnlab.rls.BumpSequence}), and CURBD's
 * data-constrained multi-region fit and current decomposition ({@link io.github.rnnlab.rls.Curbd}). Networks and
 * simulations come from {@code io.github.rnnlab.dynamics}.
 */
@NullMarked
package io.github.rnnlab.rls;

import org.jspecify.annotations.NullMarked;
