//! Hostile and broken input through the real binary: one test per kind, each checking the exit status, that
//! no control byte from the input reaches stdout or stderr raw, and that errors name the problem.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::{self, TestCommand, errcode, with_catalog};

/// Terminal-driving sequences: a clipboard write (OSC 52), clear screen, an OSC 8 hyperlink, a title
/// change, C0 and C1 controls, NUL, and bidirectional overrides.
const NASTY: &str = "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\\u{1b}]0;title\u{7}\u{9b}31m\0\u{8}\u{202e}\u{2066}";

/// No byte of a terminal control sequence from the input: no ESC, BEL, NUL, backspace or C1 CSI, and no
/// bidi override.
fn assert_clean(what: &str, bytes: &[u8]) {
    assert_holds_none(
        what,
        bytes,
        &[
            "\u{1b}", "\u{7}", "\0", "\u{8}", "\u{9b}", "\u{202e}", "\u{2066}",
        ],
    );
}

/// With --color always errcode's own colours are there, and still nothing of the input's.
fn assert_only_own_escapes(what: &str, bytes: &[u8]) {
    assert_holds_none(
        what,
        bytes,
        &["\u{1b}]", "\u{1b}[2J", "\u{7}", "\0", "\u{9b}", "\u{202e}"],
    );
}

fn assert_holds_none(what: &str, bytes: &[u8], raw: &[&str]) {
    let text = String::from_utf8_lossy(bytes);
    for seq in raw {
        assert!(!text.contains(seq), "{what} holds raw {seq:?}:\n{text}");
    }
}

#[test]
fn pasted_control_sequences_are_escaped_in_cards_and_errors() {
    let paste = format!(
        "{{\"error_code\":\"APIG.0303\",\"error_msg\":\"Incorrect app authentication information: {NASTY}\"}}"
    );
    let run = TestCommand::new()
        .args(["lookup"])
        .stdin(paste.clone())
        .output()
        .expect_code(0);
    assert_clean("card", &run.0.stdout);
    assert!(
        run.stdout().contains("\\x1b]52;c;ZXZpbA==\\x07"),
        "{}",
        run.stdout()
    );
    let coloured = TestCommand::new()
        .args(["lookup", "--color", "always"])
        .stdin(paste)
        .output()
        .expect_code(0);
    assert!(coloured.stdout().contains("\u{1b}[36;1mAPIG.0303"));
    assert_only_own_escapes("coloured card", &coloured.0.stdout);
    // Echoed in a not-found message.
    let run = errcode([
        "lookup",
        &format!("no such thing {}", NASTY.replace('\0', "")),
    ])
    .expect_code(1);
    assert_clean("not-found message", &run.0.stderr);
}

#[test]
fn json_keeps_the_text_exact_and_valid() {
    let paste = format!("status=403 header x{NASTY} is required");
    let run = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(paste.clone())
        .output()
        .expect_code(0);
    assert_clean("json", &run.0.stdout);
    let value = run.json();
    assert_eq!(value["query"], paste.trim());
    assert_eq!(
        value["matches"][0]["captures"]["header"].as_str().unwrap(),
        format!("x{NASTY}")
    );
}

#[test]
fn scanned_lines_and_tables_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("evil.log");
    std::fs::write(
        &log,
        format!("{NASTY} HMAC signature does not match {NASTY}\n"),
    )
    .unwrap();
    let run = TestCommand::new()
        .args(["scan"])
        .args([&log])
        .output()
        .expect_code(0);
    assert_clean("scan line", &run.0.stdout);
    let run = TestCommand::new()
        .args(["scan", "--color", "always"])
        .args([&log])
        .output()
        .expect_code(0);
    assert_only_own_escapes("coloured scan line", &run.0.stdout);
    // A user catalog's text in a table. (Its meaning: a code or message may not hold control characters.)
    let catalog = dir.path().join("evil.toml");
    // (The meaning as a TOML string, its control characters escaped as TOML wants them.)
    let meaning = toml::Value::String(format!("Evil {NASTY}"));
    let text = format!(
        "id = \"evil\"\nvendor = \"tencent\"\nvendor_name = {{ en = \"E\", zh = \"E\" }}\n\
         product = {{ en = \"P\", zh = \"P\" }}\n[[sources]]\nid = \"s\"\ntitle = \"t\"\n\
         [[entries]]\nid = \"e\"\nstatus = 400\nmessage = \"Evil message\"\n\
         meaning = {{ en = {meaning}, zh = \"m\" }}\nfix = {{ en = \"f\", zh = \"f\" }}\n"
    );
    let parsed: toml::Table = text.parse().unwrap();
    assert_eq!(
        parsed["entries"][0]["meaning"]["en"].as_str(),
        Some(format!("Evil {NASTY}").as_str())
    );
    std::fs::write(&catalog, text).unwrap();
    let run = TestCommand::new()
        .args(["list", "--vendor", "tencent", "--catalog"])
        .args([&catalog])
        .output()
        .expect_code(0);
    assert_clean("table", &run.0.stdout);
    assert!(run.stdout().contains("Evil \\x1b]52"), "{}", run.stdout());
}

