#!/usr/bin/env bash
# Two factgraph binaries over the growth benchmark of issue 17, interleaved:
# each segment of the scale corpus (scripts/scalecorpus.py, as
# scripts/scale.sh makes it) is ingested by BASE into its store and then by
# NEW into its own, so that both see the same load. Per segment and binary
# it prints the CPU per document (user + sys of the whole process,
# extraction included), the KB written per document in all and under the
# name index 'n' (ingest --count-writes, which both binaries need), the
# peak Go heap, the peak RssAnon (sampled from /proc every 0.5 s) and the
# store's size after it: what BENCHMARKS.md's "Writing less per document"
# table records.
#
# Usage: scripts/scalepair.sh BASE NEW [N] [OUTDIR]
#   N       documents in all (default 50000); segments end at N/4, N/2, N
#   OUTDIR  default /tmp/factgraph-scalepair
# Environment: SEED (default 17), WORKERS (default 2).
set -euo pipefail
base=$(realpath "$1")
new=$(realpath "$2")
n=${3:-50000}
out=${4:-/tmp/factgraph-scalepair}
seed=${SEED:-17}
workers=${WORKERS:-2}
cd "$(dirname "$0")/.."
mkdir -p "$out"
rm -rf "$out/db-base" "$out/db-new"
corpus=$out/corpus-$seed-$n.jsonl
[ -s "$corpus" ] || python3 scripts/scalecorpus.py --n "$n" --seed "$seed" >"$corpus"
echo "corpus $corpus: $(wc -l <"$corpus") documents; seed $seed; workers $workers"
echo "machine: $(lscpu | grep 'Model name' | sed 's/ *Model name: *//'), $(nproc) CPUs; $(date -u +%H:%M) UTC; $(uptime)"
printf '| segment | binary | CPU ms/doc | KB written/doc (n) | peak Go heap | peak RssAnon | store after | load after |\n'
printf '|---|---|---|---|---|---|---|---|\n'
start=0
for end in $((n / 4)) $((n / 2)) "$n"; do
  seg=$out/segment-$start-$end.jsonl
  sed -n "$((start + 1)),${end}p" "$corpus" >"$seg"
  for who in base new; do
    fg=$base
    [ "$who" = new ] && fg=$new
    /usr/bin/time -o "$out/time-$who-$end" -f '%U %S' \
      "$fg" ingest --db "$out/db-$who" --json --workers "$workers" --count-writes "$seg" >"$out/ingest-$who-$end.json" &
    tpid=$!
    sleep 0.2
    pid=$(pgrep -P "$tpid" || true)
    peak=0
    while kill -0 "$tpid" 2>/dev/null; do
      a=$(awk '/RssAnon/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
      if [ -n "$a" ] && [ "$a" -gt "$peak" ]; then peak=$a; fi
      sleep 0.5
    done
    wait "$tpid"
    read -r user sys <"$out/time-$who-$end"
    size=$(du -sm "$out/db-$who" | cut -f1)
    python3 - "$out/ingest-$who-$end.json" "$start" "$end" "$who" "$user" "$sys" "$peak" "$size" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys
f, start, end, who, user, sys_, anon, size, load = sys.argv[1:]
d = json.load(open(f))
docs = d["documents"]
w = d.get("writes") or {}
kb = sum(c["key_bytes"] + c["value_bytes"] for c in w.values()) / docs / 1000
nc = w.get("n", {"key_bytes": 0, "value_bytes": 0})
nkb = (nc["key_bytes"] + nc["value_bytes"]) / docs / 1000
cpu = float(user) + float(sys_)
print(f"| {int(start):,} → {int(end):,} | {who} | {1000 * cpu / docs:.2f} | {kb:.1f} ({nkb:.1f}) | "
      f"{d['peak_heap_bytes'] / 2**20:.0f} MiB | {int(anon) / 1024:.0f} MiB | {size} MiB | {load} |")
PY
  done
  rm -f "$seg"
  start=$end
done
echo "end: $(date -u +%H:%M) UTC; $(uptime)"
