#!/usr/bin/python3
"""PyTorch's side of rnnlab's LSTM and GRU bench cases (Bench.java, -Dbench.case=lstm|gru).

The tutorial's training loop with torch.nn.LSTM or torch.nn.GRU (3 -> 128, PyTorch's default initialisation,
h = c = 0 for every window) and a torch.nn.Linear(128, 3) readout: perceptual decision making (pdm_task.py), batch 16,
windows of 100 steps, cross-entropy over every step, Adam with learning rate 0.01, 1000 steps, loss.item() every step
as the tutorial's loop does. train_seconds times that loop, batch generation included (train_cpu_seconds: the process's CPU time in it). Prints one JSON line.

  /usr/bin/python3 bench/gated_torch.py --cell lstm --threads 1 --seed 1
"""
import argparse
import json
import os
import sys
import time


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--cell", choices=["lstm", "gru"], default="lstm")
    p.add_argument("--steps", type=int, default=1000)
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--seq-len", type=int, default=100)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--lr", type=float, default=0.01)
    return p.parse_args()


args = parse()
# Before torch loads its BLAS and OpenMP runtimes: torch.set_num_threads does not size OpenBLAS's pool.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdm_task import Dataset  # noqa: E402


class Net(nn.Module):
    def __init__(self, cell, hidden):
        super().__init__()
        self.rnn = (nn.LSTM if cell == "lstm" else nn.GRU)(3, hidden)
        self.fc = nn.Linear(hidden, 3)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.fc(h)


def main():
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data = Dataset(batch=args.batch, seq_len=args.seq_len, seed=args.seed)
    net = Net(args.cell, args.hidden)
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    criterion = nn.CrossEntropyLoss()
    losses = []
    start = time.perf_counter()
    cpu = time.process_time()
    for _ in range(args.steps):
        inputs, labels = data()
        x = torch.from_numpy(inputs)
        target = torch.from_numpy(labels.flatten())
        optimizer.zero_grad()
        loss = criterion(net(x).view(-1, 3), target)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(json.dumps({
        "impl": "torch", "cell": args.cell, "train_seconds": round(seconds, 3),
        "train_cpu_seconds": round(cpu, 3),
        "final_loss": round(float(np.mean(losses[-100:])), 4), "steps": args.steps, "hidden": args.hidden,
        "batch": args.batch, "seq_len": args.seq_len, "threads": args.threads, "torch_threads": torch.get_num_threads(),
        "seed": args.seed, "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()
