//! Completion of values (issue 18): codes, family ids and vendor ids complete in bash, zsh and fish, from
//! the binary (`errcode __complete codes|families|vendors`), so that the user's catalogs are seen too; `scan`
//! completes files. The lists are checked through the binary, the committed scripts for their hooks, and
//! the scripts themselves in each shell that is installed (a shell that is not is skipped, saying so).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{ACME, TestCommand, errcode, write};

fn acme() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "acme.toml", ACME);
    (dir, path)
}

fn listed(run: crate::util::Run) -> Vec<String> {
    run.expect_code(0)
        .stdout()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_binary_lists_codes_families_and_vendors_of_every_loaded_catalog() {
    let (_dir, catalog) = acme();
    let builtin: Vec<String> = errcode::catalog::Vendor::known()
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(listed(errcode(["__complete", "vendors"])), builtin);
    // A user's catalog, named by --catalog or by ERRCODE_CATALOG_PATH.
    let mut with_acme = builtin.clone();
    with_acme.push("acme-gw".to_string());
    let run = crate::util::with_catalog(&catalog, &["__complete", "vendors"]);
    assert_eq!(listed(run), with_acme);
    let run = TestCommand::new()
        .args(["__complete", "codes"])
        .env("ERRCODE_CATALOG_PATH", &catalog)
        .output();
    let codes = listed(run);
    for code in [
        "APIG.0303",
        "InvalidApi.NotFound",
        "ACME-QUOTA",
        "INVALID_ARGUMENT",
    ] {
        assert!(codes.iter().any(|c| c == code), "{code}");
    }
    // Sorted, each once, no template (`Missing{param}`) and nothing a shell would split.
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted);
    assert!(
        codes
            .iter()
            .all(|c| !c.contains(['{', ' ', '\t']) && !c.is_empty())
    );
    // --vendor narrows the codes, as it narrows every command.
    let run = crate::util::with_catalog(&catalog, &["--vendor", "acme-gw", "__complete", "codes"]);
    assert_eq!(listed(run), ["ACME-QUOTA"]);
    // The families, as `family --json` lists them.
    let families = crate::util::json(["family"], 0);
    let ids: Vec<String> = (families["families"].as_array().unwrap().iter())
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed(errcode(["__complete", "families"])), ids);
    // A value that is not a list is a usage error.
    let run = errcode(["__complete", "statuses"]).expect_code(2);
    assert!(
        run.stderr()
            .starts_with("errcode: invalid value 'statuses'")
    );
}

#[test]
fn the_hidden_command_stays_out_of_help_and_does_not_take_words() {
    let help = errcode(["--help"]).expect_code(0).stdout();
    assert!(!help.contains("__complete"), "{help}");
    // Codes stay open: an unknown code is looked up (and not found), never refused by clap.
    let run = errcode(["lookup", "NOSUCH.9999"]).expect_code(1);
    assert!(
        run.stderr().starts_with("errcode: no entry matches"),
        "{}",
        run.stderr()
    );
    // The word `complete` is still a lookup (Google's DEADLINE_EXCEEDED has it): the command is `__complete`.
    let word = errcode(["complete"]);
    let lookup = errcode(["lookup", "complete"]);
    assert_eq!(word.code(), lookup.code());
    assert_eq!(word.stdout(), lookup.stdout());
    assert!(word.stdout().contains("DEADLINE_EXCEEDED"));
}

fn committed(file: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions")
            .join(file),
    )
    .unwrap()
}

/// Each committed script asks the binary for values (and no longer carries its own vendor list where
/// it did).
#[test]
fn each_committed_script_has_the_hook() {
    let bash = committed("errcode.bash");
    for hook in [
        "_errcode_values() {",
        "__complete \"${what}\" \"${catalogs[@]}\"",
        "lookup) what=codes ;;",
        "family) (( positionals == 0 )) && what=families ;;",
        "--vendor) what=vendors ;;",
        "complete -F _errcode_values -o nosort -o bashdefault -o default errcode",
    ] {
        assert!(bash.contains(hook), "bash: {hook}");
    }
    let zsh = committed("_errcode");
    for hook in [
        "errcode __complete $what $catalogs",
        "unquoted words form one message:_errcode_codes'",
        "none lists them all:_errcode_families'",
        "\":: :_errcode_commands_or_codes\"",
        ":ID:_errcode_vendors'",
        "*::paths -- Files to scan",
    ] {
        assert!(zsh.contains(hook), "zsh: {hook}");
    }
    assert!(
        !zsh.contains("huawei alibaba"),
        "a fixed vendor list in zsh"
    );
    let fish = committed("errcode.fish");
    for hook in [
        "$words[1] __complete $argv[1] $catalogs",
        "__fish_errcode_using_subcommand lookup\" -f -a \"(__fish_errcode_values codes)\"",
        "__fish_errcode_using_subcommand family\" -f -a \"(__fish_errcode_values families)\"",
        "-l vendor -d 'Only this vendor\\'s entries (repeatable) [default: every vendor, or the config file\\'s vendors]' -r -f -a \"(__fish_errcode_values vendors)\"",
    ] {
        assert!(fish.contains(hook), "fish: {hook}");
    }
    assert!(!fish.contains("huawei\\t''"), "a fixed vendor list in fish");
}

