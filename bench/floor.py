#!/usr/bin/python3
"""The arithmetic floor of a bench case's training on this machine: the matrix products of one BPTT training step alone,
dense float32, in the BLAS that NumPy uses (OpenBLAS here), on one thread; nothing else of the step (no nonlinearity,
loss, optimiser, batch generation or JIT warm-up).

One step of a case (batch 16, 100 time steps, 128 units, 3 inputs, a bias column; G = 1 for the CTRNN cases, 4 for
the LSTM, 3 for the GRU): forward, per time step, (16 x 132)(132 x 128G); backward, per time step, (16 x 128G)(128G x
128) for the recurrence; the weight gradients of all time steps in one (132 x 1600)(1600 x 128G). These are the whole
dense work of a gated step; a ReLU CTRNN's products skip silent units, so its floor here is a dense upper bound.

It runs the products in one process, then in two at once (one per core), and prints per case the milliseconds of one
step's products in each, and the seconds 1000 steps' products take on two cores working at once: what the bench
cases' budgets (PyTorch's time over a target ratio) must at least contain. Prints one JSON line at the end.

  /usr/bin/python3 bench/floor.py                 # ctrnn, lstm, gru
  /usr/bin/python3 bench/floor.py --reps 15
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402

GATES = {"ctrnn": 1, "ei": 1, "stp": 1, "lstm": 4, "gru": 3}
HIDDEN, INPUTS, BATCH, STEPS = 128, 3, 16, 100


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--cases", default="ctrnn,lstm,gru")
    p.add_argument("--reps", type=int, default=9, help="timed repetitions of one step's products (median reported)")
    p.add_argument("--child", action="store_true", help="time the products and print them (used by the parent)")
    return p.parse_args()


def step_ms(gates, reps):
    """Median milliseconds of one training step's products for a cell of `gates` gate blocks."""
    rng = np.random.default_rng(0)
    width, out = HIDDEN + INPUTS + 1, gates * HIDDEN
    w = rng.standard_normal((width, out), dtype=np.float32)
    w_rec_t = np.ascontiguousarray(w[:HIDDEN].T)
    z = rng.standard_normal((STEPS, BATCH, width), dtype=np.float32)
    d = rng.standard_normal((STEPS, BATCH, out), dtype=np.float32)
    y = np.empty((BATCH, out), np.float32)
    c = np.empty((BATCH, HIDDEN), np.float32)
    g = np.empty((width, out), np.float32)
    z_all, d_all = z.reshape(-1, width), d.reshape(-1, out)
    times = []
    for _ in range(reps + 2):  # two untimed rounds first
        start = time.perf_counter()
        for t in range(STEPS):
            np.matmul(z[t], w, out=y)
        for t in range(STEPS - 1, -1, -1):
            np.matmul(d[t], w_rec_t, out=c)
        np.matmul(z_all.T, d_all, out=g)
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times[2:])


def mflop(gates):
    width, out = HIDDEN + INPUTS + 1, gates * HIDDEN
    return 2 * STEPS * BATCH * (2 * width * out + out * HIDDEN) / 1e6


def child(cases, reps):
    return {case: step_ms(GATES[case], reps) for case in cases}


def main():
    args = parse()
    cases = args.cases.split(",")
    unknown = [c for c in cases if c not in GATES]
    if unknown:
        sys.exit(f"unknown case(s) {unknown}; the cases are {sorted(GATES)}")
    if args.child:
        print(json.dumps(child(cases, args.reps)))
        return
    cmd = [sys.executable, os.path.abspath(__file__), "--child", "--cases", args.cases, "--reps", str(args.reps)]
    one = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    pair = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    two = [json.loads(p.communicate()[0]) for p in pair]
    result = {}
    print(f"one training step's products alone (dense float32, {np.__name__} {np.__version__}, one BLAS thread):")
    for case in cases:
        each = statistics.mean(run[case] for run in two)
        floor_s = each / 2  # two cores finish two steps' products in `each` ms: 1000 steps take each / 2 seconds
        result[case] = {"mflop": round(mflop(GATES[case]), 1), "one_core_ms": round(one[case], 3),
                        "two_at_once_ms": round(each, 3), "floor_seconds_per_1000_steps": round(floor_s, 3)}
        print(f"{case:6s} {mflop(GATES[case]):6.0f} MFLOP  one process {one[case]:6.2f} ms "
              f"({mflop(GATES[case]) / one[case]:5.1f} GFLOP/s)  two at once {each:6.2f} ms each  "
              f"-> 1000 steps on two cores: {floor_s:5.2f} s", flush=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
