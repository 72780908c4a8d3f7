//! The configuration file, `$XDG_CONFIG_HOME/errcode/config.toml` (issue 18): defaults for lang, color,
//! pager and vendors, each beaten by the environment and the environment by a flag; located errors; and
//! `--show-paths`.

use std::path::Path;

use crate::pager::{marking_pager, on_terminal, python};
use crate::util::{TestCommand, write};

/// errcode with `config` as its configuration file (under XDG_CONFIG_HOME), `args` and `env`.
fn with_config(config: &str, args: &[&str], env: &[(&str, &str)]) -> crate::util::Run {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "errcode/config.toml", config);
    let mut command = TestCommand::new()
        .args(args)
        .env("XDG_CONFIG_HOME", dir.path());
    for (key, value) in env {
        command = command.env(key, value);
    }
    command.output()
}

fn stdout(config: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    with_config(config, args, env).expect_code(0).stdout()
}

#[test]
fn lang_flag_beats_environment_beats_config_beats_default() {
    let plain = |lang: &str| stdout("", &["APIG.0303", "--lang", lang], &[]);
    let config = "lang = \"en\"\n";
    assert_eq!(stdout("", &["APIG.0303"], &[]), plain("both"));
    assert_eq!(stdout(config, &["APIG.0303"], &[]), plain("en"));
    assert_eq!(
        stdout(config, &["APIG.0303"], &[("ERRCODE_LANG", "zh")]),
        plain("zh")
    );
    assert_eq!(
        stdout(
            config,
            &["APIG.0303", "--lang", "both"],
            &[("ERRCODE_LANG", "zh")]
        ),
        plain("both")
    );
    // Spelt as --lang accepts.
    assert_eq!(
        stdout("lang = \"zh-CN\"\n", &["APIG.0303"], &[]),
        plain("zh")
    );
}

#[test]
fn color_flag_beats_environment_beats_config() {
    let coloured = |out: String| out.contains('\x1b');
    let config = "color = \"always\"\n";
    // Piped, so auto means none: the configuration's `always` colours.
    assert!(!coloured(stdout("", &["APIG.0303"], &[])));
    assert!(coloured(stdout(config, &["APIG.0303"], &[])));
    assert!(!coloured(stdout(
        config,
        &["APIG.0303"],
        &[("NO_COLOR", "1")]
    )));
    assert!(coloured(stdout(
        config,
        &["APIG.0303", "--color", "always"],
        &[("NO_COLOR", "1")]
    )));
    assert!(coloured(stdout(
        "color = \"never\"\n",
        &["APIG.0303"],
        &[("CLICOLOR_FORCE", "1")]
    )));
    assert!(!coloured(stdout(
        "",
        &["APIG.0303", "--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    )));
}

#[test]
fn vendors_from_config_unless_the_flag_says() {
    let vendors = |config: &str, args: &[&str]| {
        let run = with_config(config, &[args, &["--json"]].concat(), &[]).expect_code(0);
        let mut found: Vec<String> = crate::util::rows(&run.json())
            .into_iter()
            .map(|r| r.0)
            .collect();
        found.dedup();
        found
    };
    let config = "vendors = [\"tencent\", \"jdcloud\"]\n";
    assert_eq!(
        vendors("", &["status", "429"]),
        ["huawei", "tencent", "jdcloud", "aws", "kong", "google"]
    );
    assert_eq!(vendors(config, &["status", "429"]), ["tencent", "jdcloud"]);
    assert_eq!(
        vendors(config, &["status", "429", "--vendor", "huawei"]),
        ["huawei"]
    );
    // An empty list is every vendor.
    assert_eq!(
        vendors("vendors = []\n", &["status", "429"]),
        ["huawei", "tencent", "jdcloud", "aws", "kong", "google"]
    );
}

#[test]
fn pager_environment_beats_config_and_no_pager_beats_both() {
    if !python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pager = marking_pager(dir.path());
    let config_home = dir.path().join("config");
    write(
        &config_home,
        "errcode/config.toml",
        format!("pager = \"{pager} from-config\"\n"),
    );
    let home = config_home.to_str().unwrap();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut env = env.to_vec();
        env.push(("XDG_CONFIG_HOME", home));
        on_terminal(Path::new(home), args, &env).0
    };
    assert!(run(&["status", "4xx"], &[]).starts_with("[paged: from-config]\n"));
    let from_env = format!("{pager} from-env");
    assert!(
        run(&["status", "4xx"], &[("ERRCODE_PAGER", &from_env)]).starts_with("[paged: from-env]\n")
    );
    let shown = run(
        &["status", "4xx", "--no-pager"],
        &[("ERRCODE_PAGER", &from_env)],
    );
    assert!(!shown.contains("[paged"), "{shown}");
    // An empty pager in the file is none.
    write(&config_home, "errcode/config.toml", "pager = \"\"\n");
    assert!(!run(&["status", "4xx"], &[]).contains("[paged"));
}

#[test]
fn a_broken_config_is_a_located_error_but_help_still_works() {
    for (config, expected) in [
        (
            "langs = \"en\"\n",
            ":1:1: unknown key `langs`; the keys are lang, color, pager, vendors",
        ),
        (
            "lang = \"fr\"\n",
            ":1:8: lang: \"fr\" is not a language errcode knows: use en, zh or both",
        ),
        (
            "color = \"sometimes\"\n",
            ":1:9: color: \"sometimes\" is not auto, always or never",
        ),
        (
            "vendors = [\"huawei\", \"Acme GW\"]\n",
            ":1:22: vendors: invalid value 'Acme GW' for '--vendor <ID>'",
        ),
        ("lang = \n", ":1:8: "),
    ] {
        let run = with_config(config, &["APIG.0303"], &[]).expect_code(2);
        let stderr = run.stderr();
        assert!(
            stderr.starts_with("errcode: ") && stderr.contains(&format!("config.toml{expected}")),
            "{config:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        with_config(config, &["--help"], &[]).expect_code(0);
        with_config(config, &["--show-paths"], &[]).expect_code(0);
    }
}

#[test]
fn show_paths_lists_config_catalogs_and_cache() {
    let home = tempfile::tempdir().unwrap();
    write(home.path(), ".config/errcode/catalogs/acme.toml", "");
    let run = TestCommand::new()
        .args(["--show-paths", "--catalog", "/nowhere/x.toml"])
        .env("HOME", home.path())
        .output()
        .expect_code(0);
    let home = home.path().display();
    assert_eq!(
        run.stdout(),
        format!(
            "config file:     {home}/.config/errcode/config.toml (not there)\n\
             catalog folder:  {home}/.config/errcode/catalogs (a directory, 1 .toml files)\n\
             catalog path:    /nowhere/x.toml (not there) (from --catalog)\n\
             cache folder:    {home}/.cache/errcode (not there)\n"
        )
    );
}
