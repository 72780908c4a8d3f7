//! Every line fits the terminal (issue 18): `status 4xx` had a 1,079-character heading, `status 5xx` named
//! each product once per entry, and at `COLUMNS=40` card headers overflowed and tables cut codes in the
//! middle (`APIG.03` / `08`).

use unicode_width::UnicodeWidthStr;

use crate::util::{TestCommand, stdout_at};

const COMMANDS: [&[&str]; 14] = [
    &["APIG.0303"],
    &["APIG.0201"],
    &["APIG.0330"],
    &["MissingGroupId"],
    &["status", "429"],
    &["status", "4xx"],
    &["status", "5xx"],
    &["list"],
    &["grep", "-i", "signature"],
    &["family"],
    &["family", "signature-mismatch"],
    &["catalogs"],
    &["APIG.0303", "APIG.0101", "429"],
    &[
        "lookup",
        "{\"error_code\":\"APIG.0303\",\"error_msg\":\"Incorrect app authentication information: signature expired\"}",
    ],
];

#[test]
fn every_line_fits_the_terminal_at_40_and_100_columns() {
    for columns in [40, 100] {
        for args in COMMANDS {
            for lang in ["en", "zh", "both"] {
                let run = TestCommand::new()
                    .args(args)
                    .args(["--lang", lang])
                    .env("COLUMNS", columns.to_string())
                    .output();
                let out = run.stdout();
                assert!(!out.is_empty(), "{args:?}: {}", run.stderr());
                for line in out.lines() {
                    assert!(
                        line.width() <= columns,
                        "{args:?} --lang {lang} at {columns} columns: {} columns in {line:?}",
                        line.width()
                    );
                }
            }
        }
    }
}

#[test]
fn codes_are_never_cut_inside_a_part() {
    for columns in ["40", "60", "80", "100"] {
        for args in [&["status", "429"][..], &["status", "4xx"], &["list"]] {
            let out = stdout_at(columns, &[args, &["--lang", "en"]].concat());
            for cut in ["APIG.03\n", "APIG.0\n", "APIGW.0\n", "│ 08 ", "│ 308 "] {
                assert!(
                    !out.contains(cut),
                    "{args:?} at {columns}: {cut:?} in\n{out}"
                );
            }
            // Each Huawei code stands whole on one line (in a cell or a short card's header).
            assert!(out.contains("APIG.0308"), "{args:?} at {columns}:\n{out}");
        }
    }
    // A long code is broken between its parts only.
    let out = stdout_at("80", &["list", "--vendor", "tencent", "--lang", "en"]);
    assert!(
        out.contains("│ FailedOperation.Api  ┆") && out.contains("│ BindEnvironment      ┆"),
        "{out}"
    );
}

#[test]
fn at_40_columns_card_headers_wrap_between_parts_and_tables_become_short_cards() {
    let card = stdout_at("40", &["APIG.0303", "--lang", "en"]);
    assert!(
        card.starts_with(
            "APIG.0303 · 401 Unauthorized\nHuawei Cloud API Gateway (APIG)\n  Message "
        ),
        "{card}"
    );
    let rows = stdout_at("40", &["status", "429", "--lang", "en"]);
    assert!(
        rows.contains("\nAPIG.0308 · 429\n  Message   The throttling threshold has\n            been reached.\n"),
        "{rows}"
    );
    assert!(
        rows.contains(
            "\nAPIG.0308 · 429\nolder edition (user guide)\n  Message   Throttling threshold\n"
        ),
        "{rows}"
    );
}

#[test]
fn a_status_heading_names_each_product_once() {
    let out = stdout_at("100", &["status", "5xx", "--lang", "en"]);
    // A heading is a vendor's products, wrapped to the width: joined again, it names each product once.
    let mut headings: Vec<String> = Vec::new();
    let mut joined = String::new();
    for line in out.lines() {
        if line.starts_with(['│', '┌', '└', '╞', '├']) || line.is_empty() {
            if !joined.is_empty() {
                headings.push(std::mem::take(&mut joined));
            }
            continue;
        }
        assert!(line.chars().count() <= 100, "{line}");
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    assert!(headings.len() >= 4, "{out}");
    for heading in &headings {
        let Some((products, count)) = heading.rsplit_once(" (") else {
            continue;
        };
        assert!(
            count.ends_with("entries)") || count.ends_with("entry)"),
            "{heading}"
        );
        let names: Vec<&str> = products.split(", ").collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            unique.len(),
            names.len(),
            "a product named twice: {heading}"
        );
    }
}

#[test]
fn a_table_says_how_to_see_the_fixes_and_cards_shows_them() {
    let table = stdout_at("100", &["APIG.0201", "--lang", "en"]);
    assert!(table.starts_with('┌'), "{table}");
    assert!(
        table.ends_with("└\nTo see the fixes: add --cards.\n")
            || table.ends_with("┘\nTo see the fixes: add --cards.\n"),
        "{table}"
    );
    let zh = stdout_at("100", &["grep", "x-date", "--lang", "zh"]);
    assert!(zh.ends_with("查看解决方案：加 --cards。\n"), "{zh}");
    let cards = stdout_at("100", &["APIG.0201", "--lang", "en", "--cards"]);
    assert_eq!(cards.matches("\n  Fix").count(), 7, "{cards}");
    assert!(!cards.contains("--cards"), "{cards}");
    // Four matches or fewer are cards already, with no hint.
    let few = stdout_at("100", &["APIG.0303", "--lang", "en"]);
    assert!(!few.contains("--cards"), "{few}");
}
