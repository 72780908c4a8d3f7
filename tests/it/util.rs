//! Running the real executable in a clean, fixed environment.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// A fresh `errcode` command: no inherited colour, language, catalog or width settings, and a HOME of its own
/// (an empty temporary directory), so that nothing on the machine running the tests changes the output.
pub struct TestCommand {
    pub cmd: Command,
    _home: tempfile::TempDir,
    home: PathBuf,
}

/// What a run of errcode must not inherit from the machine running the tests.
const INHERITED: [&str; 13] = [
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "ERRCODE_LANG",
    "ERRCODE_CATALOG_PATH",
    "ERRCODE_PAGER",
    "PAGER",
    "LANG",
    "LC_ALL",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "COLUMNS",
    "LINES",
    "TERM",
];

/// The `errcode` executable in the clean environment, with `home` as its HOME, as a standard command: for
/// the tests that spawn it and read its output while it runs.
pub fn std_command(home: &Path) -> std::process::Command {
    command_of(&assert_cmd::cargo::cargo_bin("errcode"), home)
}

/// `program` (errcode, or a copy of it) in the clean environment, with `home` as its HOME.
fn command_of(program: &Path, home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    clean_environment(&mut cmd, home);
    cmd
}

/// `cmd` (errcode, or a shell that runs it) without what errcode must not inherit, with `home` as its HOME.
pub fn clean_environment(cmd: &mut std::process::Command, home: &Path) {
    for var in INHERITED {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home).env("COLUMNS", "80");
}

impl TestCommand {
    pub fn new() -> TestCommand {
        let home = tempfile::tempdir().expect("temp dir");
        let cmd = Command::from_std(std_command(home.path()));
        let path = home.path().to_path_buf();
        TestCommand {
            cmd,
            _home: home,
            home: path,
        }
    }

    pub fn home(&self) -> &Path {
        &self.home
    }

    pub fn args<I, S>(mut self, args: I) -> TestCommand
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> TestCommand {
        self.cmd.env(key, value);
        self
    }

    pub fn current_dir(mut self, dir: &Path) -> TestCommand {
        self.cmd.current_dir(dir);
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> TestCommand {
        self.cmd.write_stdin(input);
        self
    }

    /// Kills errcode after `seconds` (a run that would hang then fails instead).
    pub fn timeout(mut self, seconds: u64) -> TestCommand {
        self.cmd.timeout(std::time::Duration::from_secs(seconds));
        self
    }

    pub fn output(mut self) -> Run {
        let output = self.cmd.output().expect("errcode runs");
        Run(output)
    }
}

/// The result of one run, with accessors that say what was expected when they fail.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().expect("exited, not killed")
    }
    pub fn stdout(&self) -> String {
        String::from_utf8(self.0.stdout.clone()).expect("stdout is UTF-8")
    }
    pub fn stderr(&self) -> String {
        String::from_utf8(self.0.stderr.clone()).expect("stderr is UTF-8")
    }
    /// Asserts the exit status, showing both streams when it differs.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code(),
            code,
            "exit status\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.0.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout()))
    }
}

/// `errcode ARGS...` in the clean environment.
pub fn errcode<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    TestCommand::new().args(args).output()
}

/// What `errcode ARGS...` prints at a terminal width of `columns`, expecting success.
pub fn stdout_at(columns: &str, args: &[&str]) -> String {
    TestCommand::new()
        .args(args)
        .env("COLUMNS", columns)
        .output()
        .expect_code(0)
        .stdout()
}

/// `errcode --json ARGS...`, expecting exit status `code`, parsed.
pub fn json<I, S>(args: I, code: i32) -> serde_json::Value
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    TestCommand::new()
        .args(["--json"])
        .args(args)
        .output()
        .expect_code(code)
        .json()
}

/// The `(vendor, code, status)` of each match, in order.
pub fn rows(value: &serde_json::Value) -> Vec<(String, Option<String>, u64)> {
    value["matches"]
        .as_array()
        .expect("matches is an array")
        .iter()
        .map(|m| {
            (
                m["vendor"].as_str().expect("vendor").to_string(),
                m["code"].as_str().map(str::to_string),
                m["status"].as_u64().expect("status"),
            )
        })
        .collect()
}

/// The `(vendor, code, status, message)` of each match, in order (the message as the catalog writes it).
pub fn rows_with_message(value: &serde_json::Value) -> Vec<(String, Option<String>, u64, String)> {
    (rows(value).into_iter())
        .zip(value["matches"].as_array().expect("matches is an array"))
        .map(|((vendor, code, status), m)| {
            let message = m["message"].as_str().expect("message").to_string();
            (vendor, code, status, message)
        })
        .collect()
}

/// An APISIX match's row, as `rows_with_message` gives it: APISIX's messages have no code.
pub fn apisix_row(status: u64, message: &str) -> (String, Option<String>, u64, String) {
    ("apisix".to_string(), None, status, message.to_string())
}

/// `errcode --json lookup` on `paste` (stdin): the JSON, and the exit status.
pub fn json_lookup(paste: &str) -> (serde_json::Value, i32) {
    let run = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(paste)
        .output();
    let code = run.code();
    (run.json(), code)
}

/// `errcode --json lookup` on `paste` (stdin), which names an error (exit 0, else the test fails with the
/// run's output): the JSON.
pub fn json_lookup_found(paste: &str) -> serde_json::Value {
    TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(paste)
        .output()
        .expect_code(0)
        .json()
}

