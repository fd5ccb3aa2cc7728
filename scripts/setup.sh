#!/usr/bin/env bash
# Installs everything annals needs to build, serve and test, and skips what is
# already present. Safe to run again and again; sourced by serve.sh and test.sh
# so that the PATH it sets up carries over.
#
# Installs: the wasm32 target, trunk, the wasm-bindgen CLI matching Cargo.lock,
# Chromium and chromedriver (Debian packages), and the npm tools pinned in
# package-lock.json (binaryen's wasm-opt, Playwright).

set -euo pipefail

ANNALS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

cd "$ANNALS_ROOT"

if ! command -v cargo >/dev/null 2>&1; then
  say "cargo is not installed; install Rust with rustup first (https://rustup.rs)"
  exit 1
fi

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The lint gate of scripts/test.sh needs clippy and rustfmt.
for component in clippy rustfmt; do
  if rustup component list --installed | grep -q "^${component}"; then
    say "${component}: present"
  else
    say "adding ${component}"
    rustup component add "${component}"
  fi
done

if trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
  say "trunk ${TRUNK_VERSION}: present"
else
  say "installing trunk ${TRUNK_VERSION} (takes about 7 minutes on 2 cores)"
  cargo install trunk --version "${TRUNK_VERSION}" --locked
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "${WASM_BINDGEN_VERSION}" ]; then
  say "could not read the wasm-bindgen version from Cargo.lock"
  exit 1
fi
if wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  say "wasm-bindgen-cli ${WASM_BINDGEN_VERSION}: present"
else
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (about 3 minutes)"
  # Not --locked: the CLI's own lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" --force
fi

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  say "chromium and chromedriver: present"
else
  say "installing chromium and chromium-driver from Debian"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q chromium chromium-driver
fi

# A Japanese font, so Chromium draws the Japanese interface and data (tests,
# screenshots) instead of empty boxes.
if fc-list :lang=ja 2>/dev/null | grep -q .; then
  say "a Japanese font: present"
else
  say "installing a Japanese font (fonts-ipafont-gothic) from Debian"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q fonts-ipafont-gothic
fi

# npm ci is skipped when node_modules already matches the committed lockfile.
if [ -f node_modules/.annals-lock ] && cmp -s package-lock.json node_modules/.annals-lock; then
  say "npm tools: present"
else
  say "installing npm tools from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.annals-lock
fi

# Trunk builds run offline, so fetch the crates of both workspaces (the app
# and the example yew host) while the registry can be reached; a no-op when
# they are cached.
cargo fetch --locked --quiet
cargo fetch --locked --quiet --manifest-path examples/yew-host/Cargo.toml

# binaryen's wasm-opt must come before Debian's older one, which cannot read
# current rustc output.
export PATH="$ANNALS_ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export ANNALS_CHROMIUM="${ANNALS_CHROMIUM:-$(command -v chromium)}"
say "ready"
