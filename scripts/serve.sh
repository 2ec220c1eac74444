#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on http://127.0.0.1:8080
# (PORT=… to change the port). Safe to run again: it installs nothing the second time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

ensure_build_tools
build_release
exec node "$ROOT/scripts/static-server.mjs" "$ROOT/dist" "${PORT:-8080}"