/// `shell` (bash, zsh, fish) run on `script` in the clean environment, with the binary's directory first
/// in PATH and `examples/` as its directory; `None` (and a message) when the shell is not installed.
fn run_shell(shell: &str, args: &[&str], script: &str, env: &[(&str, &Path)]) -> Option<String> {
    if Command::new(shell).arg("--version").output().is_err() {
        eprintln!("skipped: {shell} is not installed, so its completion script was not run");
        return None;
    }
    let home = tempfile::tempdir().unwrap();
    let binary = assert_cmd::cargo::cargo_bin("errcode");
    let path = std::env::join_paths(
        std::iter::once(binary.parent().unwrap().to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();
    let mut command = Command::new(shell);
    crate::util::clean_environment(&mut command, home.path());
    let output = command
        .args(args)
        .arg("-c")
        .arg(script)
        .env("PATH", path)
        .envs(env.iter().map(|(k, v)| (*k, *v)))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{shell}: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).unwrap())
}

fn script_path(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(file)
        .display()
        .to_string()
}

/// What bash completes for `words` (the last being the word under the cursor), sorted.
fn bash_completes(words: &[&str], env: &[(&str, &Path)]) -> Option<Vec<String>> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\n_errcode_values errcode '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script_path("errcode.bash"),
        quoted.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let out = run_shell("bash", &["--norc", "--noprofile"], &script, env)?;
    let mut values: Vec<String> = out
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    values.sort();
    Some(values)
}

#[test]
fn bash_completes_codes_families_vendors_and_files() {
    let (_dir, catalog) = acme();
    let catalog_arg = catalog.display().to_string();
    let Some(codes) = bash_completes(&["errcode", "lookup", "APIG.030"], &[]) else {
        return;
    };
    assert!(codes.contains(&"APIG.0303".to_string()), "{codes:?}");
    assert!(codes.iter().all(|c| c.starts_with("APIG.030")), "{codes:?}");
    // A user's catalog named on the command line, and one in ERRCODE_CATALOG_PATH.
    assert_eq!(
        bash_completes(
            &["errcode", "--catalog", &catalog_arg, "lookup", "ACM"],
            &[]
        )
        .unwrap(),
        ["ACME-QUOTA"]
    );
    // `--catalog=PATH` (which bash splits at `=`) and a path from `~`.
    assert_eq!(
        bash_completes(
            &["errcode", "--catalog", "=", &catalog_arg, "lookup", "ACM"],
            &[]
        )
        .unwrap(),
        ["ACME-QUOTA"]
    );
    let home = catalog.parent().unwrap();
    assert_eq!(
        bash_completes(
            &["errcode", "--catalog", "~/acme.toml", "--vendor", "ac"],
            &[("HOME", home)]
        )
        .unwrap(),
        ["acme-gw"]
    );
    assert_eq!(
        bash_completes(
            &["errcode", "--vendor", "acme"],
            &[("ERRCODE_CATALOG_PATH", &catalog)]
        )
        .unwrap(),
        ["acme-gw"]
    );
    assert_eq!(
        bash_completes(&["errcode", "lookup", "--vendor", "k"], &[]).unwrap(),
        ["kong"]
    );
    assert_eq!(
        bash_completes(&["errcode", "family", "sig"], &[]).unwrap(),
        ["signature-mismatch"]
    );
    // As the first word, codes join the commands; after a query, more codes.
    let first = bash_completes(&["errcode", "APIG.030"], &[]).unwrap();
    assert!(first.contains(&"APIG.0303".to_string()), "{first:?}");
    assert_eq!(
        bash_completes(&["errcode", "statu"], &[]).unwrap(),
        ["status"]
    );
    let more = bash_completes(&["errcode", "APIG.0303", "APIG.030"], &[]).unwrap();
    assert!(more.contains(&"APIG.0303".to_string()), "{more:?}");
    // scan completes files; the generated answers (--lang's values) stay.
    assert_eq!(
        bash_completes(&["errcode", "scan", "g"], &[]).unwrap(),
        ["gateway.log", "gw.log"]
    );
    assert_eq!(
        bash_completes(&["errcode", "status", "--lang", ""], &[]).unwrap(),
        ["both", "en", "zh"]
    );
}

