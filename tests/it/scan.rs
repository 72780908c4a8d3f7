//! `errcode scan` through the real binary: every mode and flag, odd inputs, streaming, and a generated log
//! whose error lines are known.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::util::{self, TestCommand, with_catalog, write};

// The benchmark's generator; the short-line log is the benchmark's alone.
#[path = "../../bench/logsynth.rs"]
#[allow(dead_code)]
pub(crate) mod logsynth;

const HUAWEI: &str = r#"2024-06-01T10:00:07Z ERROR client: {"error_code":"APIG.0303","error_msg":"Incorrect app authentication information: signature expired","request_id":"9f1c"}"#;
const TENCENT: &str =
    "2024-06-01T10:00:19Z WARN  gw: status=404 There is no api match uri[/v1/orders/42]";
const ORDINARY: &str =
    "10.0.0.1 - - [01/Jun/2024:10:00:00 +0000] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"curl/8.0\"";

fn log(lines: &[&str]) -> Vec<u8> {
    let mut text = lines.join("\n");
    text.push('\n');
    text.into_bytes()
}

fn scan(args: &[&str], paths: &[&Path]) -> crate::util::Run {
    TestCommand::new()
        .args(["scan"])
        .args(args)
        .args(paths)
        .output()
}

/// Each object of NDJSON output.
fn ndjson(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// `(line, vendor, code or -, status)` of each match in NDJSON output.
fn ndjson_rows(out: &str) -> Vec<(u64, String, String, u64)> {
    ndjson(out)
        .into_iter()
        .flat_map(|v| {
            let line = v["line"].as_u64().unwrap();
            v["matches"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        line,
                        m["vendor"].as_str().unwrap().to_string(),
                        m["code"].as_str().unwrap_or("-").to_string(),
                        m["status"].as_u64().unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn reports_each_error_line_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "gw.log",
        log(&[ORDINARY, HUAWEI, ORDINARY, TENCENT]),
    );
    let run = scan(&["--lang", "en"], &[&file]).expect_code(0);
    let name = file.display();
    assert_eq!(
        run.stdout(),
        format!(
            "{name}:2:{HUAWEI}\n  ↳ APIG.0303 · 401 Unauthorized · huawei · The app authentication information is incorrect.\n\
             {name}:4:{TENCENT}\n  ↳ There is no api match uri[{{uri}}] · 404 Not Found · tencent · No API matching the uri was found under the service for this request address.\n"
        )
    );
    assert_eq!(run.stderr(), "");
}

#[test]
fn matched_parts_are_highlighted_in_colour() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "gw.log", log(&[TENCENT]));
    let out = scan(&["--color", "always"], &[&file])
        .expect_code(0)
        .stdout();
    assert!(
        out.contains("\x1b[31;1mThere is no api match uri[/v1/orders/42]\x1b[0m"),
        "{out:?}"
    );
}

/// Output made for a terminal and kept in a file or a CI log (Terraform's errors, a logger's colours)
/// carries escape sequences against its words: the line is read, and shown, as the terminal showed it.
#[test]
fn coloured_lines_are_read_and_shown_without_their_escapes() {
    const COLOURED: &str = "\x1b[1m\x1b[31mError: \x1b[0m\x1b[0m\x1b[1mAPIG.0303\x1b[0m: Incorrect app authentication information.";
    const SHOWN: &str = "Error: APIG.0303: Incorrect app authentication information.";
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "tf.log", log(&[ORDINARY, COLOURED]));
    let out = scan(&["--lang", "en", "--color", "never"], &[&file])
        .expect_code(0)
        .stdout();
    assert_eq!(
        out.lines().take(2).collect::<Vec<_>>(),
        [
            format!("{}:2:{SHOWN}", file.display()),
            "  ↳ APIG.0303 · 401 Unauthorized · huawei · The app authentication information is incorrect.".to_string()
        ],
        "{out}"
    );
    let out = scan(&["--json"], &[&file]).expect_code(0).stdout();
    assert_eq!(ndjson(&out)[0]["text"], SHOWN);
    assert_eq!(
        ndjson_rows(&out),
        [(2, "huawei".into(), "APIG.0303".into(), 401)]
    );
    let out = scan(&["--count"], &[&file]).expect_code(0).stdout();
    assert_eq!(out, format!("{}:1\n", file.display()));
    // A colour inside a code, as `grep --color=always` marks what it found; a hyperlink's address, which
    // may name the error, is kept.
    let file = write(
        dir.path(),
        "grep.log",
        log(&[
            "error_code: \x1b[01;31m\x1b[KAPIG\x1b[m\x1b[K.0303",
            ORDINARY,
            "Recommend: \x1b]8;;https://api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound&product=Ecs\x1b\\troubleshoot\x1b]8;;\x1b\\",
        ]),
    );
    let out = scan(&["--json"], &[&file]).expect_code(0).stdout();
    assert_eq!(
        ndjson_rows(&out),
        [
            (1, "huawei".into(), "APIG.0303".into(), 401),
            (
                3,
                "alibaba".into(),
                "InvalidAccessKeyId.NotFound".into(),
                404
            )
        ]
    );
    // Coloured pastes looked up: a code alone, and a code in a sentence (read in a view without colours).
    for paste in [
        COLOURED,
        "\x1b[1mAPIG.0303\x1b[0m",
        "request failed \x1b[1mAPIG.0303\x1b[0m while calling the api",
    ] {
        let found = crate::util::json_lookup_found(paste);
        assert_eq!(
            found["matches"][0]["code"], "APIG.0303",
            "{paste:?}: {found}"
        );
    }
}

