#!/usr/bin/env python3
"""Regenerate the expected data of tests/py and tests/specialize from CPython 3.11.

    python3 tools/regen_expected.py            regenerate everything
    python3 tools/regen_expected.py NAME...    only the programs with these names (stem or file name)

tests/py/NAME.py   ->  NAME.out (stdout, always written), NAME.err (stderr, only when non-empty),
                       NAME.code (exit status, only when non-zero). Each program runs as
                       `python3 -I NAME.py` with cwd tests/py, exactly as the runner gives it to
                       Anole. CPython 3.11 prints the script's absolute path in tracebacks
                       (`File "/abs/tests/py/NAME.py", line 3`); that path is replaced by the name
                       as given, NAME.py, so the expected files do not depend on where the checkout
                       lives and match an interpreter that reports the file name it was given.
tests/bench/NAME.py ->  NAME.out (the checksums each benchmark run must print).
tests/specialize/NAME.py, and the examples in EXTRA_SPECIALIZE when they exist (stored as
                   tests/specialize/example-fahrenheit.* and so on)
                   ->  NAME.expected.json (tools/cpython_spans.py's JSON: every instruction's
                       adaptive opname, family, Specialist state and span, and the chunks),
                       NAME.out (the program's stdout; cpython_spans.py sends it to stderr).

Run it with CPython 3.11 (python3 here is 3.11.7); other versions specialize differently.
"""
import json
import os
import subprocess
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("regen_expected.py: run this with CPython 3.11 (found %s)" % sys.version.split()[0])

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY_DIR = os.path.join(ROOT, "tests", "py")
SPEC_DIR = os.path.join(ROOT, "tests", "specialize")
BENCH_DIR = os.path.join(ROOT, "tests", "bench")
SPANS = os.path.join(ROOT, "tools", "cpython_spans.py")
# Programs outside tests/specialize that are checked there too: (path from ROOT, test name).
EXTRA_SPECIALIZE = [
    ("examples/fahrenheit.py", "example-fahrenheit"), ("examples/mean.py", "example-mean"),
    ("examples/nbody.py", "example-nbody"), ("examples/simulation.py", "example-simulation"),
]


def env():
    e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    e["PYTHONIOENCODING"] = "utf-8"
    e["PYTHONHASHSEED"] = "0"
    return e


def write(path, data, keep):
    """Write data (bytes) to path when keep is true, otherwise remove a stale file."""
    if keep:
        with open(path, "wb") as f:
            f.write(data)
    elif os.path.exists(path):
        os.remove(path)


def wanted(name, selected):
    return not selected or name in selected or name + ".py" in selected


def regen_py(selected):
    for fname in sorted(os.listdir(PY_DIR)):
        if not fname.endswith(".py") or not wanted(fname[:-3], selected):
            continue
        stem = fname[:-3]
        proc = subprocess.run([sys.executable, "-I", fname], cwd=PY_DIR, env=env(),
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        abs_name = os.path.join(PY_DIR, fname)
        stderr = proc.stderr.replace(b'File "%s"' % abs_name.encode(), b'File "%s"' % fname.encode())
        base = os.path.join(PY_DIR, stem)
        write(base + ".out", proc.stdout, True)
        write(base + ".err", stderr, bool(stderr))
        write(base + ".code", b"%d\n" % proc.returncode, proc.returncode != 0)
        print("tests/py/%s: exit %d, %d bytes out, %d bytes err"
              % (fname, proc.returncode, len(proc.stdout), len(stderr)))


def specialize_programs():
    progs = [(os.path.join(SPEC_DIR, f), f[:-3]) for f in sorted(os.listdir(SPEC_DIR)) if f.endswith(".py")]
    for rel, name in EXTRA_SPECIALIZE:
        if os.path.exists(os.path.join(ROOT, rel)):
            progs.append((os.path.join(ROOT, rel), name))
    return progs


def regen_specialize(selected):
    for path, name in specialize_programs():
        if not wanted(name, selected):
            continue
        proc = subprocess.run([sys.executable, "-I", SPANS, os.path.basename(path)],
                              cwd=os.path.dirname(path), env=env(), stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=120)
        if proc.returncode != 0:
            sys.exit("cpython_spans.py failed on %s:\n%s" % (path, proc.stderr.decode()))
        if b"Traceback (most recent call last)" in proc.stderr:
            sys.exit("%s raised an exception under CPython; specialization tests must run cleanly:\n%s"
                     % (path, proc.stderr.decode()))
        data = json.loads(proc.stdout)
        base = os.path.join(SPEC_DIR, name)
        with open(base + ".expected.json", "w") as f:
            f.write(dump(data))
        write(base + ".out", proc.stderr, True)
        states = {}
        for ins in data["instructions"]:
            if ins["family"]:
                states[ins["state"]] = states.get(ins["state"], 0) + 1
        print("tests/specialize/%s: %d instructions (%s), %d chunks"
              % (name, len(data["instructions"]),
                 ", ".join("%d %s" % (n, s) for s, n in sorted(states.items())), len(data["chunks"])))


def dump(data):
    """JSON with one instruction or chunk per line, so a regenerated file diffs readably."""
    lines = ['{"python": %s,' % json.dumps(data["python"]), ' "instructions": [']
    lines += ["  " + json.dumps(i) + "," for i in data["instructions"]]
    if data["instructions"]:
        lines[-1] = lines[-1][:-1]
    lines += [" ],", ' "chunks": [']
    lines += ["  " + json.dumps(c) + "," for c in data["chunks"]]
    if data["chunks"]:
        lines[-1] = lines[-1][:-1]
    lines += [" ]", "}"]
    return "\n".join(lines) + "\n"


def regen_bench(selected):
    """tests/bench/NAME.py -> NAME.out: the checksum output each benchmark run is checked against."""
    for fname in sorted(os.listdir(BENCH_DIR)):
        if not fname.endswith(".py") or not wanted(fname[:-3], selected):
            continue
        proc = subprocess.run([sys.executable, "-I", fname], cwd=BENCH_DIR, env=env(), capture_output=True, check=True)
        write(os.path.join(BENCH_DIR, fname[:-3] + ".out"), proc.stdout, True)
        print("tests/bench/%s: %d bytes out" % (fname, len(proc.stdout)))


def main():
    selected = set(sys.argv[1:])
    regen_py(selected)
    regen_specialize(selected)
    regen_bench(selected)


if __name__ == "__main__":
    main()
