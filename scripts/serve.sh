#!/usr/bin/env bash
# Sets everything up, then serves annals with the default dataset at
# http://127.0.0.1:8080 and rebuilds on change.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ANNALS_ROOT"
exec trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
