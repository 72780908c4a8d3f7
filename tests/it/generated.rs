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
