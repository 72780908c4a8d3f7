//! Every row of the five vendor documents (kept unchanged in `catalogs/sources/`) is found by its code (for
//! Tencent, by its message) with the right vendor, status and verbatim message, from the right document,
//! with the vendor's Chinese meaning and fix kept where the vendor gave them.
//!
//! The documents are parsed here independently of the catalogs, so a row dropped or altered in a catalog
//! fails a test.

use std::path::Path;

use errcode::catalog::{Catalog, Catalogs, Entry, Vendor};
use errcode::matcher::Matcher;
use errcode::template::{Context, Template};
use regex::Regex;

/// One row as the vendor printed it.
#[derive(Debug)]
struct Row {
    code: Option<String>,
    status: u16,
    message: String,
    meaning_zh: Option<String>,
    /// `None` where the vendor left the fix empty.
    fix_zh: Option<String>,
}

fn source(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("catalogs/sources")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_string())
        .collect()
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// 000: JD Cloud, Markdown tables `| code | status | message | fix |`.
fn jdcloud_rows() -> Vec<Row> {
    source("jdcloud-apigateway-error-codes.txt")
        .lines()
        .filter(|l| l.trim_start().starts_with('|'))
        .map(cells)
        .filter(|c| c.len() >= 4 && c[1].parse::<u16>().is_ok())
        .map(|c| Row {
            code: Some(c[0].clone()),
            status: c[1].parse().unwrap(),
            message: c[2].clone(),
            meaning_zh: None,
            fix_zh: non_empty(&c[3]),
        })
        .collect()
}

/// 001: Huawei 2024, one field a line: code, message, status, meaning (one or more lines), fix.
fn huawei_2024_rows() -> Vec<Row> {
    let text = source("huawei-apig-error-codes-2024-01-15.txt");
    let body = text.split_once("\n解决方案\n").expect("header row").1;
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let code = Regex::new(r"^APIG\.\d{4}$").unwrap();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| code.is_match(lines[i]))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(lines.len());
            let row = &lines[start..end];
            assert!(row.len() >= 5, "short row {row:?}");
            Row {
                code: Some(row[0].to_string()),
                status: row[2]
                    .parse()
                    .unwrap_or_else(|_| panic!("status in {row:?}")),
                message: row[1].to_string(),
                meaning_zh: Some(row[3..row.len() - 1].join(" ")),
                fix_zh: Some(row[row.len() - 1].to_string()),
            }
        })
        .collect()
}

/// 002: Alibaba, pipe tables; the third table's columns are scenario | code | message | status | fix.
fn alibaba_rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut scenario_first = false;
    for line in source("alibaba-apigateway-openapi-error-codes.txt")
        .lines()
        .filter(|l| l.contains(" | "))
    {
        let c = cells(line);
        if c[0] == "错误代码" || c[0] == "报错场景" {
            scenario_first = c[0] == "报错场景";
            continue;
        }
        let (code, message, status, meaning, fix) = if scenario_first {
            (&c[1], &c[2], &c[3], &c[0], &c[4])
        } else {
            (&c[0], &c[1], &c[2], &c[3], &c[4])
        };
        rows.push(Row {
            code: Some(code.clone()),
            status: status.parse().unwrap_or_else(|_| panic!("status in {c:?}")),
            message: message.clone(),
            meaning_zh: Some(meaning.clone()),
            fix_zh: non_empty(fix),
        });
    }
    rows
}

/// 003: Tencent, Markdown table `| status | log message | explanation |`, no codes.
fn tencent_rows() -> Vec<Row> {
    source("tencent-apigateway-error-codes.txt")
        .lines()
        .filter(|l| l.trim_start().starts_with('|'))
        .map(cells)
        .filter(|c| c.len() >= 3 && c[0].parse::<u16>().is_ok())
        .map(|c| Row {
            code: None,
            status: c[0].parse().unwrap(),
            message: c[1].clone(),
            meaning_zh: Some(c[2].clone()),
            fix_zh: None,
        })
        .collect()
}

