#!/usr/bin/env bash
# What an audited read costs before it reads anything: builds the server with the probe in
# ops/bench/audited-floor.patch (never on main) in a scratch worktree, then measures with wrk,
# at 32 and 64 connections, GET /health, the probe GET /bench/audited-floor (bearer token
# confirmed on a snapshot, one audit entry made durable through the group commit, the same
# body as /health; no decision, no record read, nothing decrypted) and the audited GET of a
# recipient. Writes ops/bench/results/http-floor.md. The probe's ratio to /health bounds what
# any audited read can reach on this machine: issue 6 asks 0.45 of an audited recipient GET.
# Usage: ops/bench/http-floor.sh [SECONDS per run, default 10]. The first build takes minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-10}"
command -v wrk >/dev/null || { echo "http bench needs wrk: apt-get install -y wrk" >&2; exit 1; }

probe="$(mktemp -d)"
git -C "$root" worktree add --quiet --detach "$probe/src" HEAD
remove_worktree() { git -C "$root" worktree remove --force "$probe/src"; rm -rf "$probe"; }
trap remove_worktree EXIT
git -C "$probe/src" apply "$root/ops/bench/audited-floor.patch"
echo "building the probe server in $probe/src (release)..." >&2
(cd "$probe/src" && swift build -c release --product samhand >/dev/null)
binary="$(cd "$probe/src" && swift build -c release --show-bin-path)/samhand"

cd "$root"
# shellcheck source=../lib/demo-server.sh
. ops/lib/demo-server.sh
# shellcheck source=../lib/wrk-run.sh
. ops/lib/wrk-run.sh
trap 'stop_demo_server; remove_worktree' EXIT
start_demo_server "$binary"
token="$(demo_token eirik.lund)"
recipient="$(demo_recipient 4)"
printf 'wrk.headers["Authorization"] = "Bearer %s"\nwrk.headers["X-Purpose"] = "follow-up"\n' \
  "$token" >"$work/get.lua"

declare -A results
for connections in 32 64; do
  results[health-$connections]="$(wrk_run health "$connections" /health)"
  results[floor-$connections]="$(wrk_run floor "$connections" /bench/audited-floor "$work/get.lua")"
  results[get-$connections]="$(wrk_run get "$connections" "/v1/recipients/$recipient" "$work/get.lua")"
done

PYTHONPATH="$root/ops/lib" python3 - "$root/ops/bench/results/http-floor.md" "$seconds" "$(nproc)" \
  "${results[health-32]}" "${results[floor-32]}" "${results[get-32]}" \
  "${results[health-64]}" "${results[floor-64]}" "${results[get-64]}" <<'PY'
import sys, datetime
from wrk_table import parse, results_table
out, seconds, cores = sys.argv[1:4]
rows = parse(sys.argv[4:])
names = ["GET /health", "GET /bench/audited-floor (probe)", "GET /v1/recipients/{id} (audited)"]
lines = [
    "# The floor of an audited read",
    "",
    f"`ops/bench/http-floor.sh`, {datetime.date.today()}: release build with "
    "`ops/bench/audited-floor.patch`, wrk -t2 on loopback, "
    f"{seconds} s per run, {cores} cores shared by server and wrk. The probe confirms the "
    "bearer token on one read snapshot and makes one audit entry durable through the group "
    "commit before it answers `/health`'s body; it decides, reads and decrypts nothing.",
    "",
]
lines += results_table(names, rows)
lines += ["", "| connections | probe / health | recipient GET / health | recipient GET / probe |",
          "|---|---:|---:|---:|"]
for block, connections in ((0, 32), (3, 64)):
    health, floor, get = rows[block], rows[block + 1], rows[block + 2]
    lines.append(f"| {connections} | {floor[0] / health[0]:.2f} | {get[0] / health[0]:.2f} | {get[0] / floor[0]:.2f} |")
lines.append("")
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
