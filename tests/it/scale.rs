//! Inputs of any size and shape cost time in proportion to their size and memory within a bound: repeated
//! errors on one line, one huge line, an endless line. No timing race: work is measured as the CPU time of
//! the thread doing it, the least of three runs, and only compared between an input and the same input
//! four times over (linear work grows 4x; quadratic 16x).

use std::io::{Read, Write};
use std::process::Stdio;
use std::sync::LazyLock;

use errcode::catalog::Catalogs;
use errcode::matcher::Matcher;
use errcode::scan::{self, Mode, Options};

use crate::scan::logsynth;
use crate::util::{Discard, std_command};

static CATALOGS: LazyLock<Catalogs> = LazyLock::new(Catalogs::builtin);

/// CPU time of this thread, in nanoseconds.
fn thread_cpu_ns() -> u128 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the struct it is given.
    let done = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(done, 0);
    now.tv_sec as u128 * 1_000_000_000 + now.tv_nsec as u128
}

/// The least CPU time of three runs of `work`.
fn work_of(mut work: impl FnMut()) -> u128 {
    (0..3)
        .map(|_| {
            let start = thread_cpu_ns();
            work();
            thread_cpu_ns() - start
        })
        .min()
        .unwrap()
}

/// The least CPU time of three scans of `text` as a log, on one thread.
fn scan_work(scanner: &Matcher<'_>, text: &str) -> u128 {
    scan_work_in(scanner, text, Mode::Lines)
}

/// `scan_work` with the output `mode` asks for (`--count` settles a line by other means).
fn scan_work_in(scanner: &Matcher<'_>, text: &str, mode: Mode) -> u128 {
    work_of(|| {
        let options = Options {
            mode,
            recursive: false,
            threads: 1,
            binary: false,
            search_zip: false,
        };
        let reader = std::io::Cursor::new(text.as_bytes().to_vec());
        scan::scan_stream(scanner, reader, "t", options, &mut Discard).unwrap();
    })
}

/// Asserts that `input(4)` costs less than 9 times `input(1)` (doubling the input less than triples the
/// work, twice over), for a paste looked up and for the same text scanned as a log.
fn grows_linearly(what: &str, input: impl Fn(usize) -> String) {
    let paster = Matcher::new(&CATALOGS, &[]);
    let scanner = Matcher::for_bulk(&CATALOGS, &[]);
    let (small, large) = (input(1), input(4));
    // Warm: the first look-up builds the finder.
    paster.lookup(&small);
    let lookup = |text: &str| work_of(|| drop(paster.lookup(text)));
    let scan = |text: &str| scan_work(&scanner, text);
    for (how, cost) in [
        ("lookup", &lookup as &dyn Fn(&str) -> u128),
        ("scan", &scan),
    ] {
        let (one, four) = (cost(&small), cost(&large));
        assert!(
            four < 9 * one.max(1),
            "{what}, {how}: {} bytes took {one} ns, {} bytes {four} ns",
            small.len(),
            large.len()
        );
    }
}

#[test]
fn one_message_repeated_on_a_line() {
    grows_linearly("a repeated message", |k| {
        "Incorrect app authentication information. ".repeat(3_000 * k)
    });
}

#[test]
fn one_code_repeated_on_a_line() {
    grows_linearly("a repeated code", |k| "APIG.0303 ".repeat(10_000 * k));
}

/// One code run together with itself, a token as long as the line: each place a code starts in it was once
/// read to the token's end, in `--count` (to ask whether the token is a code) and in the line's reading (a
/// referral's prefix), so a 64 KiB line took 1.7 s and a line of 1 MiB minutes.
/// (Scanned only: its lookup, which measured the whole paste against every code for a suggestion, some 40 µs
/// a byte, now measures it against none, as its length rules every code out.)
#[test]
fn one_code_run_together_on_a_line() {
    let scanner = Matcher::for_bulk(&CATALOGS, &[]);
    let (small, large) = ("APIG.0303".repeat(3_000), "APIG.0303".repeat(12_000));
    for mode in [Mode::Count, Mode::Lines] {
        let (one, four) = (
            scan_work_in(&scanner, &small, mode),
            scan_work_in(&scanner, &large, mode),
        );
        assert!(
            four < 9 * one.max(1),
            "scan {mode:?}: {} bytes took {one} ns, {} bytes {four} ns",
            small.len(),
            large.len()
        );
    }
}

