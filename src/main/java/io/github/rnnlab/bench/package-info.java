/**
 * Benchmarks run from the command line, kept out of the library's API: {@link
 * io.github.rnnlab.bench.PinningBench} times the Rajan lab's problem 3 against a NumPy implementation.
 */
@NullMarked
package io.github.rnnlab.bench;

import org.jspecify.annotations.NullMarked;
