#!/usr/bin/env python3
"""Split the relation dev sets into a tuning half and a report half, and score both.

The half of a document is fixed by its id alone: the first byte of SHA-1(id) is even for
the tuning half ("tune"), odd for the report half ("report"). Rules are tuned looking
only at the tuning half's errors; the report half is scored, never read (MODEL.md,
"Typed relations").

Usage: scripts/relsplit.py BIN [OUTDIR]
  runs `BIN extract` once per set, writes OUTDIR/{tune,report}/SET.gold.jsonl and scores
  the whole set and each half with ../shared/eval/relations_score.py.
"""
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("FACTGRAPH_SHARED", os.path.normpath(os.path.join(HERE, "..", "..", "shared")))
DATA = os.path.join(SHARED, "data", "relations")
SCORER = os.path.join(SHARED, "eval", "relations_score.py")


def half(doc_id):
    return "tune" if hashlib.sha1(doc_id.encode()).digest()[0] % 2 == 0 else "report"


def main():
    fg = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/relsplit"
    for s in ("dwie_dev", "redocred_dev"):
        pred = os.path.join(out, s + ".pred.jsonl")
        os.makedirs(out, exist_ok=True)
        with open(pred, "w") as f:
            subprocess.run([fg, "extract", os.path.join(DATA, s + ".input.jsonl")], stdout=f, check=True)
        halves = {"tune": [], "report": []}
        for line in open(os.path.join(DATA, s + ".gold.jsonl"), encoding="utf-8"):
            halves[half(json.loads(line)["id"])].append(line)
        for h, lines in halves.items():
            os.makedirs(os.path.join(out, h), exist_ok=True)
            with open(os.path.join(out, h, s + ".gold.jsonl"), "w", encoding="utf-8") as f:
                f.writelines(lines)
        for h, data in (("all", DATA), ("tune", os.path.join(out, "tune")), ("report", os.path.join(out, "report"))):
            r = subprocess.run([sys.executable, SCORER, "--set", s, "--pred", pred, "--data", data,
                                "--json", os.path.join(out, f"{s}.{h}.json")], capture_output=True, text=True, check=True)
            summary = [l for l in r.stdout.splitlines() if l.startswith("summary") and "factgraph" in l]
            print(f"{h:<7} {len(halves.get(h, [])) or '':>4} {summary[0]}")


if __name__ == "__main__":
    main()
