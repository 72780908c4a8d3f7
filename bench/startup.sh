#!/usr/bin/env bash
# Start-up benchmark (not a test): errcode as a whole process against moreutils `errno` (a C program
# looking a name up in a compiled-in table) and `true`, then how loading and lookups grow with users'
# catalogs of 300, 5,000 and 50,000 generated entries (after the first run has cached them). Results in
# target/bench/startup*.md and on standard output.
#
#   bash bench/startup.sh            # RUNS=30 by default
source "$(dirname "$0")/common.sh"
need errno moreutils
runs=${RUNS:-30}

echo "== errcode against errno and true"
hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$out/startup.md" \
  -n "true" "true" \
  -n "errno ENOENT" "errno ENOENT" \
  -n "errcode --version" "$bin --version" \
  -n "errcode APIG.0303" "$bin APIG.0303" \
  -n "errcode status 429" "$bin status 429" \
  -n "errcode lookup timeout" "$bin lookup timeout"

echo "== growth with users' catalogs (cached after the first run)"
printf '| entries | load (errcode catalogs) | code lookup | message lookup | peak memory |\n| --- | --- | --- | --- | --- |\n' > "$out/startup-scaling.md"
for n in 300 5000 50000; do
  catalog="$out/synthetic-$n.toml"
  [ -s "$catalog" ] || "$gen" catalog "$n" > "$catalog"
  "$bin" --catalog "$catalog" catalogs > /dev/null   # writes the cache
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/startup-$n.json" \
    "$bin --catalog $catalog catalogs" \
    "$bin --catalog $catalog APIG.0303" \
    "$bin --catalog $catalog lookup timeout" > /dev/null
  medians=$(python3 -c "import json,sys; r=json.load(open('$out/startup-$n.json'))['results']; print(' | '.join('%.1f ms' % (x['median']*1000) for x in r))")
  peak=$( { /usr/bin/time -f '%M' "$bin" --catalog "$catalog" lookup timeout > /dev/null; } 2>&1 | tail -1)
  printf '| %s | %s | %s MB |\n' "$n" "$medians" "$((peak / 1024))" >> "$out/startup-scaling.md"
done
cat "$out/startup-scaling.md"