/// `errcode --json lookup` with `paste` on standard input, each of `catalogs` loaded (`--catalog`).
pub fn lookup_paste(catalogs: &[&Path], paste: &str) -> Run {
    let mut command = TestCommand::new();
    for path in catalogs {
        command = command.args(["--catalog".as_ref(), path.as_os_str()]);
    }
    command.args(["--json", "lookup"]).stdin(paste).output()
}

/// The `(vendor, code, status)` of each match of `paste` (`lookup_paste`), and the exit status.
pub fn claims_with(catalogs: &[&Path], paste: &str) -> (Vec<(String, Option<String>, u64)>, i32) {
    let run = lookup_paste(catalogs, paste);
    (rows(&run.json()), run.code())
}

/// A user's catalog of a company gateway (vendor `acme`, one source, `runbook`): `header` stands after its
/// product, on line 5 (catalog checks' positions count from it), and `entries` after its sources.
pub fn acme_catalog(header: &str, entries: &str) -> String {
    format!(
        r#"id = "acme-gateway"
vendor = "acme"
vendor_name = {{ en = "Acme", zh = "Acme" }}
product = {{ en = "Acme Gateway", zh = "Acme 网关" }}
{header}
[[sources]]
id = "runbook"
title = "Runbook"

{entries}"#
    )
}

/// `errcode --catalog PATH ARGS...` in the clean environment.
pub fn with_catalog<S: AsRef<std::ffi::OsStr>>(path: &Path, args: &[S]) -> Run {
    TestCommand::new()
        .args(["--catalog".as_ref(), path.as_os_str()])
        .args(args)
        .output()
}

/// Writes `bytes` to `dir/name` (creating the directories it needs) and returns the path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Whether file permissions stop this process reading: not where the tests run as root (as CI does),
/// which reads a file of mode 000 all the same.
#[cfg(unix)]
pub fn permissions_apply() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let probe = write(dir.path(), "probe", "x");
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::read(&probe).is_err()
}

/// `errcode ARGS...` in the clean environment, run so that file permissions apply to it: where the tests
/// run as root, as an unprivileged user (uid and gid 65534, `nobody`'s; the number is enough, no such
/// user need exist on the machine), with `reach` (directories it must read; temporary directories are
/// private) and its HOME opened to all. Where privileges cannot be dropped, the test fails and says so:
/// a test of unreadable files must not pass without testing.
#[cfg(unix)]
pub fn unprivileged<S: AsRef<std::ffi::OsStr>>(
    args: &[S],
    reach: &[&Path],
    env: &[(&str, &Path)],
) -> Run {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let home = tempfile::tempdir().unwrap();
    let mut cmd = std_command(home.path());
    if !permissions_apply() {
        for dir in reach.iter().copied().chain([home.path()]) {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        // The executable where that user can run it: a checkout in a private directory is copied out.
        let program = assert_cmd::cargo::cargo_bin("errcode");
        let reachable = program
            .ancestors()
            .skip(1)
            .all(|dir| std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o001 != 0));
        if !reachable {
            let copy = home.path().join("errcode");
            std::fs::copy(&program, &copy).unwrap();
            cmd = command_of(&copy, home.path());
        }
        cmd.uid(65534).gid(65534);
    }
    cmd.args(args);
    for (key, value) in env {
        cmd.env(key, value);
    }
    let output = cmd.output().unwrap_or_else(|e| {
        panic!("cannot run errcode as uid 65534, so file permissions cannot be tested: {e}")
    });
    Run(output)
}

/// A user's catalog of a vendor no built-in catalog has: one entry, `ACME-QUOTA`.
pub const ACME: &str = r#"id = "acme-gw"
vendor = "acme-gw"
vendor_name = { en = "Acme", zh = "阿克米" }
product = { en = "Edge Gateway", zh = "边缘网关" }

[[sources]]
id = "runbook"
title = "Acme gateway runbook, undated"

[[entries]]
id = "quota"
code = "ACME-QUOTA"
status = 429
message = "Acme quota exceeded"
meaning = { en = "The caller's quota is used up.", zh = "调用方配额已用完。" }
fix = { en = "Wait for the quota window.", zh = "等待配额窗口。" }
"#;

/// The `*.txt` files of `tests/<folder>`, in name order, each as its name, its `#! ` header and the paste
/// below the `#! ---` line (the corpus's and the pastes' format).
pub fn paste_files(folder: &str) -> Vec<(String, String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let (header, paste) = text
                .split_once("#! ---\n")
                .unwrap_or_else(|| panic!("{name}: no `#! ---` line"));
            (name, header.to_string(), paste.to_string())
        })
        .collect()
}

/// A scan's sink that keeps nothing: for tests that read the counts or time the work.
pub struct Discard;

impl errcode::report::Sink for Discard {
    fn block(
        &mut self,
        _: &str,
        _: &[u8],
        _: &errcode::report::BlockReport<'_>,
    ) -> std::io::Result<()> {
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
    fn done(&mut self, _: &errcode::report::Summary) -> std::io::Result<()> {
        Ok(())
    }
}

/// The referrals `errcode --json lookup` gives for `paste`, as `vendor code pattern`, and its exit code.
pub fn referrals_of(paste: &str) -> (Vec<String>, i32) {
    let run = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(paste)
        .output();
    let value = run.json();
    let referrals = (value["referrals"].as_array().unwrap().iter())
        .map(|r| {
            format!(
                "{} {} {}",
                r["vendor"].as_str().unwrap(),
                r["code"].as_str().unwrap(),
                r["pattern"].as_str().unwrap()
            )
        })
        .collect();
    (referrals, run.code())
}
