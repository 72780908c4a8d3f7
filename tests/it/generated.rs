//! Generated artefacts stay in step with the clap definition: the committed completions are what
//! `errcode completions SHELL` prints now.

use clap_complete::Shell;

use crate::util::errcode;

const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "errcode.bash"),
    (Shell::Zsh, "_errcode"),
    (Shell::Fish, "errcode.fish"),
    (Shell::PowerShell, "_errcode.ps1"),
    (Shell::Elvish, "errcode.elv"),
];

#[test]
fn committed_completions_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let mut stale = Vec::new();
    for (shell, file) in SHELLS {
        let generated = errcode::cli::completion_script(shell);
        let path = dir.join(file);
        if std::env::var_os("ERRCODE_BLESS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != generated {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions {stale:?}: regenerate with `ERRCODE_BLESS=1 cargo test completions`"
    );
}

#[test]
fn completions_command_prints_the_committed_script() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in SHELLS {
        let name = shell.to_string();
        let run = errcode(["completions", name.as_str()]).expect_code(0);
        let committed = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(
            run.stdout() == committed,
            "`errcode completions {name}` differs from completions/{file}"
        );
    }
    let run = errcode(["completions", "tcsh"]).expect_code(2);
    assert!(run.stderr().contains("invalid value 'tcsh'"));
    // The completions know the subcommands and the vendor ids.
    let bash = std::fs::read_to_string(dir.join("errcode.bash")).unwrap();
    for subcommand in [
        "lookup",
        "status",
        "grep",
        "scan",
        "list",
        "catalogs",
        "family",
        "catalog",
        "completions",
    ] {
        // (As bash's completion names it: a bare word would be found in flags too, `--catalog`.)
        assert!(
            bash.contains(&format!("errcode,{subcommand})")),
            "{subcommand}"
        );
    }
    for word in ["--threads", "huawei alibaba tencent jdcloud"] {
        assert!(bash.contains(word), "{word}");
    }
}

/// The man pages, generated from the clap definition by clap_mangen: `errcode.1`, with the environment
/// errcode reads (`errcode::cli::ENVIRONMENT`) and the files it uses, and one page per command
/// (`errcode-scan.1`...), as (file name, text). Only the tests link clap_mangen: the binary does not carry it.
fn man_pages() -> Vec<(String, String)> {
    use clap_mangen::roff::{Roff, bold, roman};
    let mut command = errcode::cli::command().disable_help_subcommand(true);
    command.build();
    let man = clap_mangen::Man::new(command.clone()).manual("errcode manual");
    let mut out = Vec::new();
    man.render_title(&mut out).unwrap();
    man.render_name_section(&mut out).unwrap();
    man.render_synopsis_section(&mut out).unwrap();
    man.render_description_section(&mut out).unwrap();
    man.render_options_section(&mut out).unwrap();
    man.render_subcommands_section(&mut out).unwrap();
    let mut roff = Roff::new();
    // `--help`'s closing text is its examples and the exit status: sections of their own here, the
    // examples as written (clap_mangen's "EXTRA" section would fill them into a paragraph).
    let after_help = command.get_after_help().expect("examples").to_string();
    let (examples, exit_status) = after_help
        .split_once("\n\nExit status: ")
        .expect("examples, then the exit status");
    roff.control("SH", ["EXAMPLES"]);
    roff.control("nf", []);
    for line in examples.lines().skip_while(|l| l.starts_with("Examples:")) {
        roff.text([roman(line.trim_start())]);
    }
    roff.control("fi", []);
    roff.control("SH", ["EXIT STATUS"]);
    roff.text([roman(exit_status)]);
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, text) in errcode::cli::ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(text)]);
    }
    roff.control("SH", ["FILES"]);
    for (path, text) in [
        (
            "~/.config/errcode/config.toml",
            "Defaults set once: lang = \"en\", color = \"always\", pager = \"less -R\", vendors = [\"huawei\"]. A flag beats the environment, which beats this file (under XDG_CONFIG_HOME when set; errcode --show-paths shows where).",
        ),
        (
            "~/.config/errcode/catalogs/*.toml",
            "The user's catalogs, loaded after the built-in ones (under XDG_CONFIG_HOME when set).",
        ),
        (
            "~/.cache/errcode/",
            "Large user catalogs, kept converted between runs (under XDG_CACHE_HOME when set).",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(path)]);
        roff.text([roman(text)]);
    }
    roff.to_writer(&mut out).unwrap();
    man.render_version_section(&mut out).unwrap();
    let mut pages = vec![(
        "errcode.1".to_string(),
        String::from_utf8(out).expect("roff is UTF-8"),
    )];
    fn commands(command: &clap::Command, pages: &mut Vec<(String, String)>) {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            let man = clap_mangen::Man::new(sub.clone()).manual("errcode manual");
            let mut out = Vec::new();
            man.render(&mut out).unwrap();
            pages.push((man.get_filename(), String::from_utf8(out).unwrap()));
            commands(sub, pages);
        }
    }
    commands(&command, &mut pages);
    pages
}

