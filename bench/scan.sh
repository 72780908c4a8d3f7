#!/usr/bin/env bash
# Scan benchmark (not a test): builds a ~1 GB synthetic gateway log (bench/logsynth.rs: about 95% ordinary
# lines, real error lines of the four vendors, some Chinese, some bytes that are not UTF-8) and times, in the
# same run, `errcode scan --count` (threads as by default, one per CPU, and `-j1`, one core) against ripgrep
# on the same patterns (`errcode catalog patterns`) and `wc -l`; then how the scan grows with the input
# (100 MB against 1 GB) and with the catalogs (the built-in ones against 50,000 more entries). Results:
# target/bench/scan.md (hyperfine's table, with medians and ratios) and standard output.
#
#   bash bench/scan.sh                 # SIZE=1000000000 RUNS=5 by default
#   SIZE=200000000 RUNS=3 bash bench/scan.sh
source "$(dirname "$0")/common.sh"
need rg ripgrep

size=${SIZE:-1000000000}
runs=${RUNS:-5}
small=$((size / 10))
log="$out/gateway-$size.log"
small_log="$out/gateway-$small.log"
[ -s "$log" ] || "$gen" log "$size" > "$log"
[ -s "$small_log" ] || "$gen" log "$small" > "$small_log"
"$bin" catalog patterns > "$out/patterns.txt"
[ -s "$out/synthetic-50000.toml" ] || "$gen" catalog 50000 > "$out/synthetic-50000.toml"

echo "== errcode against ripgrep and wc on $(du -h "$log" | cut -f1) ($(wc -l < "$out/patterns.txt") patterns, $(nproc) CPUs), and growth"
# One run, so every figure is from the same session: errcode, ripgrep on errcode's patterns and wc on the
# large log; errcode on a tenth of it (linear growth); errcode with 50,000 more entries (catalog growth).
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/scan.json" \
  -n "errcode scan --count" "$bin scan --count $log" \
  -n "errcode scan -j1 --count" "$bin scan -j1 --count $log" \
  -n "rg -c -f patterns.txt" "rg -c -f $out/patterns.txt $log" \
  -n "wc -l" "wc -l $log" \
  -n "errcode scan -j1 --count, $small bytes" "$bin scan -j1 --count $small_log" \
  -n "errcode scan -j1 --count, + 50,000 entries" "$bin --catalog $out/synthetic-50000.toml scan -j1 --count $log"

python3 - "$out/scan.json" "$(stat -c %s "$log")" "$(stat -c %s "$small_log")" "$small" > "$out/scan.md" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
large, small, small_name = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rg = next(r["median"] for r in results if r["command"].startswith("rg "))
print("| command | median | throughput | vs rg |")
print("| --- | --- | --- | --- |")
for r in results:
    m = r["median"]
    size = small if f"{small_name} bytes" in r["command"] else large
    print(f"| `{r['command']}` | {m:.3f} s | {size / m / 1e6:,.0f} MB/s | {m / rg:.2f}x |")
PY
cat "$out/scan.md"

echo "== lines counted in the $small-byte log (errcode names an entry per line; rg counts any pattern)"
echo "errcode: $("$bin" scan --count "$small_log" | tail -1 | sed 's/.*://')"
echo "rg:      $(rg -c -f "$out/patterns.txt" "$small_log")"
