//! `--lang` and ERRCODE_LANG take the spellings people type (issue 18): `EN`, `zh-CN`, `zh_CN`, `cn`,
//! `zh-Hans`, `English`, `中文`, a locale such as `zh_CN.UTF-8`.

use crate::util::{TestCommand, errcode};

#[test]
fn lang_accepts_common_spellings_in_the_flag_and_the_environment() {
    let reference = |lang: &str| {
        errcode(["APIG.0303", "--lang", lang])
            .expect_code(0)
            .stdout()
    };
    for (lang, spellings) in [
        (
            "en",
            &["EN", "En", "english", "English", "en-US", "en_GB", "英文"][..],
        ),
        (
            "zh",
            &[
                "ZH",
                "zh-CN",
                "zh_CN",
                "zh-cn",
                "cn",
                "CN",
                "zh-Hans",
                "zh-TW",
                "zh-Hant",
                "Chinese",
                "中文",
                "zh_CN.UTF-8",
            ],
        ),
        ("both", &["BOTH", "all", "en+zh"]),
    ] {
        let expected = reference(lang);
        for spelling in spellings {
            let flag = errcode(["APIG.0303", "--lang", spelling]).expect_code(0);
            assert_eq!(flag.stdout(), expected, "--lang {spelling}");
            let env = TestCommand::new()
                .args(["APIG.0303"])
                .env("ERRCODE_LANG", spelling)
                .output()
                .expect_code(0);
            assert_eq!(env.stdout(), expected, "ERRCODE_LANG={spelling}");
        }
    }
    // Not a language: clap's error for the flag, errcode's for the environment.
    for bad in ["fr", "zhx", ""] {
        let run = errcode(["APIG.0303", "--lang", bad]).expect_code(2);
        assert!(
            run.stderr().contains("[possible values: en, zh, both]"),
            "{}",
            run.stderr()
        );
    }
}

#[test]
fn help_names_the_spellings() {
    let help = errcode(["--help"]).expect_code(0).stdout();
    // (Help is wrapped to the width: compare words.)
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for spelling in [
        "zh-CN", "zh_CN", "cn", "zh-Hans", "English", "中文", "any case",
    ] {
        assert!(help.contains(spelling), "{spelling} not in --help:\n{help}");
    }
}
