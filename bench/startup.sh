#!/usr/bin/env bash
# Start-up benchmark (not a test): errcode as a whole process against moreutils `errno` (a C program
# looking a name up in a compiled-in table) and `true`, then how loading, lookups and the scan of one line
# grow with users' catalogs of 300 to 200,000 generated entries, of two shapes: each message with a word of
# its own, and all messages sharing their words (bench/logsynth.rs): the first run (which parses the TOML and
# writes the cache), then runs from the cache, each timed beside the built-in-only figure in the same run.
# Medians; tables in target/bench/startup.md and target/bench/startup-scaling.md, and on standard output.
# The first table also times the binary as the release archive ships it (`.ci/build-release`: on Linux,
# linked statically), beside the `cargo build --release` one that the rest use.
#
#   bash bench/startup.sh            # RUNS=30 (SCALING_RUNS=5 for the growth table) by default
source "$(dirname "$0")/common.sh"
need errno moreutils
need /usr/bin/time time
runs=${RUNS:-30}
archived=$(HOME=$real_home .ci/build-release)
# The growth table's runs: a lookup in 200,000 entries takes a good part of a second.
scaling_runs=${SCALING_RUNS:-5}

echo "== errcode against errno and true"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$out/startup.json" \
  -n "true" "true" \
  -n "errno ENOENT" "errno ENOENT" \
  -n "errcode -V" "$bin -V" \
  -n "errcode --version" "$bin --version" \
  -n "errcode APIG.0303" "$bin APIG.0303" \
  -n "errcode status 429" "$bin status 429" \
  -n "errcode lookup timeout" "$bin lookup timeout" \
  -n "errcode lookup 'Backend timeout'" "$bin lookup 'Backend timeout'" \
  -n "errcode APIG.0303 (release archive's build)" "$archived APIG.0303" \
  -n "errcode lookup 'Backend timeout' (release archive's build)" "$archived lookup 'Backend timeout'" > /dev/null
python3 - "$out/startup.json" > "$out/startup.md" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
errno = next(r["median"] for r in results if r["command"] == "errno ENOENT")
print("| command | median | vs `errno` |")
print("| --- | --- | --- |")
for r in results:
    print(f"| `{r['command']}` | {r['median'] * 1000:.2f} ms | {r['median'] / errno:.2f}x |")
PY
cat "$out/startup.md"

echo "== growth with users' catalogs (unique: each message has a word of its own; shared: all share their words)"
printf '| catalog | entries | first run (parse, write cache) | load (`errcode catalogs`) | code lookup | message lookup | scan of one line | scan of a line with a code | peak memory (lookup, scan, scan with a code) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' > "$out/startup-scaling.md"
line="$out/one-line.log"
echo '2024-06-01T10:00:00Z ERROR apigw: Synchronization cursor failure 777 in cursor stage' > "$line"
# A line naming a built-in code: the entries by code are looked up besides the user's catalog.
code_line="$out/one-code-line.log"
echo '{"error_code":"APIG.0303","error_msg":"Incorrect app authentication information"}' > "$code_line"
for shape in unique shared; do
  for n in 300 5000 50000 200000; do
    [ "$shape" = shared ] && [ "$n" -lt 50000 ] && continue
    catalog="$out/synthetic-$shape-$n.toml"
    what=$([ "$shape" = unique ] && echo catalog || echo shared-catalog)
    [ -s "$catalog" ] || "$gen" "$what" "$n" > "$catalog"
    hyperfine -N --runs 3 --prepare "rm -rf $HOME/.cache/errcode" --export-json "$out/startup-$shape-$n-first.json" \
      "$bin --catalog $catalog catalogs" > /dev/null
    "$bin" --catalog "$catalog" catalogs > /dev/null   # writes the cache
    hyperfine -N --warmup 1 --runs "$scaling_runs" -i --export-json "$out/startup-$shape-$n.json" \
      -n load "$bin --catalog $catalog catalogs" \
      -n code "$bin --catalog $catalog APIG.0303" \
      -n message "$bin --catalog $catalog lookup 'Backend timeout'" \
      -n scan "$bin --catalog $catalog scan $line" \
      -n "scan code" "$bin --catalog $catalog scan $code_line" \
      -n "built-in code" "$bin APIG.0303" \
      -n "built-in message" "$bin lookup 'Backend timeout'" \
      -n "built-in scan" "$bin scan $line" \
      -n "built-in scan code" "$bin scan $code_line" > /dev/null
    # (A scan that finds nothing exits 1: the figure is what is wanted.)
    peak=$( { /usr/bin/time -f '%M' "$bin" --catalog "$catalog" lookup 'Backend timeout' > /dev/null || true; } 2>&1 | tail -1)
    peak_scan=$( { /usr/bin/time -f '%M' "$bin" --catalog "$catalog" scan "$line" > /dev/null || true; } 2>&1 | tail -1)
    peak_code=$( { /usr/bin/time -f '%M' "$bin" --catalog "$catalog" scan "$code_line" > /dev/null || true; } 2>&1 | tail -1)
    python3 - "$out/startup-$shape-$n-first.json" "$out/startup-$shape-$n.json" "$n" "$peak" "$peak_scan" "$shape" "$peak_code" >> "$out/startup-scaling.md" <<'PY'
import json, sys
first = json.load(open(sys.argv[1]))["results"][0]["median"]
m = {r["command"]: r["median"] for r in json.load(open(sys.argv[2]))["results"]}
ms = lambda s: f"{s * 1000:.1f} ms"
x = lambda a, b: f"{ms(m[a])} ({m[a] / m[b]:.1f}x built-in)"
print(f"| {sys.argv[6]} | {int(sys.argv[3]):,} | {ms(first)} | {ms(m['load'])} | {x('code', 'built-in code')} "
      f"| {x('message', 'built-in message')} | {x('scan', 'built-in scan')} | {x('scan code', 'built-in scan code')} "
      f"| {int(sys.argv[4]) // 1024} MB, {int(sys.argv[5]) // 1024} MB, {int(sys.argv[7]) // 1024} MB |")
PY
  done
done
cat "$out/startup-scaling.md"
