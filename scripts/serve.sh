#!/usr/bin/env bash
# Sets everything up, then serves annals with the default dataset and
# rebuilds on change: a debug build, kept in target/serve-dist so that it
# never lands in dist/, where a deploy would pick it up.
#
#   scripts/serve.sh [PORT] [more trunk serve options]
#
# The port is the first argument, else $ANNALS_PORT, else 8080; the page is
# at http://127.0.0.1:PORT/.
set -euo pipefail
port="${ANNALS_PORT:-8080}"
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  port="$1"
  shift
fi
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ANNALS_ROOT"
exec trunk serve --offline --address 127.0.0.1 --port "$port" --dist target/serve-dist "$@"
