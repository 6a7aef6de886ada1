# Share of the 200 most-mentioned entities of each jsonl dump without an
# error judge.py lists: python3 scripts/audit_store/share.py DUMP.jsonl...
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from judge import WRONG, BADTYPE, BADMERGE
def top(p, n=200):
    ents = []
    for l in open(p):
        r = json.loads(l)
        if r.get('kind') == 'entity': ents.append(r['entity'])
    ents.sort(key=lambda e: (-e.get('mention_count', 0), e['id']))
    return ents[:n]
for p in sys.argv[1:]:
    bad = []
    for e in top(p):
        w = set(WRONG.get(e['id'], [])) & set(e.get('aliases', []))
        if w or e['id'] in BADTYPE or e['id'] in BADMERGE:
            bad.append((e['id'], sorted(w)[:3]))
    print(p, 'right %d/200 = %.1f%%' % (200 - len(bad), (200 - len(bad)) / 2))
    for b in bad: print('  ', b)
