#!/usr/bin/env bash
# Benchmarks the schedule engine natively (10,000 synthetic cases with full histories,
# under each profile), then the case store in headless Chromium (1,000 cases loaded and
# rendered, one saved), and writes the figures to their sections of docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/report.sh"
cd "$ROOT"

say "Benchmarking the schedule engine (takes about a minute)"
results=$(cargo bench --locked -q -p care-planner-core --bench schedule)
echo "$results"

write_report_section schedule-benchmark <<REPORT
## Schedule engine

Produced by \`scripts/bench.sh\` (\`core/benches/schedule.rs\`): the schedule of every case of
a caseload of 10,000 synthetic cases, each with two years of history (admission, two
placements, four reviews, sixteen visits, three health assessments, and for half of them
the PLO and care proceedings with an extension), under each profile, with the profiles
prepared once (\`Scheduler\`) as the caseload page does. Built natively for speed
(\`[profile.bench] opt-level = 3\`) on this project's 2-core machine; run $(date -u +%Y-%m-%d).

$results

Aim: the whole caseload of 10,000 in under 100 ms natively.

$(rustc --version).
REPORT

ensure_test_tools
build_release
say "Benchmarking the case store in headless Chromium (takes about a minute)"
store_results=$(node scripts/bench-store.mjs)
echo "$store_results"

write_report_section store-benchmark <<REPORT
## Case store in the browser

Produced by \`scripts/bench.sh\` (\`scripts/bench-store.mjs\`): the release build in headless
Chromium $(chromium --version 2>/dev/null | awk '{print $2}') on this project's 2-core machine, run $(date -u +%Y-%m-%d).
1,000 synthetic cases are imported through the Settings page, then the caseload is loaded
from a fresh page ${LOADS:-7} times (timings from the page's own performance marks), and
one case is saved repeatedly (changing its procedures), timed from the change until the
page shows "Saved at" and the change in the case's history.

$store_results

Aim: the caseload of 1,000 on screen in under 1 second; a save in under 100 ms.
REPORT
