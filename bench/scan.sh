#!/usr/bin/env bash
# Scan benchmark (not a test): builds a ~1 GB synthetic gateway log (bench/logsynth.rs: about 95% ordinary
# lines, real error lines of the four vendors, some Chinese, some bytes that are not UTF-8) and times, in the
# same run, `errcode scan --count` against ripgrep on the same patterns (`errcode catalog patterns`) and
# `wc -l`; then how the scan grows with the input (100 MB against 1 GB) and with the catalogs (the built-in
# ones against 50,000 more entries). Results: target/bench/*.md.
#
#   bash bench/scan.sh                 # SIZE=1000000000 RUNS=5 by default
#   SIZE=200000000 RUNS=3 bash bench/scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
need rg ripgrep

cargo build --release --quiet
cargo build --release --quiet --example gen
bin=target/release/errcode
gen=target/release/examples/gen
out=target/bench
mkdir -p "$out"

size=${SIZE:-1000000000}
runs=${RUNS:-5}
small=$((size / 10))
log="$out/gateway-$size.log"
small_log="$out/gateway-$small.log"
[ -s "$log" ] || "$gen" log "$size" > "$log"
[ -s "$small_log" ] || "$gen" log "$small" > "$small_log"
"$bin" catalog patterns > "$out/patterns.txt"
[ -s "$out/synthetic-50000.toml" ] || "$gen" catalog 50000 > "$out/synthetic-50000.toml"

echo "== errcode against ripgrep and wc on $(du -h "$log" | cut -f1) ($(wc -l < "$out/patterns.txt") patterns)"
hyperfine -N --warmup 1 --runs "$runs" --export-markdown "$out/scan.md" \
  -n "errcode scan --count" "$bin scan --count $log" \
  -n "rg -c -f patterns" "rg -c -f $out/patterns.txt $log" \
  -n "wc -l" "wc -l $log"

echo "== growth with input and catalog size"
hyperfine -N --warmup 1 --runs "$runs" --export-markdown "$out/scan-scaling.md" \
  -n "$small bytes, built-in catalogs" "$bin scan --count $small_log" \
  -n "$size bytes, built-in catalogs" "$bin scan --count $log" \
  -n "$size bytes, + 50,000 entries" "$bin --catalog $out/synthetic-50000.toml scan --count $log"
