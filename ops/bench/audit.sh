#!/bin/sh
# Runs the audit benchmark in release mode and writes ops/bench/results/audit.md.
# Usage: ops/bench/audit.sh [ENTRIES]   (default 10,000,000)
set -eu
cd "$(dirname "$0")/../.."
swift run -c release --package-path Benchmarks audit-bench "${1:-10000000}" ops/bench/results/audit.md
