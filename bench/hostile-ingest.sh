#!/usr/bin/env bash
# Peak memory and time of ingesting hostile files (issue 25, finding 5), each in a fresh data folder, with the
# Release CLI: a 1 MiB .gz holding one 1 GiB line, 33.5 million malformed lines, one 50 MB line, a valid record of
# 4.1 million characters, and a page of 100,000 nested divs. Prints one line per file: exit code, peak RSS, seconds.
#   bash bench/hostile-ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Evidentia.Cli -v quiet -nologo >/dev/null
cli="$PWD/src/Evidentia.Cli/bin/Release/net10.0/linux-x64/evidentia"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import gzip, sys, os
w = sys.argv[1]
with gzip.open(os.path.join(w, 'bomb.jsonl.gz'), 'wb', compresslevel=9) as f:
    f.write(b'{"id":"x","text":"')
    chunk = b'a' * (1 << 20)
    for _ in range(1024):
        f.write(chunk)
    f.write(b'"}\n')
with open(os.path.join(w, 'junk.jsonl'), 'wb') as f:
    block = b'x\n' * (1 << 20)
    for _ in range(32):
        f.write(block)
sentence = 'Demonstration sentence of many words. '
with open(os.path.join(w, 'long-line.jsonl'), 'w') as f:
    f.write('{"id":"long","text":"' + sentence * (50 * 1024 * 1024 // len(sentence)) + '"}\n')
with open(os.path.join(w, 'large-record.jsonl'), 'w') as f:
    f.write('{"id":"large","text":"' + sentence * (4_100_000 // len(sentence)) + '"}\n')
with open(os.path.join(w, 'nested.html'), 'w') as f:
    f.write('<html><body>' + '<div>' * 100000 + 'Demonstration text.' + '</div>' * 100000 + '</body></html>')
PY
for file in bomb.jsonl.gz junk.jsonl long-line.jsonl large-record.jsonl nested.html; do
  format=jsonl; [ "$file" = nested.html ] && format=html
  rm -rf "$work/data"
  set +e
  /usr/bin/time -f "%M %e" -o "$work/time" "$cli" --data "$work/data" ingest "$work/$file" --format "$format" >/dev/null 2>&1
  code=$?
  set -e
  read -r rss seconds < <(tail -n 1 "$work/time")
  printf '%-20s exit %s  peak RSS %5d MB  %6.1f s\n' "$file" "$code" $((rss / 1024)) "$seconds"
done
