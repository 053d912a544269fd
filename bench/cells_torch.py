#!/usr/bin/python3
"""PyTorch's side of rnnlab's bench cases (Bench.java, -Dbench.case=ctrnn|ei|stp|lstm|gru).

The tutorial's training loop: perceptual decision making (pdm_task.py), batch 16, windows of 100 steps, cross-entropy
over every step, Adam with learning rate 0.01, 1000 steps, loss.item() every step as the tutorial's loop does, a
3 -> 128 -> 3 network with PyTorch's default initialisation and a zero initial state for every window:

  ctrnn  the tutorial's CTRNN (relu inside the leak, dt 20 ms, tau 100 ms), a Python loop over time steps as its
         notebook writes it;
  ei     nn-brain's EI_RNN (80% excitatory, |W| * sign mask with a zero diagonal, state x with rates relu(x),
         recurrent noise sqrt(2 alpha) * 0.15, readout from the excitatory units), as its notebook writes it;
  stp    the tutorial's CTRNN with facilitating short-term plasticity (tau_x 200 ms, tau_u 1500 ms, U 0.15; Masse et
         al. 2019's update, x and u clipped to [0, 1], drive from u * x * h);
  lstm, gru  torch.nn.LSTM / torch.nn.GRU with a torch.nn.Linear readout (cuDNN-free CPU kernels).

train_seconds times the loop, batch generation included (train_cpu_seconds: the process's CPU time in it). Prints
one JSON line.

  /usr/bin/python3 bench/cells_torch.py --cell ctrnn --threads 1 --seed 1
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import training_args  # noqa: E402

args = training_args.parse(
    lambda p: p.add_argument("--cell", choices=["ctrnn", "ei", "stp", "lstm", "gru"], default="ctrnn"))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

from pdm_task import Dataset  # noqa: E402


ALPHA = 20 / 100  # dt / tau


class Ctrnn(nn.Module):
    """h <- (1 - a) h + a relu(W_in x + W_rec h), optionally with short-term plasticity on the recurrent synapses."""

    def __init__(self, hidden, plastic):
        super().__init__()
        self.input2h = nn.Linear(3, hidden)
        self.h2h = nn.Linear(hidden, hidden)
        self.plastic = plastic

    def forward(self, x):
        h = x.new_zeros(x.shape[1], self.h2h.in_features)
        syn_x = torch.ones_like(h)
        syn_u = torch.full_like(h, 0.15)
        out = []
        for t in range(x.shape[0]):
            pre = h
            if self.plastic:
                dts = 20 / 1000
                syn_x = torch.clamp(syn_x + 20 / 200 * (1 - syn_x) - dts * syn_u * syn_x * h, 0, 1)
                syn_u = torch.clamp(syn_u + 20 / 1500 * (0.15 - syn_u) + dts * 0.15 * (1 - syn_u) * h, 0, 1)
                pre = syn_u * syn_x * h
            h = h * (1 - ALPHA) + torch.relu(self.input2h(x[t]) + self.h2h(pre)) * ALPHA
            out.append(h)
        return torch.stack(out)


class EiRnn(nn.Module):
    """State x <- (1 - a) x + a (W_in u + |W| * mask r) + sqrt(2a) sigma noise, rates r = relu(x)."""

    def __init__(self, hidden, sigma_rec=0.15):
        super().__init__()
        self.e = int(0.8 * hidden)
        self.input2h = nn.Linear(3, hidden)
        self.h2h = nn.Linear(hidden, hidden)
        with torch.no_grad():
            self.h2h.weight[:, :self.e] /= self.e / (hidden - self.e)
        mask = torch.ones(hidden, hidden)
        mask[:, self.e:] = -1
        mask.fill_diagonal_(0)
        self.register_buffer("mask", mask)
        self.noise = (2 * ALPHA) ** 0.5 * sigma_rec

    def forward(self, x):
        state = x.new_zeros(x.shape[1], self.h2h.in_features)
        rate = torch.zeros_like(state)
        weight = torch.abs(self.h2h.weight) * self.mask
        out = []
        for t in range(x.shape[0]):
            total = self.input2h(x[t]) + rate @ weight.T + self.h2h.bias
            state = state * (1 - ALPHA) + total * ALPHA + self.noise * torch.randn_like(state)
            rate = torch.relu(state)
            out.append(rate)
        return torch.stack(out)[..., :self.e]


class Net(nn.Module):
    def __init__(self, cell, hidden):
        super().__init__()
        if cell in ("lstm", "gru"):
            self.rnn = (nn.LSTM if cell == "lstm" else nn.GRU)(3, hidden)
            readout = hidden
        elif cell == "ei":
            self.rnn = EiRnn(hidden)
            readout = self.rnn.e
        else:
            self.rnn = Ctrnn(hidden, plastic=cell == "stp")
            readout = hidden
        self.fc = nn.Linear(readout, 3)

    def forward(self, x):
        h = self.rnn(x)
        return self.fc(h[0] if isinstance(h, tuple) else h)


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
