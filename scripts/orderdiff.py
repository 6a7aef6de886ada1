#!/usr/bin/env python3
"""Compare `factgraph export --format jsonl` dumps of the same documents
ingested in different orders, and classify every difference in entity
resolution by the store rule that causes it (issue 18; BENCHMARKS.md,
"Order dependence of resolution").

    python3 scripts/orderdiff.py BASE.jsonl OTHER.jsonl... [-v]

An entity is compared by the set of mentions (document, start, end) it
holds. Entities with the same set in both dumps but another ID are the
class "id"; the others are grouped into components (entities of either
dump linked by a shared mention), each put in one class:

  id      same mentions, another ID: the ID is made from the name of the
          document that created the entity.
  type    the component spans types: a name's type votes decide only
          once it has ten, so early documents keep their own type.
  fuller  one dump has more entities than the other: a name resolved
          before or after the fuller name (or alias) that would take it.
  most    the same IDs, mentions split otherwise: a name indexed under
          several entities joins the most mentioned at the time.
  other   anything else.

Counts of documents, mentions, figures, events and quotes are printed
too; they must not differ (resolution never drops a fact).
"""
import collections
import json
import sys


def load(path):
    ents, ments, kinds = {}, collections.defaultdict(set), collections.Counter()
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            k = r.get("kind")
            kinds[k] += 1
            if k == "entity":
                ents[r["entity"]["id"]] = r["entity"]
            elif k == "mention":
                m = r["mention"]
                ments[m["entity"]].add((m["document"], m["start"], m["end"]))
    return ents, ments, kinds


def clusters(d):
    ents, ments, _ = d
    return {frozenset(ments[i]): i for i in ents}


def classify(a, b):
    ca, cb = clusters(a), clusters(b)
    same = set(ca) & set(cb)
    out, ex = collections.Counter(), collections.defaultdict(list)
    for s in same:
        if ca[s] != cb[s]:
            out["id"] += 1
            ex["id"].append(f"{ca[s]}  ||  {cb[s]}")
    owner = ({m: ca[s] for s in ca for m in s}, {m: cb[s] for s in cb for m in s})
    dumps = (a, b)
    seen = set()
    for s in ca:
        if s in same or (0, ca[s]) in seen:
            continue
        comp, stack = [], [(0, ca[s])]
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            comp.append(n)
            side, i = n
            for m in dumps[side][1][i]:
                o = owner[1 - side].get(m)
                if o:
                    stack.append((1 - side, o))
        ia = sorted(i for side, i in comp if side == 0)
        ib = sorted(i for side, i in comp if side == 1)
        if len({i.split("/")[0] for i in ia + ib}) > 1:
            c = "type"
        elif set(ia) == set(ib):
            c = "most"
        elif len(ia) != len(ib):
            c = "fuller"
        else:
            c = "other"
        out[c] += 1
        desc = lambda d, i: f"{i}({d[0][i]['mention_count']})"
        ex[c].append(" ".join(desc(a, i) for i in ia) + "  ||  " + " ".join(desc(b, i) for i in ib))
    return out, ex


def main(args):
    verbose = "-v" in args
    paths = [p for p in args if p != "-v"]
    if len(paths) < 2:
        sys.exit(__doc__)
    base = load(paths[0])
    print(f"{paths[0]}: {len(base[0])} entities")
    for p in paths[1:]:
        d = load(p)
        out, ex = classify(base, d)
        facts = [k for k in ("document", "mention", "figure", "event", "quote") if base[2][k] != d[2][k]]
        print(f"{p}: {len(d[0])} entities, relations {base[2]['relation']} -> {d[2]['relation']}; "
              + ", ".join(f"{c} {out[c]}" for c in ("id", "fuller", "type", "most", "other"))
              + (f"; FACT COUNTS DIFFER: {facts}" if facts else ""))
        if verbose:
            for c in ex:
                print(f"  == {c}")
                for line in sorted(ex[c]):
                    print("    " + line)


if __name__ == "__main__":
    main(sys.argv[1:])
