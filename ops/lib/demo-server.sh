# Sourced by ops scripts: starts `samhand serve --demo` on a free loopback port in a scratch
# directory and stops it on exit. After `start_demo_server BINARY`: $url is the base URL,
# $work the scratch directory, and `demo_token STAFF-ID` / `demo_recipient N` read the demo.
work="$(mktemp -d)"
server=""
stop_demo_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_demo_server EXIT

start_demo_server() {
  LOG_LEVEL=error "$1" serve --data "$work/data" --demo --json --port 0 >"$work/out" 2>"$work/err" &
  server=$!
  for _ in $(seq 1 600); do
    grep -q '^Samhand listening on ' "$work/out" 2>/dev/null && break
    sleep 0.1
  done
  url="$(sed -n 's/^Samhand listening on //p' "$work/out")"
  [ -n "$url" ] || { echo "samhand serve did not start:" >&2; cat "$work/err" >&2; exit 1; }
}

demo_token() {
  head -n 1 "$work/out" | python3 -c \
    'import json,sys; d=json.load(sys.stdin); print(next(s["token"] for s in d["staff"] if s["id"]==sys.argv[1]))' "$1"
}

demo_recipient() {
  head -n 1 "$work/out" | python3 -c \
    'import json,sys; print(json.load(sys.stdin)["recipients"][int(sys.argv[1])]["id"])' "$1"
}
