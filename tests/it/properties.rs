//! Property tests, a bounded number of cases each (they run in `cargo test`): the catalog loader, the query
//! classifier, the paste reader and the line scanner never panic, whatever they are given, and what they
//! report stays consistent with the input; human output never holds a control or invisible character of
//! the input raw; and, through the binary, a damaged cache file (its checksum recomputed) or any bytes to
//! `scan -z` never make errcode panic, hang or fail.
//!
//! `ERRCODE_PROPTEST_CASES=N cargo test properties` runs N cases of each instead (a longer fuzzing run).

use crate::util::Discard;
use std::sync::LazyLock;

use errcode::catalog::{Catalogs, Origin, parse};
use errcode::matcher::Matcher;
use errcode::render::{Lang, Look};
use errcode::scan::{self, Mode, Options};
use errcode::style::Palette;
use errcode::template::needs_escape;
use proptest::prelude::*;

use crate::robustness::{CacheFile, Cached};

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

/// `cases` cases, or `ERRCODE_PROPTEST_CASES` of them.
fn config_of(cases: u32) -> ProptestConfig {
    let cases = std::env::var("ERRCODE_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn config() -> ProptestConfig {
    config_of(96)
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
static CATALOGS: LazyLock<Catalogs> = LazyLock::new(Catalogs::builtin);
static MATCHER: LazyLock<Matcher<'static>> = LazyLock::new(|| Matcher::new(&CATALOGS, &[]));
static BULK_MATCHER: LazyLock<Matcher<'static>> =
    LazyLock::new(|| Matcher::for_bulk(&CATALOGS, &[]));

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

/// Characters no human output may hold raw (all `needs_escape` names, white space aside, and the few
/// white-space controls errcode does not print itself).
fn raw_hidden(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| needs_escape(c) && c != '\n')
        .collect()
}

/// Hidden and control characters mixed into pasty text.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        pasty(),
        Just("\u{1b}]52;c;ZXZpbA==\u{7}".to_string()),
        Just(
            "\u{9b}31m\u{200e}\u{200f}\u{61c}\u{200b}\u{2060}\u{feff}\u{ad}\u{e0041}\u{2028}"
                .to_string()
        ),
        "[\\x00-\\x1f\\x7f-\\x9f]{1,4}",
        "[\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2060}-\u{206f}]{1,3}",
    ];
    prop::collection::vec(piece, 1..12).prop_map(|p| p.concat())
}

/// The big catalog's cache, made once: the TOML's answers to `QUERIES`, and the good cache file.
struct CacheFixture {
    cached: Cached,
    good: Vec<u8>,
    file: CacheFile,
    /// Per query: (exit status, stdout) from the TOML.
    expected: Vec<(i32, String)>,
    /// Where the body's text pool ends: the entries' texts, the codes in lower case, then the header's
    /// texts, the last of them the source's title.
    pool_end: usize,
}

const QUERIES: [&[&str]; 4] = [
    &["--json", "ACME.0042"],
    &["--json", "ACME.LAST"],
    &["--json", "status", "403"],
    &["--json", "lookup", "ACME.0017", "acme.0400"],
];

static CACHE: LazyLock<CacheFixture> = LazyLock::new(|| {
    let cached = Cached::new(700);
    let good = std::fs::read(&cached.cache_file).unwrap();
    let expected = QUERIES
        .iter()
        .map(|q| {
            // Each answer from the TOML: the cache file removed first (and written again by the run).
            std::fs::remove_file(&cached.cache_file).unwrap();
            let run = cached.run(q);
            (run.code(), run.stdout())
        })
        .collect();
    assert_eq!(
        std::fs::read(&cached.cache_file).unwrap(),
        good,
        "packing is deterministic"
    );
    let file = CacheFile::split(&good);
    // (Not the last code, `acme.last`: the header's texts follow the codes, and a byte changed in them, a
    // text like any other, was taken for damage past the pool in one run of forty-eight.)
    let last = "Acme codes".as_bytes();
    let pool_end = (file.body.windows(last.len()))
        .rposition(|w| w == last)
        .expect("the pool's last text")
        + last.len();
    CacheFixture {
        pool_end,
        file,
        cached,
        good,
        expected,
    }
});

impl CacheFixture {
    /// The good cache file with `damages` done to its body.
    fn damaged(&self, damages: &[Damage]) -> CacheFile {
        let mut file = self.file.clone();
        for d in damages {
            d.apply(&mut file.body);
        }
        file
    }
}

