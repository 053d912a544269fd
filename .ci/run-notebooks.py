#!/usr/bin/python3
"""Checks and executes every notebook under notebooks/ headless (run by `mvn -B verify -Pnotebooks`).

1. Every committed notebook must be clean: no outputs, no execution counts, no kernel magics (code lines that start
   with %), so that it runs unchanged in any Java (or Kotlin) kernel.
2. The kernelspecs `java` and `kotlin` in target/jupyter are (re)installed with .ci/install-kernel when missing or
   stale. A notebook whose metadata names a Kotlin kernel (kernelspec language or name "kotlin") runs in `kotlin`,
   any other in `java`.
3. Each notebook runs with `/usr/bin/jupyter nbconvert --to notebook --execute` under JUPYTER_PATH=target/jupyter;
   the executed copy goes to target/notebooks/<same relative path>. Any cell error fails the run.

Usage: /usr/bin/python3 .ci/run-notebooks.py [--no-install] [NOTEBOOK ...]
Needs Debian's jupyter-nbconvert, python3-nbclient, jupyter-client, python3-ipykernel (nbformat comes with them).
"""
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "target" / "notebooks"
JUPYTER_PATH = ROOT / "target" / "jupyter"
JUPYTER = os.environ.get("JUPYTER", "/usr/bin/jupyter")
TIMEOUT = os.environ.get("NOTEBOOK_TIMEOUT", "600")
# Seconds to wait for a kernel to answer at start before starting afresh. rapaio-jupyter-kernel 3.0.1 can hang at start
# (a channel thread ends before it is marked running); the kernelspec's RapaioKernelLauncher repairs that, and this
# retry is the safety net for any start that still hangs. A healthy Java kernel answers within 2-5 s even on a loaded
# machine; the Kotlin kernel within 4-7 s here, and it has no known start-up race, so it gets more slack.
KERNEL_START_SECONDS = {"java": 12, "kotlin": 60}
KERNEL_START_ATTEMPTS = 10
KERNEL_START_FAILURES = ("Kernel didn't respond", "Kernel died before replying")


def committed_notebooks():
    return sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def lint(path):
    """Problems that make a committed notebook unfit: stored outputs, execution counts, magics."""
    rel = path.relative_to(ROOT)
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{rel}: not a readable notebook ({e})"]
    problems = []
    if nb.get("nbformat") != 4:
        problems.append(f"{rel}: nbformat must be 4")
    for i, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"{rel}: cell {i} has stored outputs (clear them before committing)")
        if cell.get("execution_count") is not None:
            problems.append(f"{rel}: cell {i} has an execution count (clear outputs before committing)")
        source = cell.get("source", "")
        lines = "".join(source).splitlines() if isinstance(source, list) else source.splitlines()
        for n, line in enumerate(lines, start=1):
            if line.lstrip().startswith("%"):
                problems.append(f"{rel}: cell {i} line {n} uses a kernel magic: {line.strip()!r}")
    return problems


def kernel_name(path):
    """`kotlin` for a notebook whose metadata names a Kotlin kernel, else `java`."""
    spec = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("kernelspec", {})
    return "kotlin" if "kotlin" in (spec.get("language", "").lower(), spec.get("name", "").lower()) else "java"


def spec_path(kernel):
    return JUPYTER_PATH / "kernels" / kernel / "kernel.json"


def spec_is_stale(kernel):
    """Why the kernelspec `kernel` in target/jupyter cannot be used as it is, or None."""
    path = spec_path(kernel)
    if not path.is_file():
        return "missing"
    try:
        spec = json.loads(path.read_text())
    except ValueError:
        return "unreadable"
    if not (ROOT / "target" / "classes" / "io" / "github" / "rnnlab").is_dir():
        return "target/classes missing"
    if not list((ROOT / "target" / "lib").glob("*.jar")):
        return "target/lib missing"
    reason = (java_spec_problem if kernel == "java" else kotlin_spec_problem)(spec)
    if reason:
        return reason
    built = path.stat().st_mtime
    for src in (ROOT / "pom.xml", ROOT / ".ci" / "install-kernel", ROOT / ".ci" / "kotlin-kernel" / "pom.xml",
                NOTEBOOKS / "startup.jsh"):
        if src.stat().st_mtime > built:
            return f"{src.relative_to(ROOT)} is newer"
    return None


def java_spec_problem(spec):
    argv = spec.get("argv", [])
    class_path = argv[argv.index("-cp") + 1].split(os.pathsep) if "-cp" in argv else []
    jar = next((entry for entry in class_path if entry.endswith(".jar")), None)
    if not jar or not Path(jar).is_file():
        return "kernel jar missing"
    launcher = next((Path(entry) for entry in class_path if not entry.endswith(".jar")), None)
    if not launcher or not (launcher / "io/github/rnnlab/jupyter/RapaioKernelLauncher.class").is_file():
        return "kernel launcher missing"
    env = spec.get("env", {})
    if env.get("RJK_INIT_SCRIPT") != str(NOTEBOOKS / "startup.jsh"):
        return "start-up script differs"
    if str(ROOT / "target" / "classes") not in env.get("RJK_CLASSPATH", "").split(";"):
        return "class path differs"
    return None


def kotlin_spec_problem(spec):
    argv = spec.get("argv", [])
    if not argv or not Path(argv[0]).is_file():
        return "java missing"
    kernel_jars = argv[argv.index("-cp") + 1] if "-cp" in argv else ""
    if not kernel_jars.endswith("*") or not list(Path(kernel_jars[:-1]).glob("kotlin-jupyter-kernel-*.jar")):
        return "kernel jars missing"
    script_path = next((a[len("-classpath="):].split(os.pathsep) for a in argv if a.startswith("-classpath=")), [])
    if str(ROOT / "target" / "classes") not in script_path:
        return "class path differs"
    if any(not Path(entry).exists() for entry in script_path):
        return "a class path entry is missing"
    # The kernel takes no wildcards, so the spec lists rnnlab's jars one by one: they must still be the ones built.
    if {str(p) for p in (ROOT / "target" / "lib").glob("*.jar")} - set(script_path):
        return "target/lib has jars the class path lacks"
    return None


