# Sourced by ops scripts: starts `samhand serve` on free loopback ports in a scratch directory
# and stops every server it started on exit. After `start_demo_server BINARY` (serve --demo):
# $url is the base URL, $work the scratch directory, and `demo_token STAFF-ID` /
# `demo_recipient N` read the demo. `start_server BINARY DIR NAME` serves an existing data
# directory (one `samhand demo --data DIR --json >FILE` filled, say) and sets $url and $server
# (its pid); its output goes to $work/NAME.out and $work/NAME.err. `demo_token` and
# `demo_recipient` take that FILE as a second argument.
work="$(mktemp -d)"
server=""
servers=()
stop_demo_server() {
  local pid
  for pid in "${servers[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop_demo_server EXIT

# serve_on_free_port NAME COMMAND...: runs COMMAND --port 0 (a `samhand serve`) in the
# background and waits until it says where it listens.
serve_on_free_port() {
  local name="$1"
  shift
  LOG_LEVEL=error "$@" --port 0 >"$work/$name.out" 2>"$work/$name.err" &
  server=$!
  servers+=("$server")
  for _ in $(seq 1 600); do
    grep -q '^Samhand listening on ' "$work/$name.out" 2>/dev/null && break
    sleep 0.1
  done
  url="$(sed -n 's/^Samhand listening on //p' "$work/$name.out")"
  [ -n "$url" ] || { echo "samhand serve did not start:" >&2; cat "$work/$name.err" >&2; exit 1; }
}

start_demo_server() {
  serve_on_free_port demo "$1" serve --data "$work/data" --demo --json
  head -n 1 "$work/demo.out" >"$work/demo.json"
}

start_server() {
  serve_on_free_port "$3" "$1" serve --data "$2"
}

demo_token() {
  python3 -c \
    'import json,sys; d=json.load(sys.stdin); print(next(s["token"] for s in d["staff"] if s["id"]==sys.argv[1]))' \
    "$1" <"${2:-$work/demo.json}"
}

demo_recipient() {
  python3 -c 'import json,sys; print(json.load(sys.stdin)["recipients"][int(sys.argv[1])]["id"])' \
    "$1" <"${2:-$work/demo.json}"
}