/// Held while a test has written its own bytes into the fixture's cache file (two tests damage it).
static CACHE_IN_USE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Damage to a cache file's body: a byte changed, the body cut or grown, bytes overwritten or inserted.
#[derive(Debug, Clone)]
enum Damage {
    Flip(prop::sample::Index, u8),
    Cut(prop::sample::Index),
    Grow(Vec<u8>),
    Overwrite(prop::sample::Index, Vec<u8>),
    Insert(prop::sample::Index, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        4 => (any::<prop::sample::Index>(), 1..=255u8).prop_map(|(i, m)| Damage::Flip(i, m)),
        1 => any::<prop::sample::Index>().prop_map(Damage::Cut),
        1 => prop::collection::vec(any::<u8>(), 1..16).prop_map(Damage::Grow),
        2 => (any::<prop::sample::Index>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Damage::Overwrite(i, b)),
        1 => (any::<prop::sample::Index>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Damage::Insert(i, b)),
    ]
}

impl Damage {
    fn apply(&self, body: &mut Vec<u8>) {
        match self {
            Damage::Flip(at, mask) => {
                let at = at.index(body.len());
                body[at] ^= mask;
            }
            Damage::Cut(at) => body.truncate(at.index(body.len())),
            Damage::Grow(bytes) => body.extend(bytes),
            Damage::Overwrite(at, bytes) => {
                let at = at.index(body.len());
                for (i, b) in bytes.iter().enumerate() {
                    if let Some(slot) = body.get_mut(at + i) {
                        *slot = *b;
                    }
                }
            }
            Damage::Insert(at, bytes) => {
                let at = at.index(body.len() + 1);
                body.splice(at..at, bytes.iter().copied());
            }
        }
    }
}

proptest! {
    #![proptest_config(config_of(48))]

    /// A cache file damaged at random behind a recomputed checksum: no panic, no hang, no error. Where
    /// the damage breaks anything errcode can check, it refuses the file: the run answers as the TOML
    /// does, and the file is written again. It may accept only what no check can tell from a catalog that
    /// says so: bytes changed before the end of the text pool (the header and the texts), or a flag byte
    /// (a bool) flipped between 0 and 1; the answer is then allowed to show the changed text or flag.
    #[test]
    fn a_damaged_cache_never_panics_and_a_refused_one_answers_as_the_toml(
        damages in prop::collection::vec(damage(), 1..4),
        query in 0..QUERIES.len(),
    ) {
        let fixture = &*CACHE;
        let _in_use = CACHE_IN_USE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let file = fixture.damaged(&damages);
        let damaged = file.sealed();
        std::fs::write(&fixture.cached.cache_file, &damaged).unwrap();
        let run = fixture.cached.run(QUERIES[query]);
        let (code, expected) = &fixture.expected[query];
        prop_assert_eq!(run.stderr(), "");
        prop_assert_eq!(run.code(), *code);
        let after = std::fs::read(&fixture.cached.cache_file).unwrap();
        let refused = after == fixture.good && damaged != fixture.good;
        if std::env::var_os("ERRCODE_CACHE_STATS").is_some() {
            eprintln!("cache case: refused={refused} same_answer={} {damages:?}", run.stdout() == *expected);
        }
        if refused {
            prop_assert_eq!(&run.stdout(), expected);
        } else {
            prop_assert_eq!(&after, &damaged, "neither kept nor replaced");
            let original = &fixture.file.body;
            prop_assert_eq!(file.body.len(), original.len(), "accepted with bytes added or cut");
            for at in (0..original.len()).filter(|&at| file.body[at] != original[at]) {
                let flag = original[at] <= 1 && file.body[at] <= 1;
                prop_assert!(at < fixture.pool_end || flag, "accepted damage at {} of {}", at, original.len());
            }
            prop_assert!(raw_hidden(&run.stdout()).is_empty());
        }
        std::fs::write(&fixture.cached.cache_file, &fixture.good).unwrap();
    }

    /// A cache file damaged at random behind its keyed hash and checksum both, as only a forger holding
    /// the build's key could (such a body is not checked whole, `packed::Known::Checked`): no panic, no
    /// hang, no error; an entry whose record does not hold together is left out, and a code lookup names
    /// only entries with that code, whatever the code table says.
    #[test]
    fn a_cache_forged_behind_its_keyed_hash_never_panics_nor_names_another_code(
        damages in prop::collection::vec(damage(), 1..4),
        query in 0..QUERIES.len(),
    ) {
        let fixture = &*CACHE;
        let _in_use = CACHE_IN_USE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let file = fixture.damaged(&damages);
        std::fs::write(&fixture.cached.cache_file, file.sealed_as_written()).unwrap();
        let run = fixture.cached.run(QUERIES[query]);
        prop_assert_eq!(run.stderr(), "");
        prop_assert!([0, 1].contains(&run.code()), "exit {}", run.code());
        prop_assert!(raw_hidden(&run.stdout()).is_empty());
        if let [_, code @ ("ACME.0042" | "ACME.LAST")] = QUERIES[query] && run.code() == 0 {
            for m in run.json()["matches"].as_array().unwrap() {
                let found = m["code"].as_str().unwrap_or_default();
                prop_assert!(found.eq_ignore_ascii_case(code), "{} named for {}", found, code);
            }
        }
        std::fs::write(&fixture.cached.cache_file, &fixture.good).unwrap();
    }

    /// Any bytes to `scan -z` (a compression format's magic number first, or real compressed data
    /// damaged): no panic, and an exit status of 0, 1 or 2 with one line per problem.
    #[test]
    fn scan_z_never_panics_on_any_bytes(
        magic in prop::sample::select(vec![&b""[..], b"\x1f\x8b\x08", b"BZh9", b"\xfd7zXZ\0", b"\x28\xb5\x2f\xfd"]),
        rest in prop::collection::vec(any::<u8>(), 0..512),
        recursive in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = magic.to_vec();
        bytes.extend(&rest);
        let log = crate::util::write(dir.path(), "in.log", &bytes);
        let target = if recursive { dir.path() } else { log.as_path() };
        let run = crate::util::TestCommand::new()
            .args(["scan".as_ref(), "-z".as_ref(), (if recursive { "-r" } else { "-c" }).as_ref(), target.as_os_str()])
            .timeout(20)
            .output();
        prop_assert!([0, 1, 2].contains(&run.code()), "{}", run.stderr());
        prop_assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
        prop_assert!(run.stderr().lines().all(|l| l.starts_with("errcode: ")), "{}", run.stderr());
        prop_assert!(raw_hidden(&run.stdout()).is_empty() && raw_hidden(&run.stderr()).is_empty());
    }
}

