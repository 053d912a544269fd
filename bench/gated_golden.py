#!/usr/bin/python3
"""Golden values for rnnlab's LstmGruTorchGoldenTest, computed by torch.nn.LSTM / torch.nn.GRU.

A tiny network (3 inputs, 4 hidden units, 2 outputs through nn.Linear) whose parameters are set by hand,
entry k (row-major) of the p-th parameter in the order weight_ih, weight_hh, bias_ih, bias_hh, W_out, b_out being
0.6 * sin(0.7 * k + p + 1), rounded to float32; inputs x[t, b, i] = sin(0.5 * n + 0.3) + 0.2 and float targets
0.5 * cos(0.9 * n), with n the row-major index over (time 5, batch 2, channels). Computed in float64 from a zero
state; prints the readout, h (and c for the LSTM), the mean squared error and the gradient of bias_hh as Java
array literals. Usage: /usr/bin/python3 bench/gated_golden.py
"""
import math

import torch

T, B, I, H, O = 5, 2, 3, 4, 2


def fill(tensor, p):
    flat = [0.6 * math.sin(0.7 * k + p + 1) for k in range(tensor.numel())]
    values = torch.tensor(flat, dtype=torch.float32).to(torch.float64).reshape(tensor.shape)
    with torch.no_grad():
        tensor.copy_(values)


def series(shape, f):
    n = 1
    for s in shape:
        n *= s
    values = torch.tensor([f(k) for k in range(n)], dtype=torch.float32)
    return values.to(torch.float64).reshape(shape)


def java(name, tensor):
    flat = ", ".join(repr(float(v)) for v in tensor.detach().reshape(-1))
    print(f"  private static final double[] {name} = {{{flat}}};")


def main():
    torch.manual_seed(0)
    x = series((T, B, I), lambda n: math.sin(0.5 * n + 0.3) + 0.2)
    target = series((T, B, O), lambda n: 0.5 * math.cos(0.9 * n))
    for kind, cls in (("LSTM", torch.nn.LSTM), ("GRU", torch.nn.GRU)):
        rnn = cls(I, H).to(torch.float64)
        readout = torch.nn.Linear(H, O).to(torch.float64)
        params = [rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0, readout.weight, readout.bias]
        for p, tensor in enumerate(params):
            fill(tensor, p)
        if kind == "LSTM":
            # the per-step cell state: run step by step
            h = torch.zeros(1, B, H, dtype=torch.float64)
            c = torch.zeros(1, B, H, dtype=torch.float64)
            cs = []
            for t in range(T):
                _, (h, c) = rnn(x[t:t + 1], (h, c))
                cs.append(c[0])
            java("LSTM_C", torch.stack(cs))
        hidden, _ = rnn(x)
        y = readout(hidden)
        loss = torch.nn.functional.mse_loss(y, target)
        loss.backward()
        java(kind + "_Y", y)
        java(kind + "_H", hidden)
        print(f"  private static final double {kind}_LOSS = {float(loss)!r};")
        java(kind + "_GRAD_BIAS_HH", rnn.bias_hh_l0.grad)
    print(f"  // torch {torch.__version__}")


if __name__ == "__main__":
    main()
