#!/usr/bin/env bash
# Installs what the tests need (only what is missing) and runs every test:
#   1. the pure core, natively (cargo test);
#   2. the browser code in headless Chromium (wasm-bindgen-test);
#   3. the release build end to end in headless Chromium, served by a plain static server
#      (and as the single file, opened from disk).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$ROOT"

ensure_test_tools

say "1/3 Native tests of the core"
cargo test --locked -p care-planner-core

say "2/3 Browser tests (wasm-bindgen-test in headless Chromium)"
export CHROMEDRIVER=/usr/bin/chromedriver
# The defaults (20 s, 5 s) are too short for a 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT=${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}
cargo test --locked -p care-planner --target wasm32-unknown-unknown

say "3/3 End-to-end tests of the release build"
build_release
build_single_file
node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
