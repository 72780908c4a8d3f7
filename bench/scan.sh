#!/usr/bin/env bash
# Scan benchmark (not a test): builds a ~1 GB synthetic gateway log (bench/logsynth.rs: about 95% ordinary
# lines, real error lines of the eight vendors, some Chinese, some bytes that are not UTF-8) and times, in the
# same run, `errcode scan --count` (threads as by default, one per CPU, and `-j1`, one core) against ripgrep
# on the same patterns (`errcode catalog patterns`) and `wc -l`; then how the scan grows with the input
# (100 MB against 1 GB) and with the catalogs (the built-in ones against 50,000 more entries). Then two logs
# of a tenth the size: every line an error, and short access-log lines with one error in twenty, where
# errcode's counting, explained and JSON output are timed against ripgrep counting and printing. Results:
# target/bench/scan*.md (medians, throughput, ratio to the ripgrep command alike) and standard output.
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
dense_log="$out/errors-$small.log"
short_log="$out/short-$small.log"
[ -s "$log" ] || "$gen" log "$size" > "$log"
[ -s "$small_log" ] || "$gen" log "$small" > "$small_log"
[ -s "$dense_log" ] || "$gen" error-log "$small" > "$dense_log"
[ -s "$short_log" ] || "$gen" short-log "$small" > "$short_log"
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

table() {
python3 - "$@" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
large, small, small_name = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def peer(r):
    # Each errcode figure against ripgrep's alike: counting against `rg -c`, printing against `rg`, on as
    # many threads.
    c = r["command"]
    counting = "--count" in c or " -c " in c
    one = "-j1" in c
    for q in results:
        d = q["command"]
        if d.startswith("rg ") and (" -c " in d) == counting and ("-j1" in d) == one:
            return q["median"]
    return next(q["median"] for q in results if q["command"].startswith("rg "))
print("| command | median | throughput | vs rg alike |")
print("| --- | --- | --- | --- |")
for r in results:
    m = r["median"]
    size = small if f"{small_name} bytes" in r["command"] else large
    print(f"| `{r['command']}` | {m:.3f} s | {size / m / 1e6:,.0f} MB/s | {m / peer(r):.2f}x |")
PY
}
table "$out/scan.json" "$(stat -c %s "$log")" "$(stat -c %s "$small_log")" "$small" > "$out/scan.md"
cat "$out/scan.md"

# The logs users most want explained: every line an error (JSON bodies, key="value" logs, nginx error lines,
# SDK exceptions); and an access log of short lines. errcode's three outputs against ripgrep counting and
# printing the matching lines, on one core and on every core.
for kind in errors short; do
  file=$([ "$kind" = errors ] && echo "$dense_log" || echo "$short_log")
  echo "== $kind: $(du -h "$file" | cut -f1), $(wc -l < "$file") lines"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/scan-$kind.json" \
    -n "errcode scan -j1 --count" "$bin scan -j1 --count $file" \
    -n "errcode scan -j1" "$bin scan -j1 --color never $file" \
    -n "errcode scan -j1 --json" "$bin scan -j1 --json $file" \
    -n "rg -j1 -c" "rg -j1 -c -f $out/patterns.txt $file" \
    -n "rg -j1" "rg -j1 --color never -f $out/patterns.txt $file" \
    -n "errcode scan --count" "$bin scan --count $file" \
    -n "errcode scan" "$bin scan --color never $file" \
    -n "rg -c" "rg -c -f $out/patterns.txt $file" \
    -n "rg" "rg --color never -f $out/patterns.txt $file" > /dev/null
  table "$out/scan-$kind.json" "$(stat -c %s "$file")" 0 none > "$out/scan-$kind.md"
  cat "$out/scan-$kind.md"
done

echo "== lines counted in the $small-byte log (errcode names an entry per line; rg counts any pattern)"
echo "errcode: $("$bin" scan --count "$small_log" | tail -1 | sed 's/.*://')"
echo "rg:      $(rg -c -f "$out/patterns.txt" "$small_log")"
