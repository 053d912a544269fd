/**
 * Rate networks simulated on their own, as in the first half of the Rajan lab's COSYNE 2021 problem set: {@link
 * io.github.rnnlab.dynamics.RateNetwork} (τ dx/dt = −x + J φ(x) + I(t) + noise, Euler steps, seeded), random
 * connectivity ({@link io.github.rnnlab.dynamics.Connectivity}), eigenvalue spectra ({@link
 * io.github.rnnlab.dynamics.Spectrum}), the divergence of nearby trajectories and the largest Lyapunov exponent
 * ({@link io.github.rnnlab.dynamics.Divergence}, {@link io.github.rnnlab.dynamics.Lyapunov}), and CURBD's simulated
 * three-region data ({@link io.github.rnnlab.dynamics.ThreeRegionSimulation}). Training without backpropagation
 * lives in {@code io.github.rnnlab.rls}.
 */
@NullMarked
package io.github.rnnlab.dynamics;

import org.jspecify.annotations.NullMarked;
