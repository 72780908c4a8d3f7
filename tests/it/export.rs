//! The catalog for log engines (issue 18): `catalog export` (JSON, NDJSON, CSV: one record per entry) and
//! `catalog patterns --json --dialect` (each regex with the entries it finds). The ClickHouse recipe that
//! uses them is examples/clickhouse/classify.py, run by .ci/run where chdb is installed.

use std::collections::BTreeSet;

use crate::util::{TestCommand, errcode, json};

const FIELDS: [&str; 11] = [
    "schema_version",
    "catalog",
    "vendor",
    "id",
    "code",
    "status",
    "message",
    "meaning",
    "fix",
    "family",
    "sources",
];

/// A CSV text's records (RFC 4180: quoted fields may hold commas, quotes and line breaks).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn export_has_one_record_per_entry_in_each_format() {
    let list = json(["list"], 0);
    let entries = list["matches"].as_array().unwrap();
    let export = json(["catalog", "export"], 0);
    assert_eq!(export["schema_version"], 1);
    let records = export["entries"].as_array().unwrap();
    assert_eq!(records.len(), entries.len());
    for (record, entry) in records.iter().zip(entries) {
        for field in FIELDS {
            assert!(record.get(field).is_some(), "{field} missing in {record}");
        }
        for field in [
            "catalog", "vendor", "id", "code", "status", "message", "meaning", "fix",
        ] {
            assert_eq!(record[field], entry[field], "{field}");
        }
        assert_eq!(record["family"], entry["family"]["id"]);
    }

    let ndjson = errcode(["catalog", "export", "--format", "ndjson"])
        .expect_code(0)
        .stdout();
    let lines: Vec<serde_json::Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, records);

    let csv = errcode(["catalog", "export", "--format", "csv"])
        .expect_code(0)
        .stdout();
    let rows = csv_records(&csv);
    assert_eq!(
        rows[0],
        [
            "schema_version",
            "catalog",
            "vendor",
            "id",
            "code",
            "status",
            "message",
            "meaning_en",
            "meaning_zh",
            "fix_en",
            "fix_zh",
            "family",
            "sources"
        ]
    );
    assert_eq!(rows.len(), records.len() + 1);
    for (row, record) in rows[1..].iter().zip(records) {
        assert_eq!(row.len(), 13);
        assert_eq!(row[3], record["id"].as_str().unwrap());
        assert_eq!(row[6], record["message"].as_str().unwrap());
        assert_eq!(row[8], record["meaning"]["zh"].as_str().unwrap());
        assert_eq!(row[9], record["fix"]["en"].as_str().unwrap());
    }

    // --vendor narrows it, as everywhere.
    let huawei = json(["catalog", "export", "--vendor", "huawei"], 0);
    let huawei = huawei["entries"].as_array().unwrap();
    assert!(!huawei.is_empty() && huawei.iter().all(|r| r["vendor"] == "huawei"));
}

#[test]
fn patterns_json_tags_each_regex_with_the_entries_it_finds() {
    let text = errcode(["catalog", "patterns"]).expect_code(0).stdout();
    let value = json(["catalog", "patterns"], 0);
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["dialect"], "grep");
    let patterns = value["patterns"].as_array().unwrap();
    // The same regexes as the plain output, in its order, numbered from 1.
    let listed: Vec<&str> = patterns
        .iter()
        .map(|p| p["pattern"].as_str().unwrap())
        .collect();
    assert_eq!(listed, text.lines().collect::<Vec<_>>());
    let export = json(["catalog", "export"], 0);
    let keys: BTreeSet<String> = (export["entries"].as_array().unwrap().iter())
        .map(|e| {
            format!(
                "{}/{}",
                e["catalog"].as_str().unwrap(),
                e["id"].as_str().unwrap()
            )
        })
        .collect();
    let mut found = BTreeSet::new();
    for (i, p) in patterns.iter().enumerate() {
        assert_eq!(p["index"], i + 1);
        assert!(["code", "message", "description"].contains(&p["kind"].as_str().unwrap()));
        assert!(p["generic"].is_boolean() && p["weight"].is_u64());
        for entry in p["entries"].as_array().unwrap() {
            let entry = entry.as_str().unwrap();
            assert!(keys.contains(entry), "{entry} is not an exported entry");
            found.insert(entry.to_string());
        }
    }
    // Every entry is found by some pattern (its message, at least).
    assert_eq!(found, keys);
    // A code's pattern finds all its rows: APIG.0201 has seven, and older editions of some.
    let apig_0201 = patterns
        .iter()
        .find(|p| p["pattern"] == "APIG\\.0201")
        .unwrap();
    let rows = apig_0201["entries"].as_array().unwrap();
    assert!(rows.len() >= 7, "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| r.as_str().unwrap().starts_with("huawei-apig/apig-0201"))
    );
    assert_eq!(apig_0201["kind"], "code");
    // Generic: JD Cloud's gRPC-style codes and two-character messages.
    let generic = |pattern: &str| {
        patterns.iter().find(|p| p["pattern"] == pattern).unwrap()["generic"] == true
    };
    assert!(generic("UNAVAILABLE") && !generic("APIG\\.0303"));
}

