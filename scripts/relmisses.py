#!/usr/bin/env python3
"""Score a part of the relation tune halves and sort what it misses.

Usage: scripts/relmisses.py BIN [--part tune|heldout] [EXTRACT FLAGS...]
  runs `BIN extract [EXTRACT FLAGS]` once per relation dev set, scores the chosen part
  with ../shared/eval/relations_score.py, and prints, per group, how many gold relations
  were missed with both entities found in one sentence, found in no shared sentence, or
  with an entity missing (MODEL.md, "Where the recall goes").
  --part tune (default): the tune halves of scripts/relsplit.py.
  --part heldout: the tune halves' held-out part, which `factgraph train relations
  --fit-only` leaves out of fitting (second byte of SHA-1(id) odd); with
  --relation-reader it judges a --fit-only reader (MODEL.md, "Trained relation reader").
  The report halves are never read.
"""
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile

from relsplit import DATA, SCORER, half

sys.path.insert(0, os.path.dirname(SCORER))
import relations_score  # noqa: E402  (../shared/eval)

GROUPS = ("position", "citizen_of", "located_in_country", "based_in_country", "member_of", "agent_of")


def in_part(doc_id, part):
    if half(doc_id) != "tune":
        return False
    return part == "tune" or hashlib.sha1(doc_id.encode()).digest()[1] % 2 == 1


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    fg, part, flags = args[0], "tune", []
    rest = args[1:]
    if rest[:1] == ["--part"]:
        part, rest = rest[1], rest[2:]
    if part not in ("tune", "heldout"):
        sys.exit("--part must be tune or heldout")
    flags = rest
    for s in ("dwie_dev", "redocred_dev"):
        with tempfile.TemporaryDirectory() as tmp:
            pred = os.path.join(tmp, "pred.jsonl")
            with open(pred, "w") as f:
                subprocess.run([fg, "extract", *flags, os.path.join(DATA, s + ".input.jsonl")], stdout=f, check=True)
            gold = [json.loads(l) for l in open(os.path.join(DATA, s + ".gold.jsonl"), encoding="utf-8")]
            gold = [g for g in gold if in_part(g["id"], part)]
            with open(os.path.join(tmp, s + ".gold.jsonl"), "w", encoding="utf-8") as f:
                f.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
            r = subprocess.run([sys.executable, SCORER, "--set", s, "--pred", pred, "--data", tmp],
                               capture_output=True, text=True, check=True)
            print(next(l for l in r.stdout.splitlines() if l.startswith("summary") and "factgraph" in l))
            preds = {d["id"]: d for d in map(json.loads, open(pred, encoding="utf-8"))}
            _, _, fns, _ = relations_score.evaluate(gold, preds, relations_score.predicted, s)
        by_id = {g["id"]: {e["name"]: e for e in g["entities"]} for g in gold}
        for grp in GROUPS:
            c = collections.Counter()
            for doc, hn, _, tn, why, _ in fns.get(grp, []):
                h, t = by_id[doc][hn], by_id[doc][tn]
                shared = {m["sentence"] for m in h["mentions"]} & {m["sentence"] for m in t["mentions"]}
                c["entity missing" if why != "entities found" else "one sentence" if shared else "no shared sentence"] += 1
            print(f"  {grp:<20} missed {len(fns.get(grp, [])):>4}  " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))


if __name__ == "__main__":
    main()
