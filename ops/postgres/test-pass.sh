#!/usr/bin/env bash
# The PostgreSQL pass CI runs after ops/test.sh: the schema parity check, then the test suites
# named by the arguments (default: the PostgreSQL store's own suites) against a throwaway
# cluster, each fixture in a new database of its own (SAMHAND_TEST_POSTGRES, see
# Tests/SamhandTestSupport/TestDatabase.swift).
#
#   ops/postgres/test-pass.sh [swift test --filter PATTERN]
#
# `ops/postgres/test-pass.sh SamhandServiceTests` runs the service suite on PostgreSQL; see
# docs/postgresql.md for which suites pass there so far.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."

echo "== PostgreSQL: schema parity with SQLite"
"$here/check-schema.sh"

work="$(mktemp -d /tmp/samhand-pgtest.XXXXXX)"
chmod 755 "$work" # the cluster may run as the postgres user (cluster.sh)
cleanup() {
  "$here/cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"$here/cluster.sh" start "$work/pg" >/dev/null
url="$("$here/cluster.sh" url "$work/pg")"

filter="${1:-SamhandStoreTests.Postgres}"
echo "== PostgreSQL: swift test --filter $filter"
SAMHAND_TEST_POSTGRES="$url" swift test --skip-build --filter "$filter"
