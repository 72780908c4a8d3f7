//! Problem families: the data (every member exists, once), the seed entries of each listed problem, and
//! the `family` command and card section through the binary.

use std::collections::HashSet;

use errcode::catalog::Catalogs;
use errcode::family::Families;

use crate::util::{errcode, json, stdout_at};

#[test]
fn every_member_exists_once_and_families_span_vendors() {
    let catalogs = Catalogs::builtin();
    let families = Families::builtin();
    assert!(families.families.len() >= 14);
    let mut seen = HashSet::new();
    for f in &families.families {
        assert!(!f.checklist.is_empty(), "{}", f.id);
        for text in std::iter::once(&f.name)
            .chain([&f.explanation])
            .chain(&f.checklist)
        {
            assert!(
                !text.en.trim().is_empty() && !text.zh.trim().is_empty(),
                "{}",
                f.id
            );
        }
        let members = f.loaded_members(&catalogs);
        assert_eq!(
            members.len(),
            f.members().count(),
            "{}: a member names no entry",
            f.id
        );
        for (c, e) in f.members() {
            assert!(seen.insert((c, e)), "{c}/{e} is in two families");
        }
        let vendors: HashSet<_> = members.iter().map(|(c, _)| c.vendor).collect();
        assert!(vendors.len() >= 2, "{}: one vendor only", f.id);
        // An older edition's row is with its newer row.
        for (catalog, entry) in &members {
            if let Some(newer) = entry.edition_of {
                let newer = catalog.entries.get(newer).unwrap();
                assert!(
                    f.members().any(|m| m == (catalog.id.as_str(), &*newer.id))
                        || members.iter().any(|(_, e)| e.id == newer.id),
                    "{}: {} without {}",
                    f.id,
                    entry.id,
                    newer.id
                );
            }
        }
    }
}

/// For the problems the issue lists, the entries of the five seed documents that are that problem (family id,
/// then `catalog/entry` ids).
const SEED_MEMBERS: &[(&str, &[&str])] = &[
    (
        "signature-mismatch",
        &[
            "huawei-apig/apig-0303",
            "huawei-apig/apig-0303-legacy",
            "alibaba-apigateway/signaturedoesnotmatch",
            "tencent-apigateway/hmac-signature-mismatch",
        ],
    ),
    (
        "clock-skew",
        &[
            "alibaba-apigateway/invalidtimestamp.format",
            "alibaba-apigateway/invalidtimestamp.expired",
            "tencent-apigateway/hmac-x-date-header-required",
            "tencent-apigateway/hmac-x-date-out-of-date",
            "tencent-apigateway/hmac-date-or-x-date-required",
        ],
    ),
    (
        "throttling",
        &[
            "huawei-apig/apig-0308",
            "huawei-apig/apig-0308-legacy",
            "alibaba-apigateway/throttling.user",
            "alibaba-apigateway/throttling.api",
            "tencent-apigateway/rate-limit-exceeded",
            "jdcloud-apigateway/rate-limit-exceeded",
        ],
    ),
    (
        "quota",
        &[
            "huawei-apig/apig-0501",
            "huawei-apig/apig-0501-legacy",
            "tencent-apigateway/quota-exceeded",
            "jdcloud-apigateway/quota-exceeded",
        ],
    ),
    (
        "api-not-found",
        &[
            "huawei-apig/apig-0101-not-published",
            "huawei-apig/apig-0101-method",
            "huawei-apig/apig-0101-not-published-legacy",
            "alibaba-apigateway/invalidapi.notfound",
            "tencent-apigateway/no-api-match-uri",
            "tencent-apigateway/no-api-found",
        ],
    ),
    (
        "backend-unavailable",
        &[
            "huawei-apig/apig-0201-502",
            "huawei-apig/apig-0201-503-legacy",
            "huawei-apig/apig-0202",
            "huawei-apig/apig-0610",
            "tencent-apigateway/bad-gateway",
            "jdcloud-apigateway/source-unavailable",
        ],
    ),
    (
        "backend-timeout",
        &[
            "huawei-apig/apig-0201-504",
            "huawei-apig/apig-0203",
            "tencent-apigateway/gateway-timeout",
            "jdcloud-apigateway/deadline-exceeded",
        ],
    ),
    (
        "ip-denied",
        &[
            "huawei-apig/apig-0401",
            "huawei-apig/apig-0402",
            "huawei-apig/apig-0402-legacy",
            "huawei-apig/apig-0405",
        ],
    ),
    (
        "request-too-large",
        &[
            "huawei-apig/apig-0201-413",
            "huawei-apig/apig-0201-414",
            "huawei-apig/apig-0201-494",
        ],
    ),
    (
        "credentials",
        &[
            "huawei-apig/apig-0301",
            "alibaba-apigateway/invalidaccesskeyid.notfound",
            "alibaba-apigateway/invalidaccesskeyid.inactive",
            "jdcloud-apigateway/unauthenticated",
        ],
    ),
];

