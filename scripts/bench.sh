#!/usr/bin/env bash
# The side-by-side benchmark: annals (release build) against TimelineJS3 and
# vis-timeline, in headless Chromium. Sets everything up, builds annals,
# generates the datasets, then runs bench/run.mjs with the arguments given:
#
#   ./scripts/bench.sh                # every size (1k, 10k, 100k, 1M), with the caps
#   ./scripts/bench.sh --quick        # the default dataset, 1k and 10k only
#   ./scripts/bench.sh --sizes 1000,100000 --cap 30
#
# Set ANNALS_BENCH_SKIP_BUILD=1 to measure the dist/ already there.
# Writes bench/results/latest.json, docs/benchmarks.md and docs/benchmark-render.svg.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ANNALS_ROOT"

if [ "${ANNALS_BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo "== release build"
  trunk build --release --offline
fi

# Only the sizes asked for are generated; bench/run.mjs checks them again.
sizes=()
for ((i = 1; i <= $#; i++)); do
  case "${!i}" in
    --quick) sizes=(--sizes 1000,10000) ;;
    --sizes) j=$((i + 1)); sizes=(--sizes "${!j}") ;;
  esac
done
echo "== data"
node bench/generate.mjs "${sizes[@]}"

echo "== benchmark"
exec node bench/run.mjs "$@"
