//! The evaluation corpus: real pastes from public sources (`tests/corpus/`), collected by helpers who had
//! not read the matcher. `tune/` may be tuned on: the first collection (split by a hash of each file before
//! anyone looked), with its held-out part added once it had been measured and reported, and the second to
//! twenty-second collections, added likewise: 2,427 pastes.
//! `heldout/` is for the next collection, from sources none of them used, never tuned on: only measured
//! (precision and recall per vendor, printed by `cargo test corpus -- --nocapture`); it is empty until one
//! comes.
//!
//! Each file:
//!
//! ```text
//! #! source: <public address> (<title>, <date>)
//! #! expect: <vendor> <CODE or -> <status or ?> ["<message, for an error without a code>"]
//! #! expect: none                       (a look-alike: nothing of the catalogs' vendors may be claimed)
//! #! origin: <what a look-alike really is>
//! #! ---
//! the paste, verbatim
//! ```

use std::collections::BTreeMap;

use errcode::catalog::Catalogs;
use errcode::matcher::Matcher;
use errcode::template::fill_text;

/// One error a case names.
#[derive(Debug, Clone)]
struct Expected {
    vendor: String,
    code: Option<String>,
    status: Option<u16>,
    message: Option<String>,
}

struct Case {
    name: String,
    expected: Vec<Expected>,
    paste: String,
}

/// One error errcode claims in a paste.
#[derive(Debug, Clone)]
struct Claim {
    vendor: String,
    /// The code as filled in (`Missing{param}` → `MissingGroupId`), if the entry has one.
    code: Option<String>,
    status: u16,
    /// The message as filled in from the paste, and as the vendor's table writes it (placeholders and
    /// all), which a label may give instead (`No credentials found for given '{claim}'`).
    message: String,
    template: String,
}

fn parse_expected(line: &str) -> Option<Expected> {
    let line = line.trim();
    if line == "none" {
        return None;
    }
    let (head, message) = match line.find('"') {
        Some(at) => (&line[..at], Some(line[at..].trim_matches('"').to_string())),
        None => (line, None),
    };
    let mut words = head.split_whitespace();
    let vendor = words.next().unwrap_or_default().to_string();
    let code = words.next().filter(|c| *c != "-").map(str::to_string);
    let status = words.next().and_then(|s| s.parse().ok());
    Some(Expected {
        vendor,
        code,
        status,
        message,
    })
}

fn corpus(part: &str) -> Vec<Case> {
    crate::util::paste_files(&format!("corpus/{part}"))
        .into_iter()
        .map(|(name, header, paste)| Case {
            name,
            expected: (header.lines())
                .filter_map(|l| l.strip_prefix("#! expect:"))
                .filter_map(parse_expected)
                .collect(),
            paste,
        })
        .collect()
}

fn claims(matcher: &Matcher<'_>, paste: &str) -> Vec<Claim> {
    let outcome = matcher.lookup(paste);
    let mut claims: Vec<Claim> = outcome
        .matches
        .iter()
        .map(|m| Claim {
            vendor: m.catalog.vendor.id().to_string(),
            code: m
                .entry
                .code
                .as_ref()
                .map(|c| fill_text(c.source(), &m.captures)),
            // The status errcode says the error came with: the paste's own where it states another than
            // the vendor's table (the card's `Status` line, JSON's `stated_status`).
            status: m.stated_status.unwrap_or(m.entry.status),
            message: fill_text(m.entry.message.source(), &m.captures),
            template: m.entry.message.source().to_string(),
        })
        .collect();
    claims.extend(outcome.referrals.iter().map(|r| Claim {
        vendor: r.catalog.vendor.id().to_string(),
        code: Some(r.code.clone()),
        status: 0,
        message: String::new(),
        template: String::new(),
    }));
    claims
}

