#!/bin/sh
# Runs crypto-bench in release mode and writes ops/bench/results/crypto.md.
#
# Benchmarks/Package.swift names the root package "Samhand", but SwiftPM derives a path
# dependency's identity from its directory name, so a checkout not named Samhand fails to
# resolve. Until that manifest says `.package(name: "Samhand", path: "..")`, run through a
# symlink named Samhand.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
link_dir=$(mktemp -d)
trap 'rm -f "$link_dir/Samhand"; rmdir "$link_dir"' EXIT
ln -s "$root" "$link_dir/Samhand"
swift run -c release --package-path "$link_dir/Samhand/Benchmarks" crypto-bench \
  "$root/ops/bench/results/crypto.md"