#[test]
fn dialects_write_regexes_each_engine_reads() {
    let patterns = |dialect: &str| {
        let value = json(["catalog", "patterns", "--dialect", dialect], 0);
        (value["patterns"].as_array().unwrap().iter())
            .map(|p| {
                let entries: Vec<String> = (p["entries"].as_array().unwrap().iter())
                    .map(|e| e.as_str().unwrap().to_string())
                    .collect();
                (p["pattern"].as_str().unwrap().to_string(), entries)
            })
            .collect::<Vec<_>>()
    };
    let [grep, re2, pcre, rust] = ["grep", "re2", "pcre", "rust"].map(patterns);
    let texts =
        |list: &[(String, Vec<String>)]| list.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    let (re2_texts, pcre_texts) = (texts(&re2), texts(&pcre));
    // Codes are whole words for the log engines; placeholders are named groups, each name once.
    assert!(re2_texts.contains(&"\\bAPIG\\.0303\\b".to_string()));
    // A message's capitalised first letter is either case, as users retype it.
    assert!(re2_texts.contains(
        &"[Tt]he\\s+(?P<param>\\S+)\\s+is\\s+mandatory\\s+for\\s+this\\s+action\\.?".to_string()
    ));
    assert!(pcre_texts.contains(
        &"[Tt]he\\s+(?<param>\\S+)\\s+is\\s+mandatory\\s+for\\s+this\\s+action\\.?".to_string()
    ));
    assert_eq!(re2, rust);
    // Every dialect's regexes compile (Rust's regex reads all three syntaxes), and on a text whose codes
    // stand as words they find the same entries.
    let sample = "x The GroupId is mandatory for this action. APIG.0303 参数 x 不支持 y";
    let found = |list: &[(String, Vec<String>)]| {
        let mut found = BTreeSet::new();
        for (pattern, entries) in list {
            let regex = regex::Regex::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
            if regex.is_match(sample) {
                found.extend(entries.iter().cloned());
            }
        }
        found
    };
    let by_grep = found(&grep);
    assert!(by_grep.contains("huawei-apig/apig-0303"), "{by_grep:?}");
    assert_eq!(by_grep, found(&re2));
    assert_eq!(by_grep, found(&pcre));
    let re2 = re2_texts;
    // No name twice in a pattern (engines refuse it; unit-tested in render/export.rs).
    let names = regex::Regex::new(r"\(\?P<([a-z_0-9]+)>").unwrap();
    for p in &re2 {
        let all: Vec<&str> = names
            .captures_iter(p)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        let distinct: BTreeSet<&str> = all.iter().copied().collect();
        assert_eq!(all.len(), distinct.len(), "{p}");
    }
    let run = TestCommand::new()
        .args(["catalog", "patterns", "--dialect", "posix"])
        .output()
        .expect_code(2);
    assert!(
        run.stderr()
            .contains("[possible values: grep, re2, pcre, rust]"),
        "{}",
        run.stderr()
    );
}

/// The grep dialect is POSIX ERE, where `\s` inside a bracket class is a backslash and an `s`: its classes
/// use `[:space:]`, and GNU grep finds with them what Rust's regex does (where grep is installed).
#[test]
fn grep_dialect_classes_are_read_alike_by_grep() {
    let value = json(["catalog", "patterns", "--dialect", "grep"], 0);
    let patterns: Vec<String> = (value["patterns"].as_array().unwrap().iter())
        .map(|p| p["pattern"].as_str().unwrap().to_string())
        .collect();
    for pattern in &patterns {
        assert!(
            !pattern.contains("[^\\s") && !pattern.contains("[\\s"),
            "{pattern}"
        );
    }
    let mandatory = (patterns.iter())
        .find(|p| p.starts_with('(') && p.contains("is\\s+mandatory\\s+for\\s+this\\s+action"))
        .expect("the row {param} is mandatory for this action.");
    let Ok(run) = std::process::Command::new("grep")
        .args(["-oE", mandatory])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        return; // no grep on this machine
    };
    let mut run = run;
    use std::io::Write;
    let lines =
        "AccessKeys is mandatory for this action.\n\"RegionId\" is mandatory for this action.\n";
    run.stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    let out = run.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "AccessKeys is mandatory for this action.\nRegionId\" is mandatory for this action.\n"
    );
}
