//! Every command, flag, exit status and error path, through the real binary.

use crate::util::{TestCommand, errcode, json, rows, stdout_at};

const ESC: char = '\x1b';

#[test]
fn lookup_prints_a_card_with_every_field() {
    let run = TestCommand::new()
        .args(["lookup", "APIG.0303"])
        .env("COLUMNS", "200")
        .output()
        .expect_code(0);
    let out = run.stdout();
    assert!(
        out.starts_with("APIG.0303 · 401 Unauthorized · Huawei Cloud API Gateway (APIG)\n"),
        "{out}"
    );
    for expected in [
        "  Message   Incorrect app authentication information.\n",
        "  Meaning†  The app authentication information is incorrect.\n            APP认证信息错误\n",
        "  Fix†      Check that the method",
        "检查请求的方法、路径、查询参数",
        "  Editions  2024-01-15 edition: this row; older edition (user guide): 401 Unauthorized",
        "\"Incorrect App authentication information.\"",
        "  Source    华为云 API网关 错误码 (updated 2024-01-15)\n",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert_eq!(run.stderr(), "");
    // A catalog of several sources that are not editions of one table lists them under Source only.
    let out = stdout_at("200", &["lookup", "APIGW.0301", "--lang", "en"]);
    assert!(out.contains("\n  Source    "), "{out}");
    assert!(!out.contains("Editions"), "{out}");
}

#[test]
fn a_bare_query_is_a_lookup() {
    assert_eq!(
        errcode(["APIG.0303"]).expect_code(0).stdout(),
        errcode(["lookup", "APIG.0303"]).stdout()
    );
    assert_eq!(
        errcode(["--json", "429"]).expect_code(0).stdout(),
        errcode(["lookup", "429", "--json"]).stdout()
    );
}

#[test]
fn lookup_reads_standard_input_when_no_query_or_dash() {
    let piped = TestCommand::new()
        .args(["lookup"])
        .stdin("  APIG.0303\n")
        .output()
        .expect_code(0);
    assert_eq!(piped.stdout(), errcode(["lookup", "APIG.0303"]).stdout());
    let dash = TestCommand::new()
        .args(["lookup", "-", "--json"])
        .stdin("x-date header is out of date")
        .output()
        .expect_code(0);
    assert_eq!(dash.json()["kind"], "message");
    assert_eq!(rows(&dash.json())[0], ("tencent".to_string(), None, 401));
    let bare = TestCommand::new()
        .args(["--json"])
        .stdin("MissingGroupId\n")
        .output()
        .expect_code(0);
    assert_eq!(bare.json()["matches"][0]["captures"]["param"], "GroupId");
}

#[test]
fn empty_standard_input_is_an_error() {
    let run = TestCommand::new()
        .args(["lookup"])
        .stdin(" \n")
        .output()
        .expect_code(2);
    assert_eq!(
        run.stderr(),
        "errcode: standard input is empty: nothing to look up\n"
    );
    assert_eq!(run.stdout(), "");
}

#[test]
fn json_contract_fields() {
    let value = json(["lookup", "MissingGroupId"], 0);
    assert_eq!(value["query"], "MissingGroupId");
    assert_eq!(value["kind"], "code");
    assert_eq!(value["suggestions"], serde_json::json!([]));
    let m = &value["matches"][0];
    assert_eq!(m["catalog"], "alibaba-apigateway");
    assert_eq!(m["vendor"], "alibaba");
    assert_eq!(m["code"], "Missing{param}");
    assert_eq!(m["status"], 400);
    assert_eq!(m["message"], "The {param} is mandatory for this action.");
    assert_eq!(
        m["meaning"],
        serde_json::json!({"en": "Missing parameter GroupId", "zh": "缺少参数 GroupId"})
    );
    assert_eq!(m["fix"]["zh"], "根据具体返回补充缺少的参数,重试请求。");
    assert_eq!(m["captures"], serde_json::json!({"param": "GroupId"}));
    assert_eq!(m["authored"], serde_json::json!(["meaning.en", "fix.en"]));

    let tencent = json(["lookup", "Found no api"], 0);
    assert_eq!(tencent["matches"][0]["code"], serde_json::Value::Null);
    assert_eq!(tencent["matches"][0]["captures"], serde_json::json!({}));
}

#[test]
fn several_codes_are_several_queries_and_words_are_one_message() {
    let value = json(["lookup", "APIG.0303", "429"], 0);
    assert_eq!(value["kind"], "mixed");
    let queries = value["queries"].as_array().unwrap();
    assert_eq!(
        (queries[0]["kind"].as_str(), queries[1]["kind"].as_str()),
        (Some("code"), Some("status"))
    );
    let value = json(["lookup", "Backend", "timeout"], 0);
    assert_eq!(value["query"], "Backend timeout");
    assert_eq!(value["kind"], "message");
    assert!(value.get("queries").is_none());
    let human = errcode(["APIG.0303", "APIG.0101"]).expect_code(0).stdout();
    assert!(
        human.starts_with("── APIG.0303 ──\n") && human.contains("\n── APIG.0101 ──\n"),
        "{human}"
    );
}

#[test]
fn nothing_found_exits_1_and_suggests_close_codes() {
    let run = errcode(["lookup", "APIG.0330"]).expect_code(1);
    // The code it is closest to comes first; Huawei's page says where unlisted APIG codes are documented:
    // that is shown too.
    assert!(
        run.stdout()
            .starts_with("No entry has APIG.0330; did you mean APIG.0303?\nAPIG.0303 · 401"),
        "{}",
        run.stdout()
    );
    assert!(
        run.stdout()
            .contains("\nAPIG.0330 · not in the tables · Huawei Cloud API Gateway (APIG)\n"),
        "{}",
        run.stdout()
    );
    assert_eq!(
        errcode(["lookup", "NoSuchCode.Anywhere"])
            .expect_code(1)
            .stdout(),
        ""
    );
    assert!(
        run.stderr()
            .starts_with("errcode: no entry matches \"APIG.0330\"; did you mean APIG.0303"),
        "{}",
        run.stderr()
    );
    let value = json(["lookup", "APIG.0330"], 1);
    assert_eq!(value["matches"], serde_json::json!([]));
    assert_eq!(value["suggestions"][0], "APIG.0303");
    let run = errcode(["lookup", "completely unrelated words"]).expect_code(1);
    assert_eq!(
        run.stderr(),
        "errcode: no entry matches \"completely unrelated words\"\n"
    );
}

#[test]
fn codes_a_document_points_elsewhere_for_get_its_pointer() {
    // APIGW.0301 is listed (huawei-apigw); APIGW.0999 is not, so the APIG page's pointer answers.
    json(["lookup", "APIGW.0301"], 0);
    let value = json(["lookup", "APIGW.0999"], 1);
    assert_eq!(value["matches"], serde_json::json!([]));
    let referral = &value["referrals"][0];
    assert_eq!(referral["vendor"], "huawei");
    assert_eq!(referral["code"], "APIGW.0999");
    assert_eq!(referral["pattern"], "APIGW.{number}");
    assert_eq!(
        referral["meaning"]["zh"],
        "如果遇到“APIGW”开头的错误码,请参见API网关错误码进行处理。"
    );
    let card = errcode(["APIGW.0999", "--lang", "en"])
        .expect_code(1)
        .stdout();
    assert!(
        card.starts_with("APIGW.0999 · not in the tables · Huawei Cloud API Gateway (APIG)\n  Meaning†  If you encounter"),
        "{card}"
    );
}

#[test]
fn status_lists_every_entry_grouped_by_vendor() {
    let value = json(["status", "429"], 0);
    assert_eq!(value["kind"], "status");
    let found = rows(&value);
    assert!(found.iter().all(|r| r.2 == 429));
    let vendors: Vec<&str> = found.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        vendors,
        [
            "huawei", "huawei", "huawei", "tencent", "tencent", "tencent", "jdcloud", "jdcloud",
            "jdcloud", "jdcloud", "jdcloud", "aws", "aws", "aws", "aws", "aws", "aws", "aws",
            "kong", "kong", "google", "google", "google", "google", "google", "google"
        ]
    );

    let class = json(["status", "5xx"], 0);
    let statuses: Vec<u64> = rows(&class).iter().map(|r| r.2).collect();
    assert!(statuses.iter().all(|s| (500..600).contains(s)) && statuses.len() > 30);

    let human = stdout_at("200", &["status", "429"]);
    assert!(
        human.starts_with("Huawei Cloud API Gateway (APIG), API Gateway in front of cloud service APIs (APIGW) and APIG management API (3 entries)\n"),
        "{human}"
    );
    assert!(
        human.contains("\nTencent Cloud API Gateway (3 entries)\n"),
        "{human}"
    );
    assert!(
        human.contains(
            "\nJD Cloud API Gateway (API calls), API Gateway, OpenAPI (common errors) (5 entries)\n"
        ),
        "{human}"
    );
}

