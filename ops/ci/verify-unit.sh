#!/usr/bin/env bash
# Checks ops/systemd/samhand.service: `systemd-analyze verify` must print nothing (it exits 0
# on unknown keys and unparsable values, so any output fails the check), and `systemd-analyze
# security` must rate its exposure 2.0 or lower (of 10). Neither needs systemd running as
# PID 1, so this works in containers and chroots (apt-get install systemd).
#
# verify insists that ExecStart's binary exists. The unit names /usr/local/bin/samhand, where
# install.md puts it; the check runs on a copy naming the samhand given as $1 (default: the
# one `swift build` made) instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
unit=ops/systemd/samhand.service
binary="${1:-$(swift build --show-bin-path)/samhand}"
[ -x "$binary" ] || { echo "verify-unit: no samhand at $binary; run swift build first" >&2; exit 1; }
grep -q '^ExecStart=/usr/local/bin/samhand ' "$unit" || {
  echo "verify-unit: $unit must start /usr/local/bin/samhand (install.md puts it there)" >&2
  exit 1
}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s#^ExecStart=/usr/local/bin/samhand #ExecStart=$binary #" "$unit" >"$work/samhand.service"

if ! report="$(systemd-analyze verify "$work/samhand.service" 2>&1)" || [ -n "$report" ]; then
  echo "systemd-analyze verify $unit:" >&2
  echo "${report//$work\//ops/systemd/}" >&2
  exit 1
fi
if ! systemd-analyze security --offline=true --threshold=20 "$work/samhand.service" \
  >"$work/security.txt" 2>&1; then
  cat "$work/security.txt" >&2
  echo "systemd-analyze security: $unit is exposed more than 2.0; harden it again" >&2
  exit 1
fi
echo "$unit: systemd-analyze verify clean; $(grep -o 'Overall exposure level.*' "$work/security.txt")"
