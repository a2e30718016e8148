#!/usr/bin/env bash
# Benchmarks the lists (issue 15) in one run on loopback: two release `samhand serve`, each on
# the demo plus recipients registered in psykisk-helse-rus (LARGE, default 100 000, and SMALL,
# default 1 000; seeded straight through the store by Benchmarks' lists-seed), measured
# interleaved by ops/bench/lists.py: caseload pages (first and following, via nextCursor) as
# a coordinator of that service against an audited recipient GET, the page at LARGE against
# SMALL, audit entries per page, server RSS after 20 pages, agenda and handover inbox of a
# coordinator with 50 recipients, and the policies that made a list judge every candidate.
# Writes ops/bench/results/lists.md with the targets:
#   page p99 <= 50 ms, page <= 6 x audited GET, page at LARGE <= 1.5 x at SMALL,
#   <= 51 audit entries per page, RSS <= 150 MB after 20 pages, agenda and inbox < 50 ms,
#   0 widened policies with the default policies.
# Usage: ops/bench/lists.sh [LARGE, default 100000] [SMALL, default 1000] [ROUNDS of 20 pages, default 10]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
large="${1:-100000}"
small="${2:-1000}"
rounds="${3:-10}"
case "$large$small$rounds" in *[!0-9]*)
  echo "usage: ops/bench/lists.sh [LARGE] [SMALL] [ROUNDS]" >&2
  exit 2
  ;;
esac
command -v python3 >/dev/null || { echo "lists bench needs python3" >&2; exit 1; }

cd "$root"
echo "building samhand and lists-seed (release)..." >&2
swift build -c release --product samhand >/dev/null
binary="$(swift build -c release --show-bin-path)/samhand"
swift build -c release --package-path Benchmarks --product lists-seed >/dev/null
seed="$(swift build -c release --package-path Benchmarks --show-bin-path)/lists-seed"

# shellcheck source=../lib/demo-server.sh
. ops/lib/demo-server.sh

specs=()
for size in "$large" "$small"; do
  name="$size-recipients"
  echo "seeding $name..." >&2
  "$binary" demo --data "$work/$name" --json >"$work/$name.demo.json"
  "$seed" "$work/$name" "$size" >"$work/$name.seed.json"
  start_server "$binary" "$work/$name" "$name"
  specs+=("$name,$url,$server,$work/$name,$work/$name.demo.json,$work/$name.seed.json,$work/$name.err")
done

echo "measuring..." >&2
python3 ops/bench/lists.py "$root/ops/bench/results/lists.md" "$rounds" "${specs[@]}"
