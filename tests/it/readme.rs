//! The README's examples are what the binary prints (issue 18: its JSON example showed one match where
//! errcode prints two, and its Source lines drifted). Every ```text block that starts with `$ errcode`,
//! `$ pbpaste | errcode` or `$ cat` in README.md and catalogs/README.md is run, in `examples/` (where the
//! logs the examples read are kept), at 100 columns without colour, and compared with the block: standard
//! output, then standard error. A line `...` (alone, or before a parenthesis: `... (checklist left out
//! here)`) stands for any number of lines. `# comments` after a command, `| head -N` and `< FILE` are
//! understood; after `$ pbpaste | errcode`, the lines up to `^D` are standard input.
//!
//! `ERRCODE_BLESS=1 cargo test readme` rewrites the blocks without `...` from the binary's output;
//! `ERRCODE_BLESS_ABRIDGED=1` too rewrites the abridged and long ones, as their first lines and `...`.

use std::path::{Path, PathBuf};

use crate::util::TestCommand;

/// One command of a README block and what the README says it prints.
struct Example {
    /// Where in the file the expected output starts (0-based line index) and ends (exclusive).
    lines: std::ops::Range<usize>,
    command: String,
    stdin: Option<String>,
    expected: Vec<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Splits a command line as a POSIX shell would for the quoting the README uses, dropping a `# comment`.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = command.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    w.push(c);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => w.extend(chars.next()),
                        c => w.push(c),
                    }
                }
            }
            '#' if word.is_none() => break,
            c if c.is_whitespace() => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

fn examples(file: &str) -> Vec<Example> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut examples = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i] != "```text" {
            i += 1;
            continue;
        }
        let start = i + 1;
        let end = (start..lines.len())
            .find(|&j| lines[j] == "```")
            .expect("closed block");
        let runnable = |l: &str| {
            l.starts_with("$ errcode")
                || l.starts_with("$ pbpaste | errcode")
                || l.starts_with("$ cat ")
        };
        if runnable(lines[start]) {
            let mut j = start;
            while j < end {
                let command = lines[j].trim_start_matches("$ ").to_string();
                j += 1;
                let mut stdin = None;
                if command.starts_with("pbpaste") {
                    let until = (j..end)
                        .find(|&k| lines[k] == "^D")
                        .expect("^D after a paste");
                    stdin = Some(lines[j..until].join("\n") + "\n");
                    j = until + 1;
                }
                let output_start = j;
                while j < end && !runnable(lines[j]) {
                    j += 1;
                }
                examples.push(Example {
                    lines: output_start..j,
                    command,
                    stdin,
                    expected: lines[output_start..j]
                        .iter()
                        .map(|l| l.to_string())
                        .collect(),
                });
            }
        }
        i = end + 1;
    }
    examples
}

/// What the example's command prints: standard output, then standard error.
fn run(example: &Example, dir: &Path) -> Vec<String> {
    let mut words = words(&example.command);
    if words[0] == "cat" {
        let text = std::fs::read_to_string(dir.join(&words[1])).unwrap();
        return text.lines().map(str::to_string).collect();
    }
    if words[0] == "pbpaste" {
        words.drain(..2);
    }
    assert_eq!(words[0], "errcode", "{}", example.command);
    let mut head = None;
    let mut stdin = example.stdin.clone().map(String::into_bytes);
    let mut args = Vec::new();
    let mut rest = words[1..].iter();
    while let Some(word) = rest.next() {
        match word.as_str() {
            "|" => {
                assert_eq!(rest.next().map(String::as_str), Some("head"));
                let n = rest.next().unwrap().trim_start_matches('-');
                head = Some(n.parse::<usize>().unwrap());
            }
            "<" => stdin = Some(std::fs::read(dir.join(rest.next().unwrap())).unwrap()),
            _ => args.push(word.clone()),
        }
    }
    let mut command = TestCommand::new().args(&args).env("COLUMNS", "100");
    command.cmd.current_dir(dir);
    if let Some(stdin) = stdin {
        command = command.stdin(stdin);
    }
    let output = command.output();
    let mut lines: Vec<String> = output.stdout().lines().map(str::to_string).collect();
    if let Some(n) = head {
        lines.truncate(n);
    } else {
        lines.extend(output.stderr().lines().map(str::to_string));
    }
    lines
}

fn is_wildcard(line: &str) -> bool {
    let line = line.trim();
    line == "..." || line.starts_with("... (")
}

/// Whether `actual` is `expected`, each wildcard line standing for any number of lines.
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if is_wildcard(first) => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a.trim_end() == first.trim_end() && matches(rest, more)),
    }
}

