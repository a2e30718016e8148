#!/usr/bin/env bash
# Fuzzes the HTTP API with schemathesis against the spec it serves: starts `samhand serve
# --demo` on a free loopback port, runs generated requests (positive and negative) with the
# bearer tokens of an auditor and of a clinician, and fails on any 5xx, any response outside
# its documented status, content type or schema, or fewer than 2000 requests in all.
# Needs a built `samhand` (swift build) and schemathesis on PATH (.ci/run installs it
# into .venv-ci from ops/ci/requirements-schemathesis.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib/demo-server.sh
. ops/lib/demo-server.sh
start_demo_server "$(swift build --show-bin-path)/samhand"
curl -fsS "$url/health" >/dev/null

total=0
for staff in eirik.lund kim.aas; do
  # not_a_server_error fails the run on any 5xx; the others on any response outside its
  # documented status, content type or schema. --workers 1: hypothesis is not thread-safe
  # on Python 3.11 (it failed with "AST constructor recursion depth mismatch").
  schemathesis run "$url/openapi.yaml" --url "$url" \
    -H "Authorization: Bearer $(demo_token "$staff")" -H "X-Purpose: schemathesis" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples 60 --seed 20261123 --workers 1 --no-color \
    --phases examples,coverage,fuzzing --generation-database none \
    >"$work/$staff.log" 2>&1 || { cat "$work/$staff.log"; exit 1; }
  tail -n 8 "$work/$staff.log"
  count="$(sed -n 's/^ *\([0-9][0-9]*\) generated.*/\1/p' "$work/$staff.log" | tail -n 1)"
  echo "schemathesis as $staff: ${count:-0} generated requests, no 5xx, no schema violation"
  total=$((total + ${count:-0}))
done
echo "schemathesis: $total requests in all"
[ "$total" -ge 2000 ] || { echo "fewer than 2000 generated requests" >&2; exit 1; }
