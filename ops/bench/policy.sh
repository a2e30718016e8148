#!/bin/sh
# Benchmarks SamhandPolicy against cedarpy (pip install cedarpy) on the same corpus in the same
# run and writes ops/bench/results/policy.md.
set -eu
cd "$(dirname "$0")/../.."
python3 -c "import cedarpy" 2>/dev/null || {
  echo "policy-bench needs cedarpy: pip install cedarpy" >&2
  exit 1
}
exec swift run -c release --package-path Benchmarks policy-bench
