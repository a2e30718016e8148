#!/usr/bin/env bash
# Benchmarks the HTTP API on loopback with wrk (apt-get install -y wrk) in one run: GET /health
# (the baseline), an audited authorised GET of a recipient, and an audited durable POST
# (registering a recipient), each at 32 and 64 connections. Writes ops/bench/results/http.md with req/s, p50/p99
# and the ratios the issue sets targets for:
#   audited GET >= 0.45 x /health req/s, with p99 <= 10 ms at 64 connections
#   durable audited POST >= 0.6 x audited GET req/s
# Usage: ops/bench/http.sh [SECONDS per run, default 10]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-10}"
command -v wrk >/dev/null || { echo "http bench needs wrk: apt-get install -y wrk" >&2; exit 1; }

cd "$root"
swift build -c release --product samhand >/dev/null
binary="$(swift build -c release --show-bin-path)/samhand"

# shellcheck source=../lib/demo-server.sh
. ops/lib/demo-server.sh
# shellcheck source=../lib/wrk-run.sh
. ops/lib/wrk-run.sh
start_demo_server "$binary"
token="$(demo_token eirik.lund)"
recipient="$(demo_recipient 4)"

cat >"$work/get.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["X-Purpose"] = "follow-up"
LUA
# The durable write registers a new recipient per request, each with its own valid synthetic
# national id (month + 80, both check digits), so no state the policies read grows during the run.
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["X-Purpose"] = "follow-up"
LUA
cat >>"$work/post.lua" <<'LUA'
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
-- BENCH_BASE moves each run to national ids no earlier run used.
local n = tonumber(os.getenv("BENCH_BASE") or "0")
local function check(d)
  local w1, w2 = {3, 7, 6, 1, 8, 9, 4, 5, 2}, {5, 4, 3, 2, 7, 6, 5, 4, 3}
  local s = 0
  for i = 1, 9 do s = s + w1[i] * d[i] end
  local k1 = 11 - s % 11
  if k1 == 11 then k1 = 0 end
  if k1 == 10 then return nil end
  s = 2 * k1
  for i = 1, 9 do s = s + w2[i] * d[i] end
  local k2 = 11 - s % 11
  if k2 == 11 then k2 = 0 end
  if k2 == 10 then return nil end
  return k1, k2
end
function request()
  while true do
    n = n + 1
    local v = n * 4 + tid
    local individual = 300 + v % 200
    v = math.floor(v / 200)
    local day = v % 28 + 1
    v = math.floor(v / 28)
    local month = v % 12 + 1
    local year = 50 + math.floor(v / 12) % 50
    local s = string.format("%02d%02d%02d%03d", day, month + 80, year, individual)
    local d = {}
    for i = 1, 9 do d[i] = tonumber(s:sub(i, i)) end
    local k1, k2 = check(d)
    if k1 then
      return wrk.format(nil, nil, nil, '{"name":"Bench Fiktiv","nationalId":"' .. s .. k1 .. k2 .. '"}')
    end
  end
end
LUA

declare -A results
for connections in 32 64; do
  results[health-$connections]="$(wrk_run health $connections /health)"
  results[get-$connections]="$(wrk_run get $connections "/v1/recipients/$recipient" "$work/get.lua")"
  results[post-$connections]="$(BENCH_BASE=$((connections * 10000)) wrk_run post $connections /v1/recipients "$work/post.lua")"
done

"$binary" audit verify --data "$work/data" >"$work/verify" 2>&1 || { cat "$work/verify" >&2; exit 1; }

PYTHONPATH="$root/ops/lib" python3 - "$root/ops/bench/results/http.md" "$seconds" "$(nproc)" "$(cat "$work/verify")" \
  "${results[health-32]}" "${results[get-32]}" "${results[post-32]}" \
  "${results[health-64]}" "${results[get-64]}" "${results[post-64]}" <<'PY'
import sys, datetime
from wrk_table import parse, results_table
out, seconds, cores, verify = sys.argv[1:5]
rows = parse(sys.argv[5:])
names = ["GET /health", "GET /v1/recipients/{id} (audited)", "POST /v1/recipients (audited, durable)"]
lines = [
    "# HTTP API benchmark",
    "",
    f"`ops/bench/http.sh`, {datetime.date.today()}: release build, wrk -t2 on loopback, {seconds} s per run, "
    f"{cores} cores shared by server and wrk. Demo data directory, token of a lar clinician, "
    "the recipient in their care. Every audited request writes its audit entry durably "
    "(`synchronous=FULL`) before the response; concurrent requests share commits (group commit).",
    "",
]
lines += results_table(names, rows)
lines += ["", "| connections | audited GET / health | durable POST / audited GET | GET p99 ms |", "|---|---:|---:|---:|"]
for block, connections in ((0, 32), (3, 64)):
    health, get, post = rows[block], rows[block + 1], rows[block + 2]
    lines.append(f"| {connections} | {get[0] / health[0]:.2f} | {post[0] / get[0]:.2f} | {get[2]:.2f} |")
health, get, post = rows[3], rows[4], rows[5]
lines += [
    "",
    "Targets at 64 connections: audited GET >= 0.45 x /health "
    f"({'met' if get[0] / health[0] >= 0.45 else 'NOT met'}), GET p99 <= 10 ms "
    f"({'met' if get[2] <= 10 else 'NOT met'}), durable POST >= 0.6 x audited GET "
    f"({'met' if post[0] / get[0] >= 0.6 else 'NOT met'}).",
    "",
    f"After the run: `samhand audit verify`: {verify.strip()}",
    "",
]
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
