#!/usr/bin/env bash
# Schema parity between the backends: builds the SQLite schema from migrations/*.sql (sqlite3,
# a scratch file) and the PostgreSQL schema from migrations/postgres/*.sql (psql -v
# ON_ERROR_STOP=1, one transaction per file, on a throwaway cluster from cluster.sh), then
# compares them (schema_parity.py says what) and runs triggers.sql, which checks that every
# trigger refuses or records on PostgreSQL as its SQLite twin does. Exits non-zero naming
# every difference.
#
#   ops/postgres/check-schema.sh [POSTGRES_MIGRATIONS_DIR]   (default migrations/postgres)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
postgres_migrations="$(cd "${1:-$root/migrations/postgres}" && pwd)"

work="$(mktemp -d /tmp/samhand-schema.XXXXXX)"
chmod 755 "$work" # the cluster may run as the postgres user (cluster.sh)
cleanup() {
  "$here/cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# In order, in one session; the schema, not durability, is what is checked here.
{
  echo "PRAGMA synchronous = OFF;"
  cat "$root"/migrations/[0-9]*.sql
} | sqlite3 -bail "$work/schema.sqlite" >/dev/null

url="$("$here/cluster.sh" start "$work/pg")"
psql="$("$here/cluster.sh" bindir)/psql"
for file in "$postgres_migrations"/[0-9]*.sql; do
  PGOPTIONS="-c synchronous_commit=off" \
    "$psql" "$url" -X -q -v ON_ERROR_STOP=1 --single-transaction -f "$file" || {
    echo "DIFFERENCE $(basename "$file") does not apply on PostgreSQL" >&2
    exit 1
  }
done

sqlite_count="$(ls "$root"/migrations/[0-9]*.sql | wc -l)"
postgres_count="$(ls "$postgres_migrations"/[0-9]*.sql | wc -l)"
status=0
if [ "$sqlite_count" -ne "$postgres_count" ]; then
  echo "DIFFERENCE $sqlite_count SQLite migrations, $postgres_count PostgreSQL migrations"
  status=1
fi
for file in "$root"/migrations/[0-9]*.sql; do
  [ -f "$postgres_migrations/$(basename "$file")" ] || {
    echo "DIFFERENCE $(basename "$file") has no PostgreSQL twin"
    status=1
  }
done

python3 "$here/schema_parity.py" "$work/schema.sqlite" "$psql" "$url" || status=1
if "$psql" "$url" -X -q -o /dev/null -v ON_ERROR_STOP=1 -f "$here/triggers.sql"; then
  echo "the triggers refuse and record as on SQLite"
else
  echo "DIFFERENCE a trigger does not behave as on SQLite (above)"
  status=1
fi
exit "$status"
