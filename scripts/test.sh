#!/usr/bin/env bash
# Sets everything up, then runs every test layer:
#   1. native unit and property tests (cargo test);
#   2. component tests in headless Chromium (wasm-bindgen-test);
#   3. the release builds: trunk build --release (dist/), the single HTML file
#      (dist-single/annals.html) and the example yew app (examples/yew-host/dist/);
#   4. end-to-end tests against those builds (Playwright).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ANNALS_ROOT"

echo "== 1/4 native tests"
cargo test --locked --workspace

echo "== 2/4 component tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test web

echo "== 3/4 release builds"
trunk build --release --offline
bash scripts/single-file.sh
(cd examples/yew-host && trunk build --release --offline)

echo "== 4/4 end-to-end tests"
npx playwright test
