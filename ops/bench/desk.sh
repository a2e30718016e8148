#!/usr/bin/env bash
# Benchmarks the desk's pages against the API routes serving the same use cases, in one run on
# loopback with wrk at one connection (so a request's time is the server's work, not queueing):
#   /desk (agenda with names)          vs GET /v1/agenda?names=true
#   /desk/caseload (first page)        vs GET /v1/caseload
#   /desk/recipients/{id}              vs its five API reads (recipient, responsibility, plans,
#                                         group, handovers) requested in turn
# on the demo and on the demo plus LARGE recipients in siri.fjell's caseload (seeded straight
# through the store by Benchmarks' lists-seed). A desk page also renews its session (one
# write) and renders HTML; the ratio says what that costs. Writes ops/bench/results/desk.md
# with the machine's load before and after. BENCH_CONFIGURATION=debug measures the debug
# `samhand` the tests built instead of a release build (noted in the results).
# Usage: ops/bench/desk.sh [LARGE, default 20000] [SECONDS per run, default 5]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
large="${1:-20000}"
seconds="${2:-5}"
case "$large$seconds" in *[!0-9]*)
  echo "usage: ops/bench/desk.sh [LARGE] [SECONDS]" >&2
  exit 2
  ;;
esac
command -v wrk >/dev/null || { echo "desk bench needs wrk: apt-get install -y wrk" >&2; exit 1; }

cd "$root"
configuration="${BENCH_CONFIGURATION:-release}"
echo "building samhand ($configuration) and lists-seed (release)..." >&2
swift build -c "$configuration" --product samhand >/dev/null
binary="$(swift build -c "$configuration" --show-bin-path)/samhand"
swift build -c release --package-path Benchmarks --product lists-seed >/dev/null
seed="$(swift build -c release --package-path Benchmarks --show-bin-path)/lists-seed"

# shellcheck source=../lib/demo-server.sh
. ops/lib/demo-server.sh
# shellcheck source=../lib/wrk-run.sh
. ops/lib/wrk-run.sh
export WRK_THREADS=1

# desk_cookie TOKEN PURPOSE: signs in at $url as a browser does (the sign-in form's cookie and
# token, then the purpose form) and prints the session cookie.
desk_cookie() {
  local jar="$work/jar" csrf
  rm -f "$jar"
  csrf="$(curl -fs -c "$jar" "$url/desk/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')"
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" \
    --data-urlencode "token=$1" "$url/desk/sign-in"
  csrf="$(curl -fs -b "$jar" -c "$jar" "$url/desk/purpose" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" \
    --data-urlencode "purpose=$2" "$url/desk/purpose"
  awk '$6 == "samhand_desk" { print "samhand_desk=" $7 }' "$jar"
}

# A recipient of siri.fjell's whose open plan she coordinates (a full recipient page).
coordinated() {
  python3 - "$url" "$1" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1:]
def get(path):
    request = urllib.request.Request(
        base + path, headers={"Authorization": f"Bearer {token}", "X-Purpose": "follow-up"})
    return json.load(urllib.request.urlopen(request))
for item in get("/v1/caseload?limit=200")["items"]:
    for plan in get(f"/v1/recipients/{item['id']}/plans")["items"]:
        if plan["coordinator"] == "siri.fjell" and plan["status"] != "closed":
            print(item["id"])
            sys.exit(0)
