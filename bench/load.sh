#!/usr/bin/env bash
# Load run with wrk on loopback against `evidentia serve` (Release build) on the embedded default: the figures
# of docs/PERFORMANCE.md. wrk comes from Debian (apt-get install wrk); the server and wrk share this machine.
#   bash bench/load.sh            # data folder: $EVIDENTIA_BENCH_DATA or a new one (first use ingests ../shared/data)
#   DURATION=60s CONNECTIONS=64 bash bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
DATA="${EVIDENTIA_BENCH_DATA:-$(mktemp -d)/data}"
PORT="${PORT:-5099}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
BASE="http://127.0.0.1:${PORT}"

dotnet build src/Evidentia.Cli -c Release -v q -nologo >/dev/null
# The load is of readers, not of new questions: lift the per-address ask limit for the one question asked here.
EVIDENTIA_DATA="$DATA" EVIDENTIA_Web__AskPermitsPerMinute=100000 \
  dotnet src/Evidentia.Cli/bin/Release/net10.0/linux-x64/evidentia.dll serve --urls "$BASE" >/tmp/evidentia-load-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$BASE/health" >/dev/null || { echo "the server did not start; see /tmp/evidentia-load-serve.log" >&2; exit 1; }

answer=$(curl -sf -X POST "$BASE/api/answers" -H 'Content-Type: application/json' -d '{"question": "How is high blood pressure treated?"}')
id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$answer")

run() { # name path
  # A warm-up first: .NET compiles hot code again, optimised, after its first calls (tiered compilation).
  wrk -t2 -c"$CONNECTIONS" -d5s "$BASE$2" >/dev/null
  echo "== $1: GET $2 ($DURATION, 2 threads, $CONNECTIONS connections, after a 5 s warm-up)"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$2" | grep -E "Requests/sec|Latency  |  50%|  99%|Non-2xx|Socket errors|requests in"
}
run "answer page (already answered)" "/answers/$id"
run "answer JSON" "/api/answers/$id"
run "search API" "/api/search?q=hypertension%20treatment&top=10"
run "home page" "/"
