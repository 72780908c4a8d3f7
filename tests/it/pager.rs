//! The pager, through a pseudo-terminal (python3's pty module; the tests say so and pass where python3 is
//! missing): long output on a terminal goes through ERRCODE_PAGER, PAGER or `less -FRX`; never when piped,
//! nor with --no-pager, nor when the output fits the screen.

use std::path::Path;
use std::process::Command;

use crate::util::{TestCommand, std_command, write};

/// Runs `command` with its standard output and error on a pseudo-terminal of 24 rows and 100 columns, and
/// returns what the terminal showed (newlines as `\n`).
const PTY: &str = r#"
import fcntl, os, pty, struct, subprocess, sys, termios
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
os.close(slave)
shown = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
child.wait()
sys.stdout.buffer.write(shown)
sys.exit(child.returncode)
"#;

pub(crate) fn python() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import pty, termios"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: the pager tests need python3 (with pty) to make a terminal");
    }
    found
}

/// errcode on a terminal, with `pager` as ERRCODE_PAGER, in a HOME of its own.
pub(crate) fn on_terminal(home: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, i32) {
    let errcode = std_command(home);
    let mut command = Command::new("python3");
    command
        .args(["-c", PTY])
        .arg(errcode.get_program())
        .args(args);
    for (key, value) in errcode.get_envs() {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    // The terminal's own width and height, not the helper's fixed COLUMNS.
    command.env_remove("COLUMNS");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("python3 runs");
    (
        String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n"),
        output.status.code().unwrap_or(-1),
    )
}

pub(crate) fn marking_pager(dir: &Path) -> String {
    let path = write(dir, "pager.sh", "#!/bin/sh\necho \"[paged: $*]\"\ncat\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path.display().to_string()
}

#[test]
fn long_output_on_a_terminal_goes_through_the_pager() {
    if !python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pager = marking_pager(dir.path());
    // ERRCODE_PAGER, then PAGER; the text is all there, after the pager's mark.
    for env in [
        [("ERRCODE_PAGER", pager.as_str())],
        [("PAGER", pager.as_str())],
    ] {
        let (shown, code) = on_terminal(dir.path(), &["status", "4xx", "--lang", "en"], &env);
        assert_eq!(code, 0, "{shown}");
        assert!(
            shown.starts_with("[paged: ]\nHuawei Cloud API Gateway (APIG)"),
            "{env:?}:\n{shown}"
        );
        assert!(shown.contains("APIG.0303"), "{shown}");
    }
    // ERRCODE_PAGER wins over PAGER, and its arguments are passed.
    let (shown, _) = on_terminal(
        dir.path(),
        &["status", "4xx"],
        &[
            ("ERRCODE_PAGER", &format!("{pager} -x")),
            ("PAGER", "false"),
        ],
    );
    assert!(shown.starts_with("[paged: -x]\n"), "{shown}");
}

#[test]
fn no_pager_when_it_fits_when_asked_not_to_or_when_piped() {
    if !python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pager = marking_pager(dir.path());
    let env = [("ERRCODE_PAGER", pager.as_str())];
    // Fits the screen: LINES, where set, is its height (as COLUMNS is its width).
    let (shown, code) = on_terminal(
        dir.path(),
        &["APIGW.0301", "--lang", "en"],
        &[env[0], ("LINES", "200")],
    );
    assert_eq!(code, 0);
    assert!(
        shown.lines().count() > 24 && !shown.contains("[paged"),
        "{shown}"
    );
    // --no-pager, and the pager `cat`.
    for (args, env) in [
        (&["status", "4xx", "--no-pager"][..], env),
        (&["status", "4xx"], [("ERRCODE_PAGER", "cat")]),
    ] {
        let (shown, code) = on_terminal(dir.path(), args, &env);
        assert_eq!(code, 0);
        assert!(
            !shown.contains("[paged") && shown.contains("APIG.0303"),
            "{args:?}"
        );
    }
    // Piped: never.
    let out = TestCommand::new()
        .args(["status", "4xx"])
        .env("ERRCODE_PAGER", &pager)
        .output()
        .expect_code(0)
        .stdout();
    assert!(!out.contains("[paged"));
}

#[test]
fn a_pager_that_cannot_run_is_warned_about_and_the_output_still_shown() {
    if !python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (shown, code) = on_terminal(
        dir.path(),
        &["status", "4xx"],
        &[("ERRCODE_PAGER", "/nonexistent/pager")],
    );
    assert_eq!(code, 0);
    assert!(
        shown.starts_with("errcode: warning: cannot run the pager \"/nonexistent/pager\""),
        "{shown}"
    );
    assert!(shown.contains("APIG.0303"));
}
