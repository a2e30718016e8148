#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, in one directory:
#
#   ops/postgres/cluster.sh start DIR   initdb (first time) + start; creates database `samhand`
#   ops/postgres/cluster.sh stop DIR    fast shutdown
#   ops/postgres/cluster.sh url DIR     prints postgres:///samhand?host=DIR&user=samhand
#   ops/postgres/cluster.sh bindir      prints the directory of the binaries it uses
#
# The data directory is DIR/data, the server log DIR/postgres.log. The server listens on a
# Unix socket in DIR only (listen_addresses = ''), with trust authentication, UTF8 and the C
# locale; fsync stays on, so durability figures measured on it are real. The superuser is
# `samhand`. The binaries are found on PATH, in /usr/local/bin or in /usr/lib/postgresql/*/bin
# (newest version); psql and createdb are taken from beside initdb. initdb refuses to run as
# root: as root the cluster runs as the `postgres` system user (created if missing), which
# then owns DIR.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|url DIR, or $0 bindir" >&2
  exit 2
}
[ $# -eq 2 ] || [ "${1:-}" = bindir ] || usage
command="$1"
dir="${2:-}"
superuser=samhand
database=samhand

# The directory holding initdb, with symlinks resolved so that its siblings are found.
find_bindir() {
  local found=""
  if found="$(command -v initdb)"; then
    :
  elif [ -x /usr/local/bin/initdb ]; then
    found=/usr/local/bin/initdb
  else
    found="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)"
  fi
  [ -n "$found" ] || {
    echo "no PostgreSQL binaries: looked on PATH, in /usr/local/bin and /usr/lib/postgresql/*/bin" >&2
    exit 1
  }
  dirname "$(readlink -f "$found")"
}

# Runs a server binary as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_owner() {
  [ "$(id -u)" -eq 0 ] || return 0
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
  fi
  chown postgres: "$dir"
  if ! runuser -u postgres -- test -w "$dir"; then
    echo "the postgres user cannot reach $dir (a parent directory is closed to it); use a directory under /tmp" >&2
    exit 1
  fi
}

url() {
  local host
  host="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="/"))' "$dir")"
  echo "postgres:///$database?host=$host&user=$superuser"
}

start() {
  local bindir
  bindir="$(find_bindir)"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  # A Unix socket path holds at most 107 bytes: DIR/.s.PGSQL.5432 must fit.
  if [ $((${#dir} + 15)) -gt 107 ]; then
    echo "$dir is too long for a Unix socket path; use a shorter directory" >&2
    exit 1
  fi
  chmod 755 "$dir"
  ensure_owner
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bindir/initdb" --pgdata="$dir/data" --username="$superuser" --auth=trust \
      --encoding=UTF8 --locale=C --no-instructions >"$dir/initdb.log"
    cat >>"$dir/data/postgresql.conf" <<EOF
# ops/postgres/cluster.sh: a Unix socket in the cluster's directory only; fsync stays on.
listen_addresses = ''
unix_socket_directories = '$dir'
fsync = on
EOF
  fi
  if as_owner "$bindir/pg_ctl" status --pgdata="$dir/data" >/dev/null 2>&1; then
    echo "already running in $dir" >&2
  else
    as_owner "$bindir/pg_ctl" start --pgdata="$dir/data" --log="$dir/postgres.log" --wait \
      --silent || {
      cat "$dir/postgres.log" >&2
      exit 1
    }
  fi
  local exists
  exists="$("$bindir/psql" -h "$dir" -U "$superuser" -d postgres -X -A -t -c \
    "SELECT 1 FROM pg_database WHERE datname = '$database'")"
  if [ "$exists" != 1 ]; then
    "$bindir/createdb" -h "$dir" -U "$superuser" "$database"
  fi
  url
}

stop() {
  local bindir
  bindir="$(find_bindir)"
  dir="$(cd "$dir" && pwd)"
  as_owner "$bindir/pg_ctl" stop --pgdata="$dir/data" --mode=fast --wait --silent
}

case "$command" in
  start) start ;;
  stop) stop ;;
  url)
    dir="$(cd "$dir" && pwd)"
    url
    ;;
  bindir) find_bindir ;;
  *) usage ;;
esac
