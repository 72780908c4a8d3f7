//! The catalog reader's checks, each with the error it gives.

use super::*;

/// A catalog of one entry, for tests here and of the cache.
pub(crate) const MINIMAL: &str = r#"
id = "acme"
vendor = "huawei"
vendor_name = { en = "Acme", zh = "阿克米" }
product = { en = "Gateway", zh = "网关" }
[[sources]]
id = "doc"
title = "Acme codes"
[[entries]]
id = "e1"
code = "ACME.1"
status = 400
message = "Missing {param}."
meaning = { en = "{param} is missing.", zh = "缺少 {param}" }
fix = { en = "Add it.", zh = "添加" }
"#;

fn error_of(text: &str) -> String {
    parse(text, Origin::File("acme.toml".into()))
        .unwrap_err()
        .to_string()
}

#[test]
fn minimal_catalog_loads() {
    let c = parse(MINIMAL, Origin::File("acme.toml".into())).unwrap();
    assert_eq!(c.entries.len(), 1);
    assert_eq!(c.entries.get(0).unwrap().sources, vec![0]);
}

#[test]
fn evidence_text_is_long_enough_counting_chinese_double() {
    let with = |text: &str| {
        MINIMAL.replace(
            "[[sources]]",
            &format!("[[evidence]]\ntext = \"{text}\"\nwhat = \"name\"\n[[sources]]"),
        )
    };
    for ok in ["腾讯", "阿里云", "acme"] {
        assert!(
            parse(&with(ok), Origin::File("acme.toml".into())).is_ok(),
            "{ok}"
        );
    }
    for short in ["腾", "acm", "a腾"] {
        assert!(
            error_of(&with(short)).contains("evidence text needs at least 4"),
            "{short}"
        );
    }
}

#[test]
fn unknown_key_suggests_the_closest() {
    let text = MINIMAL.replace("message =", "mesage =");
    assert_eq!(
        error_of(&text),
        "acme.toml:13:1: unknown key `mesage`; did you mean `message`?"
    );
}

#[test]
fn wrong_type_is_located() {
    let text = MINIMAL.replace("status = 400", "status = \"400\"");
    let err = error_of(&text);
    assert!(err.starts_with("acme.toml:12:10: "), "{err}");
}

#[test]
fn bad_placeholder_points_into_the_string() {
    let text = MINIMAL.replace("Missing {param}.", "Missing {Param}.");
    assert!(error_of(&text).starts_with("acme.toml:13:20: message: invalid placeholder name"));
}

#[test]
fn explanation_placeholder_must_be_fillable() {
    let text = MINIMAL.replace("缺少 {param}", "缺少 {value}");
    assert!(
        error_of(&text).contains("placeholder `{value}` is not in the entry's code or message")
    );
}

#[test]
fn malformed_vendor_and_bad_status_are_errors() {
    // Any vendor id is open to a catalog (issue 17: `aws`, a company's own); a malformed one is not.
    let acme = parse(
        &MINIMAL.replace("\"huawei\"", "\"acme-gw\""),
        Origin::File("acme.toml".into()),
    );
    assert_eq!(acme.unwrap().vendor.id(), "acme-gw");
    assert!(
        error_of(&MINIMAL.replace("\"huawei\"", "\"Acme GW\""))
            .contains("acme.toml:3:10: invalid vendor id `Acme GW`")
    );
    assert!(error_of(&MINIMAL.replace("400", "999")).contains("status 999 is not an HTTP status"));
}

#[test]
fn one_line_for_unknown_key_without_close_match() {
    assert_eq!(
        one_line("unknown field `zzzzzzzz`, expected one of `id`, `code`"),
        "unknown key `zzzzzzzz`; expected one of: id, code"
    );
}
