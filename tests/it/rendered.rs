//! Golden files for rendered output, plain and coloured, at a fixed width: `tests/rendered/*.expected`.
//! Regenerate with `ERRCODE_BLESS=1 cargo test rendered` and review the diff.

use std::path::Path;

use crate::util::TestCommand;

fn check(name: &str, args: &[&str]) {
    let run = TestCommand::new()
        .args(args)
        .env("COLUMNS", "80")
        .output()
        .expect_code(0);
    let actual = run.stdout();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/rendered")
        .join(format!("{name}.expected"));
    if std::env::var_os("ERRCODE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pretty_assertions::assert_eq!(
        expected,
        actual,
        "{name}: output differs from {}",
        path.display()
    );
}

#[test]
fn card_both_languages() {
    check("card-apig-0303", &["lookup", "APIG.0303"]);
    check(
        "card-apig-0303.color",
        &["lookup", "APIG.0303", "--color", "always"],
    );
}

#[test]
fn card_chinese_only() {
    check(
        "card-apig-0303.zh",
        &["lookup", "APIG.0303", "--lang", "zh"],
    );
}

#[test]
fn card_with_filled_template() {
    check(
        "card-missing-group-id",
        &["lookup", "MissingGroupId", "--lang", "en"],
    );
    check(
        "card-missing-group-id.color",
        &[
            "lookup",
            "MissingGroupId",
            "--lang",
            "en",
            "--color",
            "always",
        ],
    );
}

#[test]
fn card_with_errcode_written_fix() {
    check(
        "card-rate-limit-exceeded",
        &["lookup", "RATE_LIMIT_EXCEEDED"],
    );
}

#[test]
fn table_of_many_matches() {
    check("table-apig-0201", &["lookup", "APIG.0201"]);
    check(
        "table-apig-0201.color",
        &["lookup", "APIG.0201", "--color", "always", "--lang", "en"],
    );
}

#[test]
fn grouped_status_tables() {
    check("status-429", &["status", "429"]);
}

#[test]
fn vendor_lines() {
    check("vendors", &["vendors"]);
    check(
        "vendors.color",
        &["vendors", "--lang", "zh", "--color", "always"],
    );
}

#[test]
fn shared_message_above_the_matches() {
    check(
        "shared-api-rate-limit-exceeded.color",
        &["lookup", "API rate limit exceeded", "--color", "always"],
    );
}
