#!/usr/bin/env bash
# Measures what BENCHMARKS.md reports: ingest of Reuters-21578 + BBC (time,
# peak RSS, share of time in the store, store size), extract and ingest
# throughput on the first 2,000 Reuters records, N-Quads export rate and
# peak RSS, and the GraphQL server under 32 clients. Needs ../shared/data.
# Usage: scripts/bench.sh [OUTDIR]   (default /tmp/factgraph-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/factgraph-bench}
data=../shared/data
reuters=$data/news_raw_reuters21578/reuters21578.jsonl
bbc=$data/news_raw_bbc2225/bbc2225.jsonl
mkdir -p "$out"
rm -rf "$out/news.db" "$out/w1.db" "$out/w2.db"
go build -o "$out/factgraph" ./cmd/factgraph
fg=$out/factgraph
reuters_flags=(--id-field newid --text-field body --published-field date)

echo "== machine"
lscpu | grep -E 'Model name|^CPU\(s\)'; free -g | head -2; go version

echo "== ingest Reuters-21578 + BBC (--workers 2)"
/usr/bin/time -f 'wall %e s, user %U s, sys %S s, peak RSS %M KB' \
  "$fg" ingest --db "$out/news.db" --json "${reuters_flags[@]}" "$reuters" >"$out/ingest-reuters.json" 2>"$out/ingest-reuters.time" || true
# Export's peak RSS at two store sizes: Reuters alone here, both below.
/usr/bin/time -f 'export N-Quads of Reuters alone: wall %e s, user %U s, peak RSS %M KB' \
  "$fg" export --db "$out/news.db" --format nquads --out "$out/reuters.nq" 2>"$out/export-reuters.time"
/usr/bin/time -f 'wall %e s, user %U s, sys %S s, peak RSS %M KB' \
  "$fg" ingest --db "$out/news.db" --json "$bbc" >"$out/ingest-bbc.json" 2>"$out/ingest-bbc.time" || true
for f in reuters bbc; do
  tail -1 "$out/ingest-$f.time"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(f\"{sys.argv[2]}: {d['documents']} documents, {d['failed']} failed, {d['seconds']:.1f} s, store {d['store_seconds']:.1f} s ({100*d['store_seconds']/d['seconds']:.0f}%)\")" "$out/ingest-$f.json" "$f"
done
# The store's share of ingest CPU: the same documents through extract alone.
/usr/bin/time -f 'extract only, Reuters: wall %e s, user %U s, sys %S s, peak RSS %M KB' \
  "$fg" extract "${reuters_flags[@]}" "$reuters" >/dev/null 2>"$out/extract-reuters.time" || true
/usr/bin/time -f 'extract only, BBC: wall %e s, user %U s, sys %S s, peak RSS %M KB' \
  "$fg" extract "$bbc" >/dev/null 2>"$out/extract-bbc.time" || true
tail -1 "$out/extract-reuters.time"; tail -1 "$out/extract-bbc.time"
python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def cpu(f):
    t = open(f).read().strip().split("\n")[-1]
    return float(re.search(r"user ([0-9.]+)", t).group(1)) + float(re.search(r"sys ([0-9.]+)", t).group(1))
ing = cpu(f"{out}/ingest-reuters.time") + cpu(f"{out}/ingest-bbc.time")
ext = cpu(f"{out}/extract-reuters.time") + cpu(f"{out}/extract-bbc.time")
print(f"CPU: ingest {ing:.1f} s, extract alone {ext:.1f} s, store share {(ing-ext)/ing:.0%}")
PY
"$fg" stats --db "$out/news.db"
du -sh "$out/news.db"
echo "Badger alone writing this store's keys once (the store's floor):"
FACTGRAPH_BENCH_DB=$out/news.db go test ./store -run '^$' -bench BadgerFloor -benchtime 1x | grep Benchmark

echo "== ingest throughput, first 2,000 Reuters records (title, blank line, body)"
head -2000 "$reuters" >"$out/r2000.jsonl"
words=$(python3 -c "
import json,sys
n=0
for l in open(sys.argv[1]):
    d=json.loads(l); n+=len(((d.get('title') or '')+' '+(d.get('body') or '')).split())
print(n)" "$out/r2000.jsonl")
echo "words: $words"
for w in 1 2; do
  /usr/bin/time -f "workers $w: wall %e s, user %U s, peak RSS %M KB" \
    "$fg" ingest --db "$out/w$w.db" --workers $w --json "${reuters_flags[@]}" "$out/r2000.jsonl" >"$out/w$w.json" 2>"$out/w$w.time" || true
  tail -1 "$out/w$w.time"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(f\"  {int(sys.argv[2])/d['seconds']:,.0f} words/s\")" "$out/w$w.json" "$words"
done
for w in 1 2; do
  /usr/bin/time -f "extract, $w workers: wall %e s, user %U s, peak RSS %M KB" \
    "$fg" extract --workers $w "${reuters_flags[@]}" "$out/r2000.jsonl" >/dev/null 2>"$out/extract$w.time" || true
  tail -1 "$out/extract$w.time"
  python3 -c "import re,sys; t=open(sys.argv[1]).read().strip().split('\\n')[-1]; w=float(re.search(r'wall ([0-9.]+)',t).group(1)); print(f'  {int(sys.argv[2])/w:,.0f} words/s (process start and model load included)')" "$out/extract$w.time" "$words"
done

echo "== export N-Quads"
/usr/bin/time -f 'wall %e s, user %U s, peak RSS %M KB' \
  "$fg" export --db "$out/news.db" --format nquads --out "$out/news.nq" 2>"$out/export.time"
tail -1 "$out/export-reuters.time"; tail -1 "$out/export.time"
statements=$(wc -l <"$out/news.nq")
python3 -c "import sys,re; t=open(sys.argv[1]).read().split('\n')[-2]; s=float(re.search(r'user ([0-9.]+)',t).group(1)); w=float(re.search(r'wall ([0-9.]+)',t).group(1)); n=int(sys.argv[2]); print(f'{n:,} statements: {n/w:,.0f}/s wall, {n/s:,.0f}/s per CPU-second')" "$out/export.time" "$statements"

echo "== go benchmarks"
GOMAXPROCS=1 go test ./extract -run '^$' -bench 'Extract$|ExtractEntities' -benchtime 3x | grep Benchmark
FACTGRAPH_BENCH_DB=$out/news.db go test ./cmd/factgraph -run '^$' -bench 'Serve/(a-|b-|c-|d-|plain)' -benchtime 2000x | grep -E 'Benchmark|ok'
