#!/usr/bin/env bash
# The long suites of the reliability suite (RELIABILITY.md): the crash loop and the broker restart, each a child
# process or broker killed and restarted mid-run. Not part of `mvn -B verify`; CI runs this after it, bounded.
#   scripts/reliability.sh                              # 50,000 records, 10 kills (a few minutes)
#   scripts/reliability.sh -Dsplice.crashloop.records=5000 -Dsplice.crashloop.kills=3   # a quick try
# Figures: target/reliability/*.txt
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout --kill-after=30s "${RELIABILITY_TIMEOUT:-30m}" mvn -B -Preliability verify "$@"
