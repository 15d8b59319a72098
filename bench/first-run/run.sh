#!/usr/bin/env bash
# Clone → working page (issue 20: under 3 minutes): scripts/first-run-check.sh, the check `make test` runs, BENCH_RUNS
# times in a row; its timing lines go to bench/out/first-run-<time>.txt. The check itself clones HEAD, runs
# `make run` on an empty database and its own ports, and stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${BENCH_RUNS:-3}"
mkdir -p "$ROOT/bench/out"
OUT="$ROOT/bench/out/first-run-$(date -u +%Y%m%dT%H%M).txt"
{ echo "# $(date -u +%FT%TZ), $(nproc) cores, HEAD $(git -C "$ROOT" rev-parse --short HEAD)"; } > "$OUT"
for run in $(seq 1 "$RUNS"); do
  echo "[bench] run $run of $RUNS" | tee -a "$OUT"
  "$ROOT/scripts/first-run-check.sh" 2>&1 | grep -E '^\[first-run\]   |clone → working page' | tee -a "$OUT"
done
echo "[bench] raw output: $OUT"