#[test]
fn one_status_repeated_on_a_line() {
    grows_linearly("a repeated status", |k| "status=429 ".repeat(10_000 * k));
}

/// Status lines run together on one line: each was read back to the line's start to ask whether it starts
/// the line (93 KB took 0.02 s to scan, 372 KB 0.31 s; 16 MiB, minutes).
#[test]
fn one_status_line_repeated_on_a_line() {
    grows_linearly("a repeated status line", |k| {
        "HTTP/1.1 429 Too Many Requests ".repeat(3_000 * k)
    });
}

/// (Large enough that reading each field to the end of the line, as a paste's reading once did, shows:
/// 8,000 fields took 0.10 s to look up, 32,000 fields 2.3 s.)
#[test]
fn a_chinese_message_field_repeated() {
    grows_linearly("a repeated Chinese field", |k| {
        "'message': '服务未开通或已停止' ".repeat(8_000 * k)
    });
}

/// Unquoted message fields, one after another on a line, with no separator a field's value ends at (each
/// value once ran to the line's end: 4,000 fields took 3.4 s to look up, 16,000 fields 45 s).
#[test]
fn bare_message_fields_repeated() {
    grows_linearly("repeated bare fields", |k| {
        "message: 服务未开通或已停止 ".repeat(2_000 * k)
    });
}

#[test]
fn a_long_json_body() {
    grows_linearly("a long JSON body", |k| {
        let one = r#"{"error_code":"APIG.0303","error_msg":"Incorrect app authentication information: signature expired","status":401}"#;
        format!("{{\"errors\":[{}]}}", vec![one; 1_000 * k].join(","))
    });
}

#[test]
fn many_lines_of_one_error() {
    grows_linearly("many lines", |k| {
        "2024 WARN status=404 There is no api match uri[/v1/x]\n".repeat(2_000 * k)
    });
}

/// A log line stating Huawei's code with its message, whose words another row of Huawei's says as words any
/// software may say (`APIGW.0201`'s `Request entity too large.`, a `common_message`), costs what a line of
/// another coded error costs: the row found by its code and those words is the error, so the line is not
/// read for every vendor's marks on the other's account (which made such lines cost 12 times as much).
#[test]
fn a_coded_line_with_a_common_message_costs_as_another_coded_line() {
    let scanner = Matcher::for_bulk(&CATALOGS, &[]);
    let lines = |code: &str, message: &str| {
        format!("2024-06-01T23:17:45Z ERROR rejected: HTTP 413 {{\"error_code\":\"{code}\",\"error_msg\":\"{message}\",\"request_id\":\"06f2c5bda9c320e3\"}}\n")
            .repeat(400)
    };
    let common = lines("APIG.0201", "Request entity too large.");
    let other = lines("APIG.0303", "Incorrect app authentication information.");
    scan_work(&scanner, &other);
    let (common, other) = (scan_work(&scanner, &common), scan_work(&scanner, &other));
    assert!(
        common < 4 * other.max(1),
        "common message's lines {common} ns, another error's {other} ns"
    );
}

/// Runs `errcode scan` (with `args`) on what `feed` writes to its standard input; returns its exit code,
/// standard output and error, and its peak resident memory in KiB once it has read all it was fed and
/// while it prints (the kernel's `VmHWM`, read while it runs: the usage `wait` reports would count the
/// memory of this test process, which the child shares until it runs errcode).
fn scan_fed(
    args: &[&str],
    feed: impl FnOnce(&mut dyn Write) + Send + 'static,
) -> (i32, String, String, u64) {
    fed("scan", args, feed)
}

/// `scan_fed` for any subcommand.
fn fed(
    subcommand: &str,
    args: &[&str],
    feed: impl FnOnce(&mut dyn Write) + Send + 'static,
) -> (i32, String, String, u64) {
    let home = tempfile::tempdir().unwrap();
    let mut child = std_command(home.path())
        .arg(subcommand)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let pid = child.id();
    let writer = std::thread::spawn(move || {
        feed(&mut stdin);
        let peak = peak_kib(pid).expect("VmHWM in /proc/PID/status");
        drop(stdin);
        peak
    });
    let mut stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    // The peak is read again as output arrives: a long line's output is made after its input was fed,
    // and errcode cannot end while a piece of it waits in the pipe.
    let out = std::thread::spawn(move || {
        let (mut out, mut piece, mut peak) = (Vec::new(), vec![0; 1 << 16], 0);
        loop {
            let read = stdout.read(&mut piece).unwrap();
            if read == 0 {
                break;
            }
            out.extend_from_slice(&piece[..read]);
            peak = peak.max(peak_kib(pid).unwrap_or(0));
        }
        (String::from_utf8(out).unwrap(), peak)
    });
    let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap());
    let fed_peak = writer.join().unwrap();
    let code = child.wait().unwrap().code().unwrap_or(-1);
    let (out, printed_peak) = out.join().unwrap();
    (code, out, err.join().unwrap(), fed_peak.max(printed_peak))
}

