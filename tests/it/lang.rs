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

fn has_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}'))
}

/// With `--lang en`, errcode's own framing is English: the Source line named the vendor's document by its
/// Chinese title (issue 18). What stays Chinese is the vendors' own text: a message the vendor wrote in
/// Chinese, and an English text quoting a console's Chinese term, e.g. `(备案)`.
#[test]
fn lang_en_names_every_source_in_english() {
    let list = crate::util::json(["list"], 0);
    let mut first_of_catalog: Vec<(String, String)> = Vec::new();
    for m in list["matches"].as_array().unwrap() {
        let catalog = m["catalog"].as_str().unwrap().to_string();
        if first_of_catalog.iter().any(|(c, _)| *c == catalog) {
            continue;
        }
        let query = match m["code"].as_str() {
            Some(code) if !code.contains('{') => code.to_string(),
            _ if !m["message"].as_str().unwrap().contains('{') => {
                m["message"].as_str().unwrap().to_string()
            }
            _ => continue,
        };
        first_of_catalog.push((catalog, query));
    }
    assert!(first_of_catalog.len() >= 8, "{first_of_catalog:?}");
    for (catalog, query) in &first_of_catalog {
        let out = errcode(["lookup", query, "--lang", "en"])
            .expect_code(0)
            .stdout();
        let mut label = "";
        for line in out.lines() {
            if !line.starts_with(' ') {
                label = "header";
            } else if let Some(word) = line.split_whitespace().next()
                && line.starts_with("  ")
                && !line.starts_with("   ")
            {
                label = word;
            }
            let vendor_text = [
                "Message",
                "Meaning",
                "Meaning†",
                "Fix",
                "Fix†",
                "Note",
                "Elsewhere",
            ];
            if !vendor_text.contains(&label) {
                assert!(!has_cjk(line), "{catalog} ({query}): {line:?} in\n{out}");
            }
        }
        assert!(out.contains("\n  Source    "), "{out}");
    }
    let catalogs = errcode(["catalogs", "--lang", "en"])
        .expect_code(0)
        .stdout();
    assert!(!has_cjk(&catalogs), "{catalogs}");
    // The English name says what the document is; both languages keep its own title.
    let en = errcode(["APIG.0303", "--lang", "en"])
        .expect_code(0)
        .stdout();
    assert!(
        en.contains(
            "  Source    Huawei Cloud API Gateway (APIG) error codes (2024-01-15 edition,\n            Chinese document)\n"
        ),
        "{en}"
    );
    let both = errcode(["APIG.0303"]).expect_code(0).stdout();
    assert!(
        both.contains("  Source    华为云 API网关 错误码 (updated 2024-01-15)\n"),
        "{both}"
    );
}
