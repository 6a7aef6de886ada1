#!/usr/bin/env python3
"""Draw the typed relations of the BBC precision audit (issue 12).

Usage: scripts/relaudit.py EXTRACT.jsonl [N] [SEED]
  EXTRACT.jsonl is `factgraph extract -explain` of ../shared/data/news_raw_bbc2225/bbc2225.jsonl.
  Prints N (50) relations other than mentioned_with, drawn with random.Random(SEED) (12)
  from all of them in document order, as rows for extract/testdata/relations_bbc.json with
  the evidence sentence and an empty verdict for a reader to fill in ("right" or "wrong").
  The draw is made once, before any fix, and never redrawn: fixed errors stay in the file
  as "wrong" rows that the test keeps out (MODEL.md, "Typed relations").
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("FACTGRAPH_SHARED", os.path.normpath(os.path.join(HERE, "..", "..", "shared")))
CORPUS = os.path.join(SHARED, "data", "news_raw_bbc2225", "bbc2225.jsonl")


def sentence(text, start, end):
    """The sentence around text[start:end] (code points): from after the last full stop or line
    break before it to the first after it."""
    b = max(text.rfind("\n", 0, start), max((m.end() for m in re.finditer(r"[.!?]\s", text[:start])), default=0) - 1)
    m = re.search(r"[.!?](\s|$)|\n", text[end:])
    e = end + m.end() if m else len(text)
    return " ".join(text[b + 1:e].split())


def main():
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    texts = {}
    for line in open(CORPUS, encoding="utf-8"):
        d = json.loads(line)
        t, title = d["text"], d.get("title") or ""
        texts[d["id"]] = t if not title or t.startswith(title) else title + "\n\n" + t  # as factgraph reads it
    pool = []
    for line in open(sys.argv[1], encoding="utf-8"):
        d = json.loads(line)
        for r in d.get("relations") or []:
            if r["predicate"] != "mentioned_with":
                pool.append((d["id"], r))
    rows = []
    for doc, r in random.Random(seed).sample(pool, n):
        ev = r["evidence"][0]
        rows.append({"doc": doc, "subject": r["subject"], "predicate": r["predicate"], "object": r["object"],
                     "rules": r.get("rules", []), "sentence": sentence(texts[doc], ev["start"], ev["end"]),
                     "verdict": "", "why": ""})
    rows.sort(key=lambda x: (x["doc"], x["subject"], x["predicate"], x["object"]))
    print("[\n" + ",\n".join(" " + json.dumps(x, ensure_ascii=False) for x in rows) + "\n]")
    print(f"{len(pool)} typed relations in the pool", file=sys.stderr)


if __name__ == "__main__":
    main()