#[test]
fn no_error_lines_exit_1_silently() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "ok.log",
        log(&[
            ORDINARY,
            "部署成功，耗时 3 秒",
            "request_id=4290a5031fd3 took 429ms",
        ]),
    );
    let run = scan(&[], &[&file]).expect_code(1);
    assert_eq!(run.stdout(), "");
    assert_eq!(run.stderr(), "");
}

#[test]
fn standard_input_when_no_path_or_dash() {
    for args in [&[][..], &["-"][..]] {
        let run = TestCommand::new()
            .args(["scan", "--json"])
            .args(args)
            .stdin(log(&[ORDINARY, TENCENT]))
            .output()
            .expect_code(0);
        let v: serde_json::Value = serde_json::from_str(run.stdout().trim()).unwrap();
        assert_eq!(v["path"], "(standard input)");
        assert_eq!(v["line"], 2);
        assert_eq!(v["text"], TENCENT);
        assert_eq!(v["matches"][0]["captures"]["uri"], "/v1/orders/42");
    }
}

#[test]
fn json_is_one_object_per_matching_line_shaped_as_lookup() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "gw.log", log(&[HUAWEI, ORDINARY, TENCENT]));
    let out = scan(&["--json"], &[&file]).expect_code(0).stdout();
    assert_eq!(out.lines().count(), 2);
    assert_eq!(
        ndjson_rows(&out),
        [
            (1, "huawei".into(), "APIG.0303".into(), 401),
            (3, "tencent".into(), "-".into(), 404)
        ]
    );
    let first = &ndjson(&out)[0];
    assert_eq!(first["path"], file.display().to_string());
    let m = &first["matches"][0];
    for field in [
        "catalog", "vendor", "code", "status", "message", "meaning", "fix", "captures", "evidence",
    ] {
        assert!(m.get(field).is_some(), "{field} in {m}");
    }
}

