//! A first word close to a command's name is a mistyped command, not a lookup (issue 18): `errcode stauts 429`
//! printed the 429 list and exited 0, and `errcode scna gw.log` looked the file's name up without reading it.

use crate::util::{TestCommand, errcode, write};

#[test]
fn a_mistyped_command_is_an_error_with_the_command_it_is_close_to() {
    for (args, expected) in [
        (
            &["stauts", "429"][..],
            "unknown command 'stauts'; did you mean 'status'?",
        ),
        (
            &["scna", "gw.log"],
            "unknown command 'scna'; did you mean 'scan'?",
        ),
        (&["lsit"], "unknown command 'lsit'; did you mean 'list'?"),
        (
            &["grpe", "x-date"],
            "unknown command 'grpe'; did you mean 'grep'?",
        ),
        (
            &["catalgo", "patterns"],
            "unknown command 'catalgo'; did you mean 'catalog'?",
        ),
        (
            &["--lang", "en", "famliy"],
            "unknown command 'famliy'; did you mean 'family'?",
        ),
        (
            &["Status", "429"],
            "unknown command 'Status'; did you mean 'status'?",
        ),
        // Other tools' habits.
        (
            &["version"],
            "unknown command 'version'; did you mean '--version'?",
        ),
        (
            &["explain"],
            "unknown command 'explain'; did you mean 'lookup'?",
        ),
    ] {
        let run = errcode(args).expect_code(2);
        assert_eq!(run.stderr(), format!("errcode: {expected}\n"), "{args:?}");
        assert_eq!(run.stdout(), "", "{args:?}");
    }
    let man = errcode(["man"]).expect_code(2).stderr();
    assert!(
        man.starts_with("errcode: unknown command 'man'; the manual is"),
        "{man}"
    );
    assert_eq!(man.lines().count(), 1, "{man}");
}

#[test]
fn codes_messages_and_explicit_lookups_still_look_up() {
    for args in [
        &["APIG.0303"][..],
        &["timeout"],
        &["MissingGroupId"],
        &["Backend", "timeout"],
        // The paste reading finds the code after the habit word.
        &["explain", "APIG.0303"],
        // `lookup` says it is a query.
        &["lookup", "version"],
        &["lookup", "stauts", "429"],
    ] {
        errcode(args).expect_code(0);
    }
}

#[test]
fn a_code_of_a_user_catalog_that_looks_like_a_command_is_looked_up() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = write(
        dir.path(),
        "acme.toml",
        r#"id = "acme-gw"
vendor = "huawei"
vendor_name = { en = "Acme", zh = "Acme" }
product = { en = "Gateway", zh = "网关" }

[[sources]]
id = "acme"
title = "Acme errors"

[[entries]]
id = "scna"
code = "Scna"
status = 400
message = "Scan refused."
meaning = { en = "The scan was refused.", zh = "扫描被拒绝。" }
fix = { en = "Ask again later.", zh = "稍后重试。" }
"#,
    );
    let run = TestCommand::new()
        .args(["--catalog".as_ref(), catalog.as_os_str()])
        .args(["Scna"])
        .output();
    assert!(run.stdout().contains("Scan refused."), "{}", run.stderr());
    run.expect_code(0);
}

/// A typo'd code (`APIG.303`) printed a "not in the tables" card and named the code it meant on standard
/// error only (issue 18): the closest code's answer now comes first on standard output.
#[test]
fn a_mistyped_code_shows_the_code_it_is_closest_to_first() {
    let run = errcode(["APIG.303", "--lang", "en"]).expect_code(1);
    let out = run.stdout();
    assert!(
        out.starts_with(
            "No entry has APIG.303; did you mean APIG.0303?\nAPIG.0303 · 401 Unauthorized · Huawei Cloud API Gateway (APIG)\n"
        ),
        "{out}"
    );
    // The pointer for unlisted APIG codes follows, and standard error still lists the close codes.
    assert!(
        out.contains("\n\nAPIG.303 · not in the tables · Huawei Cloud API Gateway (APIG)\n"),
        "{out}"
    );
    assert!(
        run.stderr()
            .starts_with("errcode: no entry matches \"APIG.303\"; did you mean APIG.0303, "),
        "{}",
        run.stderr()
    );
    // Leading zeros decide between codes as close: APIG.3030 is as many edits from APIG.303.
    let out = errcode(["apig.303", "--lang", "en"])
        .expect_code(1)
        .stdout();
    assert!(
        out.starts_with("No entry has apig.303; did you mean APIG.0303?\n"),
        "{out}"
    );
    let out = errcode(["SignatureDoesNotMach", "--lang", "zh"])
        .expect_code(1)
        .stdout();
    assert!(
        out.starts_with("没有 SignatureDoesNotMach 这个错误码；您要查的是否是 SignatureDoesNotMatch？\nSignatureDoesNotMatch · 400 Bad Request"),
        "{out}"
    );
    // JSON is unchanged: no match, the suggestions listed.
    let value = crate::util::json(["APIG.303"], 1);
    assert_eq!(value["matches"], serde_json::json!([]));
    assert_eq!(value["suggestions"][0], "APIG.0303");
    // Nothing close: nothing guessed.
    let run = errcode(["NoSuchCode.Anywhere"]).expect_code(1);
    assert_eq!(run.stdout(), "");
}
