#!/bin/sh
# Benchmarks SamhandPolicy against cedarpy (pip install cedarpy) on the same corpus in the same
# run and writes ops/bench/results/policy.md.
#
# Benchmarks/Package.swift names the root package "Samhand", which SwiftPM resolves by the
# checkout directory's name; from a checkout named otherwise, the bench runs in a copy named
# Samhand (without .build) and the results file is copied back.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
python3 -c "import cedarpy" 2>/dev/null || {
  echo "policy-bench needs cedarpy: pip install cedarpy" >&2
  exit 1
}
if [ "$(basename "$root" | tr 'A-Z' 'a-z')" = "samhand" ]; then
  cd "$root"
  exec swift run -c release --package-path Benchmarks policy-bench
fi
work="${TMPDIR:-/tmp}/samhand-policy-bench"
# A fresh copy each run: SwiftPM does not notice files added to a copied path dependency.
rm -rf "$work/Samhand"
mkdir -p "$work/Samhand"
tar -C "$root" --exclude=./.build --exclude=./Benchmarks/.build -cf - . | tar -C "$work/Samhand" -xf -
# A branch may not hold the other benches yet; the copy gets an empty one so the package loads.
for bench in crypto-bench audit-bench; do
  if [ ! -d "$work/Samhand/Benchmarks/Sources/$bench" ]; then
    mkdir -p "$work/Samhand/Benchmarks/Sources/$bench"
    echo 'print("not in this checkout")' >"$work/Samhand/Benchmarks/Sources/$bench/main.swift"
  fi
done
(cd "$work/Samhand" && swift run -c release --package-path Benchmarks policy-bench)
cp "$work/Samhand/ops/bench/results/policy.md" "$root/ops/bench/results/policy.md"