proptest! {
    #![proptest_config(config())]

    /// Whatever a paste holds, the cards, tables and not-found messages show none of its control or
    /// invisible characters raw.
    #[test]
    fn human_output_escapes_every_hidden_character(query in hostile()) {
        let outcome = MATCHER.lookup(&query);
        let look = Look { lang: Lang::Both, palette: Palette::new(false), width: 80, cards: false };
        let shown = errcode::render::human(std::slice::from_ref(&outcome), &CATALOGS, &look);
        prop_assert!(raw_hidden(&shown).is_empty(), "{:?}", shown);
        let missing = errcode::render::not_found(std::slice::from_ref(&outcome));
        prop_assert!(raw_hidden(&missing).is_empty(), "{:?}", missing);
        // At most 80 characters quoted, each at most `\\u{e0041}` escaped and its backslash doubled.
        prop_assert!(missing.chars().count() < 80 * 11 + 200, "{:?}", missing);
    }

    /// A catalog with random texts in every field (control and format characters, braces, long runs):
    /// loaded, or refused with one located line; a loaded one decodes whole (every entry) from its
    /// packed form, which `parse` checks as it would a cache file.
    #[test]
    fn any_catalog_text_loads_whole_or_is_refused_in_one_line(
        texts in prop::collection::vec(prop_oneof![
            "[a-zA-Z0-9 .{}]{1,40}",
            hostile(),
            "\\PC{1,20}",
            Just("{param}".to_string()),
            Just("x".repeat(9000)),
        ], 6),
        entries in 1usize..4,
    ) {
        let toml_str = |t: &str| toml::Value::String(t.to_string()).to_string();
        let mut text = format!(
            "id = \"p\"\nvendor = \"tencent\"\nvendor_name = {{ en = {}, zh = \"z\" }}\n\
             product = {{ en = \"P\", zh = \"P\" }}\n[[sources]]\nid = \"s\"\ntitle = {}\n",
            toml_str(&texts[0]), toml_str(&texts[1])
        );
        for i in 0..entries {
            text += &format!(
                "[[entries]]\nid = \"e{i}\"\ncode = {}\nstatus = 400\nmessage = {}\n\
                 meaning = {{ en = {}, zh = \"m\" }}\nfix = {{ en = {}, zh = \"f\" }}\n",
                toml_str(&format!("{}{i}", texts[2].replace(' ', ""))),
                toml_str(&format!("{} {i}", texts[3])),
                toml_str(&texts[4]),
                toml_str(&texts[5]),
            );
        }
        match parse(&text, Origin::File("p.toml".into())) {
            Ok(catalog) => {
                prop_assert_eq!(catalog.entries.iter().count(), entries);
            }
            Err(err) => {
                // One line as printed: the error quotes the catalog's text (a placeholder name may hold a
                // line break), which the CLI escapes as it prints it.
                let message = errcode::render::escape(&err.to_string()).into_owned();
                prop_assert!(message.starts_with("p.toml:"), "{}", message);
                prop_assert!(!message.contains('\n'), "{}", message);
            }
        }
    }
}
