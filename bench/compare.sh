#!/usr/bin/env bash
# Sets handout beside the bare fpdf program (this module), on the same
# handout and in the same run, for the README's speed table:
#   bench/compare.sh [ROUNDS]
# Each round runs both sides back to back, so a busy machine slows both.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/handout" ./cmd/handout
(cd bench && go build -o "$tmp/fpdfhandout" .)
go test -c -o "$tmp/render.test" ./internal/render
go test -c -o "$tmp/batch.test" ./internal/batch
(cd bench && go test -c -o "$tmp/bench.test" .)
leaf=content/leaflets/let-down-reflex.yaml
site=content/sites/riverside
ms() { echo "$(( ($2 - $1) / 1000000 ))"; }
for r in $(seq "$rounds"); do
  echo "== round $r"
  # per document in a warm process: time and allocation
  (cd internal/render && "$tmp/render.test" -test.run '^$' -test.bench 'RenderLetDown$' -test.benchmem -test.benchtime 300x | grep ^Bench)
  (cd bench && "$tmp/bench.test" -test.run '^$' -test.bench . -test.benchmem -test.benchtime 100x | grep ^Bench)
  # whole process, 30 runs each: wall time, and CPU time (user + system),
  # which a busy machine disturbs less
  /usr/bin/time -f "process x30: handout %e s wall, %U+%S s CPU" \
    bash -c 'for i in $(seq 30); do "$0" render "$1" --site "$2" -o "$3"; done' "$tmp/handout" "$leaf" "$site" "$tmp/h.pdf"
  (cd bench && /usr/bin/time -f "process x30: fpdf %e s wall, %U+%S s CPU" \
    bash -c 'for i in $(seq 30); do "$0" -o "$1"; done' "$tmp/fpdfhandout" "$tmp/f.pdf")
  /usr/bin/time -f "peak: handout %M KB" "$tmp/handout" render "$leaf" --site "$site" -o "$tmp/h.pdf"
  (cd bench && /usr/bin/time -f "peak: fpdf %M KB" "$tmp/fpdfhandout" -o "$tmp/f.pdf")
  # a batch with -j 2 against the fpdf program's loop in one process
  (cd internal/batch && "$tmp/batch.test" -test.run '^$' -test.bench 'RunJ2' -test.benchtime 600x | grep ^Bench)
  s=$(date +%s%N)
  (cd bench && "$tmp/fpdfhandout" -n 100)
  e=$(date +%s%N)
  echo "fpdf loop: $(( 100 * 1000 / $(ms "$s" "$e") )) handouts/s"
done
