#!/usr/bin/env bash
# The test command README.md gives: sets up what the tests need, then runs `swift test`.
#
# The policy engine's differential tests call cedarpy, the HTTP contract tests call PyYAML
# and jsonschema, and the export tests fhir.resources, all through `python3` on PATH. This
# script keeps them in .venv, installed from Tests/requirements.txt (every package pinned and
# hash-checked), puts .venv/bin first on PATH and runs `swift test` with any arguments given
# (e.g. `ops/test.sh --filter Store`).
# When .venv already matches the requirements and the Python version it is not touched, so a
# second run goes straight to the tests and needs no network.
#
# Needs: Swift, python3 with its venv module (Debian: python3-venv), libsqlite3-dev; for the
# browser suite also chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
requirements=Tests/requirements.txt
stamp="$venv/installed-requirements.txt"

command -v python3 >/dev/null || {
  echo "ops/test.sh: python3 not found; install Python 3 with its venv module (Debian: apt-get install python3-venv)" >&2
  exit 1
}
wanted="$(python3 --version; cat "$requirements")"
if [ ! -x "$venv/bin/python3" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "== ops/test.sh: installing the Python test tools into $venv (pinned, hash-checked)"
  rm -rf "$venv"
  python3 -m venv "$venv" || {
    echo "ops/test.sh: cannot create $venv; install Python's venv module (Debian: apt-get install python3-venv)" >&2
    exit 1
  }
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check --no-input \
    --require-hashes --only-binary :all: -r "$requirements"
  # Written last: an interrupted install leaves no stamp and is redone on the next run.
  printf '%s\n' "$wanted" >"$stamp"
fi
export PATH="$PWD/$venv/bin:$PATH"

# Every suite runs here. A full run (no arguments) ends with the desk's browser suite
# (Tests/Browser/run.sh: headless Chromium and Selenium), which skips itself visibly where
# Chromium is missing and names the one line that enables it; under CI it must run.
swift test "$@"
if [ $# -eq 0 ]; then
  Tests/Browser/run.sh
fi