/// `errcode list | head -1`, `errcode scan big.log | head -1`: no panic, no message, exit 0 (as ripgrep).
#[test]
fn a_closed_output_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("big.log");
    let line = "2024 WARN gw: status=404 There is no api match uri[/v1/orders/42]\n";
    // Large enough (2.7 MB) to be searched by threads: they stop too.
    std::fs::write(&log, line.repeat(40_000)).unwrap();
    for args in [
        vec!["list".to_string()],
        // One thread and two: the log is large enough that a plain `scan` would use threads too.
        vec![
            "scan".to_string(),
            "-j1".to_string(),
            log.display().to_string(),
        ],
        vec![
            "scan".to_string(),
            "-j2".to_string(),
            log.display().to_string(),
        ],
    ] {
        let home = tempfile::tempdir().unwrap();
        let mut child = util::std_command(home.path())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(!first.is_empty());
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn invalid_utf8_in_arguments_stdin_files_and_catalogs() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    // An argument: read lossily.
    let run = TestCommand::new()
        .args([
            OsStr::new("lookup"),
            OsStr::from_bytes(b"\xff\xfeHMAC signature does not match"),
        ])
        .output()
        .expect_code(0);
    assert!(
        run.stdout()
            .contains("401 Unauthorized · Tencent Cloud API Gateway")
    );
    // Standard input: read lossily.
    TestCommand::new()
        .args(["lookup"])
        .stdin(b"\xff\xfe APIG.0303 \xc3".to_vec())
        .output()
        .expect_code(0);
    // A file to scan: read lossily.
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("bin.log");
    std::fs::write(&log, b"\xff\xfe\x00 HMAC signature does not match\n").unwrap();
    let run = TestCommand::new()
        .args(["scan"])
        .args([&log])
        .output()
        .expect_code(0);
    assert_clean("scan", &run.0.stdout);
    // A catalog: an error at the first bad byte.
    let catalog = dir.path().join("bad.toml");
    std::fs::write(&catalog, b"id = \"x\"\nvendor = \"hua\xffwei\"\n").unwrap();
    let run = with_catalog(&catalog, &["APIG.0303"]).expect_code(2);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}:2:14: file is not valid UTF-8\n",
            catalog.display()
        )
    );
}

#[test]
fn huge_standard_input_is_refused_with_the_limit() {
    let big = "x".repeat(17 * 1024 * 1024);
    let run = TestCommand::new()
        .args(["lookup"])
        .stdin(big)
        .output()
        .expect_code(2);
    assert_eq!(
        run.stderr(),
        "errcode: standard input is larger than the 16 MiB a lookup reads\n"
    );
    assert_eq!(run.stdout(), "");
}

#[test]
fn a_large_paste_finds_the_error_at_its_end() {
    // 4 MB of log with an error at the end: found, and errcode returns (no timing asserted: see bench/).
    let mut paste = "2024 INFO GET /healthz 200 request_id=4290a5031fd3\n".repeat(80_000);
    paste.push_str("2024 WARN status=404 There is no api match uri[/v1/x]\n");
    let run = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(paste)
        .output()
        .expect_code(0);
    assert_eq!(run.json()["matches"][0]["status"], 404);
}