/// 004: Huawei's older edition, an HTML table.
fn huawei_legacy_rows() -> Vec<Row> {
    let text = source("huawei-apig-user-guide-error-codes-older-edition.txt");
    let row = Regex::new(r"(?s)<tr[^>]*>(.*?)</tr>").unwrap();
    let cell = Regex::new(r"(?s)<td[^>]*>(.*?)</td>").unwrap();
    let tag = Regex::new(r"<[^>]+>").unwrap();
    row.captures_iter(&text)
        .filter_map(|r| {
            let c: Vec<String> = cell
                .captures_iter(&r[1])
                .map(|c| {
                    tag.replace_all(&c[1], "")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            (c.len() == 5).then(|| Row {
                code: Some(c[0].clone()),
                status: c[2].parse().unwrap(),
                message: c[1].clone(),
                meaning_zh: Some(c[3].clone()),
                fix_zh: Some(c[4].clone()),
            })
        })
        .collect()
}

/// Whether a catalog template (placeholders in `{name}` form) stands for `printed`, the document's text with
/// its own placeholder spelling, and nothing else: literal text equal, white space runs equal to any other.
fn template_stands_for(template: &str, printed: &str) -> bool {
    let template = Template::parse(template, Context::Message).expect("catalog template parses");
    let printed = printed.split_whitespace().collect::<Vec<_>>().join(" ");
    template.find(&printed).is_some_and(|(_, whole)| whole)
}

/// Checks one document's rows against the built-in catalogs: each row is found by looking it up as a user
/// would, in the catalog of `vendor`, from source document `document`.
fn check_rows(vendor: Vendor, document: &str, rows: &[Row], expected_rows: usize) {
    assert_eq!(rows.len(), expected_rows, "rows parsed from {document}");
    let catalogs = Catalogs::builtin();
    let matcher = Matcher::new(&catalogs, &[vendor]);
    let mut failures = Vec::new();
    for row in rows {
        let query = row.code.clone().unwrap_or_else(|| row.message.clone());
        let outcome = matcher.lookup(&query);
        let found = outcome.matches.iter().find(|m| {
            m.catalog.vendor == vendor
                && m.entry.status == row.status
                && template_stands_for(m.entry.message.source(), &row.message)
                && from_document(m.catalog, m.entry, document)
        });
        let Some(found) = found else {
            failures.push(format!(
                "{query:?} ({} {:?}): not found",
                row.status, row.message
            ));
            continue;
        };
        let entry = found.entry;
        // The row's own text is kept where this document is the entry's primary source (a row merged into
        // the newer edition's entry keeps the newer wording of meaning and fix).
        let primary = found.catalog.sources[entry.sources[0]].document.as_deref() == Some(document);
        if let (Some(meaning), true) = (&row.meaning_zh, primary)
            && !template_stands_for(&entry.meaning.zh, meaning)
        {
            failures.push(format!(
                "{query:?}: meaning.zh {:?} is not the vendor's {meaning:?}",
                entry.meaning.zh
            ));
        }
        match (&row.fix_zh, primary) {
            (Some(fix), true) if !template_stands_for(&entry.fix.zh, fix) => {
                failures.push(format!(
                    "{query:?}: fix.zh {:?} is not the vendor's {fix:?}",
                    entry.fix.zh
                ));
            }
            (None, _) if !entry.authored.fix_zh => {
                failures.push(format!(
                    "{query:?}: the vendor gives no fix, but fix.zh is not marked authored"
                ));
            }
            _ => {}
        }
        if row.meaning_zh.is_none() && !entry.authored.meaning_zh {
            failures.push(format!(
                "{query:?}: the vendor gives no meaning, but meaning.zh is not marked authored"
            ));
        }
    }
    assert!(failures.is_empty(), "{document}:\n{}", failures.join("\n"));
}

fn from_document(catalog: &Catalog, entry: &Entry, document: &str) -> bool {
    entry
        .sources
        .iter()
        .any(|&s| catalog.sources[s].document.as_deref() == Some(document))
}

#[test]
fn every_jdcloud_row_is_found() {
    check_rows(
        Vendor::Jdcloud,
        "jdcloud-apigateway-error-codes.txt",
        &jdcloud_rows(),
        57,
    );
}

#[test]
fn every_huawei_2024_row_is_found() {
    check_rows(
        Vendor::Huawei,
        "huawei-apig-error-codes-2024-01-15.txt",
        &huawei_2024_rows(),
        71,
    );
}

#[test]
fn every_alibaba_row_is_found() {
    check_rows(
        Vendor::Alibaba,
        "alibaba-apigateway-openapi-error-codes.txt",
        &alibaba_rows(),
        48,
    );
}

#[test]
fn every_tencent_row_is_found_by_its_message() {
    check_rows(
        Vendor::Tencent,
        "tencent-apigateway-error-codes.txt",
        &tencent_rows(),
        62,
    );
}

#[test]
fn every_huawei_older_edition_row_is_found() {
    check_rows(
        Vendor::Huawei,
        "huawei-apig-user-guide-error-codes-older-edition.txt",
        &huawei_legacy_rows(),
        35,
    );
}

/// The five documents hold 273 rows, and every entry of the built-in catalogs stands for at least one.
#[test]
fn no_entry_is_invented() {
    let catalogs = Catalogs::builtin();
    let all_rows: Vec<(Vendor, &str, Vec<Row>)> = vec![
        (
            Vendor::Jdcloud,
            "jdcloud-apigateway-error-codes.txt",
            jdcloud_rows(),
        ),
        (
            Vendor::Huawei,
            "huawei-apig-error-codes-2024-01-15.txt",
            huawei_2024_rows(),
        ),
        (
            Vendor::Alibaba,
            "alibaba-apigateway-openapi-error-codes.txt",
            alibaba_rows(),
        ),
        (
            Vendor::Tencent,
            "tencent-apigateway-error-codes.txt",
            tencent_rows(),
        ),
        (
            Vendor::Huawei,
            "huawei-apig-user-guide-error-codes-older-edition.txt",
            huawei_legacy_rows(),
        ),
    ];
    assert_eq!(all_rows.iter().map(|(_, _, r)| r.len()).sum::<usize>(), 273);
    // The catalogs made from the five documents (the others name public pages instead).
    let from_documents =
        |c: &&errcode::catalog::Catalog| c.sources.iter().all(|s| s.document.is_some());
    for (catalog, entry) in catalogs.entries().filter(|(c, _)| from_documents(c)) {
        for &s in &entry.sources {
            let document = catalog.sources[s]
                .document
                .as_deref()
                .expect("filtered on documents");
            let stands_for_a_row = all_rows
                .iter()
                .filter(|(v, d, _)| *v == catalog.vendor && *d == document)
                .any(|(_, _, rows)| {
                    rows.iter().any(|r| {
                        r.status == entry.status
                            && r.code.as_deref().is_none_or(|c| {
                                entry.code.as_ref().is_some_and(|t| {
                                    t.source().replace("{param}", "")
                                        == c.replace("%s", "").replace("{ParameterName}", "")
                                })
                            })
                            && template_stands_for(entry.message.source(), &r.message)
                    })
                });
            assert!(
                stands_for_a_row,
                "{}/{} claims a row of {document} that is not there",
                catalog.id, entry.id
            );
        }
    }
}