sys.exit("no open plan coordinated by siri.fjell")
PY
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
for size in demo "$large"; do
  name="desk-$size"
  echo "preparing $name..." >&2
  "$binary" demo --data "$work/$name" --json >"$work/$name.demo.json"
  if [ "$size" != demo ]; then "$seed" "$work/$name" "$size" >"$work/$name.seed.json"; fi
  start_server "$binary" "$work/$name" "$name"
  token="$(demo_token siri.fjell "$work/$name.demo.json")"
  cookie="$(desk_cookie "$token" follow-up)"
  recipient="$(coordinated "$token")"
  printf 'wrk.headers["Cookie"] = "%s"\n' "$cookie" >"$work/desk.lua"
  printf 'wrk.headers["Authorization"] = "Bearer %s"\nwrk.headers["X-Purpose"] = "follow-up"\n' \
    "$token" >"$work/api.lua"
  { cat "$work/api.lua"; cat <<LUA
local paths = {"/v1/recipients/$recipient", "/v1/recipients/$recipient/responsibility",
  "/v1/recipients/$recipient/plans", "/v1/recipients/$recipient/group",
  "/v1/recipients/$recipient/handovers"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
  } >"$work/api-page.lua"
  for path in /desk /desk/caseload "/desk/recipients/$recipient"; do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url$path")"
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
  done
  caseload="$(curl -fs -H "Authorization: Bearer $token" -H "X-Purpose: follow-up" \
    "$url/v1/caseload" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')"
  echo "measuring $name..." >&2
  rows+=("$size" "$caseload"
    "$(wrk_run agenda-desk 1 /desk "$work/desk.lua")"
    "$(wrk_run agenda-api 1 "/v1/agenda?names=true" "$work/api.lua")"
    "$(wrk_run caseload-desk 1 /desk/caseload "$work/desk.lua")"
    "$(wrk_run caseload-api 1 /v1/caseload "$work/api.lua")"
    "$(wrk_run recipient-desk 1 "/desk/recipients/$recipient" "$work/desk.lua")"
    "$(wrk_run recipient-api 1 / "$work/api-page.lua")")
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url/desk")"
  [ "$status" = 200 ] || { echo "the desk session ended during the run ($status)" >&2; exit 1; }
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$root/ops/bench/results/desk.md" "$seconds" "$(nproc)" "$load_before" "$load_after" \
  "$configuration" "${rows[@]}" <<'PY'
import sys, datetime
out, seconds, cores, before, after, configuration = sys.argv[1:7]
values = sys.argv[7:]
pairs = [("`/desk` (agenda, names)", "`GET /v1/agenda?names=true`", 1),
         ("`/desk/caseload`", "`GET /v1/caseload`", 1),
         ("`/desk/recipients/{id}`", "its 5 API reads in turn", 5)]
lines = [
    "# Desk pages benchmark",
    "",
    f"`ops/bench/desk.sh`, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%dT%H:%MZ}: "
    f"{configuration} build, loopback, wrk -t1 -c1 for {seconds} s per route (one request at a time, so the "
    f"times are the server's work). {cores} cores, shared with other builds: load average "
    f"(1, 5, 15 min) {before} before the run and {after} after, so absolute times are noisy; "
    "the ratios compare runs made in turn under the same load.",
    "",
    "The API row of the recipient page requests its five reads (recipient, responsibility, "
    "plans, group, handovers) in turn; its time is five of those requests. A desk page also "
    "renews its session (one write) and renders HTML from the Mustache templates.",
    "",
    "| data set | siri.fjell's caseload page | page | desk ms | desk req/s | API | API ms | desk / API time |",
    "|---|---:|---|---:|---:|---|---:|---:|",
]
for start in range(0, len(values), 8):
    size, caseload = values[start], values[start + 1]
    results = [tuple(float(x) for x in v.split()) for v in values[start + 2:start + 8]]
    label = "demo" if size == "demo" else f"demo + {int(size):,} recipients".replace(",", " ")
    for index, (page, api, calls) in enumerate(pairs):
        desk, rest = results[2 * index], results[2 * index + 1]
        desk_ms = 1000 / desk[0]
        api_ms = calls * 1000 / rest[0]
        bad = desk[3] + rest[3]
        note = f" ({bad:.0f} non-2xx)" if bad else ""
        lines.append(
            f"| {label} | {caseload} | {page} | {desk_ms:.2f} | {desk[0]:.0f} | {api} | "
            f"{api_ms:.2f} | {desk_ms / api_ms:.2f}{note} |")
lines += ["", "Times are means (1 / req/s at one connection)."]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
