//! Data tests over the built-in catalogs, and the tricky rows the seed documents' README lists, resolved
//! through the library's matcher as `errcode lookup` resolves them.

use std::collections::HashSet;

use errcode::catalog::{Catalogs, Origin, Vendor, builtin_files, parse};
use errcode::matcher::{MatchedBy, Matcher, Outcome, QueryKind};

fn builtin() -> Catalogs {
    Catalogs::builtin()
}

fn lookup<'c>(catalogs: &'c Catalogs, query: &str) -> Outcome<'c> {
    Matcher::new(catalogs, &[]).lookup(query)
}

/// `(catalog id, code, status, message)` of each match.
fn summary(outcome: &Outcome<'_>) -> Vec<(String, Option<String>, u16, String)> {
    outcome
        .matches
        .iter()
        .map(|m| {
            (
                m.catalog.id.clone(),
                m.entry.code.as_ref().map(|c| c.source().to_string()),
                m.entry.status,
                m.entry.message.source().to_string(),
            )
        })
        .collect()
}

/// The built-in catalogs are loaded from statics `build.rs` writes; the TOML they come from passes the
/// full loader (every check a user's catalog gets), and the statics say exactly what it reads.
#[test]
fn built_in_statics_say_what_the_loader_reads() {
    let statics = Catalogs::builtin();
    let files = builtin_files();
    assert_eq!(files.len(), statics.catalogs.len());
    for (file, catalog) in files.iter().zip(&statics.catalogs) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("catalogs")
            .join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = parse(&text, Origin::Builtin(file)).unwrap_or_else(|e| panic!("{e}"));
        pretty_assertions::assert_eq!(loaded.canonical(), catalog.canonical(), "{file}");
    }
}

#[test]
fn catalogs_of_every_vendor_with_names_and_sources() {
    let catalogs = builtin();
    for &vendor in Vendor::known() {
        assert!(
            catalogs.catalogs.iter().any(|c| c.vendor.id() == vendor),
            "{vendor}"
        );
    }
    for c in &catalogs.catalogs {
        assert!(
            !c.vendor_name.zh.is_empty() && !c.product.zh.is_empty(),
            "{}",
            c.id
        );
        // A kept document (catalogs/sources/) or a public page, and with a page, its date or "undated".
        for s in &c.sources {
            assert!(
                s.document.is_some() || s.url.is_some(),
                "{}/{}: no document or page",
                c.id,
                s.id
            );
            if s.document.is_none() {
                assert!(
                    s.date.is_some() || s.title.contains("undated"),
                    "{}/{}: date the page or say undated",
                    c.id,
                    s.id
                );
            }
        }
    }
    let counts: Vec<(&str, usize)> = catalogs
        .catalogs
        .iter()
        .map(|c| (c.id.as_str(), c.entries.len()))
        .collect();
    assert_eq!(
        counts,
        [
            ("alibaba-apigateway-dataplane", 25),
            ("alibaba-apigateway-messages", 30),
            ("alibaba-apigateway", 48),
            ("alibaba-openapi", 53),
            ("apisix-gateway", 81),
            ("aws-apigateway-gateway-responses", 21),
            ("aws-apigateway-management", 7),
            ("aws-apigateway", 37),
            ("google-apis-global-domain", 13),
            ("google-apis-rpc-codes", 16),
            ("google-apis", 33),
            ("google-maps-web-services", 3),
            ("huawei-apig-management", 175),
            ("huawei-apig", 91),
            ("huawei-apigw", 54),
            ("jdcloud-apigateway-dataplane", 19),
            ("jdcloud-apigateway", 57),
            ("jdcloud-openapi", 1),
            ("kong-gateway", 102),
            ("tencent-api3-common", 42),
            ("tencent-apigateway-api3", 172),
            ("tencent-apigateway", 62),
        ]
    );
}

/// A message form with each placeholder filled with a sample value (`{param}` → `xparam`).
fn filled_sample(form: &errcode::template::Template) -> String {
    use errcode::template::{Captures, Segment, fill_text};
    let samples: Captures = form
        .segments()
        .iter()
        .filter_map(|s| match s {
            Segment::Placeholder(name) => Some((name.clone(), format!("x{name}"))),
            Segment::Literal(_) => None,
        })
        .collect();
    fill_text(form.source(), &samples)
}

