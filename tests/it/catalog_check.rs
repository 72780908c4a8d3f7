//! `errcode catalog check FILE...` (issue 18): checks catalogs as the loader would, without loading any
//! other (a broken catalog in the config folder does not stop it), every file however many fail.

use crate::util::{TestCommand, write};

const GOOD: &str = r#"id = "acme-gw"
vendor = "huawei"
vendor_name = { en = "Acme", zh = "Acme" }
product = { en = "Gateway", zh = "网关" }

[[sources]]
id = "acme"
title = "Acme errors"

[[entries]]
id = "one"
code = "ACME.0001"
status = 400
message = "Bad thing."
meaning = { en = "A bad thing happened.", zh = "发生了坏事。" }
fix = { en = "Do a good thing.", zh = "做件好事。" }
"#;

#[test]
fn a_good_catalog_passes_and_a_broken_one_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.toml", GOOD);
    let run = TestCommand::new()
        .args(["catalog", "check"])
        .args([&good])
        .output()
        .expect_code(0);
    assert_eq!(
        run.stdout(),
        format!(
            "{}: ok: catalog acme-gw (huawei), 1 entries\n",
            good.display()
        )
    );
    assert_eq!(run.stderr(), "");

    let typo = write(
        dir.path(),
        "typo.toml",
        GOOD.replace("message =", "mesage ="),
    );
    let not_utf8 = write(
        dir.path(),
        "latin1.toml",
        GOOD.as_bytes()
            .iter()
            .map(|&b| if b == b'B' { 0xff } else { b })
            .collect::<Vec<u8>>(),
    );
    let builtin_id = write(
        dir.path(),
        "clash.toml",
        GOOD.replace("id = \"acme-gw\"", "id = \"huawei-apig\""),
    );
    let run = TestCommand::new()
        .args(["catalog", "check"])
        .args([&typo, &good, &not_utf8, &builtin_id])
        .output()
        .expect_code(2);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}:14:1: unknown key `mesage`; did you mean `message`?\n\
             errcode: {}:14:12: file is not valid UTF-8\n\
             errcode: {}: catalog id `huawei-apig` is also that of a built-in catalog; choose another id, or set `override = true` to replace it\n",
            typo.display(),
            not_utf8.display(),
            builtin_id.display()
        )
    );
    // The good one between them is still reported.
    assert_eq!(run.stdout().lines().count(), 1, "{}", run.stdout());
}

#[test]
fn a_directory_is_checked_file_by_file_and_other_catalogs_are_not_loaded() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", GOOD);
    // The same id twice: the second needs `override = true`.
    write(dir.path(), "b.toml", GOOD);
    write(dir.path(), "notes.txt", "not a catalog");
    let home = tempfile::tempdir().unwrap();
    // A broken catalog where errcode loads the user's catalogs from: a lookup skips it with a warning
    // (issue 16), the check does not load it at all.
    write(home.path(), ".config/errcode/catalogs/broken.toml", "id = ");
    let run = TestCommand::new()
        .args(["catalog", "check"])
        .args([dir.path()])
        .env("HOME", home.path())
        .output()
        .expect_code(2);
    assert!(
        run.stdout()
            .ends_with("a.toml: ok: catalog acme-gw (huawei), 1 entries\n")
    );
    assert!(
        run.stderr()
            .contains("b.toml: catalog id `acme-gw` is also that of ")
            && run.stderr().contains("a.toml; choose another id"),
        "{}",
        run.stderr()
    );
    let lookup = TestCommand::new()
        .args(["APIG.0303"])
        .env("HOME", home.path())
        .output()
        .expect_code(0);
    assert!(
        lookup.stderr().contains("broken.toml") && lookup.stderr().contains("skipped"),
        "{}",
        lookup.stderr()
    );
    // No file is a usage error.
    let run = TestCommand::new()
        .args(["catalog", "check"])
        .output()
        .expect_code(2);
    assert!(run.stderr().contains("<FILE>"), "{}", run.stderr());
}
