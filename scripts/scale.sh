#!/usr/bin/env bash
# The growth benchmark of issue 17: generates the scale corpus
# (scripts/scalecorpus.py: the news of ../shared/data plus documents
# recombined from their paragraphs, fixed seed) and ingests it into one
# store in segments, printing per segment the CPU per document (user + sys
# of the whole process, extraction included), the writer's wall
# time per document and its share of wall time, peak RSS (and the Go
# heap's peak where the binary reports it), disk reads and
# the store's size after it: what BENCHMARKS.md's scale table records.
#
# Usage: scripts/scale.sh [N] [OUTDIR]
#   N       documents in all (default 50000); segments end at N/4, N/2, N
#   OUTDIR  default /tmp/factgraph-scale (the corpus, the store, the logs)
# Environment: SEED (default 17), WORKERS (default 2), FG (a factgraph
# binary to measure instead of building this checkout's), BULK=1 (one
# `ingest --bulk` of all N documents instead of the segments).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
out=${2:-/tmp/factgraph-scale}
seed=${SEED:-17}
workers=${WORKERS:-2}
mkdir -p "$out"
rm -rf "$out/scale.db"
fg=${FG:-}
if [ -z "$fg" ]; then
  go build -o "$out/factgraph" ./cmd/factgraph
  fg=$out/factgraph
fi
corpus=$out/corpus-$seed-$n.jsonl
[ -s "$corpus" ] || python3 scripts/scalecorpus.py --n "$n" --seed "$seed" >"$corpus"

echo "corpus $corpus: $(wc -l <"$corpus") documents, $(du -h "$corpus" | cut -f1); seed $seed; workers $workers"
echo "machine: $(lscpu | grep 'Model name' | sed 's/ *Model name: *//'), $(nproc) CPUs; $(uptime)"
printf '| segment | documents | CPU ms/doc | writer wall ms/doc | writer share of wall | peak RSS | disk read | store after |\n'
printf '|---|---|---|---|---|---|---|---|\n'
ends="$((n / 4)) $((n / 2)) $n"
mode=()
if [ "${BULK:-0}" = 1 ]; then
  ends=$n
  mode=(--bulk)
fi
start=0
for end in $ends; do
  seg=$out/segment-$start-$end.jsonl
  sed -n "$((start + 1)),${end}p" "$corpus" >"$seg"
  /usr/bin/time -o "$out/time-$end" -f '%U %S %e %M %I' \
    "$fg" ingest --db "$out/scale.db" --json --workers "$workers" "${mode[@]}" "$seg" >"$out/ingest-$end.json"
  read -r user sys wall rss blocks <"$out/time-$end"
  size=$(du -sm "$out/scale.db" | cut -f1)
  python3 - "$out/ingest-$end.json" "$start" "$end" "$user" "$sys" "$wall" "$rss" "$blocks" "$size" <<'PY'
import json, sys
f, start, end, user, sys_, wall, rss, blocks, size = sys.argv[1:]
d = json.load(open(f))
docs = d["documents"]
heap = f" (Go heap {d['peak_heap_bytes'] / 2**20:.0f} MiB)" if "peak_heap_bytes" in d else ""
cpu = float(user) + float(sys_)
print(f"| {int(start):,} → {int(end):,} | {docs:,} | {1000 * cpu / docs:.2f} | {1000 * d['store_seconds'] / docs:.2f} | "
      f"{d['store_seconds'] / float(wall):.0%} | {int(rss) / 1024:.0f} MiB{heap} | {int(blocks) * 512 / 1e9:.2f} GB | {size} MiB |")
PY
  rm -f "$seg"
  start=$end
done
echo "end: $(uptime)"
