#!/usr/bin/env bash
# Load run against two web nodes sharing one PostgreSQL (scale-out), with wrk on loopback: the figures of
# docs/PERFORMANCE.md. Starts a throwaway PostgreSQL cluster (.ci/postgres.sh), ingests ../shared/data through
# node one, starts two `evidentia serve --postgres` nodes with their own data folders (node two builds its index
# replica from the change feed), asks one question, then loads both nodes at once. Needs wrk and PostgreSQL (apt).
#   DURATION=30s CONNECTIONS=16 bash bench/load-two-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-5180}"   # nodes listen on PORT+1 and PORT+2
work="$(mktemp -d)"
source .ci/postgres.sh
postgres_start
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; postgres_stop; rm -rf "$work"; }
trap cleanup EXIT
export EVIDENTIA_POSTGRES="${EVIDENTIA_TEST_POSTGRES}"

dotnet build src/Evidentia.Cli -c Release -v q -nologo >/dev/null
# An array, not a function: a background function is a subshell, and $! would not be the server's pid.
evidentia=(dotnet src/Evidentia.Cli/bin/Release/net10.0/linux-x64/evidentia.dll)
start=$(date +%s)
"${evidentia[@]}" --data "$work/one" ingest ../shared/data >/dev/null
echo "ingest into PostgreSQL and node one's index: $(( $(date +%s) - start )) s"

for n in 1 2; do
  if curl -s "http://127.0.0.1:$((PORT + n))/health" >/dev/null 2>&1; then echo "port $((PORT + n)) is taken" >&2; exit 1; fi
  EVIDENTIA_Web__AskPermitsPerMinute=100000 "${evidentia[@]}" --data "$work/node$n" serve --urls "http://127.0.0.1:$((PORT + n))" >"$work/node$n.log" 2>&1 &
  pids+=($!)
done
for n in 1 2; do
  start=$(date +%s)
  until [ "$(curl -s "http://127.0.0.1:$((PORT + n))/health" || true)" = "Healthy" ]; do sleep 1; [ $(( $(date +%s) - start )) -lt 600 ] || { echo "node $n never got healthy" >&2; exit 1; }; done
  echo "node $n healthy (index replica caught up) after $(( $(date +%s) - start )) s"
  kill -0 "${pids[$((n - 1))]}" || { echo "node $n exited; see $work/node$n.log" >&2; exit 1; }
done

id=$(curl -sf -X POST "http://127.0.0.1:$((PORT + 1))/api/answers" -H 'Content-Type: application/json' -d '{"question": "How is high blood pressure treated?"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

for path in "/answers/$id" "/api/answers/$id"; do
  echo "== GET $path on both nodes at once ($DURATION, 1 thread and $CONNECTIONS connections per node)"
  for n in 1 2; do wrk -t1 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$((PORT + n))$path" >/dev/null; done  # warm-up
  loads=()
  for n in 1 2; do
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$((PORT + n))$path" >"$work/wrk$n.txt" &
    loads+=($!)
  done
  wait "${loads[@]}"
  for n in 1 2; do
    echo "node $n:"; grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors|requests in" "$work/wrk$n.txt"
  done
done
