#!/bin/sh
# Runs agenda-bench: seeds RECIPIENTS recipients (default 100 000) straight through the store,
# then times one coordinator's agenda in-process (the store's queries, one per kind, vs. a
# point read) and end to end (`samhand agenda --json` vs. `samhand recipient show --json`),
# and writes ops/bench/results/agenda.md with the query plans.
# Usage: ops/bench/agenda.sh [RECIPIENTS] [CLI-RUNS]
set -eu
cd "$(dirname "$0")/../.."
swift build -c release --product samhand >/dev/null
SAMHAND_BIN="$(swift build -c release --show-bin-path)/samhand" \
  swift run -c release --package-path Benchmarks agenda-bench "$@"
