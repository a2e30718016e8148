#!/bin/sh
# Runs store-bench (durable audit appends batched vs. single; verify from the database file
# vs. raw SHA-256) in release mode and writes ops/bench/results/store.md.
# Usage: ops/bench/store.sh [APPENDS] [VERIFY-ENTRIES]
set -eu
cd "$(dirname "$0")/../.."
swift run -c release --package-path Benchmarks store-bench "$@"
