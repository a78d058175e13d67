#!/usr/bin/env bash
# Retrieval figures of the dev benchmarks, reproducible with one command:
#   bash bench/eval.sh [DATA_DIR]
# Ingests ../shared/data into DATA_DIR (default: a folder under /tmp, reused), writes the dev queries and
# TREC qrels (bench/out/), runs `evidentia search --queries … --run …` for each benchmark and scores the
# runs with the reference scorer ../shared/tools/trec_metrics.py. The shipped reranker was trained on these
# dev queries: the figures are in-sample (the cross-validated ones come from `bench -- retrieval`).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$(cd .. && pwd)/shared"
data="${1:-${TMPDIR:-/tmp}/evidentia-eval-data}"
out=bench/out
mkdir -p "$out"

dotnet build -c Release bench/Evidentia.Bench -v quiet -nologo >/dev/null  # builds the CLI too
cli="dotnet bench/Evidentia.Bench/bin/Release/net10.0/linux-x64/evidentia.dll --data $data"
echo "Ingesting $shared/data into $data …" >&2
$cli ingest "$shared/data" >/dev/null 2>&1 </dev/null

printf '| Benchmark | Queries | nDCG@10 | Recall@10 | Recall@100 | MRR@10 |\n|---|---:|---:|---:|---:|---:|\n'
dotnet bench/Evidentia.Bench/bin/Release/net10.0/linux-x64/Evidentia.Bench.dll trec-files "$shared/data" "$out" |
while IFS=$'\t' read -r name queries qrels collection minrel; do
  run="$out/$(basename "$queries" .queries.jsonl).trec"
  $cli search --queries "$queries" --run "$run" --collection "$collection" --top 100 2>/dev/null </dev/null
  python3 "$shared/tools/trec_metrics.py" "$qrels" "$run" --min-rel "$minrel" --json |
    python3 -c 'import json, sys; m = json.load(sys.stdin); print("| %s | %d | %.4f | %.4f | %.4f | %.4f |" % (sys.argv[1], m["queries"], m["ndcg@10"], m["recall@10"], m["recall@100"], m["mrr@10"]))' "$name"
done
