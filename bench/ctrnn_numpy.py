#!/usr/bin/python3
"""A careful hand-written NumPy BPTT of the tutorial's CTRNN, the NumPy side of rnnlab's tutorial bench case.

Model (float32, rows = the batch at one step): pre_t = x_t W_inᵀ + b_in + h_{t−1} W_recᵀ + b_rec,
h_t = (1 − α) h_{t−1} + α relu(pre_t), α = 0.2; logits = h W_outᵀ + b_out; mean cross-entropy over every step.
The input products of all steps are one GEMM; the recurrence is one (batch × H)·(H × H) GEMM per step forward and one
backward; the weight gradients over all steps are one GEMM each. Adam as torch.optim.Adam (lr 0.01). Same data as
cells_torch.py (pdm_task.py). train_seconds times the 1000-step loop, batch generation included. Prints one JSON line.

  /usr/bin/python3 bench/ctrnn_numpy.py --threads 1 --seed 1
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import training_args  # noqa: E402

args = training_args.parse()

import numpy as np  # noqa: E402

from pdm_task import Dataset  # noqa: E402

ALPHA = np.float32(0.2)


def linear(rng, out, fan_in):
    bound = 1 / np.sqrt(fan_in)
    return (rng.uniform(-bound, bound, (out, fan_in)).astype(np.float32),
            rng.uniform(-bound, bound, out).astype(np.float32))


def main():
    rng = np.random.RandomState(args.seed)
    H, T, B = args.hidden, args.seq_len, args.batch
    p = {}
    p["W_in"], p["b_in"] = linear(rng, H, 3)
    p["W_rec"], p["b_rec"] = linear(rng, H, H)
    p["W_out"], p["b_out"] = linear(rng, 3, H)
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(v) for k, v in p.items()}
    data = Dataset(batch=B, seq_len=T, seed=args.seed)
    h = np.zeros((T + 1, B, H), np.float32)   # h[t + 1] = h_t, h[0] = 0
    pre = np.empty((T, B, H), np.float32)
    losses = []
    start = time.perf_counter()
    for step in range(1, args.steps + 1):
        x, labels = data()
        drive = (x.reshape(T * B, 3) @ p["W_in"].T + (p["b_in"] + p["b_rec"])).reshape(T, B, H)
        w_rec_t = p["W_rec"].T
        for t in range(T):
            np.matmul(h[t], w_rec_t, out=pre[t])
            pre[t] += drive[t]
            h[t + 1] = (1 - ALPHA) * h[t] + ALPHA * np.maximum(pre[t], 0)
        hs = h[1:].reshape(T * B, H)
        logits = hs @ p["W_out"].T + p["b_out"]
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        prob = e / e.sum(axis=1, keepdims=True)
        flat = labels.reshape(-1)
        n = T * B
        losses.append(float(-np.log(prob[np.arange(n), flat]).mean()))
        dlogits = prob
        dlogits[np.arange(n), flat] -= 1
        dlogits /= n
        g = {"W_out": dlogits.T @ hs, "b_out": dlogits.sum(axis=0)}
        dh_out = (dlogits @ p["W_out"]).reshape(T, B, H)
        dpre = np.empty((T, B, H), np.float32)
        carry = np.zeros((B, H), np.float32)
        for t in range(T - 1, -1, -1):
            dh = dh_out[t] + carry
            dpre[t] = ALPHA * dh * (pre[t] > 0)
            carry = (1 - ALPHA) * dh + dpre[t] @ p["W_rec"]
        dp = dpre.reshape(n, H)
        g["W_rec"] = dp.T @ h[:-1].reshape(n, H)
        g["W_in"] = dp.T @ x.reshape(n, 3)
        g["b_in"] = dp.sum(axis=0)
        g["b_rec"] = g["b_in"].copy()
        c1 = 1 - 0.9 ** step
        c2 = 1 - 0.999 ** step
        for k in p:
            m[k] = 0.9 * m[k] + 0.1 * g[k]
            v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k]
            p[k] -= (args.lr / c1) * m[k] / (np.sqrt(v[k]) / np.sqrt(c2) + 1e-8)
    seconds = time.perf_counter() - start
    print(json.dumps({"impl": "numpy", "cell": "ctrnn", "train_seconds": round(seconds, 3),
                      "final_loss": round(float(np.mean(losses[-100:])), 4), "steps": args.steps,
                      "threads": args.threads, "seed": args.seed, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