#[test]
fn count_per_file_and_summary_over_all() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.log",
        log(&[HUAWEI, HUAWEI, ORDINARY, TENCENT]),
    );
    let b = write(dir.path(), "b.log", log(&[ORDINARY]));
    let run = scan(&["--count"], &[&a, &b]).expect_code(0);
    assert_eq!(
        run.stdout(),
        format!("{}:3\n{}:0\n", a.display(), b.display())
    );
    let run = scan(&["--count", "--json"], &[&a]).expect_code(0);
    assert_eq!(
        run.stdout(),
        format!("{{\"count\":3,\"path\":{:?}}}\n", a.display().to_string())
    );

    let value = scan(&["--summary", "--json"], &[&a, &b])
        .expect_code(0)
        .json();
    assert_eq!(value["lines"], 5);
    assert_eq!(value["matched_lines"], 3);
    let errors: Vec<(String, u64)> = value["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                format!(
                    "{} {} {}",
                    e["vendor"].as_str().unwrap(),
                    e["code"].as_str().unwrap_or("-"),
                    e["status"]
                ),
                e["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("huawei APIG.0303 401".to_string(), 2),
            ("tencent - 404".to_string(), 1)
        ]
    );
    assert_eq!(
        value["vendors"],
        serde_json::json!({"huawei": 2, "tencent": 1})
    );
    assert_eq!(value["statuses"], serde_json::json!({"401": 2, "404": 1}));

    let human = scan(&["--summary", "--lang", "en"], &[&a, &b])
        .expect_code(0)
        .stdout();
    assert!(
        human.starts_with("3 of 5 lines carry gateway errors\n"),
        "{human}"
    );
    assert!(
        human.contains("2  ████████████████████████  APIG.0303"),
        "{human}"
    );
    assert!(
        human.contains("\nBy vendor: huawei 2 · tencent 1\nBy status: 401 2 · 404 1\n"),
        "{human}"
    );
    scan(&["--count", "--summary"], &[&a]).expect_code(2);
}

#[test]
fn recursive_directories_and_errors_for_what_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "logs/a.log", log(&[HUAWEI]));
    write(dir.path(), "logs/deeper/b.log", log(&[TENCENT]));
    let logs = dir.path().join("logs");
    let out = scan(&["-r", "--count"], &[&logs]).expect_code(0).stdout();
    assert_eq!(
        out,
        format!(
            "{}:1\n{}:1\n",
            logs.join("a.log").display(),
            logs.join("deeper/b.log").display()
        )
    );

    // A directory without -r, and a missing file, among good inputs: each reported, the rest scanned, exit 2.
    let good = write(dir.path(), "good.log", log(&[HUAWEI]));
    let missing = dir.path().join("missing.log");
    let run = scan(&["--count"], &[&logs, &missing, &good]).expect_code(2);
    assert_eq!(run.stdout(), format!("{}:1\n", good.display()));
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}: is a directory (use -r to scan what is in it)\nerrcode: {}: no such file or directory\n",
            logs.display(),
            missing.display()
        )
    );
}

#[test]
fn vendor_and_lang_apply() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "gw.log", log(&[HUAWEI, TENCENT]));
    let out = scan(&["--json", "--vendor", "tencent"], &[&file])
        .expect_code(0)
        .stdout();
    assert_eq!(ndjson_rows(&out), [(2, "tencent".into(), "-".into(), 404)]);
    let zh = scan(&["--lang", "zh"], &[&file]).expect_code(0).stdout();
    assert!(
        zh.contains("  ↳ APIG.0303 · 401 Unauthorized · huawei · APP认证信息错误\n"),
        "{zh}"
    );
}

