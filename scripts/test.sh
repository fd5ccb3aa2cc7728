#!/usr/bin/env bash
# Sets everything up, then runs every test layer:
#   0. the lint gate: rustfmt (this crate and examples/yew-host) and clippy,
#      natively and for wasm, with warnings as errors;
#   1. native unit and property tests (cargo test);
#   2. component tests in headless Chromium (wasm-bindgen-test);
#   3. the release builds: trunk build --release (dist/), the single HTML file
#      (dist-single/annals.html) and the example yew app (examples/yew-host/dist/),
#      and the tests of the helper scripts (scripts/test-scripts.mjs);
#   4. end-to-end tests against those builds (Playwright).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ANNALS_ROOT"

echo "== 0/4 lint gate"
cargo fmt --all --check
(cd examples/yew-host && cargo fmt --all --check)
cargo clippy --locked --workspace --all-targets -- -D warnings
# The library's unit tests use proptest, a native-only dev-dependency, so the
# wasm check covers the library, the binary and the component tests.
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings
# The release bundle's build: without the built-in default dataset.
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --no-default-features -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps

echo "== 1/4 native tests"
cargo test --locked --workspace

echo "== 2/4 component tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test web

echo "== 3/4 release builds"
trunk build --release --offline
bash scripts/single-file.sh
(cd examples/yew-host && trunk build --release --offline)
node --test scripts/test-scripts.mjs

echo "== 4/4 end-to-end tests"
npx playwright test
