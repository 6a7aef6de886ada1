# Builds cmd/factgraph/testdata/audit_store.json from two jsonl dumps of the
# Reuters-21578 + BBC store (before and after a change) and the hand
# judgments in judge.py:
#   python3 scripts/audit_store/gen.py BEFORE.jsonl AFTER.jsonl cmd/factgraph/testdata/audit_store.json [OLD.json]
# (OLD: the previous audit_store.json, whose checked aliases stay checked)
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from judge import WRONG, BADTYPE, BADMERGE, SPLIT
def load(p):
    ents, ments = {}, {}
    for l in open(p):
        r = json.loads(l)
        if r.get('kind') == 'entity': ents[r['entity']['id']] = r['entity']
        elif r.get('kind') == 'mention':
            m = r['mention']; ments.setdefault(m['entity'], []).append((m['document'], m['text']))
    return ents, ments
base, bm = load(sys.argv[1])
new, nm = load(sys.argv[2])
def top(ents):
    # the 200 most-mentioned entities other than dates, which are keyed
    # by their value or document and were all right
    es = sorted(ents.values(), key=lambda e: (-e.get('mention_count', 0), e['id']))
    return [e for e in es if e['type'] != 'date'][:200]
ids = [e['id'] for e in top(new)]
gone = []  # wrong entities of the base that the new store no longer has
for e in top(base):
    if e['id'] not in ids and e['id'] in new: ids.append(e['id'])
    elif e['id'] not in new and (e['id'] in BADTYPE or e['id'] in SPLIT): gone.append(e['id'])
rows, docs = [], []
def order(d):
    return (0, int(d), '') if d.isdigit() else (1, 0, d)
def adddoc(d):
    if d not in docs: docs.append(d)
def judged(id):
    # the row of entity id of the new store, by the judgments of judge.py,
    # and the wrong aliases it no longer has
    e = new[id]
    wrong = WRONG.get(id, [])
    have = set(e.get('aliases', []))
    row = {"id": id, "type": e['type']}
    fixed = [a for a in wrong if a not in have]
    known = [a for a in wrong if a in have]
    if fixed: row["not_aliases"] = fixed
    if known: row["known_wrong_aliases"] = known
    if id in BADTYPE: row["known_wrong"] = BADTYPE[id]
    if id in SPLIT: row["known_wrong"] = "a second ID of " + SPLIT[id]
    if id in BADMERGE: row["known_wrong"] = "holds the football club of its name"
    return row, fixed
for id in ids:
    e = new[id]
    if e['type'] == 'date': continue
    row, fixed = judged(id)
    rows.append(row)
    # the entity's first documents in ingest order (Reuters, then BBC),
    # which give it its ID
    seen = sorted({d for d, _ in nm.get(id, [])}, key=order)
    for d in seen[:3]: adddoc(d)
    named = sorted({d for d, text in nm.get(id, []) if text == e['name']}, key=order)
    for d in named[:1]: adddoc(d)
    # the documents that gave a fixed wrong alias in the base store
    for a in fixed:
        n = 0
        for d, text in sorted(bm.get(id, []), key=lambda m: order(m[0])):
            if ' '.join(text.split()).lower() == a.lower() and n < 2:
                adddoc(d); n += 1
# the rows and documents of the previous audit (OLD, optional): its
# checked aliases stay checked, its rows that left the top 200 stay rows
if len(sys.argv) > 4:
    old = json.load(open(sys.argv[4]))
    byid = {r['id']: r for r in rows}
    for o in old['rows']:
        r = byid.get(o['id'])
        if r is None:
            if o['id'] in new and not o.get('gone'):
                # left the top 200: judged as before, its checked
                # aliases checked still (below)
                r, _ = judged(o['id'])
                rows.append(r); byid[o['id']] = r
            elif o.get('gone') and o['id'] not in new:
                rows.append(o); byid[o['id']] = o
                continue
            else:
                continue
        if o.get('gone'): continue
        have = set(new[o['id']].get('aliases', []))
        for a in o.get('not_aliases', []):
            if a in have: r.setdefault('known_wrong_aliases', []).append(a)
            elif a not in r.get('not_aliases', []): r.setdefault('not_aliases', []).append(a)
    for d in old['docs']: adddoc(d)
for id in gone:
    # checked: no entity has this ID any more (its mentions went to the
    # right one, or to none)
    rows.append({"id": id, "gone": BADTYPE.get(id) or "a second ID of " + SPLIT[id]})
    for d in sorted({d for d, _ in bm.get(id, [])}, key=order)[:3]: adddoc(d)
with open(sys.argv[3], 'w') as f:  # one document, one row a line
    f.write('{"docs": [\n' + ',\n'.join(' ' + json.dumps(x) for x in sorted(docs)))
    f.write('\n],\n"rows": [\n' + ',\n'.join(' ' + json.dumps(r) for r in rows) + '\n]}\n')
print(len(rows), 'rows', len(docs), 'docs')