fn fold(text: &str) -> String {
    text.to_lowercase()
        .trim()
        .trim_end_matches('.')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a claim names an expected error: its vendor, its code (any case), or for an error without a
/// code its message (either containing the other; the message filled in from the paste, or as the table
/// writes it, where the label gives the vendor's template); and its status where the case states one.
fn names(claim: &Claim, expected: &Expected) -> bool {
    if claim.vendor != expected.vendor {
        return false;
    }
    let same = match (&expected.code, &claim.code) {
        (Some(code), Some(claimed)) => code.eq_ignore_ascii_case(claimed),
        (Some(_), None) => false,
        (None, _) => expected.message.as_ref().is_some_and(|message| {
            let a = fold(message);
            [&claim.message, &claim.template]
                .into_iter()
                .any(|claimed| {
                    let b = fold(claimed);
                    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
                })
        }),
    };
    same && expected
        .status
        .is_none_or(|s| claim.status == 0 || claim.status == s)
}

/// Per vendor: errors expected, errors named, claims made, claims right.
#[derive(Default, Debug, Clone, Copy)]
struct Tally {
    expected: u32,
    recalled: u32,
    claimed: u32,
    right: u32,
}

struct Scored {
    per_vendor: BTreeMap<String, Tally>,
    /// Cases with an expected error not named, or a wrong claim.
    wrong: Vec<String>,
}

fn score(cases: &[Case], matcher: &Matcher<'_>) -> Scored {
    let mut per_vendor: BTreeMap<String, Tally> = BTreeMap::new();
    let mut wrong = Vec::new();
    for case in cases {
        let claims = claims(matcher, &case.paste);
        if std::env::var("ERRCODE_SHOW_CASE")
            .is_ok_and(|p| !p.is_empty() && case.name.starts_with(&p))
        {
            println!("{}: {claims:#?}", case.name);
        }
        let mut problems = Vec::new();
        for e in &case.expected {
            let tally = per_vendor.entry(e.vendor.clone()).or_default();
            tally.expected += 1;
            if claims.iter().any(|c| names(c, e)) {
                tally.recalled += 1;
            } else {
                problems.push(format!("missed {e:?}"));
            }
        }
        for c in &claims {
            // A claim is right when it names an expected error, or says the very message of one that does
            // (a message several vendors share, shown for each when nothing tells them apart).
            let right = case.expected.iter().any(|e| names(c, e))
                || claims.iter().any(|other| {
                    other.vendor != c.vendor
                        && fold(&other.message) == fold(&c.message)
                        && case.expected.iter().any(|e| names(other, e))
                });
            let tally = per_vendor.entry(c.vendor.clone()).or_default();
            tally.claimed += 1;
            if right {
                tally.right += 1;
            } else {
                problems.push(format!("wrong claim {c:?}"));
            }
        }
        if !problems.is_empty() {
            wrong.push(format!("{}:\n  {}", case.name, problems.join("\n  ")));
        }
    }
    Scored { per_vendor, wrong }
}

fn table(title: &str, scored: &Scored) -> String {
    let mut out = format!(
        "{title}\n| vendor | errors | named | recall | claims | right | precision |\n| --- | --- | --- | --- | --- | --- | --- |\n"
    );
    let mut total = Tally::default();
    let percent = |a: u32, b: u32| {
        if b == 0 {
            "—".to_string()
        } else {
            format!("{:.1}%", 100.0 * f64::from(a) / f64::from(b))
        }
    };
    for (vendor, t) in &scored.per_vendor {
        out += &format!(
            "| {vendor} | {} | {} | {} | {} | {} | {} |\n",
            t.expected,
            t.recalled,
            percent(t.recalled, t.expected),
            t.claimed,
            t.right,
            percent(t.right, t.claimed)
        );
        total.expected += t.expected;
        total.recalled += t.recalled;
        total.claimed += t.claimed;
        total.right += t.right;
    }
    out += &format!(
        "| all | {} | {} | {} | {} | {} | {} |\n",
        total.expected,
        total.recalled,
        percent(total.recalled, total.expected),
        total.claimed,
        total.right,
        percent(total.right, total.claimed)
    );
    out
}

static CATALOGS: std::sync::LazyLock<Catalogs> = std::sync::LazyLock::new(Catalogs::builtin);

/// The tuning part, scored as the held-out one is: each expected error found (vendor, code or message,
/// status) counts for recall, each claim that names one for precision; a look-alike's claims are wrong.
/// The floors are today's figures (recall 87.1%, precision 96.1% on the 2,427 pastes, the twenty-two earlier
/// held-out sets included: 1,371 of 1,574 errors, 1,568 of 1,631 claims; eight pastes of a cloud service's own
/// error code, once labelled look-alikes, are that vendor's, as the later sets label such pastes: their
/// `#! relabelled:` lines say so), so that a change that loses accuracy
/// fails here; the goal (every case named
/// exactly: precision 98%, recall 95%) is not reached yet. `ERRCODE_SHOW_TUNE=1` lists the misses.
/// `ERRCODE_SHOW_CASE=<start of a file name>` prints that case's claims.
#[test]
fn the_tuning_corpus_keeps_its_accuracy() {
    let matcher = Matcher::new(&CATALOGS, &[]);
    let cases = corpus("tune");
    assert!(cases.len() >= 150, "{} cases", cases.len());
    let scored = score(&cases, &matcher);
    println!("{}", table("tuning corpus", &scored));
    if std::env::var_os("ERRCODE_SHOW_TUNE").is_some() {
        println!("{}", scored.wrong.join("\n"));
    }
    let all = scored
        .per_vendor
        .values()
        .fold(Tally::default(), |a, t| Tally {
            expected: a.expected + t.expected,
            recalled: a.recalled + t.recalled,
            claimed: a.claimed + t.claimed,
            right: a.right + t.right,
        });
    let recall = f64::from(all.recalled) / f64::from(all.expected);
    let precision = f64::from(all.right) / f64::from(all.claimed);
    assert!(
        recall >= 0.8710 && precision >= 0.9613,
        "recall {recall:.4}, precision {precision:.4}; cases wrong:\n{}",
        scored.wrong.join("\n")
    );
}

/// The held-out part is measured, not asserted case by case: it must not be tuned on. Run
/// `cargo test corpus -- --nocapture` for its table. What it asserts is only that it was read and scored.
#[test]
fn the_held_out_corpus_is_measured() {
    let matcher = Matcher::new(&CATALOGS, &[]);
    let cases = corpus("heldout");
    // Between collections (the last one joined `tune/` once measured) the folder holds no paste: there is
    // nothing to measure until the next collection comes. A collection, once there, must be a real one.
    if cases.is_empty() {
        println!("held-out corpus: no pastes (awaiting the next collection)");
        return;
    }
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let scored = score(&cases, &matcher);
    println!("{}", table("held-out corpus", &scored));
    if std::env::var_os("ERRCODE_SHOW_HELDOUT").is_some() {
        println!("{}", scored.wrong.join("\n"));
    }
    let errors: u32 = scored.per_vendor.values().map(|t| t.expected).sum();
    assert!(errors > 0);
}
