#!/usr/bin/python3
"""Problem 3 of the Rajan lab's COSYNE 2021 problem set (PINning a random network into a sequence) in NumPy.

Written for rnnlab's bench (io.github.rnnlab.rls.PinningBench runs it interleaved with the Java version); it is the
same algorithm as io.github.rnnlab.rls.Pinning with the settings of io.github.rnnlab.rls.BumpSequence.reference(),
written the way a careful NumPy user would: the noise of a whole run drawn in one call, one matrix-vector product
per step, the default float64.

The problem (rajanlab/pset3, PINningDevIdealBump): N = 500 sigmoid units, tau dh/dt = -h + J r + I(t) + noise with
tau = 10 ms and Euler steps of dt = 1 ms; J = g N(0, 1)/sqrt(N), g = 1.5; a frozen smoothed-noise input per unit
(time constant 1 s, amplitude 1, starting at 1); private noise 0.5 sqrt(tau/dt) N(0, 1) on the current every step;
target: a Gaussian bump (width 0.0343 N units) sweeping once across the units over 165 data intervals of 64.1 ms,
turned into target currents ln((x + 0.01)/(1 - x + 0.01)). At each data sample, recursive least squares (P0 = 1)
moves the outgoing weights of a random 10% of the units so that the total current J r + I + noise approaches the
target current. 125 runs of the whole trial, learning in all but the last 5.

Where rnnlab differs from the lab's code on purpose (and so does this script):
  * learning happens at the model step nearest each data sample (the lab's clock adds dt until it reaches 64.1 ms,
    i.e. every 65 steps, while its target index advances by one 64.1 ms sample, so the target drifts 0.9 ms a
    sample behind the network's time);
  * each run starts from the target current at time 0 (the lab starts from the target *rate* used as a current);
  * the rate recorded at a sample step is the rate the step uses (the lab's rate matrix keeps column 0 at zero).
pVar = 1 - |X - R|_F^2 / (N K var(X)) compares the rates R at the K = 166 sample steps with the target X
(population variance). chi2 of a run = sum over its learning samples of mean(err^2).

Usage: /usr/bin/python3 bench/pset3_numpy.py [--runs 125] [--free 5] [--seed 1] [--units 500]
       [--plastic-fraction 0.1] [--dtype float64|float32] [--threads N]
Prints one JSON line: settings, seconds (setup excluded), seconds per run, pVar and chi2 per run.
"""
import argparse
import json
import math
import os
import sys
import time


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=125)
    p.add_argument("--free", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--units", type=int, default=500)
    p.add_argument("--plastic-fraction", type=float, default=0.1)
    p.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    p.add_argument("--threads", type=int, default=1, help="BLAS threads (set before NumPy loads)")
    return p.parse_args()


def sample_steps(samples, dt_data_ms, dt_ms, steps):
    """The model step nearest each data sample time, ties to the earlier step (as argmin picks)."""
    out = []
    for k in range(samples):
        x = k * dt_data_ms / dt_ms
        out.append(min(steps - 1, int(math.floor(x + 0.5 - 1e-9))))
    return out


def main():
    a = parse()
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(a.threads)
    import numpy as np

    dtype = np.dtype(a.dtype)
    rng = np.random.default_rng(a.seed)
    n = a.units
    g, tau_ms, dt_ms, dt_data_ms, intervals = 1.5, 10.0, 1.0, 64.1, 165
    tau_wn_ms, amp_in, noise_level, p0 = 1000.0, 1.0, 0.5, 1.0
    samples = intervals + 1
    t_last = intervals * dt_data_ms
    steps = int(math.ceil(t_last / dt_ms - 1e-9))          # times 0, dt, ... below t_last: 10577 steps
    at = sample_steps(samples, dt_data_ms, dt_ms, steps)
    learn_at = {s: k for k, s in enumerate(at) if k > 0}

    # Target: a Gaussian bump of rates sweeping across the units (unit i is the lab's i + 1), and its currents.
    t_data = np.arange(samples) * dt_data_ms
    sig = 0.0343 * n
    units = np.arange(1, n + 1, dtype=np.float64)[:, None]
    x_target = np.exp(-(units - n * t_data[None, :] / t_last) ** 2 / (2 * sig ** 2))
    h_target = np.log((x_target + 0.01) / (1 - x_target + 0.01))

    # Frozen input: low-pass filtered white noise, one per unit, starting at 1.
    decay = math.exp(-dt_ms / tau_wn_ms)
    white = math.sqrt(tau_wn_ms / dt_ms) * rng.standard_normal((n, steps))
    inp = np.ones((n, steps))
    for s in range(1, steps):
        inp[:, s] = white[:, s] + (inp[:, s - 1] - white[:, s]) * decay
    inp = (amp_in * inp).astype(dtype)
    inp_t = np.ascontiguousarray(inp.T)                    # one contiguous row per step

    J = (g * rng.standard_normal((n, n)) / math.sqrt(n)).astype(dtype)
    plastic = rng.permutation(n)[: int(round(a.plastic_fraction * n))]
    P = p0 * np.eye(len(plastic))
    sig_n = noise_level * math.sqrt(tau_ms / dt_ms)
    alpha = dt_ms / tau_ms
    h_start = h_target[:, 0].astype(dtype)
    h_goal = np.ascontiguousarray(h_target.T).astype(dtype)

    p_vars, chi2s, run_seconds = [], [], []
    var_x = x_target.var()
    start = time.perf_counter()
    for run in range(a.runs):
        t0 = time.perf_counter()
        learning = run < a.runs - a.free
        noise = (sig_n * rng.standard_normal((steps, n))).astype(dtype)
        h = h_start.copy()
        rates = np.empty((samples, n))
        chi2 = 0.0
        k = 0
        for s in range(steps):
            r = 1.0 / (1.0 + np.exp(-h))
            z = J @ r
            z += inp_t[s]
            z += noise[s]
            if s == at[k]:
                rates[k] = r
                if k > 0:
                    err = z - h_goal[k]
                    chi2 += float(np.mean(err * err))
                    if learning:
                        rl = r[plastic].astype(np.float64)
                        kv = P @ rl
                        c = 1.0 / (1.0 + rl @ kv)
                        P -= c * np.outer(kv, kv)
                        J[:, plastic] -= (c * np.outer(err, kv)).astype(dtype)
                k = min(k + 1, samples - 1)
            h += alpha * (z - h)
        p_vars.append(1.0 - float(((x_target - rates.T) ** 2).sum()) / (n * samples * var_x))
        chi2s.append(chi2)
        run_seconds.append(time.perf_counter() - t0)
        print(f"run {run + 1}/{a.runs} pVar {p_vars[-1]:.4f} ({run_seconds[-1]:.3f} s)", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "impl": "numpy", "numpy": np.__version__, "dtype": a.dtype, "threads": a.threads, "seed": a.seed,
        "units": n, "runs": a.runs, "free_runs": a.free, "plastic_units": int(len(plastic)), "steps": steps,
        "seconds": seconds, "seconds_per_run": seconds / a.runs,
        "free_p_var": p_vars[a.runs - a.free:] if a.free else [],
        "p_var": p_vars, "chi2": chi2s}))


if __name__ == "__main__":
    main()
