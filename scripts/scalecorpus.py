#!/usr/bin/env python3
"""Writes the scale corpus of issue 17 as JSON Lines on standard output.

The corpus is the news of ../shared/data (Reuters-21578 bodies, BBC, the
Worldwide originals) plus new documents, each made of paragraphs of two
documents of one source (a run of paragraphs of each, in order) under a new
ID, until there are --n documents; all of them are then shuffled, so every
segment of the corpus has the same mix. A fixed --seed gives the same
corpus, byte for byte.

Usage: scripts/scalecorpus.py [--n 50000] [--seed 17] [--data ../shared/data]
Each line: {"id", "title", "text", "published"} (published may be "").
"""
import argparse
import datetime
import json
import os
import random
import re
import sys


def reuters(path):
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        body = r.get("body") or ""
        if not body.strip():
            continue
        published = ""
        try:
            published = datetime.datetime.strptime(r["date"].strip()[:20], "%d-%b-%Y %H:%M:%S").date().isoformat()
        except (KeyError, ValueError):
            pass
        # Paragraphs start with an indented line; other lines are wrapped.
        paras = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n(?=    )", body)]
        yield "reuters/%s" % r["newid"], r.get("title") or "", published, [p for p in paras if p]


def bbc(path):
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        paras = [p.strip() for p in r["text"].split("\n\n") if p.strip()]
        yield "bbc/%s" % r["id"], r.get("title") or "", "", paras


def worldwide(folder):
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        paras = [p.strip() for p in text.split("\n\n") if p.strip()]
        if paras and paras[0].startswith("http"):
            paras = paras[1:]
        if paras:
            yield "worldwide/%s" % name[:-4], "", "", paras


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    a = ap.parse_args()
    sources = [
        list(reuters(os.path.join(a.data, "news_raw_reuters21578", "reuters21578.jsonl"))),
        list(bbc(os.path.join(a.data, "news_raw_bbc2225", "bbc2225.jsonl"))),
        list(worldwide(os.path.join(a.data, "en_worldwide_newswire", "original_articles"))),
    ]
    rng = random.Random(a.seed)
    docs = [d for s in sources for d in s][: a.n]
    weights = [len(s) for s in sources]
    while len(docs) < a.n:
        src = rng.choices(sources, weights)[0]
        parts, title, published = [], "", ""
        for d in rng.sample(src, 2):
            paras = d[3]
            i = rng.randrange(len(paras))
            j = rng.randint(i + 1, min(len(paras), i + 4))
            parts += paras[i:j]
            title, published = title or d[1], published or d[2]
        docs.append(("scale/%d/%d" % (a.seed, len(docs)), title, published, parts))
    rng.shuffle(docs)
    out = sys.stdout
    for id_, title, published, paras in docs:
        out.write(json.dumps({"id": id_, "title": title, "text": "\n\n".join(paras), "published": published}) + "\n")


if __name__ == "__main__":
    main()