/// The peak resident memory in KiB of the running process `pid` (the kernel's `VmHWM`), `None` once it has
/// ended.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    (status.lines())
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// `count` bytes of `byte`, written in pieces.
fn write_run(out: &mut dyn Write, byte: u8, count: usize) {
    let piece = vec![byte; 1 << 20];
    for _ in 0..count >> 20 {
        if out.write_all(&piece).is_err() {
            return;
        }
    }
}

#[test]
fn a_line_longer_than_the_limit_is_cut_and_memory_stays_bounded() {
    let (code, out, err, peak_kib) = scan_fed(&["-j2"], |stdin| {
        let _ = stdin.write_all(b"APIG.0303 first\n");
        write_run(stdin, b'a', 200 << 20);
        let _ = stdin.write_all(b" APIG.0303 at the end of the long line\nAPIG.0303 after\n");
    });
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(
        lines,
        [
            "(standard input):1:APIG.0303 first",
            "(standard input):3:APIG.0303 after"
        ],
        "{out}"
    );
    assert_eq!(
        err,
        "errcode: warning: (standard input): the line at byte 16 is longer than 16 MiB: only its first 16 MiB were searched\n"
    );
    assert!(peak_kib < 64 * 1024, "peak memory {peak_kib} KiB");
}

/// A long line of one error, explained as JSON: every place a code stands was collected before each code's
/// first thousand were kept, every place a message stands and every status stated were kept, and the line's
/// JSON was written twice over (101 MB for a line of one code cut at 16 MiB; 148 MB for one of status lines,
/// which names no vendor's error and is not reported).
#[test]
fn a_long_line_of_one_error_is_read_in_bounded_memory() {
    for (error, code) in [
        ("APIG.0303 ", Some("APIG.0303")),
        ("HTTP/1.1 429 Too Many Requests ", None),
    ] {
        let (status, out, err, peak_kib) = scan_fed(&["--json"], move |stdin| {
            let piece = error.repeat(1 << 16);
            for _ in 0..(20 << 20) / piece.len() {
                if stdin.write_all(piece.as_bytes()).is_err() {
                    return;
                }
            }
        });
        assert!(
            err.contains("the line at byte 0 is longer than 16 MiB"),
            "{err}"
        );
        assert!(peak_kib < 64 * 1024, "{error}: peak memory {peak_kib} KiB");
        let Some(code) = code else {
            assert_eq!((status, out.as_str()), (1, ""), "{error}");
            continue;
        };
        assert_eq!(status, 0, "{err}");
        assert_eq!(out.lines().count(), 1);
        let line: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(line["text"].as_str().map(str::len), Some(16 << 20));
        assert_eq!(line["matches"][0]["code"], code, "{error}");
    }
}

