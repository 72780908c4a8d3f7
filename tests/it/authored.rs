//! The `†` mark follows a catalog's `authored` list in every language shown (issue 18): `authored =
//! ["meaning.en", "fix.en"]` marked nothing, as only the Chinese fields were looked at.

use crate::util::{TestCommand, write};

const CATALOG: &str = r#"id = "acme-gw"
vendor = "huawei"
vendor_name = { en = "Acme", zh = "Acme" }
product = { en = "Gateway", zh = "网关" }
authored = ["meaning.en", "fix.en"]

[[sources]]
id = "acme"
title = "Acme errors"

[[entries]]
id = "translated"
code = "ACME.0001"
status = 400
message = "Bad thing."
meaning = { en = "A bad thing happened.", zh = "发生了坏事。" }
fix = { en = "Do a good thing.", zh = "做件好事。" }

[[entries]]
id = "written"
code = "ACME.0002"
status = 400
message = "Worse thing."
meaning = { en = "A worse thing happened.", zh = "发生了更坏的事。" }
fix = { en = "Do a better thing.", zh = "做件更好的事。" }
authored = ["meaning.en", "fix.en", "fix.zh"]

[[entries]]
id = "vendor-english"
code = "ACME.0003"
status = 400
message = "Odd thing."
meaning = { en = "An odd thing happened.", zh = "发生了怪事。" }
fix = { en = "Do the usual thing.", zh = "照常做。" }
authored = ["fix.zh"]
"#;

fn card(code: &str, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "acme.toml", CATALOG);
    TestCommand::new()
        .args(["--catalog".as_ref(), path.as_os_str()])
        .args([code, "--lang", lang])
        .env("COLUMNS", "100")
        .output()
        .expect_code(0)
        .stdout()
}

#[test]
fn english_written_by_errcode_is_marked_in_english_and_both() {
    for lang in ["both", "en"] {
        let out = card("ACME.0001", lang);
        assert!(
            out.contains("\n  Meaning†  A bad thing happened.\n"),
            "{lang}:\n{out}"
        );
        assert!(
            out.contains("\n  Fix†      Do a good thing.\n"),
            "{lang}:\n{out}"
        );
        assert!(
            out.ends_with(
                "  † English translated by errcode: the vendor's document gives it in Chinese only\n"
            ),
            "{lang}:\n{out}"
        );
    }
    // In Chinese only, the vendor's words are shown: nothing to mark.
    let zh = card("ACME.0001", "zh");
    assert!(!zh.contains('†'), "{zh}");
}

#[test]
fn each_kind_of_mark_has_its_footnote() {
    let out = card("ACME.0002", "both");
    assert!(
        out.contains("\n  Meaning†  ") && out.contains("\n  Fix†      "),
        "{out}"
    );
    assert!(
        out.ends_with(
            "  † written by errcode: the vendor's document gives none\n  † English translated by errcode: the vendor's document gives it in Chinese only\n"
        ),
        "{out}"
    );
    let zh = card("ACME.0002", "zh");
    assert!(
        zh.contains("\n  解决方案† ") && zh.ends_with("  † 由 errcode 编写：厂商文档未提供\n"),
        "{zh}"
    );
    // A Chinese translation of the vendor's English is marked where the Chinese is shown only.
    let en = card("ACME.0003", "en");
    assert!(!en.contains('†'), "{en}");
    let both = card("ACME.0003", "both");
    assert!(
        both.contains("\n  Fix†      Do the usual thing.\n")
            && both.ends_with("  † Chinese translated by errcode: the vendor's document gives it in English only\n"),
        "{both}"
    );
}
