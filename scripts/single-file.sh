#!/usr/bin/env bash
# Installs what is missing, builds the release app and turns it into one self-contained
# file, dist-single/care-planner.html, to open from disk or a file share (docs/offline.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

ensure_build_tools
build_release
build_single_file