fn check(file: &str) {
    let dir = root().join("examples");
    let examples = examples(file);
    assert!(!examples.is_empty(), "no examples in {file}");
    let bless = std::env::var_os("ERRCODE_BLESS").is_some();
    let mut blessed: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
    let mut stale = Vec::new();
    for example in &examples {
        let actual = run(example, &dir);
        if matches(&example.expected, &actual) {
            continue;
        }
        // An example written abridged, or a long output, is rewritten abridged: its first lines, then `...`.
        const LONGEST: usize = 30;
        let abridged = example.expected.iter().any(|l| is_wildcard(l)) || actual.len() > LONGEST;
        if bless && !abridged {
            blessed.push((example.lines.clone(), actual));
            continue;
        }
        if bless && std::env::var_os("ERRCODE_BLESS_ABRIDGED").is_some() {
            let mut head: Vec<String> = actual.iter().take(LONGEST - 10).cloned().collect();
            head.push("...".to_string());
            blessed.push((example.lines.clone(), head));
            continue;
        }
        stale.push(format!(
            "$ {}\n--- README says\n{}\n--- errcode prints\n{}\n",
            example.command,
            example.expected.join("\n"),
            actual.join("\n")
        ));
    }
    if !blessed.is_empty() {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for (range, actual) in blessed.into_iter().rev() {
            lines.splice(range, actual);
        }
        std::fs::write(root().join(file), lines.join("\n") + "\n").unwrap();
    }
    assert!(
        stale.is_empty(),
        "{} example(s) of {file} differ from the binary (ERRCODE_BLESS=1 rewrites those without `...`):\n\n{}",
        stale.len(),
        stale.join("\n")
    );
}

#[test]
fn readme_examples_are_what_errcode_prints() {
    check("README.md");
}

#[test]
fn catalog_readme_examples_are_what_errcode_prints() {
    check("catalogs/README.md");
}

#[test]
fn the_wildcard_matches_any_number_of_lines() {
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    assert!(matches(&lines("a\n...\nd"), &lines("a\nb\nc\nd")));
    assert!(matches(&lines("a\n  ... (left out)\nd"), &lines("a\nd")));
    assert!(!matches(&lines("a\n...\nd"), &lines("a\nb")));
    assert!(matches(&lines("a\n..."), &lines("a\nb")));
    assert_eq!(
        words("errcode 'a b' \"c\\\"d\" e  # note"),
        ["errcode", "a b", "c\"d", "e"]
    );
}

/// Whether `shown` is `actual` with some fields of its objects left out (arrays whole, in order).
fn abridges(shown: &serde_json::Value, actual: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (shown, actual) {
        (Value::Object(shown), Value::Object(actual)) => shown
            .iter()
            .all(|(key, value)| actual.get(key).is_some_and(|a| abridges(value, a))),
        (Value::Array(shown), Value::Array(actual)) => {
            shown.len() == actual.len() && shown.iter().zip(actual).all(|(s, a)| abridges(s, a))
        }
        _ => shown == actual,
    }
}

/// The JSON example showed one match of `MissingGroupId` where errcode prints two (issue 18).
#[test]
fn readme_json_example_is_an_abridged_copy_of_the_output() {
    let text = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = text
        .find("```json\n{\"query\": \"MissingGroupId\"")
        .expect("the JSON example")
        + 8;
    let end = start + text[start..].find("```").unwrap();
    let shown: serde_json::Value = serde_json::from_str(&text[start..end]).expect("valid JSON");
    let actual = crate::util::json(["MissingGroupId"], 0);
    assert!(
        abridges(&shown, &actual),
        "README shows\n{shown:#}\nerrcode prints\n{actual:#}"
    );
}

/// "Errors are one line on stderr, `errcode: ...`", the README says; clap's usage errors were several
/// (issue 18).
#[test]
fn usage_errors_are_one_line_as_the_readme_says() {
    for (args, expected) in [
        (
            &["--lang", "fr", "APIG.0303"][..],
            "errcode: invalid value 'fr' for '--lang <LANG>' [possible values: en, zh, both]\n",
        ),
        (
            &["grep"],
            "errcode: the following required arguments were not provided: <PATTERN>; usage: errcode grep <PATTERN>\n",
        ),
        (
            &["status", "429", "430"],
            "errcode: unexpected argument '430' found; usage: errcode status [OPTIONS] <STATUS>\n",
        ),
        (
            &["APIG.0303", "--bogus"],
            "errcode: unexpected argument '--bogus' found; tip: to pass '--bogus' as a value, use '-- --bogus'; usage: errcode lookup <QUERY>...\n",
        ),
    ] {
        let run = crate::util::errcode(args).expect_code(2);
        assert_eq!(run.stderr(), expected, "{args:?}");
        assert_eq!(run.stdout(), "");
    }
}
