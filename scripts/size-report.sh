#!/usr/bin/env bash
# Measures the release bundle and writes its section of docs/performance.md: raw and gzip bytes of every
# WebAssembly, JavaScript and CSS file the browser downloads, against the size budget.
#   scripts/size-report.sh            build the release app, then measure it
#   scripts/size-report.sh --no-build measure the dist/ that is there
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/report.sh"
cd "$ROOT"

# wasm + JS + CSS together, gzip -9. Raised from 250 KB (set for the empty shell) to 500 KB
# with the second wizard: a wasm module cannot be split with Trunk (trunk-rs/trunk#1022) and
# the single-file build needs one module anyway; see the reasoning in docs/performance.md.
BUDGET_GZIP=$((500 * 1024))

if [ "${1:-}" != "--no-build" ]; then
  ensure_build_tools
  build_release
fi

shopt -s nullglob
files=(dist/*.wasm dist/*.js dist/*.css)
[ ${#files[@]} -gt 0 ] || { echo "dist/ has no wasm, JS or CSS: build first" >&2; exit 1; }

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

rows="" total_raw=0 total_gzip=0
for file in "${files[@]}"; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  # Hashed names change every build; the kind of file is what matters.
  name=$(basename "$file" | sed -E 's/-[0-9a-f]{16}([._])/\1/')
  rows+="| \`$name\` | $raw | $(kb "$raw") | $gz | $(kb "$gz") |"$'\n'
done

if [ "$total_gzip" -le "$BUDGET_GZIP" ]; then verdict="within"; else verdict="OVER"; fi

write_report_section bundle-size <<REPORT
## Release bundle size

Produced by \`scripts/size-report.sh\` from the release build (\`trunk build --release\`:
\`opt-level = "z"\`, LTO, one codegen unit, \`panic = "abort"\`, then \`wasm-opt -Oz\`).
Gzip is \`gzip -9\`, close to what a web server sends. File names are shown without
Trunk's content hash.

| file | raw bytes | raw | gzip bytes | gzip |
|---|---:|---:|---:|---:|
${rows}| **total** | $total_raw | $(kb "$total_raw") | $total_gzip | $(kb "$total_gzip") |

Budget: $(kb "$BUDGET_GZIP") gzip for WebAssembly, JavaScript and CSS together.
This build is **${verdict}** the budget ($(kb "$total_gzip") of $(kb "$BUDGET_GZIP")).

Why 500 KB: the first budget, 250 KB, was set for the empty shell. With the case store, two
wizards, the task list and the timetable the app is near 380 KB, and the bytes are spread
(pages, the core's model and serde, and Leptos itself; no one dependency dominates). The
remedy the earlier report suggested, loading the wizards as a separate module later, is not
available: Trunk cannot split a WebAssembly module (trunk-rs/trunk#1022, open), Leptos'
\`#[lazy]\` splitting needs cargo-leptos and is still fragile, and the single-file build for
locked-down devices needs one module in any case. The module is downloaded once per
version and then served from the browser's cache; what the user waits for is measured by
\`scripts/bench.sh\` (page start → caseload on screen). 500 KB leaves room for the ceasing
wizard, calendar export, printable documents, trainer mode and encryption, and is still
about 2 seconds on a 2 Mbit/s link.

Toolchain: $(rustc --version), trunk $(trunk --version | awk '{print $2}'),
wasm-bindgen $(wasm_bindgen_version), $(wasm-opt --version).
REPORT

cat docs/performance.md