#[test]
fn committed_man_pages_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let pages = man_pages();
    if std::env::var_os("ERRCODE_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &pages {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let mut stale: Vec<String> = pages
        .iter()
        .filter(|(name, text)| std::fs::read_to_string(dir.join(name)).ok().as_ref() != Some(text))
        .map(|(name, _)| name.clone())
        .collect();
    // No page of a command that is gone.
    for file in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = file.file_name().to_string_lossy().into_owned();
        if !pages.iter().any(|(page, _)| *page == name) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale man pages {stale:?}: regenerate with `ERRCODE_BLESS=1 cargo test man_pages`"
    );
    let main = &pages[0].1;
    for word in [
        "ENVIRONMENT",
        "ERRCODE_LANG",
        "ERRCODE_CATALOG_PATH",
        "ERRCODE_PAGER",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "errcode\\-lookup(1)",
        "errcode\\-scan(1)",
        "\\-\\-no\\-pager",
        "EXIT STATUS",
        "EXAMPLES",
    ] {
        assert!(main.contains(word), "{word} not in man/errcode.1");
    }
    assert!(
        pages
            .iter()
            .any(|(name, _)| name == "errcode-catalog-patterns.1")
    );
}

/// `--version` names the built-in catalogs with the dates of their sources, from the catalogs themselves
/// (issue 18); `-V` is the version alone; neither reads a user's catalog.
#[test]
fn version_names_the_built_in_catalogs_and_their_dates() {
    let version = errcode(["--version"]).expect_code(0).stdout();
    let mut lines = version.lines();
    assert_eq!(
        lines.next(),
        Some(format!("errcode {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    assert_eq!(
        lines.next(),
        Some("built-in catalogs, with the dates of their sources:")
    );
    let catalogs: Vec<&str> = lines.collect();
    for id in errcode::catalog::builtin_files() {
        let id = id.trim_end_matches(".toml");
        assert!(
            catalogs
                .iter()
                .any(|l| l.trim_start().starts_with(&format!("{id} "))),
            "{id} not in\n{version}"
        );
    }
    assert!(
        version.lines().any(|l| l.starts_with("  huawei-apig ")
            && l.ends_with(" 2 sources: 2024-01-15 and 1 undated")),
        "{version}"
    );
    assert!(version.contains("2025-10-20"), "{version}");
    assert_eq!(
        errcode(["-V"]).expect_code(0).stdout(),
        format!("errcode {}\n", env!("CARGO_PKG_VERSION"))
    );
    // A broken user catalog does not stop it.
    let dir = tempfile::tempdir().unwrap();
    let broken = crate::util::write(dir.path(), "broken.toml", "id = ");
    let run = crate::util::TestCommand::new()
        .args(["--version"])
        .env("ERRCODE_CATALOG_PATH", &broken)
        .output()
        .expect_code(0);
    assert_eq!(run.stdout(), version);
}

/// Every command's --help ends with examples of it (issue 18).
#[test]
fn every_command_has_examples_in_its_help() {
    fn commands(command: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands() {
            let mut path = path.clone();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            commands(sub, path, out);
        }
    }
    let mut all = Vec::new();
    commands(&errcode::cli::command(), Vec::new(), &mut all);
    assert!(all.len() >= 12, "{all:?}");
    for path in all {
        let help = errcode(path.iter().map(String::as_str).chain(["--help"]))
            .expect_code(0)
            .stdout();
        let examples = help.split("Example").nth(1).unwrap_or_default();
        assert!(
            examples.contains(&format!("errcode {}", path.join(" "))),
            "`errcode {} --help` has no example:\n{help}",
            path.join(" ")
        );
    }
}
