#!/usr/bin/python3
"""Times rnnlab against PyTorch (and, for the tutorial's CTRNN, a hand-written NumPy BPTT) in one run on this machine.

Rounds are interleaved: in each round every case runs once in each implementation, each in a fresh process (a fresh
JVM for rnnlab, so JIT warm-up is included as a user meets it; batch generation is included everywhere). Prints each
run, then per case the median seconds of every implementation and the ratios, which are what to compare across
machines (absolute times are not). Last, bench/floor.py times each case's matrix products alone in OpenBLAS (what
NumPy uses) on both cores: the time no implementation of the same arithmetic goes below on this machine.

  /usr/bin/python3 bench/compare.py --rounds 5                       # ctrnn (with NumPy), ei, stp, lstm, gru
  /usr/bin/python3 bench/compare.py --rounds 3 --cases ctrnn --no-floor
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JVM_FLAGS = ["-XX:+UseSerialGC", "-XX:+IgnoreUnrecognizedVMOptions", "--enable-native-access=ALL-UNNAMED",
             "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true"]


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--cases", default="ctrnn,ei,stp,lstm,gru")
    p.add_argument("--java", default=os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java"))
    p.add_argument("--threads", type=int, default=1, help="threads for PyTorch and NumPy (1 is their fastest here)")
    p.add_argument("--no-floor", action="store_true", help="skip bench/floor.py (the products alone in OpenBLAS)")
    return p.parse_args()


def classpath():
    out = os.path.join(ROOT, "target", "bench.classpath")
    subprocess.run(["mvn", "-q", "-B", "compile", "dependency:build-classpath", "-Dmdep.outputFile=" + out],
                   cwd=ROOT, check=True)
    with open(out) as f:
        return os.path.join(ROOT, "target", "classes") + os.pathsep + f.read().strip()


def run_java(java, cp, case, seed):
    out = subprocess.run([java, *JVM_FLAGS, "-cp", cp, "io.github.rnnlab.Bench", "--child", str(seed), case],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1].split()
    return float(out[0]), float(out[1])


def run_python(script, case, seed, threads):
    cmd = [sys.executable, os.path.join(HERE, script), "--seed", str(seed), "--threads", str(threads)]
    if script == "cells_torch.py":
        cmd += ["--cell", case]
    out = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
    return out["train_seconds"], out["final_loss"]


def main():
    args = parse()
    cases = args.cases.split(",")
    cp = classpath()
    times = {}
    for r in range(1, args.rounds + 1):
        for case in cases:
            runs = [("rnnlab", lambda: run_java(args.java, cp, case, r)),
                    ("pytorch", lambda: run_python("cells_torch.py", case, r, args.threads))]
            if case == "ctrnn":
                runs.append(("numpy", lambda: run_python("ctrnn_numpy.py", case, r, args.threads)))
            for impl, run in runs:
                seconds, loss = run()
                times.setdefault((case, impl), []).append(seconds)
                print(f"round {r} {case:6s} {impl:8s} {seconds:8.3f} s  (mean loss of the last 100 steps {loss:.4f})",
                      flush=True)
    floors = {}
    if not args.no_floor:
        print()
        out = subprocess.run([sys.executable, os.path.join(HERE, "floor.py"), "--cases", args.cases],
                             capture_output=True, text=True, check=True).stdout.strip().splitlines()
        print("\n".join(out[:-1]))
        floors = json.loads(out[-1])
    print(f"\nmedians over {args.rounds} interleaved rounds, 1000 training steps each (java: {args.java}):")
    for case in cases:
        ours = statistics.median(times[(case, "rnnlab")])
        line = f"{case:6s} rnnlab {ours:7.3f} s"
        for impl in ("pytorch", "numpy"):
            if (case, impl) in times:
                theirs = statistics.median(times[(case, impl)])
                line += f"   {impl} {theirs:7.3f} s ({theirs / ours:4.1f}x)"
        if case in floors:
            floor = floors[case]["floor_seconds_per_1000_steps"]
            pytorch = statistics.median(times[(case, "pytorch")])
            line += f"   products alone in OpenBLAS {floor:5.2f} s (PyTorch / floor {pytorch / floor:4.1f}x)"
        print(line)


if __name__ == "__main__":
    main()