#[cfg(unix)]
#[test]
fn a_fifo_catalog_is_refused_and_a_fifo_log_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let run = with_catalog(&fifo, &["APIG.0303"]).expect_code(2);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}: not a regular file or directory; a catalog must be a .toml file\n",
            fifo.display()
        )
    );
    // Found in a catalog directory, it is refused too, not read (which would wait for a writer forever).
    let catalogs = dir.path().join("catalogs");
    std::fs::create_dir(&catalogs).unwrap();
    let listed = catalogs.join("pipe.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&listed)
        .status()
        .unwrap();
    assert!(status.success());
    let run = TestCommand::new()
        .args([
            "--catalog".as_ref(),
            catalogs.as_os_str(),
            "APIG.0303".as_ref(),
        ])
        .timeout(10)
        .output()
        .expect_code(2);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}: not a regular file or directory; a catalog must be a .toml file\n",
            listed.display()
        )
    );
    // Scanning a FIFO reads what its writer sends (as `errcode scan <(zcat gw.log.gz)` does).
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        std::fs::write(writer_path, "HMAC signature does not match\n").unwrap()
    });
    let run = TestCommand::new()
        .args(["scan", "--count"])
        .args([&fifo])
        .output()
        .expect_code(0);
    writer.join().unwrap();
    assert_eq!(run.stdout(), format!("{}:1\n", fifo.display()));
}

/// Run as an unprivileged user where the tests run as root (`util::unprivileged`): as root, permissions
/// stop nothing, and this test used to skip itself there (CI runs as root).
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_scanned() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.log");
    std::fs::write(&locked, "HMAC signature does not match\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let good = dir.path().join("good.log");
    std::fs::write(&good, "HMAC signature does not match\n").unwrap();
    let run = util::unprivileged(
        &[
            "scan".as_ref(),
            "--count".as_ref(),
            locked.as_os_str(),
            good.as_os_str(),
        ],
        &[dir.path()],
        &[],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr(),
        format!("errcode: {}: permission denied\n", locked.display())
    );
    assert_eq!(run.stdout(), format!("{}:1\n", good.display()));
}

#[test]
fn a_pattern_too_large_for_the_engine_names_the_limit() {
    let run = errcode(["grep", "(a{1000}){1000}"]).expect_code(2);
    assert_eq!(
        run.stderr(),
        "errcode: invalid pattern \"(a{1000}){1000}\": the compiled pattern exceeds the regex size limit of 10485760 bytes\n"
    );
}

#[test]
fn odd_environments_get_defaults_or_a_clear_error() {
    // HOME unset: no user catalogs, no error.
    let run = TestCommand::new().args(["APIG.0303"]);
    let mut cmd = run.cmd;
    cmd.env_remove("HOME");
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    // A config directory that cannot be read: a warning, and the built-in catalogs still answer.
    let dir = tempfile::tempdir().unwrap();
    let not_a_dir = dir.path().join("file");
    std::fs::write(&not_a_dir, "").unwrap();
    let run = TestCommand::new()
        .args(["APIG.0303"])
        .env("XDG_CONFIG_HOME", &not_a_dir)
        .output()
        .expect_code(0);
    assert!(
        run.stderr()
            .starts_with("errcode: warning: skipping user catalogs: "),
        "{}",
        run.stderr()
    );
    // COLUMNS=5: laid out at the narrowest width, without colour (the output is a pipe).
    let run = TestCommand::new()
        .args(["APIG.0201"])
        .env("COLUMNS", "5")
        .output()
        .expect_code(0);
    assert_clean("narrow table", &run.0.stdout);
    assert!(
        run.stdout()
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40)
    );
    // ERRCODE_LANG empty: the default (an unknown one is an error: cli.rs).
    let run = TestCommand::new()
        .args(["APIG.0303"])
        .env("ERRCODE_LANG", "")
        .output()
        .expect_code(0);
    assert!(
        run.stdout().contains("APP认证信息错误") && run.stdout().contains("The app authentication")
    );
}

/// A request line whose target is followed by text that is not ASCII (`GET /x abcdé 404`): the status
/// reader looks for a protocol there, which must not cut a character in two. It panicked once; now the
/// line's code is found by a lookup and by a scan.
#[test]
fn non_ascii_after_a_request_target_is_read() {
    let line = "GET /x abcdé 404 code=APIG.0303";
    let rows = util::rows(&util::json(["lookup", line], 0));
    let want = ("huawei".to_string(), Some("APIG.0303".to_string()), 401);
    assert!(
        !rows.is_empty() && rows.iter().all(|row| *row == want),
        "{rows:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    let log = util::write(dir.path(), "gw.log", format!("{line}\n"));
    let run = errcode(
        ["scan", "--count"]
            .map(std::ffi::OsStr::new)
            .into_iter()
            .chain([log.as_os_str()]),
    )
    .expect_code(0);
    assert_eq!(run.stdout(), format!("{}:1\n", log.display()));
}
