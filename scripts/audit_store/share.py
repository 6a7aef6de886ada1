# Share of the most-mentioned entities of each jsonl dump without an error
# judge.py lists, over the 200 most-mentioned entities and over the 200
# most-mentioned other than dates (the audit's rows):
#   python3 scripts/audit_store/share.py DUMP.jsonl...
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from judge import WRONG, BADTYPE, BADMERGE, SPLIT
def ranked(p):
    ents = []
    for l in open(p):
        r = json.loads(l)
        if r.get('kind') == 'entity': ents.append(r['entity'])
    ents.sort(key=lambda e: (-e.get('mention_count', 0), e['id']))
    return ents
def errors(e):
    w = sorted(set(WRONG.get(e['id'], [])) & set(e.get('aliases', [])))
    if e['id'] in BADTYPE: w.append(BADTYPE[e['id']])
    if e['id'] in BADMERGE: w.append('holds the club of its name')
    if e['id'] in SPLIT: w.append('a second ID of ' + SPLIT[e['id']])
    return w
for p in sys.argv[1:]:
    ents = ranked(p)
    for what, top in (('all', ents[:200]), ('non-date', [e for e in ents if e['type'] != 'date'][:200])):
        bad = [(e['id'], errors(e)[:3]) for e in top if errors(e)]
        print(p, what, 'right %d/200 = %.1f%%' % (200 - len(bad), (200 - len(bad)) / 2))
        if what == 'non-date':
            for b in bad: print('  ', b)
