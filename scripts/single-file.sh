#!/usr/bin/env bash
# Writes one self-contained HTML file, dist-single/annals.html, with the app,
# the wasm and the data inlined. It opens from file:// with no server: ES
# modules do not load there, so this is a wasm-bindgen `no-modules` build
# with the wasm as base64, not trunk's module build.
#
#   scripts/single-file.sh [DATA.json|DATA.csv] [OUT.html]
#
# Without DATA the file shows the default dataset, which is in the wasm.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ANNALS_ROOT"

data="${1:-}"
out="${2:-dist-single/annals.html}"
target="${CARGO_TARGET_DIR:-$ANNALS_ROOT/target}"
work="$target/single-file"

cargo build --release --locked --target wasm32-unknown-unknown --bin annals
wasm-bindgen --target no-modules --no-typescript --out-dir "$work" \
  "$target/wasm32-unknown-unknown/release/annals.wasm"
wasm-opt -Oz "$work/annals_bg.wasm" -o "$work/annals_bg.opt.wasm"
node scripts/single-file.mjs "$work/annals.js" "$work/annals_bg.opt.wasm" static/annals.css "$out" $data
echo "wrote $out"