/// Long lines explained in both outputs, whose text is copied to be read or printed: a Chinese message
/// cut inside a character (read as a lossy copy), and a coloured code beside invisible marks (read without
/// its colours; the marks escaped when printed). The output grew by doubling to twice the line (72 MB for
/// the 16 MiB cut Chinese line), and the escaped line was copied whole before it was appended (75 MB). What
/// the line's length adds to the peak is measured (a debug build's own is larger): from a 4 MiB line to the
/// 16 MiB it is read to, under 3.7 times the 12 MiB more (the block, the line's copy, its output; the
/// release build: 56 MB in all, and 15 MB for the 4 MiB line, against 72 and 19 MB before).
#[test]
fn long_lines_copied_to_be_read_are_printed_in_bounded_memory() {
    for (error, code) in [
        (
            "'message': '服务未开通或已停止', ",
            "APIGATEWAY_INVALID_SERVICE_STATUS",
        ),
        ("\x1b[31mAPIG.0303\x1b[0m \u{200e}", "APIG.0303"),
    ] {
        for args in [&["--color", "never"][..], &["--json"][..]] {
            let run = |bytes: usize| {
                let (status, out, err, peak_kib) = scan_fed(args, move |stdin| {
                    let piece = error.repeat(1 << 14);
                    for _ in 0..bytes / piece.len() {
                        if stdin.write_all(piece.as_bytes()).is_err() {
                            return;
                        }
                    }
                });
                assert_eq!(status, 0, "{err}");
                let tail = &out[out.floor_char_boundary(out.len().saturating_sub(2000))..];
                assert!(tail.contains(code), "{args:?}: {tail}");
                assert_eq!(out.lines().count(), if args[0] == "--json" { 1 } else { 2 });
                (out, err, peak_kib)
            };
            let (_, _, shorter_kib) = run(4 << 20);
            let (out, err, peak_kib) = run(20 << 20);
            assert!(
                err.contains("the line at byte 0 is longer than 16 MiB"),
                "{err}"
            );
            assert!(
                peak_kib.saturating_sub(shorter_kib) < 37 * 12 * 1024 / 10,
                "{error:?} {args:?}: peak memory {peak_kib} KiB, {shorter_kib} KiB for a 4 MiB line"
            );
            // (16 MiB falls inside a character of the Chinese line, which is read as its first 16 MiB with
            // the cut character replaced.)
            if args[0] == "--json" && error.contains('服') {
                let line: serde_json::Value = serde_json::from_str(&out).unwrap();
                let text = line["text"].as_str().unwrap();
                assert!(text.ends_with('\u{fffd}'));
                assert_eq!(text.len(), (16 << 20) - 1 + '\u{fffd}'.len_utf8());
            }
        }
    }
}

#[test]
fn an_endless_line_is_read_in_constant_memory() {
    // 1 GiB of NUL bytes and no newline, as from /dev/zero.
    let (code, out, err, peak_kib) = scan_fed(&["--count"], |stdin| {
        write_run(stdin, 0, 1 << 30);
    });
    assert_eq!((code, out.as_str()), (1, "(standard input):0\n"), "{err}");
    assert!(
        err.contains("the line at byte 0 is longer than 16 MiB"),
        "{err}"
    );
    assert!(peak_kib < 64 * 1024, "peak memory {peak_kib} KiB");
}

