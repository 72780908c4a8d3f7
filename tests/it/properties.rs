//! Property tests, a bounded number of cases each (they run in `cargo test`): the catalog loader, the query
//! classifier, the paste reader and the line scanner never panic, whatever they are given, and what they
//! report stays consistent with the input.

use errcode::catalog::{Catalogs, Origin, parse};
use errcode::matcher::Matcher;
use errcode::report::{BlockReport, Sink, Summary};
use errcode::scan::{self, Mode, Options};
use proptest::prelude::*;

const CATALOG: &str = r#"id = "acme"
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
message = "Missing {param} in {{literal}}."
meaning = { en = "{param} is missing.", zh = "缺少 {param}" }
fix = { en = "Add it.", zh = "添加" }
"#;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text built from the pieces pastes and logs are made of, so the cases reach deep into the readers.
fn pasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{\"error_code\":\"APIG.0303\",".to_string()),
        Just("\"error_msg\":\"Incorrect app authentication information: x\"".to_string()),
        Just("HTTP/1.1 401 Unauthorized\n".to_string()),
        Just("status=404 There is no api match uri[".to_string()),
        Just("\\\"".to_string()),
        Just("<Code>InvalidApi.NotFound</Code>".to_string()),
        Just("APIGW.0301".to_string()),
        Just(" UNAVAILABLE RATE_LIMIT_EXCEEDED ".to_string()),
        Just("参数 pageSize 取值不合法".to_string()),
        Just("成功 超时".to_string()),
        Just("\u{1b}[2J\u{202e}\0".to_string()),
        // The words the status reader starts from, and text that is not ASCII to stop its slices in.
        Just("GET /x ".to_string()),
        Just("POST ".to_string()),
        Just("HTTP ".to_string()),
        Just("HTTP Status: ".to_string()),
        Just("status code ".to_string()),
        Just(" 404 ".to_string()),
        Just("é".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

/// Loaded once for all cases, as are the matchers (their automata take a while to build).
static CATALOGS: std::sync::LazyLock<Catalogs> = std::sync::LazyLock::new(Catalogs::builtin);
static MATCHER: std::sync::LazyLock<Matcher<'static>> =
    std::sync::LazyLock::new(|| Matcher::new(&CATALOGS, &[]));
static BULK_MATCHER: std::sync::LazyLock<Matcher<'static>> =
    std::sync::LazyLock::new(|| Matcher::for_bulk(&CATALOGS, &[]));

proptest! {
    #![proptest_config(config())]

    #[test]
    fn catalog_loader_never_panics_on_any_text(text in "\\PC{0,400}") {
        let _ = parse(&text, Origin::File("p.toml".into()));
    }

    /// A valid catalog with a character inserted or removed anywhere: loaded, or an error whose line and
    /// column exist in the file.
    #[test]
    fn catalog_errors_point_inside_the_file(at in 0usize..CATALOG.len(), insert in prop::option::of("[\\x00-\\x7f{}\"=\\[\\]]")) {
        let mut text = CATALOG.to_string();
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
        match &insert {
            Some(c) => text.insert_str(at, c),
            None => { if at < text.len() { let c = text[at..].chars().next().unwrap(); text.replace_range(at..at + c.len_utf8(), ""); } }
        }
        if let Err(err) = parse(&text, Origin::File("p.toml".into())) {
            let message = err.to_string();
            let mut parts = message.splitn(4, ':');
            prop_assert_eq!(parts.next(), Some("p.toml"));
            let line: usize = parts.next().unwrap().parse().unwrap();
            let column: usize = parts.next().unwrap().parse().unwrap();
            let lines: Vec<&str> = text.split('\n').collect();
            prop_assert!(line >= 1 && line <= lines.len(), "line {} of {}", line, lines.len());
            prop_assert!(column >= 1 && column <= lines[line - 1].chars().count() + 1);
            prop_assert!(!message.contains('\n'), "one line: {}", message);
        }
    }

    #[test]
    fn lookups_never_panic(query in prop_oneof!["\\PC{0,80}", pasty()]) {
        let outcome = MATCHER.lookup(&query);
        // What a paste's evidence points at lies inside the paste.
        for m in &outcome.matches {
            for clue in &m.clues {
                prop_assert!(clue.start <= clue.end && clue.end <= query.len());
            }
        }
    }

    /// Pasty lines and any characters (control characters and NUL included), with bytes that are not UTF-8
    /// at the end, scanned: no panic, and every line is counted once, whatever its bytes or length.
    #[test]
    fn the_scanner_counts_every_line(lines in prop::collection::vec(prop_oneof![pasty(), "[\\x00-\\xff]{0,40}"], 0..40), final_newline in any::<bool>()) {
        let mut bytes: Vec<u8> = lines.join("\n").into_bytes();
        bytes.extend(b"\xff\xfe");
        if final_newline { bytes.push(b'\n'); }
        let expected = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + u64::from(!bytes.ends_with(b"\n"));
        let matcher = &*BULK_MATCHER;
        let options = Options { mode: Mode::Summary, recursive: false, threads: 1, binary: false, search_zip: false };
        let matched = scan::scan_stream(matcher, std::io::Cursor::new(bytes.clone()), "p", options, &mut Discard);
        prop_assert!(matched.is_ok());
        let summary = matched.unwrap();
        prop_assert_eq!(summary.lines, expected);
        prop_assert!(summary.matched_lines <= expected);
        // `--count` takes a shortcut where a code settles a line: it counts what the full reading reports.
        let options = Options { mode: Mode::Count, ..options };
        let matched = scan::scan_stream(matcher, std::io::Cursor::new(bytes.clone()), "p", options, &mut Discard);
        prop_assert!(matched.is_ok());
        let counted = matched.unwrap();
        prop_assert_eq!(counted.matched_lines, summary.matched_lines);
    }
}

/// A scan's sink that keeps nothing: the properties read the counts.
struct Discard;

impl Sink for Discard {
    fn block(&mut self, _: &str, _: &[u8], _: &BlockReport<'_>) -> std::io::Result<()> {
        Ok(())
    }
    fn input_done(&mut self, _: &str, _: u64) -> std::io::Result<()> {
        Ok(())
    }
    fn problem(&mut self, _: &errcode::error::Error) {}
    fn skipped(&mut self, _: &str, _: &str) {}
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn done(&mut self, _: &Summary) -> std::io::Result<()> {
        Ok(())
    }
}
