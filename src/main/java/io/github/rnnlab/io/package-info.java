/**
 * File formats: NumPy's {@code .npy} and {@code .npz} ({@link io.github.rnnlab.io.Npy}, {@link io.github.rnnlab.io.Npz}),
 * so arrays rnnlab writes open with {@code numpy.load} and no rnnlab installed; {@link io.github.rnnlab.io.Json} for
 * JSON files that are valid JSON whatever the numbers (Gson).
 */
@NullMarked
package io.github.rnnlab.io;

import org.jspecify.annotations.NullMarked;
