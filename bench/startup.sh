#!/usr/bin/env bash
# Start-up benchmark (not a test): errcode as a whole process against moreutils `errno` (a C program
# looking a name up in a compiled-in table) and `true`, then how loading and lookups grow with users'
# catalogs of 300, 5,000 and 50,000 generated entries: the first run (which parses the TOML and writes the
# cache), then runs from the cache, each timed beside the built-in-only lookup in the same hyperfine run.
# Medians; tables in target/bench/startup.md and target/bench/startup-scaling.md, and on standard output.
#
#   bash bench/startup.sh            # RUNS=30 by default
source "$(dirname "$0")/common.sh"
need errno moreutils
need /usr/bin/time time
runs=${RUNS:-30}

echo "== errcode against errno and true"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$out/startup.json" \
  -n "true" "true" \
  -n "errno ENOENT" "errno ENOENT" \
  -n "errcode -V" "$bin -V" \
  -n "errcode --version" "$bin --version" \
  -n "errcode APIG.0303" "$bin APIG.0303" \
  -n "errcode status 429" "$bin status 429" \
  -n "errcode lookup timeout" "$bin lookup timeout" \
  -n "errcode lookup 'Backend timeout'" "$bin lookup 'Backend timeout'" > /dev/null
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

echo "== growth with users' catalogs"
printf '| entries | first run (parse, write cache) | load (`errcode catalogs`) | code lookup | message lookup | peak memory |\n| --- | --- | --- | --- | --- | --- |\n' > "$out/startup-scaling.md"
for n in 300 5000 50000; do
  catalog="$out/synthetic-$n.toml"
  [ -s "$catalog" ] || "$gen" catalog "$n" > "$catalog"
  hyperfine -N --runs 3 --prepare "rm -rf $HOME/.cache/errcode" --export-json "$out/startup-$n-first.json" \
    "$bin --catalog $catalog catalogs" > /dev/null
  "$bin" --catalog "$catalog" catalogs > /dev/null   # writes the cache
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/startup-$n.json" \
    -n load "$bin --catalog $catalog catalogs" \
    -n code "$bin --catalog $catalog APIG.0303" \
    -n message "$bin --catalog $catalog lookup timeout" \
    -n "built-in code" "$bin APIG.0303" \
    -n "built-in message" "$bin lookup timeout" > /dev/null
  peak=$( { /usr/bin/time -f '%M' "$bin" --catalog "$catalog" lookup timeout > /dev/null; } 2>&1 | tail -1)
  python3 - "$out/startup-$n-first.json" "$out/startup-$n.json" "$n" "$peak" >> "$out/startup-scaling.md" <<'PY'
import json, sys
first = json.load(open(sys.argv[1]))["results"][0]["median"]
m = {r["command"]: r["median"] for r in json.load(open(sys.argv[2]))["results"]}
ms = lambda s: f"{s * 1000:.1f} ms"
print(f"| {int(sys.argv[3]):,} | {ms(first)} | {ms(m['load'])} | {ms(m['code'])} ({m['code'] / m['built-in code']:.1f}x built-in) "
      f"| {ms(m['message'])} ({m['message'] / m['built-in message']:.1f}x built-in) | {int(sys.argv[4]) // 1024} MB |")
PY
done
cat "$out/startup-scaling.md"
