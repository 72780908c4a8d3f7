//! The pager: on a terminal, output longer than the screen goes through `$ERRCODE_PAGER`, `$PAGER` or
//! `less -FRX`, spawned as a process (a pager crate would slow every start for the few outputs that need
//! it). Decided once in `settings`; `scan` streams and is never paged, as grep's and ripgrep's output is not.

use std::io::{self, Write as _};
use std::process::{Command, Stdio};

use super::output;
use crate::error::Result;

/// The pager to send long output through, and the screen's height that makes output long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Pager {
    /// The program and its arguments.
    pub command: Vec<String>,
    /// Lines on the screen: output with more goes through the pager.
    pub height: usize,
}

impl Pager {
    /// The pager a terminal's output goes through, from `ERRCODE_PAGER` (else `PAGER`, else `less -FRX`),
    /// split at white space; `None` for `cat` or an empty setting, which mean no pager. `less` without
    /// arguments gets `-FRX`, so that colours pass and a short page leaves the screen as it was.
    pub(super) fn from_setting(setting: Option<&str>, height: usize) -> Option<Pager> {
        let setting = setting.unwrap_or("less -FRX").trim();
        let mut command: Vec<String> = setting.split_whitespace().map(str::to_string).collect();
        match command.first().map(String::as_str) {
            None | Some("cat") => return None,
            Some("less") if command.len() == 1 => command.push("-FRX".to_string()),
            Some(_) => {}
        }
        Some(Pager { command, height })
    }
}

/// Writes `text` to standard output, through the pager when there is one and the text is longer than the
/// screen. A pager that cannot be started is warned about and the text written directly; a pager that is
/// quit before reading everything (`q` in less) is not an error.
pub(super) fn show(text: &str, pager: Option<&Pager>) -> Result<()> {
    let Some(pager) = pager.filter(|p| text.lines().count() > p.height) else {
        return output::stdout(text);
    };
    let spawned = Command::new(&pager.command[0])
        .args(&pager.command[1..])
        .stdin(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(err) => {
            output::warning(&format!(
                "cannot run the pager {:?} ({err}); set ERRCODE_PAGER, or use --no-pager",
                pager.command.join(" ")
            ));
            return output::stdout(text);
        }
    };
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text.as_bytes()) {
            Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
                output::warning(&format!("cannot write to the pager: {err}"));
            }
            _ => {}
        }
        // Closing its input tells the pager the text is complete.
    }
    let _ = child.wait();
    Ok(())
}
