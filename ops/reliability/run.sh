#!/usr/bin/env bash
# The fault suite (ops/reliability/README.md): kill -9 under load, disk full, a read-only file
# system at start, a damaged database page. Builds `samhand` (debug, as the tests do) and runs
# every case against it; each prints PASS, FAIL, or SKIPPED with the reason (the disk and
# read-only cases mount a tmpfs, which needs root). Exit 1 when a case failed.
#
#   ops/reliability/run.sh          short run (CI): 5 kill rounds, quick_check timed on 64 MB
#   ops/reliability/run.sh --full   the benchmark: 100 kill rounds, quick_check on 1 GB, and
#                                   the numbers written to ops/reliability/results/fault-suite.md
#
# Needs python3 (standard library only), dd and mount.
set -euo pipefail
cd "$(dirname "$0")/../.."

arguments=(--rounds 5 --check-megabytes 64)
if [ "${1:-}" = "--full" ]; then
  arguments=(--rounds 100 --check-megabytes 1024 --results ops/reliability/results/fault-suite.md)
elif [ -n "${1:-}" ]; then
  echo "usage: ops/reliability/run.sh [--full]" >&2
  exit 2
fi

swift build --product samhand 2>&1 | tail -1
binary="$(swift build --show-bin-path)/samhand"
exec python3 ops/reliability/suite.py --binary "$binary" "${arguments[@]}"
