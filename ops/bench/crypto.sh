#!/bin/sh
# Runs crypto-bench in release mode and writes ops/bench/results/crypto.md.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
swift run -c release --package-path Benchmarks crypto-bench "$root/ops/bench/results/crypto.md"
