"""The command line the Python sides of the tutorial bench share (cells_torch.py, ctrnn_numpy.py).

Import and call it before NumPy or torch: it sizes their BLAS and OpenMP thread pools through the environment, which
they read once when they load (torch.set_num_threads does not size OpenBLAS's pool).
"""
import argparse
import os


def parse(add_arguments=None):
    """The training settings (--steps, --hidden, --batch, --seq-len, --threads, --seed, --lr) plus whatever
    add_arguments(parser) adds; sets the thread-count variables to --threads."""
    p = argparse.ArgumentParser()
    if add_arguments:
        add_arguments(p)
    p.add_argument("--steps", type=int, default=1000)
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--seq-len", type=int, default=100)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--lr", type=float, default=0.01)
    args = p.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    return args
