//! The command line: `args` is clap's definition, `settings` resolves flags and environment once,
//! `commands` runs one command each, and `output` is where everything is written.

mod args;
mod commands;
mod completion;
mod config;
mod output;
mod pager;
mod settings;

use std::ffi::OsString;
use std::io;

use clap::CommandFactory as _;

use crate::error::Error;
use crate::exit;
use crate::render;
use args::Cli;
pub use args::ENVIRONMENT;

/// Entry point for the binary: runs errcode and returns the exit status.
pub fn main() -> i32 {
    run(std::env::args_os(), |name| std::env::var(name).ok())
}

/// Runs errcode with these arguments and this environment lookup.
pub fn run(args: impl IntoIterator<Item = OsString>, env: impl Fn(&str) -> Option<String>) -> i32 {
    // clap answers --help and --version here, before any user catalog is read.
    // One clap command serves both the rewrite and the parse: building it is most of clap's cost.
    let mut command = Cli::command();
    let args: Vec<OsString> = args.into_iter().collect();
    if args::asks_long_version(&args) {
        // The built-in catalogs' headers only (microseconds); never a user's catalog.
        // (clap takes a static text; the process prints it and exits.)
        let text: &'static str = Box::leak(args::long_version().into_boxed_str());
        command = command.long_version(text);
    }
    let rewritten = args::with_default_subcommand(&command, args);
    let parsed = command
        .try_get_matches_from_mut(rewritten.args)
        .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help, --version: written as any output is, so that a full disk or a closed stdout is
            // an error (a closed pipe is not).
            return match err.print() {
                Ok(()) => exit::OK,
                Err(err) if err.kind() == io::ErrorKind::BrokenPipe => exit::OK,
                Err(err) => {
                    output::error(&Error::Write(err));
                    exit::ERROR
                }
            };
        }
        Err(err) => {
            // A usage error quotes what was typed, which may hold control characters: shown escaped.
            let line = one_line(&err.render().to_string());
            output::stderr(&format!("errcode: {}\n", render::escape(&line)));
            return exit::ERROR;
        }
    };
    match commands::execute(cli, rewritten.suspect, &env) {
        Ok(code) => code,
        // The reader went away (`errcode list | head`): not an error.
        Err(Error::Write(err)) if err.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(err) => {
            output::error(&err);
            exit::ERROR
        }
    }
}

/// clap's usage error (a message, then indented details, a tip, the usage and a pointer to `--help`, over
/// several lines) as one line, as errcode's other errors are: `invalid value 'fr' for '--lang <LANG>'
/// [possible values: en, zh, both]`, `unexpected argument '430' found; usage: errcode status <STATUS>`.
pub(super) fn one_line(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut out = lines
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_string();
    let mut usage = None;
    // After a line ending in a colon, its items (`<PATTERN>`, `<STATUS>`) follow one per line.
    let mut listing = false;
    for line in lines {
        if line.starts_with("For more information") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("Usage: ") {
            usage = Some(rest.to_string());
            listing = false;
        } else if line.starts_with('[') || out.ends_with(':') {
            listing = out.ends_with(':');
            out = format!("{out} {line}");
        } else if listing && !line.starts_with("tip:") {
            out = format!("{out}, {line}");
        } else {
            listing = false;
            out = format!("{out}; {line}");
        }
    }
    if let Some(usage) = usage {
        out = format!("{out}; usage: {usage}");
    }
    out
}

/// The clap definition, for completions and tests.
pub fn command() -> clap::Command {
    Cli::command()
}

/// A completion script for `shell`, as committed under `completions/`: clap_complete's, with values
/// (codes, family ids, vendor ids) that the binary lists completing in bash, zsh and fish.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "errcode", &mut buffer);
    let script = String::from_utf8(buffer).expect("completion scripts are UTF-8");
    completion::with_values(shell, script)
}