/// Every entry of every catalog is found as a user would look it up: by its code, or (no code) by its
/// message with any placeholders filled in, with its status. An older edition's row whose message is its
/// newer row's is found as that row, whose card shows it beside (the two are one error, not two claims).
#[test]
fn every_entry_is_found_by_its_code_or_message() {
    let catalogs = builtin();
    let matcher = Matcher::new(&catalogs, &[]);
    let mut missing = Vec::new();
    for (catalog, entry) in catalogs.entries() {
        let form = &entry.message_forms()[0];
        let query = match entry.code.as_ref().and_then(|c| c.literal()) {
            Some(code) => code,
            None => filled_sample(form),
        };
        let newer = entry.edition_of.map(|i| catalog.entries.get(i).unwrap());
        let found_by = |query: &str| {
            matcher.lookup(query).matches.iter().any(|m| {
                (std::ptr::eq(m.entry, entry) && m.entry.status == entry.status)
                    || newer.is_some_and(|n| {
                        std::ptr::eq(m.entry, n) && n.message.source() == entry.message.source()
                    })
            })
        };
        // A code template whose message is another row's too (`MissingParameter.{param}`, whose message is
        // MissingParameter's): found by its code, filled in.
        let found = found_by(&query)
            || (entry.code.as_ref())
                .is_some_and(|code| code.literal().is_none() && found_by(&filled_sample(code)));
        if !found {
            missing.push(format!("{}/{} by {query:?}", catalog.id, entry.id));
        }
    }
    assert!(
        missing.is_empty(),
        "{} not found:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// A log scan reads only the lines its literal prefilter picks: every line the matcher would report must
/// be among them. Lines of every entry's code and every message form (placeholders filled), as a gateway
/// logs them, are each checked with and without the prefilter.
#[test]
fn the_scan_prefilter_keeps_every_line_the_matcher_reports() {
    let catalogs = builtin();
    let matcher = Matcher::for_bulk(&catalogs, &[]);
    let mut lines = Vec::new();
    for (_, entry) in catalogs.entries() {
        if let Some(code) = entry.code.as_ref().and_then(|c| c.literal()) {
            lines.push(format!("HTTP {} {{\"code\":\"{code}\"}}", entry.status));
        }
        for form in entry.message_forms() {
            let message = filled_sample(form);
            lines.push(format!(
                "HTTP {} {{\"message\":\"{message}\"}}",
                entry.status
            ));
            lines.push(format!("WARN gateway: {message}"));
        }
    }
    let block = lines.join("\n");
    let candidates: Vec<&str> = matcher
        .candidate_lines(block.as_bytes())
        .map(|range| &block[range])
        .collect();
    let reported: Vec<&str> = lines
        .iter()
        .filter(|line| {
            let (matches, referrals) = matcher.scan_line(line);
            !matches.is_empty() || !referrals.is_empty()
        })
        .map(String::as_str)
        .collect();
    assert!(reported.len() > 900, "{} lines reported", reported.len());
    let lost: Vec<&&str> = reported
        .iter()
        .filter(|line| !candidates.contains(line))
        .collect();
    assert!(lost.is_empty(), "{} lines lost:\n{lost:#?}", lost.len());
}

#[test]
fn every_entry_has_both_languages_and_compiling_templates() {
    let catalogs = builtin();
    for (catalog, entry) in catalogs.entries() {
        let name = format!("{}/{}", catalog.id, entry.id);
        for text in [
            &entry.meaning.en,
            &entry.meaning.zh,
            &entry.fix.en,
            &entry.fix.zh,
        ] {
            assert!(!text.trim().is_empty(), "{name}: empty text");
        }
        // The Chinese texts are Chinese and the English ones are not.
        let has_cjk = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(
            has_cjk(&entry.meaning.zh) && has_cjk(&entry.fix.zh),
            "{name}: zh text without Chinese"
        );
        // English may name a console label in Chinese, in passing; it must not be Chinese text.
        for text in [&entry.meaning.en, &entry.fix.en] {
            let cjk = text
                .chars()
                .filter(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                .count();
            assert!(
                cjk * 5 < text.chars().count(),
                "{name}: English text is mostly Chinese: {text}"
            );
        }
        // Every template compiles (a bad one would panic here, not in a user's run).
        for template in entry
            .code
            .iter()
            .chain([&entry.message])
            .chain(&entry.variants)
        {
            let _ = template.regex();
        }
    }
}

#[test]
fn no_duplicate_rows_or_ids() {
    let catalogs = builtin();
    for catalog in &catalogs.catalogs {
        let mut ids = HashSet::new();
        let mut rows = HashSet::new();
        for e in catalog.entries.iter() {
            assert!(ids.insert(&e.id), "{}: duplicate id {}", catalog.id, e.id);
            let row = (
                e.code.as_ref().map(|c| c.source()),
                e.status,
                e.message.source(),
            );
            assert!(rows.insert(row), "{}: duplicate row {row:?}", catalog.id);
        }
    }
}

#[test]
fn huawei_0101_keeps_all_three_rows() {
    let catalogs = builtin();
    let found = summary(&lookup(&catalogs, "APIG.0101"));
    let messages: Vec<&str> = found.iter().map(|r| r.3.as_str()).collect();
    assert_eq!(
        messages,
        [
            "The API does not exist or has not been published in the environment.",
            "The API does not exist.",
            "API not exist or not published in the environment.",
        ]
    );
}

#[test]
fn huawei_0201_keeps_seven_rows_and_the_older_wordings() {
    let catalogs = builtin();
    let outcome = lookup(&catalogs, "apig.0201");
    assert_eq!(outcome.kind, QueryKind::Code);
    let rows: Vec<(u16, String)> = summary(&outcome).into_iter().map(|r| (r.2, r.3)).collect();
    let current: Vec<(u16, &str)> = rows.iter().take(7).map(|(s, m)| (*s, m.as_str())).collect();
    assert_eq!(
        current,
        [
            (400, "API request error."),
            (413, "Request entity too large."),
            (414, "Request URI too large."),
            (494, "Request headers too large."),
            (502, "Backend unavailable."),
            (504, "Backend timeout."),
            (500, "An unexpected error occurred"),
        ]
    );
    let older: HashSet<(u16, &str)> = rows.iter().skip(7).map(|(s, m)| (*s, m.as_str())).collect();
    assert_eq!(
        older,
        HashSet::from([(400, "Bad request."), (503, "Backend unavailable.")])
    );
}

#[test]
fn the_message_picks_the_row_of_a_code_with_several() {
    let catalogs = builtin();
    let first = |q: &str| summary(&lookup(&catalogs, q)).into_iter().next().expect(q);
    assert_eq!(first("Request entity too large.").2, 413);
    assert_eq!(
        first("Request entity too large.").1.as_deref(),
        Some("APIG.0201")
    );
    // Older gateways still send the older wording, with the older status.
    assert_eq!(first("Backend not found.").2, 404);
    assert_eq!(first("The backend does not exist.").2, 500);
    assert_eq!(first("Token update required.").2, 403);
    assert_eq!(first("The token must be updated.").2, 401);
    // "Backend unavailable." is APIG.0201's wording (502, and 503 in the older edition; the APIGW table
    // says the same for APIGW.0201); APIG.0202 says "Backend unavailable", without the full stop the pasted
    // text has, so it is the lesser match.
    let unavailable: Vec<(Option<String>, u16)> =
        summary(&lookup(&catalogs, "Backend unavailable."))
            .into_iter()
            .map(|r| (r.1, r.2))
            .collect();
    assert_eq!(
        unavailable,
        [
            (Some("APIG.0201".into()), 502),
            (Some("APIGW.0201".into()), 502),
            (Some("APIG.0201".into()), 503)
        ]
    );
    let without_stop: Vec<Option<String>> = summary(&lookup(&catalogs, "Backend unavailable"))
        .into_iter()
        .map(|r| r.1)
        .collect();
    assert_eq!(
        without_stop.first().cloned().flatten().as_deref(),
        Some("APIG.0202")
    );
}

#[test]
fn editions_that_differ_are_linked_and_identical_rows_merged() {
    let catalogs = builtin();
    let huawei = catalogs
        .catalogs
        .iter()
        .find(|c| c.id == "huawei-apig")
        .unwrap();
    let by_id = |id: &str| {
        huawei
            .entries
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let legacy = huawei
        .entries
        .iter()
        .filter(|e| e.edition_of.is_some())
        .count();
    assert_eq!(legacy, 20, "older-edition rows that differ");
    let merged = huawei
        .entries
        .iter()
        .filter(|e| e.sources.len() == 2)
        .count();
    assert_eq!(merged, 15, "older-edition rows identical to a 2024 row");
    // Every older row points at a 2024 row with the same code.
    for e in huawei.entries.iter().filter(|e| e.edition_of.is_some()) {
        let newer = huawei.entries.get(e.edition_of.unwrap()).unwrap();
        assert_eq!(
            newer.code.as_ref().unwrap().source(),
            e.code.as_ref().unwrap().source(),
            "{}",
            e.id
        );
        assert_eq!(huawei.sources[newer.sources[0]].id, "2024");
    }
    assert_eq!(by_id("apig-0106").sources.len(), 2);
}

#[test]
fn jdcloud_failed_precondition_has_two_statuses() {
    let catalogs = builtin();
    // (Google's canonical code of the same name follows JD Cloud's rows: the four clouds come first.)
    let statuses: Vec<(String, u16)> = summary(&lookup(&catalogs, "FAILED_PRECONDITION"))
        .iter()
        .map(|r| (r.0.clone(), r.2))
        .collect();
    assert_eq!(
        statuses,
        [
            ("jdcloud-apigateway".to_string(), 400),
            ("jdcloud-apigateway".to_string(), 409),
            ("google-apis-rpc-codes".to_string(), 400)
        ]
    );
}

#[test]
fn templates_fill_from_pasted_codes_and_messages() {
    let catalogs = builtin();
    let cases: [(&str, &str, &str, &str); 7] = [
        ("MissingGroupId", "Missing{param}", "param", "GroupId"),
        (
            "InvalidApiName.LengthLimit",
            "Invalid{param}.LengthLimit",
            "param",
            "ApiName",
        ),
        ("NotFoundApiGroup", "NotFound{param}", "param", "ApiGroup"),
        (
            "There is no api match uri[/v1/orders]",
            "",
            "uri",
            "/v1/orders",
        ),
        ("header x-tenant is required", "", "header", "x-tenant"),
        (
            "参数 page 不支持",
            "ARGUMENT_NOT_SUPPORT",
            "argument",
            "page",
        ),
        (
            "HMAC algorithm hmac-md5 not supported",
            "",
            "algorithm",
            "hmac-md5",
        ),
    ];
    for (query, code, name, value) in cases {
        let outcome = lookup(&catalogs, query);
        let best = outcome
            .matches
            .first()
            .unwrap_or_else(|| panic!("{query}: nothing found"));
        if !code.is_empty() {
            assert_eq!(
                best.entry.code.as_ref().map(|c| c.source()),
                Some(code),
                "{query}"
            );
        }
        assert_eq!(
            best.captures.get(name).map(String::as_str),
            Some(value),
            "{query}"
        );
    }
}

#[test]
fn an_exact_code_beats_a_template_that_also_fits() {
    let catalogs = builtin();
    for code in [
        "MissingSecurityToken",
        "InvalidApiDefault",
        "MissingAppIdOrAppOwner",
    ] {
        let outcome = lookup(&catalogs, code);
        let codes: Vec<Option<String>> = summary(&outcome).into_iter().map(|r| r.1).collect();
        assert_eq!(codes, [Some(code.to_string())], "{code}");
        assert_eq!(outcome.matches[0].matched_by, MatchedBy::Code);
    }
}

#[test]
fn alibaba_template_written_twice_gives_both_rows() {
    let catalogs = builtin();
    let messages: Vec<String> = summary(&lookup(&catalogs, "MissingGroupId"))
        .into_iter()
        .map(|r| r.3)
        .collect();
    assert_eq!(
        messages,
        [
            "The {param} is mandatory for this action.",
            "{param} is mandatory for this action."
        ]
    );
    let messages: Vec<String> = summary(&lookup(&catalogs, "InvalidGroupId"))
        .into_iter()
        .map(|r| r.3)
        .collect();
    assert_eq!(
        messages,
        [
            "The specified parameter {param} value is not valid.",
            "Specified parameter {param} is not valid."
        ]
    );
}

/// A message a vendor's table copied onto another code by mistake names its owner alone (the copy would be
/// a false claim); the copy's own code still finds its row, with the note that says so.
#[test]
fn a_copied_message_names_its_owner_alone() {
    let catalogs = builtin();
    let outcome = lookup(
        &catalogs,
        "Specified signature is not matched with our calculation.",
    );
    let codes: Vec<Option<String>> = summary(&outcome).into_iter().map(|r| r.1).collect();
    assert_eq!(codes, [Some("SignatureDoesNotMatch".into())]);
    let outcome = lookup(&catalogs, "UnsupportedHTTPMethod");
    let copy = (outcome.matches.iter())
        .find(|m| m.entry.doubtful_message)
        .expect("the API Gateway table's row");
    assert!(copy.entry.note.is_some());
}

#[test]
fn tencent_two_messages_in_one_row_and_again_under_426() {
    let catalogs = builtin();
    for message in [
        "Not allow use HTTPS protocol",
        "Not allow use HTTP protocol",
    ] {
        let statuses: Vec<u16> = summary(&lookup(&catalogs, message))
            .iter()
            .map(|r| r.2)
            .collect();
        assert!(
            statuses.contains(&404) && statuses.contains(&426),
            "{message}: {statuses:?}"
        );
    }
    // The template row fills the protocol in.
    let outcome = lookup(&catalogs, "Not allow use WS protocol");
    assert_eq!(outcome.matches.len(), 1);
    assert_eq!(outcome.matches[0].entry.status, 426);
    assert_eq!(outcome.matches[0].captures["protocol"], "WS");
}

#[test]
fn tencent_literal_braces_are_not_placeholders() {
    let catalogs = builtin();
    let outcome = lookup(
        &catalogs,
        "Only support the map_from like method.req.{path}.{}, but",
    );
    let best = &outcome.matches[0];
    assert_eq!(best.matched_by, MatchedBy::Message);
    assert_eq!(best.entry.status, 481);
    assert!(best.captures.is_empty());
    assert!(
        lookup(
            &catalogs,
            "Only support the map_from like method.req.abc.def, but"
        )
        .matches
        .iter()
        .all(|m| m.matched_by != MatchedBy::Message)
    );
}

#[test]
fn codes_and_statuses_ignore_case_quotes_and_spaces() {
    let catalogs = builtin();
    for query in ["APIG.0303", "apig.0303", "  'APIG.0303' ", "\"APIG.0303\""] {
        let outcome = lookup(&catalogs, query);
        assert_eq!(outcome.kind, QueryKind::Code, "{query:?}");
        assert_eq!(
            outcome.query.to_uppercase(),
            "APIG.0303",
            "quotes and spaces are dropped"
        );
        assert_eq!(
            outcome.matches[0].entry.code.as_ref().unwrap().source(),
            "APIG.0303"
        );
    }
    assert_eq!(lookup(&catalogs, "'429'").kind, QueryKind::Status);
}

#[test]
fn chinese_fragments_find_meanings_and_messages() {
    let catalogs = builtin();
    let outcome = lookup(&catalogs, "后端超时");
    assert_eq!(outcome.kind, QueryKind::Message);
    let codes: Vec<Option<String>> = summary(&outcome).into_iter().map(|r| r.1).collect();
    assert!(codes.contains(&Some("APIG.0203".into())), "{codes:?}");
    let outcome = lookup(&catalogs, "请求过频繁");
    assert_eq!(
        outcome.matches[0].entry.code.as_ref().unwrap().source(),
        "RATE_LIMIT_EXCEEDED"
    );
}

#[test]
fn typo_codes_get_suggestions_across_vendors() {
    let catalogs = builtin();
    let outcome = lookup(&catalogs, "APIG.0330");
    assert!(outcome.matches.is_empty());
    assert_eq!(outcome.kind, QueryKind::Code);
    assert_eq!(
        outcome.suggestions.first().map(String::as_str),
        Some("APIG.0303")
    );
    let outcome = lookup(&catalogs, "RATE_LIMIT_EXCEDED");
    assert_eq!(
        outcome.suggestions.first().map(String::as_str),
        Some("RATE_LIMIT_EXCEEDED")
    );
    let outcome = lookup(&catalogs, "SignatureDoesNotMach");
    assert_eq!(
        outcome.suggestions.first().map(String::as_str),
        Some("SignatureDoesNotMatch")
    );
}