def main(argv):
    install = "--no-install" not in argv
    selected = [Path(a).resolve() for a in argv if not a.startswith("--")]
    notebooks = selected or committed_notebooks()
    if not notebooks:
        print("run-notebooks: no notebooks under notebooks/")
        return 0

    problems = [p for nb in notebooks for p in lint(nb)]
    if problems:
        print("run-notebooks: committed notebooks must be clean:", *problems, sep="\n  ", file=sys.stderr)
        return 1

    kernels = {nb: kernel_name(nb) for nb in notebooks}
    stale = {k: reason for k in sorted(set(kernels.values())) if (reason := spec_is_stale(k))}
    if stale and install:
        print("run-notebooks: installing the kernels (" + "; ".join(f"{k}: {r}" for k, r in stale.items()) + ")")
        subprocess.run(["bash", str(ROOT / ".ci" / "install-kernel")], check=True, cwd=ROOT)
        stale = {k: reason for k in stale if (reason := spec_is_stale(k))}
    if stale:
        for k, reason in stale.items():
            print(f"run-notebooks: kernelspec {spec_path(k)} is unusable ({reason}); run .ci/install-kernel"
                  + (" (the Kotlin kernel needs Java 17 to 24: see KOTLIN_JAVA there)" if k == "kotlin" else ""),
                  file=sys.stderr)
        return 1

    env = dict(os.environ)
    env["JUPYTER_PATH"] = str(JUPYTER_PATH)
    # Keep Jupyter's runtime files (connection files) out of the user's home directory as well.
    env.setdefault("JUPYTER_RUNTIME_DIR", str(ROOT / "target" / "jupyter-runtime"))
    failed = []
    for nb in notebooks:
        rel = nb.relative_to(NOTEBOOKS) if nb.is_relative_to(NOTEBOOKS) else Path(nb.name)
        out_dir = OUT / rel.parent
        out_dir.mkdir(parents=True, exist_ok=True)
        kernel = kernels[nb]
        cmd = [JUPYTER, "nbconvert", "--to", "notebook", "--execute",
               f"--ExecutePreprocessor.kernel_name={kernel}", f"--ExecutePreprocessor.timeout={TIMEOUT}",
               f"--ExecutePreprocessor.startup_timeout={KERNEL_START_SECONDS[kernel]}",
               "--output-dir", str(out_dir), "--output", rel.name, str(nb)]
        print(f"run-notebooks: executing {nb.relative_to(ROOT) if nb.is_relative_to(ROOT) else nb} ({kernel})",
              flush=True)
        start = time.monotonic()
        log_path = out_dir / (rel.stem + ".log")
        for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
            returncode = run_logged(cmd, env, nb.parent, log_path)
            # A hung start (see KERNEL_START_SECONDS) is not a failed notebook: start a fresh kernel.
            log = log_path.read_text(errors="replace")
            if returncode == 0 or not any(failure in log for failure in KERNEL_START_FAILURES):
                break
            log_path.replace(log_path.with_name(f"{rel.stem}.failed-start-{attempt}.log"))
            print(f"run-notebooks: the kernel did not start (attempt {attempt}); trying again", flush=True)
        seconds = time.monotonic() - start
        if returncode != 0:
            failed.append(str(rel))
            print(f"run-notebooks: FAILED {rel} after {seconds:.1f} s (full log: {log_path.relative_to(ROOT)})",
                  file=sys.stderr, flush=True)
            continue
        errors = executed_errors(out_dir / rel.name)
        if errors:
            failed.append(str(rel))
            print(f"run-notebooks: FAILED {rel}: error outputs in cells {errors}", file=sys.stderr, flush=True)
        else:
            print(f"run-notebooks: ok {rel} in {seconds:.1f} s -> {(out_dir / rel.name).relative_to(ROOT)}",
                  flush=True)
    if failed:
        print("run-notebooks: failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


# The rapaio kernel logs every message at INFO level to its stderr (its own logging.properties, not configurable)
# and dumps the connection file and every class path entry; those lines go to the full log only.
KERNEL_NOISE = re.compile(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] \[(INFO|FINE)|^HAVE_[A-Z_]+$"
                          r"|^Parsing classpath: |^Add .* to classpath$"
                          r"|^INFO: |^\w{3} \d\d?, \d{4} .*[AP]M org\.rapaio\."
                          r"|Unhandled message: kernel_info_request")


def run_logged(cmd, env, cwd, log_path):
    """Runs cmd, writes its whole output to log_path, echoes it without the kernel's INFO chatter."""
    in_connection_dump = False
    with open(log_path, "w", encoding="utf-8") as log, subprocess.Popen(
            cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            errors="replace") as proc:
        for line in proc.stdout:
            log.write(line)
            if "Kernel connection file content:" in line:
                in_connection_dump = True
            if in_connection_dump:
                in_connection_dump = not line.startswith("}")
                continue
            if not KERNEL_NOISE.search(line.rstrip("\n")):
                print(line, end="", flush=True)
    return proc.returncode


def executed_errors(path):
    """Cells of an executed notebook with an error output (nbconvert already fails on those; belt and braces)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [i for i, c in enumerate(nb.get("cells", []), start=1)
            if any(o.get("output_type") == "error" for o in c.get("outputs", []))]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