#[test]
fn status_without_entries_exits_1_and_bad_status_exits_2() {
    assert_eq!(json(["status", "418"], 1)["matches"], serde_json::json!([]));
    let run = errcode(["status", "abc"]).expect_code(2);
    assert_eq!(
        run.stderr(),
        "errcode: invalid status \"abc\": expected three digits such as 429, or a class such as 4xx\n"
    );
}

#[test]
fn grep_searches_all_texts_with_flags() {
    let value = json(["grep", "x-date"], 0);
    let messages: Vec<&str> = value["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["message"].as_str().unwrap())
        .collect();
    // The three messages naming x-date, and entries whose fix mentions it; all Tencent's.
    for message in [
        "HMAC signature cannot be verified, a valid x-date header is required for HMAC Authentication",
        "HMAC signature cannot be verified, the x-date header is out of date for HMAC Authentication",
        "HMAC signature cannot be verified, a valid date or x-date header is required",
    ] {
        assert!(messages.contains(&message), "{message}");
    }
    // (Tencent's gateway messages are Kong's hmac-auth plugin's: Kong says them too.)
    assert!(
        rows(&value)
            .iter()
            .all(|r| r.0 == "tencent" || r.0 == "kong")
    );
    // Case matters unless -i.
    json(["grep", "X-DATE"], 1);
    assert_eq!(
        rows(&json(["grep", "-i", "X-DATE"], 0)).len(),
        messages.len()
    );
    let zh = rows(&json(["grep", "流控"], 0));
    assert!(zh.iter().any(|r| r.1.as_deref() == Some("APIG.0308")));
    // -F takes regex syntax literally.
    let literal = rows(&json(["grep", "-F", "uri[{uri}]"], 0));
    assert_eq!(literal, [("tencent".to_string(), None, 404)]);
    assert!(
        rows(&json(["grep", "^APIG\\.02"], 0)).iter().all(|r| r
            .1
            .as_deref()
            .unwrap()
            .starts_with("APIG.02"))
    );
    json(["grep", "no such text anywhere"], 1);
}

#[test]
fn grep_invalid_pattern_is_one_line_exit_2() {
    let run = errcode(["grep", "(unclosed"]).expect_code(2);
    assert_eq!(
        run.stderr(),
        "errcode: invalid pattern \"(unclosed\": unclosed group at column 1\n"
    );
    assert_eq!(run.stdout(), "");
}

#[test]
fn list_and_vendor_filter() {
    use errcode::catalog::{Catalogs, Vendor};
    // Per-catalog counts are the data tests' (data.rs); here, that list shows every entry of the vendors asked.
    let builtin = Catalogs::builtin();
    let entries_of = |vendors: &[Vendor]| -> usize {
        builtin
            .catalogs
            .iter()
            .filter(|c| vendors.contains(&c.vendor))
            .map(|c| c.entries.len())
            .sum()
    };
    assert_eq!(
        rows(&json(["list"], 0)).len(),
        entries_of(&builtin.vendors())
    );
    let value = json(["list", "--vendor", "jdcloud"], 0);
    assert_eq!(value["kind"], "list");
    assert_eq!(rows(&value).len(), entries_of(&[Vendor::Jdcloud]));
    let two = rows(&json(
        ["list", "--vendor", "jdcloud", "--vendor", "tencent"],
        0,
    ));
    assert_eq!(two.len(), entries_of(&[Vendor::Jdcloud, Vendor::Tencent]));
    // The filter applies to lookups too.
    json(["lookup", "APIG.0303", "--vendor", "alibaba"], 1);
    // Any loaded vendor is a value (issue 17 opened the list); another is a one-line error naming the
    // loaded vendors, with the closest.
    let run = errcode(["list", "--vendor", "tencnet"]).expect_code(2);
    let first_line = run.stderr().lines().next().unwrap_or_default().to_string();
    assert!(
        first_line.starts_with("errcode: unknown vendor `tencnet`; did you mean `tencent`? loaded vendors: huawei, alibaba, tencent, jdcloud"),
        "{}",
        run.stderr()
    );
    assert_eq!(run.stderr().lines().count(), 1, "{}", run.stderr());
    // The value is shown as typed: a backslash and `t` in it are not a tab.
    let run = errcode(["list", "--vendor", r"C:\temp"]).expect_code(2);
    assert!(
        run.stderr().contains(r"invalid value 'C:\temp'"),
        "{}",
        run.stderr()
    );
}

#[test]
fn catalogs_shows_each_catalog_with_its_counts_and_sources() {
    let out = stdout_at("200", &["catalogs"]);
    for id in [
        "huawei-apig",
        "alibaba-apigateway",
        "tencent-apigateway",
        "jdcloud-apigateway",
    ] {
        assert!(out.contains(id), "{id} in\n{out}");
    }
    let value = json(["catalogs"], 0);
    let list = value["catalogs"].as_array().unwrap();
    let counts: Vec<(&str, u64, bool)> = list
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["entries"].as_u64().unwrap(),
                c["builtin"].as_bool().unwrap(),
            )
        })
        .collect();
    let builtin = errcode::catalog::Catalogs::builtin();
    let expected: Vec<(&str, u64, bool)> = builtin
        .catalogs
        .iter()
        .map(|c| (c.id.as_str(), c.entries.len() as u64, true))
        .collect();
    assert_eq!(counts, expected);
    let by_id = |id: &str| {
        list.iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(by_id("huawei-apig")["sources"][0]["date"], "2024-01-15");
    assert!(
        by_id("huawei-apigw")["sources"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://support.huaweicloud.com/")
    );
}

#[test]
fn lang_selects_languages_and_labels() {
    let en = errcode(["APIG.0303", "--lang", "en"])
        .expect_code(0)
        .stdout();
    assert!(
        en.contains("  Meaning†  The app authentication information is incorrect.\n  Fix†"),
        "{en}"
    );
    assert!(!en.contains("APP认证信息错误"));
    let zh = errcode(["APIG.0303", "--lang", "zh"])
        .expect_code(0)
        .stdout();
    assert!(
        zh.starts_with("APIG.0303 · 401 Unauthorized · 华为云 API网关 (APIG)\n"),
        "{zh}"
    );
    assert!(zh.contains("  含义      APP认证信息错误\n"), "{zh}");
    assert!(!zh.contains("The app authentication information is incorrect."));
    let from_env = TestCommand::new()
        .args(["APIG.0303"])
        .env("ERRCODE_LANG", "en")
        .output()
        .expect_code(0)
        .stdout();
    assert_eq!(from_env, en);
    // The flag beats the environment.
    let flag = TestCommand::new()
        .args(["APIG.0303", "--lang", "zh"])
        .env("ERRCODE_LANG", "en")
        .output()
        .stdout();
    assert_eq!(flag, zh);
    let bad = TestCommand::new()
        .args(["APIG.0303"])
        .env("ERRCODE_LANG", "fr")
        .output()
        .expect_code(2);
    assert_eq!(
        bad.stderr(),
        "errcode: ERRCODE_LANG=\"fr\" is not a language errcode knows: use en, zh or both\n"
    );
    // An invalid --lang is clap's usage error.
    let bad = TestCommand::new()
        .args(["APIG.0303", "--lang", "fr"])
        .output()
        .expect_code(2);
    assert!(
        bad.stderr()
            .contains("invalid value 'fr' for '--lang <LANG>'"),
        "{}",
        bad.stderr()
    );
}

#[test]
fn colour_follows_flag_and_environment() {
    let has_ansi = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = TestCommand::new().args(args);
        for (k, v) in env {
            cmd = cmd.env(k, v);
        }
        cmd.output().expect_code(0).stdout().contains(ESC)
    };
    // Tests pipe stdout, so auto means no colour.
    assert!(!has_ansi(&["APIG.0303"], &[]));
    assert!(has_ansi(&["APIG.0303", "--color", "always"], &[]));
    assert!(has_ansi(
        &["APIG.0303", "--color", "always"],
        &[("NO_COLOR", "1")]
    ));
    assert!(has_ansi(&["APIG.0303"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!has_ansi(
        &["APIG.0303"],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(!has_ansi(&["APIG.0303"], &[("CLICOLOR_FORCE", "0")]));
    assert!(!has_ansi(
        &["APIG.0303", "--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    ));
    // JSON never carries colour.
    assert!(!has_ansi(
        &["APIG.0303", "--json", "--color", "always"],
        &[]
    ));
}

#[test]
fn many_matches_make_a_table_fitted_to_the_width() {
    for width in ["80", "120"] {
        let out = stdout_at(width, &["lookup", "APIG.0201"]);
        assert!(out.starts_with("┌"), "{out}");
        let widths: HashSet<usize> = out
            .lines()
            .take_while(|l| !l.starts_with("To see the fixes"))
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        // Every line of the table, Chinese included, has the same display width, within the terminal's.
        assert_eq!(widths.len(), 1, "ragged table:\n{out}");
        assert!(widths.into_iter().next().unwrap() <= width.parse().unwrap());
    }
}

use std::collections::HashSet;

#[test]
fn help_and_version_do_not_load_catalogs() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "id = ").unwrap();
    let help = TestCommand::new()
        .args(["--help"])
        .env("ERRCODE_CATALOG_PATH", &broken)
        .output()
        .expect_code(0);
    assert!(
        help.stdout()
            .contains("Usage: errcode [OPTIONS] [QUERY]...")
            && help.stdout().contains("Exit status: 0 found")
    );
    let version = TestCommand::new()
        .args(["--version"])
        .env("ERRCODE_CATALOG_PATH", &broken)
        .output()
        .expect_code(0);
    assert!(
        version
            .stdout()
            .starts_with(&format!("errcode {}\n", env!("CARGO_PKG_VERSION"))),
        "{}",
        version.stdout()
    );
    // The same broken catalog does stop a lookup.
    TestCommand::new()
        .args(["APIG.0303"])
        .env("ERRCODE_CATALOG_PATH", &broken)
        .output()
        .expect_code(2);
}

#[test]
fn usage_errors_exit_2() {
    let run = errcode(["lookup", "APIG.0303", "--bogus"]).expect_code(2);
    assert!(run.stderr().contains("unexpected argument '--bogus'"));
    errcode(["grep"]).expect_code(2);
    errcode(["status"]).expect_code(2);
}

/// A gateway drops a message's final full stop to append detail ("…in the environment: RELEASE"): the
/// message is still found, in a lookup and in a scanned line, though the catalog's wording ends with the
/// stop and its rarest word is the last one. (Its key was `environment.`, which the text does not hold.)
#[test]
fn a_message_followed_by_detail_instead_of_its_full_stop_is_found() {
    let text = "gateway said: The API does not exist or has not been published in the environment: RELEASE";
    let found = rows(&json(["lookup", text], 0));
    assert_eq!(
        found,
        [
            ("huawei".to_string(), Some("APIG.0101".to_string()), 404),
            ("huawei".to_string(), Some("APIGW.0101".to_string()), 404)
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    let log = crate::util::write(
        dir.path(),
        "gw.log",
        format!("2024-06-01 WARN gw: {text}\n"),
    );
    let count = TestCommand::new()
        .args(["scan", "--count"])
        .args([&log])
        .output()
        .expect_code(0)
        .stdout();
    assert_eq!(count, format!("{}:1\n", log.display()));
}
