//! The paste corpus: `tests/pastes/*.txt`, realistic pastes (vendor error bodies, SDK output, HTTP dumps,
//! log lines, several errors at once) and ordinary text that holds no gateway error. Each file starts with
//! its expectations:
//!
//! ```text
//! #! expect: huawei APIG.0303 401      (vendor, the entry's code or - for Tencent, status; in order)
//! #! expect: none                      (a negative: nothing may be found)
//! #! ---
//! the paste, verbatim
//! ```
//!
//! A code the catalogs do not list but a vendor's document points elsewhere for (an unlisted Huawei
//! `APIG.xxxx` management code) is expected with status `-`.

use errcode::catalog::Catalogs;
use errcode::matcher::Matcher;

use crate::util::{TestCommand, json_lookup_found, rows};

struct Case {
    name: String,
    expected: Vec<String>,
    paste: String,
}

fn corpus() -> Vec<Case> {
    crate::util::paste_files("pastes")
        .into_iter()
        .map(|(name, header, paste)| Case {
            name,
            expected: (header.lines())
                .filter_map(|l| l.strip_prefix("#! expect:"))
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| l != "none")
                .collect(),
            paste,
        })
        .collect()
}

/// What errcode found in a paste: `vendor code status` per error, in paste order, each error once.
fn found(matcher: &Matcher<'_>, paste: &str) -> Vec<String> {
    let outcome = matcher.lookup(paste);
    let mut found: Vec<(usize, String)> = outcome
        .matches
        .iter()
        .map(|m| {
            let code = m.entry.code.as_ref().map_or("-", |c| c.source());
            (
                m.position.unwrap_or(0),
                format!("{} {code} {}", m.catalog.vendor, m.entry.status),
            )
        })
        .chain(outcome.referrals.iter().map(|r| {
            (
                r.position.unwrap_or(0),
                format!("{} {} -", r.catalog.vendor, r.code),
            )
        }))
        .collect();
    found.sort_by_key(|(position, _)| *position);
    let mut distinct: Vec<String> = Vec::new();
    for (_, row) in found {
        if !distinct.contains(&row) {
            distinct.push(row);
        }
    }
    distinct
}

#[test]
fn the_corpus_is_large_and_varied_enough() {
    let cases = corpus();
    let negatives = cases.iter().filter(|c| c.expected.is_empty()).count();
    let multi = cases.iter().filter(|c| c.expected.len() > 1).count();
    assert!(
        cases.len() - negatives >= 60,
        "{} positive pastes",
        cases.len() - negatives
    );
    assert!(negatives >= 15, "{negatives} negative pastes");
    assert!(multi >= 5, "{multi} multi-error pastes");
    for vendor in ["huawei", "alibaba", "tencent", "jdcloud"] {
        let n = cases
            .iter()
            .filter(|c| c.expected.iter().any(|e| e.starts_with(vendor)))
            .count();
        assert!(n >= 10, "{n} pastes for {vendor}");
    }
}

#[test]
fn every_paste_finds_exactly_its_errors() {
    let catalogs = Catalogs::builtin();
    let matcher = Matcher::new(&catalogs, &[]);
    let cases = corpus();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let found = found(&matcher, &case.paste);
            (found != case.expected).then(|| {
                format!(
                    "{}:\n  expected {:?}\n  found    {:?}",
                    case.name, case.expected, found
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} pastes wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The same through the binary, for one paste per shape: JSON carries the evidence, and ordinary text exits 1.
#[test]
fn pastes_through_the_binary_carry_evidence() {
    let body = r#"HTTP/1.1 401 Unauthorized
Content-Type: application/json

{"error_msg":"Incorrect app authentication information: signature expired, signature time:20240101T000000Z","error_code":"APIG.0303","request_id":"5b1f"}"#;
    let value = json_lookup_found(body);
    assert_eq!(
        rows(&value),
        [("huawei".to_string(), Some("APIG.0303".to_string()), 401)]
    );
    let m = &value["matches"][0];
    assert_eq!(
        m["detail"],
        "signature expired, signature time:20240101T000000Z"
    );
    assert_eq!(m["confidence"], 100);
    let kinds: Vec<&str> = m["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for kind in ["code", "message", "status", "vendor"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let code = m["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "code")
        .unwrap();
    assert_eq!(code["found_in"], "error_code");
    assert_eq!(
        &body[code["start"].as_u64().unwrap() as usize..code["end"].as_u64().unwrap() as usize],
        "APIG.0303"
    );

    let card = TestCommand::new()
        .args(["lookup", "--lang", "en"])
        .stdin(body)
        .env("COLUMNS", "200")
        .output()
        .expect_code(0)
        .stdout();
    assert!(
        card.contains("  Detail    signature expired, signature time:20240101T000000Z\n"),
        "{card}"
    );
    assert!(
        card.contains("  Evidence  100%: status \"401\" (status line)"),
        "{card}"
    );

    let log = "2024-05-01T10:00:00Z INFO GET /healthz 200 3ms request_id=4290a5031fd3\n";
    let run = TestCommand::new()
        .args(["lookup"])
        .stdin(log)
        .output()
        .expect_code(1);
    assert_eq!(run.stdout(), "");
}
