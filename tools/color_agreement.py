#!/usr/bin/env python3
"""Measure how far Anole's coloring agrees with CPython 3.11's, character by character.

    python3 tools/color_agreement.py [--anole build/anole] FILE.py...

For each program: runs it under CPython 3.11 through tools/cpython_spans.py and under Anole with
--report, maps every source character to its chunk color (None when uncolored), and counts the
characters that either side colors. A character agrees when both give it the same color. Prints
one line per program and the total; issue 4 asks for at least 95% on programs not in the tests.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def colors(chunks):
    out = {}
    for c in chunks:
        for i in range(c["from"], c["to"]):
            out[i] = c["color"].lower()
    return out


def main(argv):
    anole = os.path.join(ROOT, "build", "anole")
    if argv[:1] == ["--anole"]:
        anole, argv = argv[1], argv[2:]
    total_agree = total = 0
    for path in argv:
        folder, name = os.path.split(os.path.abspath(path))
        cp = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "cpython_spans.py"), name],
                            cwd=folder, capture_output=True, text=True)
        want = colors(json.loads(cp.stdout)["chunks"])
        with tempfile.NamedTemporaryFile(suffix=".json") as rep:
            subprocess.run([anole, "--report", rep.name, name], cwd=folder, capture_output=True)
            got = colors(json.load(open(rep.name))["chunks"])
        keys = set(want) | set(got)
        agree = sum(1 for k in keys if want.get(k) == got.get(k))
        total_agree += agree
        total += len(keys)
        print("%-40s %5d/%5d colored characters agree (%.1f%%)" % (name, agree, len(keys), 100.0 * agree / max(1, len(keys))))
    print("total %d/%d (%.2f%%)" % (total_agree, total, 100.0 * total_agree / max(1, total)))


if __name__ == "__main__":
    main(sys.argv[1:])
