#!/usr/bin/env bash
# Runs each parser fuzz target for a bounded time (default 60 s each).
# Not part of CI. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Usage: scripts/fuzz.sh [seconds-per-target] [target...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(native timelinejs csv text parse_bytes)
fi

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "error: fuzzing needs a nightly toolchain; install it with \`rustup toolchain install nightly\`" >&2
  exit 1
fi
if ! cargo +nightly fuzz --help >/dev/null 2>&1; then
  echo "error: cargo-fuzz is not installed; install it with \`cargo install cargo-fuzz\`" >&2
  exit 1
fi

# Seed each corpus with the test fixtures so the fuzzer starts from real files.
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  case "$target" in
    csv) cp tests/fixtures/*.csv "$corpus"/ ;;
    text) cp tests/fixtures/*.txt "$corpus"/ ;;
    native | timelinejs) cp tests/fixtures/*.json static/data/*.json "$corpus"/ ;;
    *) cp tests/fixtures/* static/data/*.json "$corpus"/ ;;
  esac
done

for target in "${targets[@]}"; do
  echo "== fuzzing $target for ${seconds}s"
  # Corpus: fuzz/corpus/$target (the default). max_len is big enough for
  # real datasets; -timeout flags pathological slowness as a failure.
  cargo +nightly fuzz run "$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10
done
