#!/bin/sh
# Runs the audit benchmarks in release mode:
#   audit-bench       the hash chain streamed in memory, against raw SHA-256 (results/audit.md)
#   audit-tree-bench  the Merkle tree on the real store: durable appends against the append
#                     without the tree in the same run, proofs, witness steps and full
#                     verification on a log of ENTRIES entries (results/audit-tree.md)
# Usage: ops/bench/audit.sh [ENTRIES]   (default 10,000,000)
set -eu
cd "$(dirname "$0")/../.."
swift build -c release --package-path Benchmarks --product audit-bench
swift build -c release --package-path Benchmarks --product audit-tree-bench
swift run -c release --skip-build --package-path Benchmarks audit-bench "${1:-10000000}" ops/bench/results/audit.md \
  || echo "audit-bench: a target was missed (see ops/bench/results/audit.md)"
swift run -c release --skip-build --package-path Benchmarks audit-tree-bench "${1:-10000000}" ops/bench/results/audit-tree.md