/// For the problems the issue lists, every entry of the five documents that is that problem is in its family.
#[test]
fn the_seed_entries_of_each_listed_problem_are_in_its_family() {
    let families = Families::builtin();
    for (id, members) in SEED_MEMBERS {
        let family = families
            .find(id)
            .unwrap_or_else(|| panic!("no family {id}"));
        for member in *members {
            let (c, e) = member.split_once('/').unwrap();
            assert!(
                family.members().any(|m| m == (c, e)),
                "{member} not in {id}"
            );
        }
    }
}

#[test]
fn family_lists_and_shows_one() {
    let value = json(["family"], 0);
    let list = value["families"].as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert!(
        ids.contains(&"signature-mismatch") && ids.contains(&"throttling"),
        "{ids:?}"
    );
    let table = stdout_at("120", &["family", "--lang", "en"]);
    assert!(
        table.contains("signature-mismatch") && table.contains("Signature mismatch"),
        "{table}"
    );

    let one = json(["family", "throttling"], 0);
    assert_eq!(one["family"]["id"], "throttling");
    assert!(one["family"]["checklist"].as_array().unwrap().len() >= 3);
    let codes: Vec<&str> = one["matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"APIG.0308")
            && codes.contains(&"Throttling.User")
            && codes.contains(&"RATE_LIMIT_EXCEEDED"),
        "{codes:?}"
    );
    // By name too, in either language; an unknown one lists the ids.
    assert_eq!(
        json(["family", "Signature mismatch"], 0)["family"]["id"],
        "signature-mismatch"
    );
    assert_eq!(
        json(["family", "签名不一致"], 0)["family"]["id"],
        "signature-mismatch"
    );
    let run = errcode(["family", "no-such-family"]).expect_code(1);
    assert!(
        run.stderr()
            .starts_with("errcode: no family \"no-such-family\"; families: "),
        "{}",
        run.stderr()
    );

    let human = stdout_at("120", &["family", "clock-skew", "--lang", "en"]);
    assert!(
        human.starts_with("Timestamp expired or invalid (clock-skew)\n"),
        "{human}"
    );
    assert!(human.contains("  Checklist 1. "), "{human}");
    assert!(human.contains("errcode's own, not any vendor's"), "{human}");
}

#[test]
fn cards_show_the_family_and_the_same_problem_elsewhere() {
    let card = stdout_at("200", &["SignatureDoesNotMatch", "--lang", "en"]);
    assert!(
        card.contains("  Family    Signature mismatch (errcode's checklist)\n            1. "),
        "{card}"
    );
    let elsewhere = card
        .lines()
        .find(|l| l.starts_with("  Elsewhere "))
        .unwrap_or_else(|| panic!("{card}"));
    assert!(
        elsewhere.contains("huawei APIG.0303 401")
            && elsewhere.contains("tencent \"HMAC signature does not match\" 401"),
        "{elsewhere}"
    );
    assert!(
        !elsewhere.contains("alibaba"),
        "the entry's own vendor is not 'elsewhere': {elsewhere}"
    );
    assert_eq!(
        elsewhere.matches("huawei APIG.0303 401").count(),
        1,
        "two editions shown once"
    );
    // Several cards of one family: the checklist once, with the first; the others point to it.
    // (Huawei's three timeout rows: other vendors' timeouts would make a table.)
    let cards = stdout_at(
        "200",
        &["lookup", "timeout", "--lang", "en", "--vendor", "huawei"],
    );
    let family_lines: Vec<&str> = cards
        .lines()
        .filter(|l| l.starts_with("  Family "))
        .collect();
    assert!(family_lines.len() >= 2, "{cards}");
    assert_eq!(
        family_lines[0],
        "  Family    Backend timeout (errcode's checklist)"
    );
    assert!(
        family_lines[1..]
            .iter()
            .all(|l| *l == "  Family    Backend timeout (errcode's checklist: above)"),
        "{cards}"
    );
    assert_eq!(cards.matches("\n            1. ").count(), 1, "{cards}");
    // JSON carries the family.
    let value = json(["SignatureDoesNotMatch"], 0);
    assert_eq!(value["matches"][0]["family"]["id"], "signature-mismatch");
    assert_eq!(
        json(["EqualSignature"], 0)["matches"][0]["family"],
        serde_json::Value::Null
    );
}