/// A long scan naming thousands of a large catalog's entries keeps little for each once read: each
/// message's regex kept the lazy DFA states it made (35 KB an entry; 471 MB for a log naming 11,000 of a
/// 50,000-entry catalog's), where past a scan's first 256 regexes it now keeps none (12 KB an entry).
#[test]
fn a_scan_naming_many_entries_keeps_little_for_each() {
    let home = tempfile::tempdir().unwrap();
    let mut toml = Vec::new();
    logsynth::catalog(3_000, false, &mut toml).unwrap();
    let toml = String::from_utf8(toml).unwrap();
    let path = home.path().join("synthetic.toml");
    std::fs::write(&path, &toml).unwrap();
    let messages: Vec<String> = (toml.lines())
        .filter_map(|l| l.strip_prefix("message = \"")?.strip_suffix('"'))
        .map(|m| m.replace("{param}", "x1"))
        .collect();
    // (Read while errcode waits for more input, once it has reported every line: its peak then is the
    // scan's, and it cannot have ended.)
    let peak_naming = |entries: usize| {
        let mut child = std_command(home.path())
            .args([
                "scan",
                "--color",
                "never",
                "--catalog",
                path.to_str().unwrap(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let lines: String = (messages.iter().take(entries).enumerate())
            .map(|(i, m)| format!("2024-06-01T10:00:00Z ERROR gw: status=500 msg=\"{m}\" id={i}\n"))
            .collect();
        let writer = std::thread::spawn(move || {
            stdin.write_all(lines.as_bytes()).unwrap();
            stdin
        });
        let mut reported = 0;
        for line in std::io::BufRead::lines(std::io::BufReader::new(child.stdout.take().unwrap())) {
            reported += usize::from(line.unwrap().starts_with("(standard input):"));
            if reported == entries {
                break;
            }
        }
        let peak = peak_kib(child.id()).expect("VmHWM in /proc/PID/status");
        drop(writer.join().unwrap());
        assert!(child.wait().unwrap().success());
        peak
    };
    peak_naming(1); // writes the catalog's cache
    let (few, many) = (peak_naming(500), peak_naming(2_500));
    assert!(
        many.saturating_sub(few) < 2_000 * 24,
        "500 entries named: {few} KiB; 2,500: {many} KiB"
    );
}

/// CPU time (user and system) of a run of errcode with `args`, in microseconds, from the kernel's account
/// of the child; its output is discarded.
// (Reaped by `wait4`, which clippy does not see, for the usage it reports.)
#[allow(clippy::zombie_processes)]
fn cpu_of_run(args: &[&str], home: &std::path::Path) -> i64 {
    let child = std_command(home)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: wait4 only writes the status and the usage it is given, for a child of ours.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    let micros = |t: libc::timeval| t.tv_sec * 1_000_000 + t.tv_usec;
    micros(usage.ru_utime) + micros(usage.ru_stime)
}

#[test]
fn commands_over_a_large_catalog_grow_linearly() {
    let home = tempfile::tempdir().unwrap();
    let catalog = |entries: usize| {
        let mut toml = Vec::new();
        logsynth::catalog(entries, false, &mut toml).unwrap();
        let path = home.path().join(format!("synthetic-{entries}.toml"));
        std::fs::write(&path, toml).unwrap();
        path.display().to_string()
    };
    let (small, large) = (catalog(4_000), catalog(16_000));
    for command in [&["list"][..], &["status", "4xx"], &["lookup", "failure"]] {
        let cost = |path: &str| {
            let args = [&["--catalog", path][..], command].concat();
            cpu_of_run(&args, home.path()); // writes the cache
            (0..3)
                .map(|_| cpu_of_run(&args, home.path()))
                .min()
                .unwrap()
        };
        let (one, four) = (cost(&small), cost(&large));
        assert!(
            four < 9 * one.max(1),
            "{command:?}: 4,000 entries took {one} µs, 16,000 entries {four} µs"
        );
    }
}

/// A long paste of one log line over and over (a container's JSON log, the error escaped inside it) is
/// looked up in memory a small multiple of its size: each of its views (the paste, the error unescaped once
/// and twice) maps its bytes to the paste's in 32 bits, and a code stated thousands of times has its
/// referrals looked for once (this 6 MiB paste peaked at 270 MB, 43 times its size; now 111 MB, 18 times).
#[test]
fn a_long_paste_of_one_escaped_line_is_looked_up_in_bounded_memory() {
    const LINE: &str = r#"{"log":"{\"error_code\":\"APIG.0303\",\"error_msg\":\"Incorrect app authentication information: app not found\"}\n","stream":"stderr","time":"2024-06-01T10:00:00Z"}"#;
    const SIZE: usize = 6 << 20;
    let (code, out, err, peak_kib) = fed("lookup", &["--json", "-"], |stdin| {
        let line = format!("{LINE}\n");
        for _ in 0..SIZE / line.len() {
            stdin.write_all(line.as_bytes()).unwrap();
        }
    });
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["matches"][0]["code"], "APIG.0303");
    let times = peak_kib as f64 * 1024.0 / SIZE as f64;
    assert!(
        times < 24.0,
        "peak {peak_kib} KiB, {times:.1} times the paste"
    );
}

/// The notes a scan keeps of matches that filled placeholders in are bounded in bytes, not in number: a
/// user's meaning may repeat its value through 8 KiB of text, and a log fill in another value on every
/// line (review 55 kept 3.7 GB of them for 6,000 lines).
#[test]
fn notes_of_filled_placeholders_are_kept_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let meaning = "{v} ".repeat(2000);
    let catalog = crate::util::acme_catalog(
        "",
        &format!(
            r#"[[entries]]
id = "frob-1"
code = "FROB.0001"
status = 500
message = "Widget {{v}} exploded inside the frobnicator"
meaning = {{ en = "{meaning}", zh = "{meaning}" }}
fix = {{ en = "Replace it.", zh = "换掉它" }}
"#
        ),
    );
    let file = crate::util::write(dir.path(), "frob.toml", catalog);
    const LINES: usize = 150;
    let (code, out, err, peak_kib) = fed(
        "scan",
        &[
            "--catalog",
            file.to_str().unwrap(),
            "--color",
            "never",
            "-j1",
        ],
        |stdin| {
            for i in 0..LINES {
                let value = format!("{i:0>100}");
                writeln!(
                    stdin,
                    "ERROR Widget {value} exploded inside the frobnicator"
                )
                .unwrap();
            }
        },
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.matches("  ↳ FROB.0001 · ").count(),
        LINES,
        "{}",
        &out[..out.len().min(300)]
    );
    // Each line's note is some 800 KB (2,000 values of 100 bytes, in two languages): kept, 150 of them
    // held 120 MB.
    assert!(peak_kib < 48 * 1024, "peak memory {peak_kib} KiB");
}
