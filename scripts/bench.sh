#!/usr/bin/env bash
# Benchmarks the schedule engine natively (10,000 synthetic cases with full histories,
# under each profile) and writes the figures to their section of docs/performance.md.
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