/// Regression: invalid UTF-8, NUL bytes, a 5 MB line and a missing final newline must neither panic nor
/// skip or split a line.
#[test]
fn odd_bytes_long_lines_and_no_final_newline() {
    let dir = tempfile::tempdir().unwrap();
    // The third line `long` bytes long.
    let odd = |long: usize| {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(b"ua=curl/7.\xff\xfe\x80 ");
        bytes.extend_from_slice(HUAWEI.as_bytes());
        bytes.extend_from_slice(b"\nnul\x00byte ");
        bytes.extend_from_slice(TENCENT.as_bytes());
        bytes.push(b'\n');
        bytes.extend(std::iter::repeat_n(b'x', long));
        bytes.extend_from_slice(b" HMAC signature does not match\n");
        bytes.extend_from_slice(ORDINARY.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(HUAWEI.as_bytes()); // no final newline
        bytes
    };
    let file = write(dir.path(), "odd.log", odd(5 * 1024 * 1024));
    // (Kong says "HMAC signature does not match" too: the line's one row is Tencent's.)
    let out = scan(
        &["--json", "--vendor", "tencent", "--vendor", "huawei"],
        &[&file],
    )
    .expect_code(0)
    .stdout();
    let lines: Vec<u64> = ndjson_rows(&out).iter().map(|r| r.0).collect();
    assert_eq!(lines, [1, 2, 3, 5]);
    let objects = ndjson(&out);
    let (first, long) = (&objects[0], &objects[2]);
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .starts_with("ua=curl/7.\u{fffd}\u{fffd}\u{fffd} ")
    );
    assert_eq!(long["text"].as_str().unwrap().len(), 5 * 1024 * 1024 + 30);
    // Human output shows the NUL escaped, never raw (read once more with a short third line: the long
    // one has been read whole above).
    let file = write(dir.path(), "short.log", odd(10));
    let human = scan(&[], &[&file]).expect_code(0).stdout();
    assert!(human.contains("nul\\x00byte") && !human.contains('\0'));
    let summary = scan(&["--summary", "--json"], &[&file])
        .expect_code(0)
        .json();
    assert_eq!(summary["lines"], 5);
    // Through a pipe, which gives at most 64 KiB a read: a long line is gathered whole all the same.
    let mut piped = Vec::new();
    piped.extend(std::iter::repeat_n(b'y', 700 * 1024));
    piped.extend_from_slice(b" HMAC signature does not match\n");
    piped.extend_from_slice(TENCENT.as_bytes());
    let out = TestCommand::new()
        .args(["scan", "--json", "-j1"])
        .stdin(piped)
        .output()
        .expect_code(0)
        .stdout();
    let rows: Vec<(u64, usize)> = ndjson(&out)
        .iter()
        .map(|v| {
            (
                v["line"].as_u64().unwrap(),
                v["text"].as_str().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(rows, [(1, 700 * 1024 + 30), (2, TENCENT.len())]);
}

/// `tail -f gw.log | errcode scan`: a line is reported as soon as it arrives, before the input ends.
#[test]
fn reports_lines_as_they_arrive() {
    let home = tempfile::tempdir().unwrap();
    let mut child = util::std_command(home.path())
        .args(["scan", "--color", "never"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        BufReader::new(stdout).read_line(&mut first).unwrap();
        tx.send(first).unwrap();
    });
    writeln!(stdin, "{ORDINARY}\n{TENCENT}").unwrap();
    stdin.flush().unwrap();
    let first = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the line is reported while input is still open");
    assert_eq!(first, format!("(standard input):2:{TENCENT}\n"));
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

/// On a generated log, scan finds exactly the error lines the generator planted, each with its entry; the
/// log is large enough to be searched in many blocks, and threads (`-j3`, from a file or a pipe) report
/// exactly what one thread does, in the same order.
#[test]
fn finds_exactly_the_planted_errors_in_a_generated_log() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    let planted = logsynth::log(7, 3_000_000, 20, true, &mut bytes).unwrap();
    assert!(planted.len() > 900, "{} planted", planted.len());
    let file = write(dir.path(), "generated.log", &bytes);
    // The log plants the four clouds' errors; Kong says Tencent's rate-limit message too (Tencent's gateway
    // is built on Kong), and a log line with no other evidence shows both: here, the four clouds only.
    const CLOUDS: [&str; 8] = [
        "--vendor", "huawei", "--vendor", "alibaba", "--vendor", "tencent", "--vendor", "jdcloud",
    ];
    let with = |flags: &[&'static str]| [flags, &CLOUDS[..]].concat();
    let out = scan(&with(&["--json", "-j1"]), &[&file])
        .expect_code(0)
        .stdout();
    let threaded = scan(&with(&["--json", "-j3"]), &[&file])
        .expect_code(0)
        .stdout();
    assert!(threaded == out, "-j3 differs from -j1");
    let piped = TestCommand::new()
        .args(with(&["scan", "--json", "-j3"]))
        .stdin(bytes.clone())
        .output()
        .expect_code(0)
        .stdout();
    assert!(
        piped == out.replace(&*file.display().to_string(), "(standard input)"),
        "-j3 on standard input differs from -j1"
    );
    let mut found: BTreeSet<(u64, String, String, Option<u16>)> = BTreeSet::new();
    for v in ndjson(&out) {
        let number = v["line"].as_u64().unwrap();
        for m in v["matches"].as_array().unwrap() {
            let code = m["code"].as_str().unwrap_or("-").to_string();
            found.insert((
                number,
                m["vendor"].as_str().unwrap().to_string(),
                code,
                m["status"].as_u64().map(|s| s as u16),
            ));
        }
        for r in v["referrals"].as_array().into_iter().flatten() {
            found.insert((
                number,
                r["vendor"].as_str().unwrap().to_string(),
                r["code"].as_str().unwrap().to_string(),
                None,
            ));
        }
    }
    let expected: BTreeSet<(u64, String, String, Option<u16>)> = planted
        .iter()
        .filter(|p| CLOUDS.contains(&p.vendor))
        .map(|p| (p.line, p.vendor.to_string(), p.code.to_string(), p.status))
        .collect();
    let missing: Vec<_> = expected.difference(&found).take(5).collect();
    let extra: Vec<_> = found.difference(&expected).take(5).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}\nextra {extra:?}"
    );
    let count = scan(&["--count"], &[&file]).expect_code(0).stdout();
    assert_eq!(count, format!("{}:{}\n", file.display(), planted.len()));
}

#[test]
fn catalog_patterns_are_regexes_that_find_the_messages() {
    let run = TestCommand::new()
        .args(["catalog", "patterns"])
        .output()
        .expect_code(0);
    let patterns: Vec<String> = run.stdout().lines().map(str::to_string).collect();
    assert!(patterns.len() > 300, "{}", patterns.len());
    for p in &patterns {
        if let Err(e) = regex::Regex::new(p) {
            panic!("{p}: {e}");
        }
        assert!(
            !p.contains("(?P<") && !p.contains("+?"),
            "not portable: {p}"
        );
    }
    let all = regex::RegexSet::new(&patterns).unwrap();
    for text in [
        HUAWEI,
        TENCENT,
        "InvalidApi.NotFound",
        "参数 pageSize 取值不合法",
    ] {
        assert!(all.is_match(text), "{text}");
    }
}

/// The synthetic catalog the benchmarks scale with loads as a user catalog, and its codes and filled
/// templates are found (its thousands of literals begin in few ways, which the SIMD prefilter searches
/// for); a generic code alone, JD Cloud's `UNAVAILABLE`, is not counted.
#[test]
fn a_generated_catalog_is_loaded_and_matched() {
    generated_catalog_is_matched(|i| format!("SYN.{i:06}"));
}

/// With codes that begin in more ways than the SIMD prefilter holds, the automaton finds the candidate
/// lines, and `--count` settles code lines through it: the same lines are found and counted.
#[test]
fn a_catalog_whose_codes_begin_in_many_ways_is_matched() {
    generated_catalog_is_matched(|i| {
        let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
        format!("Q{}{}{}.{i:06}", letter(i / 676), letter(i / 26), letter(i))
    });
}

/// Scans two planted lines with the 2,000-entry synthetic catalog, its codes renamed by `code`.
fn generated_catalog_is_matched(code: impl Fn(usize) -> String) {
    let dir = tempfile::tempdir().unwrap();
    let mut toml = Vec::new();
    logsynth::catalog(2_000, false, &mut toml).unwrap();
    let toml = regex::Regex::new(r#"code = "SYN\.(\d+)""#)
        .unwrap()
        .replace_all(
            std::str::from_utf8(&toml).unwrap(),
            |caps: &regex::Captures| format!("code = \"{}\"", code(caps[1].parse().unwrap())),
        )
        .into_owned();
    let catalog = write(dir.path(), "synthetic.toml", toml.as_bytes());
    let file = write(
        dir.path(),
        "gw.log",
        log(&[
            &format!("x {} y", code(2)),
            "Qzukakakaka quota failure 10 for GroupId in ledger stage",
            ORDINARY,
            "x UNAVAILABLE y",
        ]),
    );
    let scan_with_catalog = |mode: &str| {
        with_catalog(
            &catalog,
            &["scan".as_ref(), mode.as_ref(), file.as_os_str()],
        )
        .expect_code(0)
        .stdout()
    };
    assert_eq!(
        ndjson_rows(&scan_with_catalog("--json")),
        [
            (1, "huawei".into(), code(2), 403),
            (2, "huawei".into(), code(10), 403)
        ]
    );
    assert_eq!(
        scan_with_catalog("--count"),
        format!("{}:2\n", file.display())
    );
}

/// `-j` takes a thread count from 0 (one per CPU) to 256; anything else is a usage error naming the flag.
#[test]
fn thread_counts_are_checked() {
    let run = scan(&["-j", "300"], &[Path::new("/dev/null")]).expect_code(2);
    assert!(
        run.stderr()
            .contains("invalid value '300' for '--threads <NUM>': 300 is not in 0..=256"),
        "{}",
        run.stderr()
    );
    scan(&["-j", "0", "--count"], &[Path::new("/dev/null")]).expect_code(1);
}

/// A message that opens with its value (`{param} is mandatory for this action.`) found in a whole log line
/// fills in the token before its words, not the JSON or `key=` run before them, quoted or not; the note's
/// code is filled in with it, and a line that fills in another value gets its own note.
#[test]
fn a_value_opening_a_message_is_the_token_before_its_words() {
    let lines = [
        r#"{"Code":"MissingAccessKeyId","Message":"AccessKeyId is mandatory for this action."}"#,
        r#"level=error msg=RegionId is mandatory for this action."#,
        r#"{"Message":"\"Version\" is mandatory for this action."}"#,
        r#"{"Code":"MissingAccessKeyId","Message":"AccessKeyId is mandatory for this action."}"#,
        "a doc page: “SignatureMethod” is mandatory for this action.",
        r#"{"log":"{\"Message\":\"\\\"Timestamp\\\" is mandatory for this action.\"}"}"#,
    ];
    let run = TestCommand::new()
        .args(["scan", "--json"])
        .stdin(log(&lines))
        .output()
        .expect_code(0);
    let params: Vec<String> = run
        .stdout()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["matches"][0]["code"], "Missing{param}", "{l}");
            v["matches"][0]["captures"]["param"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        params,
        [
            "AccessKeyId",
            "RegionId",
            "Version",
            "AccessKeyId",
            "SignatureMethod",
            "Timestamp"
        ]
    );
    let run = TestCommand::new()
        .args(["scan", "--color", "never"])
        .stdin(log(&lines))
        .output()
        .expect_code(0);
    let stdout = run.stdout();
    let notes: Vec<&str> = (stdout.lines())
        .filter(|l| l.starts_with("  ↳"))
        .map(|l| l.split(" · ").next().unwrap())
        .collect();
    assert_eq!(
        notes,
        [
            "  ↳ MissingAccessKeyId",
            "  ↳ MissingRegionId",
            "  ↳ MissingVersion",
            "  ↳ MissingAccessKeyId",
            "  ↳ MissingSignatureMethod",
            "  ↳ MissingTimestamp"
        ]
    );
}
