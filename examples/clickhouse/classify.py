#!/usr/bin/env python3
"""The catalog inside ClickHouse: classify a gateway log with the patterns errcode exports, join the
matches to the exported entries, and check that the per-entry counts equal `errcode scan --json` on the
same log. Runs on chdb, ClickHouse's embedded engine (pip install chdb): the SQL is what a ClickHouse server
runs over a log table.

    python3 examples/clickhouse/classify.py [--profile dev|release] [--log FILE] [--bytes N] [--keep DIR]

errcode is built with cargo's profile (default release). Without --log it generates a log with
`cargo run --example gen -- log N` (N bytes, default 20 MB). Prints the per-entry counts, the rows per
second of both, and exits 1 if the counts differ.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

import chdb

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, **kwargs).stdout


def sql_string(text):
    """A ClickHouse string literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


# The classification, as one query over a table `log(line String)`: the rules errcode's scan applies to a
# line, in SQL. The patterns a line matches (one Hyperscan pass over all of them) point to entries:
# - a code and a message that agree on entries decide (APIG.0201 has seven rows: the message picks one), the
#   most specific such message first (APIG.0101's "The API does not exist or has not been published..." over
#   its row "The API does not exist.", which the longer one contains);
# - else a code errcode does not count alone (`generic`: UNAVAILABLE, InternalError) needs that agreement,
#   and a distinctive code decides;
# - else the most specific distinctive message decides (the highest `weight`: "HMAC signature cannot be
#   verified, the x-date header is out of date..." over "HMAC signature cannot be verified").
# Descriptions (Tencent API 3.0's) are not searched in logs, as errcode does not search them.
CLASSIFY = """
WITH
    {patterns} AS patterns,
    {kinds} AS kinds,
    {generic} AS generic,
    {weights} AS weights,
    {entries} AS pattern_entries
SELECT entry, count() AS lines
FROM (
    SELECT
        arrayDistinct(arrayFlatten(arrayMap(i -> if(kinds[i] = 'code', pattern_entries[i], []), found))) AS any_code,
        arrayDistinct(arrayFlatten(arrayMap(i -> if(kinds[i] = 'message', pattern_entries[i], []), found))) AS any_message,
        arrayDistinct(arrayFlatten(arrayMap(
            i -> if(kinds[i] = 'code' AND NOT generic[i], pattern_entries[i], []), found))) AS code,
        arrayMax(arrayMap(i -> if(kinds[i] = 'message' AND NOT generic[i], weights[i], 0), found)) AS top,
        arrayDistinct(arrayFlatten(arrayMap(
            i -> if(kinds[i] = 'message' AND NOT generic[i] AND weights[i] = top, pattern_entries[i], []),
            found))) AS message,
        arrayIntersect(any_code, any_message) AS agreed,
        arrayIntersect(any_code, message) AS agreed_best,
        multiIf(notEmpty(agreed_best), agreed_best, notEmpty(agreed), agreed, notEmpty(code), code, message) AS entries
    FROM (
        SELECT multiMatchAllIndices(line, patterns) AS found
        FROM log
        WHERE notEmpty(found)
    )
)
ARRAY JOIN entries AS entry
GROUP BY entry
ORDER BY lines DESC, entry
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="release", choices=["dev", "release"])
    parser.add_argument("--log", help="a log file (default: a generated one)")
    parser.add_argument("--bytes", type=int, default=20_000_000, help="size of the generated log")
    parser.add_argument("--keep", help="keep the export, patterns and log in this directory")
    args = parser.parse_args()
    profile = ["--profile", args.profile]
    subprocess.run(["cargo", "build", "--quiet", *profile], cwd=ROOT, check=True)
    args.errcode = os.path.join(ROOT, "target", "debug" if args.profile == "dev" else "release", "errcode")

    work = args.keep or tempfile.mkdtemp(prefix="errcode-clickhouse-")
    os.makedirs(work, exist_ok=True)
    log = args.log or os.path.join(work, "gateway.log")
    if not args.log:
        with open(log, "wb") as out:
            subprocess.run(
                ["cargo", "run", "--quiet", *profile, "--example", "gen", "--", "log", str(args.bytes)],
                cwd=ROOT, check=True, stdout=out,
            )

    # 1. The export: one record per entry, and the patterns with the entries each finds, in RE2's dialect
    # (ClickHouse's regex functions use RE2, its multiMatch functions Hyperscan: both read it).
    entries_file = os.path.join(work, "entries.ndjson")
    with open(entries_file, "wb") as out:
        out.write(run([args.errcode, "catalog", "export", "--format", "ndjson"]))
    patterns = json.loads(run([args.errcode, "catalog", "patterns", "--json", "--dialect", "re2"]))
    assert patterns["schema_version"] == 1
    searched = [p for p in patterns["patterns"] if p["kind"] != "description"]

    # 2. The tables: the entries, and the log, a line per row.
    session = chdb.session.Session()
    session.query(f"""
        CREATE TABLE entries ENGINE = Memory AS
        SELECT * FROM file({sql_string(entries_file)}, 'JSONEachRow')""")
    session.query(f"""
        CREATE TABLE log ENGINE = Memory AS
        SELECT rowNumberInAllBlocks() + 1 AS n, line
        FROM file({sql_string(os.path.abspath(log))}, 'LineAsString', 'line String')""")
    rows = int(session.query("SELECT count() FROM log", "CSV").bytes().decode().strip())
    # Every pattern, descriptions too, is one RE2 (ClickHouse's match()) accepts: an error stops here.
    every = "[" + ", ".join(sql_string(p["pattern"]) for p in patterns["patterns"]) + "]"
    session.query(f"SELECT count() FROM (SELECT arrayJoin({every}) AS p) WHERE match('', p)")

    # 3. Classify every line, and join the counts to the entries.
    query = CLASSIFY.format(
        patterns="[" + ", ".join(sql_string(p["pattern"]) for p in searched) + "]",
        kinds="[" + ", ".join(sql_string(p["kind"]) for p in searched) + "]",
        generic="[" + ", ".join("true" if p["generic"] else "false" for p in searched) + "]",
        weights="[" + ", ".join(str(p["weight"]) for p in searched) + "]",
        entries="[" + ", ".join(
            "[" + ", ".join(sql_string(e) for e in p["entries"]) + "]" for p in searched) + "]",
    )
    joined = f"""
        SELECT c.entry, c.lines, e.vendor, e.code, e.status, e.message
        FROM ({query}) AS c
        LEFT JOIN entries AS e ON concat(e.catalog, '/', e.id) = c.entry
        ORDER BY c.lines DESC, c.entry"""
    # The first run compiles the patterns into one Hyperscan database, which ClickHouse then keeps.
    started = time.perf_counter()
    result = session.query(joined, "JSONEachRow").bytes().decode()
    first_seconds = time.perf_counter() - started
    started = time.perf_counter()
    session.query(joined, "JSONEachRow")
    engine_seconds = time.perf_counter() - started
    engine = {}
    for line in result.splitlines():
        row = json.loads(line)
        engine[row["entry"]] = row["lines"]
        if row["vendor"] is None:
            sys.exit(f"{row['entry']}: no such entry in the export")

    # 4. errcode scan on the same log, per entry.
    started = time.perf_counter()
    scanned = run([args.errcode, "scan", "--json", log])
    scan_seconds = time.perf_counter() - started
    errcode = collections.Counter()
    for line in scanned.splitlines():
        for match in json.loads(line)["matches"]:
            errcode[f"{match['catalog']}/{match['id']}"] += 1

    print(f"{rows} lines, {sum(engine.values())} entry matches in ClickHouse, {sum(errcode.values())} by errcode scan")
    print(f"{'entry':48} {'clickhouse':>10} {'errcode':>8}")
    for entry in sorted(set(engine) | set(errcode), key=lambda e: (-errcode[e], e)):
        mark = "" if engine.get(entry, 0) == errcode[entry] else "   <- differs"
        print(f"{entry:48} {engine.get(entry, 0):>10} {errcode[entry]:>8}{mark}")
    print(f"classification of {rows} lines: ClickHouse (chdb {chdb.__version__}, multiMatchAllIndices over "
          f"{len(searched)} patterns) {engine_seconds:.3f} s, {rows / engine_seconds:,.0f} rows/s "
          f"(first run, compiling the patterns: {first_seconds:.3f} s); "
          f"errcode scan --json {scan_seconds:.3f} s, {rows / scan_seconds:,.0f} rows/s")
    if dict(errcode) != engine:
        print("FAILED: the per-entry counts differ", file=sys.stderr)
        return 1
    print("ok: the per-entry counts are equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
