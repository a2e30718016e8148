#!/bin/sh
# Runs reports-bench: seeds RECIPIENTS recipients (default 100 000) over eight services and the
# past year straight through the store, then times the indicator, handover and life-domain
# reports in-process against a plain SELECT count(*) over the same tables in the same run, and
# writes ops/bench/results/reports.md.
# Usage: ops/bench/reports.sh [RECIPIENTS] [RUNS]
set -eu
cd "$(dirname "$0")/../.."
swift run -c release --package-path Benchmarks reports-bench "$@"
