#!/usr/bin/env bash
# Writes one self-contained HTML file, dist-single/annals.html, with the app,
# the wasm and the data inlined. It opens from file:// with no server: ES
# modules do not load there, so this is a wasm-bindgen `no-modules` build
# with the wasm as base64, not trunk's module build.
#
#   scripts/single-file.sh [DATA.json|DATA.csv] [OUT.html]
#
# The wasm carries the readers of every format (the `importers` feature),
# which the release bundle keeps in its separate import module.
#
# DATA and OUT are read from where you run the script (paths may hold
# spaces); OUT defaults to dist-single/annals.html in the repository. Without
# DATA the file shows the default dataset (static/data/alliance.json), inlined
# like any other: the wasm is built without it. The page's title is the
# dataset's.
set -euo pipefail
caller="$PWD"
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ANNALS_ROOT"

# A path as the caller meant it: relative to the directory they ran this from.
from_caller() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$caller/$1" ;;
  esac
}

data="$ANNALS_ROOT/static/data/alliance.json"
if [ -n "${1:-}" ]; then
  data="$(from_caller "$1")"
  if [ ! -f "$data" ]; then
    echo "single-file: no file $1 (looked for $data)" >&2
    exit 1
  fi
fi
out="$ANNALS_ROOT/dist-single/annals.html"
if [ -n "${2:-}" ]; then
  out="$(from_caller "$2")"
fi
target="${CARGO_TARGET_DIR:-$ANNALS_ROOT/target}"
work="$target/single-file"
wasm="$target/wasm32-unknown-unknown/release/annals.wasm"

# The readers of TimelineJS3, CSV and plain text built in (`importers`): a
# single file has nowhere to fetch annals' import module from.
cargo build --release --locked --target wasm32-unknown-unknown --bin annals --no-default-features --features importers
# wasm-bindgen and wasm-opt run again only when cargo's wasm differs from
# the one they last processed (compared by content: cargo may put back an
# older file with its older time).
if ! cmp -s "$wasm" "$work/annals.input.wasm" || [ ! -f "$work/annals_bg.opt.wasm" ] || [ ! -f "$work/annals.js" ]; then
  rm -f "$work/annals.input.wasm"
  wasm-bindgen --target no-modules --no-typescript --out-dir "$work" "$wasm"
  wasm-opt -Oz "$work/annals_bg.wasm" -o "$work/annals_bg.opt.wasm"
  cp "$wasm" "$work/annals.input.wasm"
fi
args=("$work/annals.js" "$work/annals_bg.opt.wasm" static/annals.css "$out" "$data")
node scripts/single-file.mjs "${args[@]}"
echo "wrote $out"
