#!/usr/bin/env bash
# Scale benchmark (issue 26): the shared corpora plus a synthetic PubMed-shaped corpus of N passages (sentences, the
# citable unit), on the embedded default, Release build:
#   bash bench/scale.sh N [RUNS]        # e.g. 100000, 300000, 1000000; RUNS cold ingests (default 3)
#   VECTORS=1 bash bench/scale.sh N     # also encode the sentence vectors (the background build) and time it
# Prints one line of tab-separated figures (and appends it to bench/out/scale.tsv): passages and citations generated,
# documents, median ingest + lexical index time of RUNS cold runs (a new data folder each) and its peak RSS, disk,
# index rebuild from the store (what an empty node does to build its replica), warm search and ask p50/p95/p99 over
# the dev questions, and the resident memory of `serve` at rest after 20 answers. Needs ../shared/data and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:?usage: bash bench/scale.sh PASSAGES [RUNS]}"
runs="${2:-3}"
shared="$(cd .. && pwd)/shared/data"
[ -d "$shared" ] || { echo "../shared/data is missing" >&2; exit 2; }
work="${SCALE_DIR:-${TMPDIR:-/tmp}/evidentia-scale}/$n"
out=bench/out
mkdir -p "$out" "$work"

dotnet build -c Release bench/Evidentia.Bench -v quiet -nologo >/dev/null  # builds the CLI too
bin=bench/Evidentia.Bench/bin/Release/net10.0/linux-x64
cli=(dotnet "$bin/evidentia.dll")
bench=(dotnet "$bin/Evidentia.Bench.dll")

# Wall seconds and peak RSS (MiB) of a command and its children.
measure() {
  python3 - "$@" <<'EOF'
import resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if code != 0:
    sys.exit("failed (%d): %s" % (code, " ".join(sys.argv[1:])))
print("%.1f\t%.0f" % (time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
EOF
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

corpus="$work/corpus"
if [ ! -f "$corpus/generated.tsv" ]; then
  echo "Generating $n passages into $corpus …" >&2
  rm -rf "$corpus"
  "${bench[@]}" scale-corpus "$n" "$corpus" > "$work/generated.tmp"
  mv "$work/generated.tmp" "$corpus/generated.tsv"
fi
citations=$(awk '$1 == "citations" { print $2 }' "$corpus/generated.tsv")
passages=$(awk '$1 == "passages" { print $2 }' "$corpus/generated.tsv")

data="$work/data"
: > "$work/ingest.tsv"
for run in $(seq 1 "$runs"); do
  rm -rf "$data"
  sync
  echo "Cold ingest $run of $runs …" >&2
  measure "${cli[@]}" --data "$data" ingest "$shared" "$corpus" >> "$work/ingest.tsv"
done
ingest_s=$(cut -f1 "$work/ingest.tsv" | median)
ingest_rss=$(cut -f2 "$work/ingest.tsv" | sort -n | tail -1)
documents=$("${cli[@]}" --data "$data" stats 2>/dev/null | python3 -c 'import re, sys; print(sum(int(m.group(1).replace(",", "")) for m in re.finditer(r"^│ \S+\s+│ ([\d,]+)", sys.stdin.read(), re.M)))')
store_mb=$(du -sm "$data" --exclude=index | cut -f1)
index_mb=$(du -sm "$data/index" 2>/dev/null | cut -f1)

echo "Rebuilding the index from the store …" >&2
rebuild=$(measure "${cli[@]}" --data "$data" index --rebuild --no-vectors)
vectors_s=""
if [ "${VECTORS:-0}" = 1 ]; then
  echo "Encoding the sentence vectors …" >&2
  vectors_s=$(measure "${cli[@]}" --data "$data" index | cut -f1)
fi

echo "Warm search and ask …" >&2
latency=$("${bench[@]}" scale-latency "$data")
get() { awk -v k="$1" '$1 == k { print $2 }' <<<"$latency"; }

echo "Serving at rest …" >&2
port="${PORT:-5097}"
base="http://127.0.0.1:$port"
EVIDENTIA_Web__AskPermitsPerMinute=100000 "${cli[@]}" --data "$data" serve --urls "$base" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "$base/health" >/dev/null 2>&1 && break; sleep 1; done
"${bench[@]}" trec-files "$shared" "$out" >/dev/null  # the dev queries, 20 of which are asked
head -20 "$out/liveqa-paraphrase.queries.jsonl" | python3 -c 'import json, sys; [print(json.loads(l)["text"]) for l in sys.stdin]' |
  while IFS= read -r q; do
    curl -sf -X POST "$base/api/answers" -H 'Content-Type: application/json' \
      -d "$(python3 -c 'import json, sys; print(json.dumps({"question": sys.argv[1]}))' "$q")" >/dev/null || true
  done
sleep 5
serve_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")

header="passages\tcitations\tdocuments\tingest_s_median\tingest_peak_rss_mb\tstore_mb\tindex_mb\trebuild_s\trebuild_peak_rss_mb\tvectors_s\tsearch_p50_ms\tsearch_p95_ms\tsearch_p99_ms\task_p50_ms\task_p95_ms\task_p99_ms\tserve_rest_rss_mb"
row="$passages\t$citations\t$documents\t$ingest_s\t$ingest_rss\t$store_mb\t$index_mb\t$rebuild\t$vectors_s\t$(get search_p50_ms)\t$(get search_p95_ms)\t$(get search_p99_ms)\t$(get ask_p50_ms)\t$(get ask_p95_ms)\t$(get ask_p99_ms)\t$serve_mb"
[ -f "$out/scale.tsv" ] || printf '%b\n' "$header" > "$out/scale.tsv"
printf '%b\n' "$row" >> "$out/scale.tsv"
printf '%b\n%b\n' "$header" "$row"