/// What fish completes for `line` (the candidates, without their descriptions), sorted.
fn fish_completes(line: &str, env: &[(&str, &Path)]) -> Option<Vec<String>> {
    let script = format!(
        "source '{}'; complete -C '{line}'",
        script_path("errcode.fish")
    );
    let out = run_shell("fish", &["--no-config"], &script, env)?;
    let mut values: Vec<String> = (out.lines())
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();
    values.sort();
    values.dedup();
    Some(values)
}

/// What the fish and zsh scripts complete alike, through `complete` (a command line and an environment;
/// `None` where the shell is absent): codes, users' catalogs' codes and vendors, families, files. False
/// where the shell is absent.
fn completes_alike(complete: impl Fn(&str, &[(&str, &Path)]) -> Option<Vec<String>>) -> bool {
    let (_dir, catalog) = acme();
    let Some(codes) = complete("errcode lookup APIG.030", &[]) else {
        return false;
    };
    assert!(codes.contains(&"APIG.0303".to_string()), "{codes:?}");
    assert!(codes.iter().all(|c| c.starts_with("APIG.030")), "{codes:?}");
    assert_eq!(
        complete(
            &format!("errcode --catalog {} lookup ACM", catalog.display()),
            &[]
        )
        .unwrap(),
        ["ACME-QUOTA"]
    );
    let home = catalog.parent().unwrap();
    assert_eq!(
        complete(
            "errcode --catalog=~/acme.toml --vendor ac",
            &[("HOME", home)]
        )
        .unwrap(),
        ["acme-gw"]
    );
    assert_eq!(
        complete(
            "errcode --vendor acme",
            &[("ERRCODE_CATALOG_PATH", &catalog)]
        )
        .unwrap(),
        ["acme-gw"]
    );
    assert_eq!(
        complete("errcode family sig", &[]).unwrap(),
        ["signature-mismatch"]
    );
    let first = complete("errcode APIG.030", &[]).unwrap();
    assert!(first.contains(&"APIG.0303".to_string()), "{first:?}");
    assert_eq!(
        complete("errcode scan g", &[]).unwrap(),
        ["gateway.log", "gw.log"]
    );
    true
}

#[test]
fn fish_completes_codes_families_vendors_and_files() {
    if completes_alike(fish_completes) {
        assert_eq!(
            fish_completes("errcode status --vendor k", &[]).unwrap(),
            ["kong"]
        );
    }
}

/// Drives an interactive zsh through a pseudo-terminal (zpty): loads the committed `_errcode` with compinit,
/// wraps `compadd` to write the matches it is given to a file, types the line and Tab, and waits for a
/// marker written by the next command (so the completion has finished). Exit status 3: no zpty module.
const ZSH_DRIVER: &str = r#"
zmodload zsh/zpty 2>/dev/null || exit 3
zpty z zsh -f -i
zpty -w z "PROMPT=''; RPROMPT=''; fpath=($dir \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "compadd() { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"\$@\"; return; fi; local -a __hits; builtin compadd -A __hits \"\$@\"; (( \$#__hits )) && print -rl -- \$__hits >> $out; builtin compadd \"\$@\" }"
zpty -w z "print -r -- ready > $out.ready"
for i in {1..100}; do [[ -e $out.ready ]] && break; sleep 0.1; done
zpty -w -n z "$line"$'\t'
zpty -w -n z $'\C-u'"print -r -- done > $out.done"$'\n'
for i in {1..100}; do [[ -e $out.done ]] && break; sleep 0.1; done
zpty -d z
[[ -e $out.done ]] || exit 4
[[ -e $out ]] && cat $out
exit 0
"#;

/// What zsh completes for `line`, sorted; `None` (and a message) without zsh or its zpty module.
fn zsh_completes(line: &str, env: &[(&str, &Path)]) -> Option<Vec<String>> {
    let scratch = tempfile::tempdir().unwrap();
    let script = format!(
        "dir='{}'\nout='{}'\nline='{line}'\n{ZSH_DRIVER}",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions")
            .display(),
        scratch.path().join("matches").display(),
    );
    if Command::new("zsh").arg("--version").output().is_err() {
        eprintln!("skipped: zsh is not installed, so its completion script was not run");
        return None;
    }
    let probe = Command::new("zsh")
        .args(["-f", "-c", "zmodload zsh/zpty"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: zsh has no zpty module, so its completion script was not run");
        return None;
    }
    let out = run_shell("zsh", &["-f"], &script, env)?;
    let mut values: Vec<String> = out.lines().map(str::to_string).collect();
    values.sort();
    values.dedup();
    Some(values)
}

#[test]
fn zsh_completes_codes_families_vendors_and_files() {
    if completes_alike(zsh_completes) {
        assert_eq!(zsh_completes("errcode statu", &[]).unwrap(), ["status"]);
    }
}
