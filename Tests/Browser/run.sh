#!/usr/bin/env bash
# The desk in a real browser: headless Chromium driven by Selenium through a coordinator's,
# a receiver's and an auditor's visit to `samhand serve` on a fresh demo (desk_browser.py).
# Screenshots of every page go to Tests/Browser/screenshots/ (SAMHAND_SCREENSHOTS overrides).
#
# Needs Debian's `chromium` and `chromium-driver`. Where they are missing the suite says it
# was skipped and how to enable it, and exits 0 -- except under CI (CI=true), which must run
# it. Selenium comes from Tests/Browser/requirements.txt (pinned, hash-checked) into
# .venv-browser. Builds `samhand` with `swift build` (a no-op after `swift test`).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "browser suite: chromium or chromedriver missing under CI" >&2
    exit 1
  fi
  echo "== browser suite skipped: chromium and chromium-driver are not installed."
  echo "   enable it with: apt-get install -y chromium chromium-driver"
  exit 0
fi

venv=.venv-browser
requirements=Tests/Browser/requirements.txt
wanted="$(python3 --version; cat "$requirements")"
if [ ! -x "$venv/bin/python3" ] || [ "$(cat "$venv/installed-requirements.txt" 2>/dev/null)" != "$wanted" ]; then
  echo "== browser suite: installing Selenium into $venv (pinned, hash-checked)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check --no-input \
    --require-hashes --only-binary :all: -r "$requirements"
  printf '%s\n' "$wanted" >"$venv/installed-requirements.txt"
fi

swift build --product samhand 2>&1 | grep -E "error|Build complete" || true
samhand="$PWD/.build/debug/samhand"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$samhand" demo --data "$work/data" --json >"$work/demo.json"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$samhand" serve --data "$work/data" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done

echo "== browser suite: headless Chromium against samhand serve on port $port"
SE_OFFLINE=true "$venv/bin/python3" Tests/Browser/desk_browser.py \
  --base "http://127.0.0.1:$port" --demo "$work/demo.json" --data "$work/data" \
  --samhand "$samhand" --screenshots "${SAMHAND_SCREENSHOTS:-Tests/Browser/screenshots}"
