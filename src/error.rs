//! The library's error type: every failure a user can cause, each displayed as one line that says where.

use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A catalog that does not parse or does not validate, located to the character.
    #[error("{path}:{line}:{column}: {message}")]
    Catalog {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A file or directory errcode was told to read and could not.
    #[error("{}: {}", path.display(), io_reason(source))]
    Read { path: PathBuf, source: io::Error },
    /// A `grep` pattern the regex engine rejects.
    #[error("invalid pattern {pattern:?}: {message}")]
    Pattern { pattern: String, message: String },
    /// Anything else the user asked for that cannot be done, already phrased for them.
    #[error("{0}")]
    Usage(String),
    /// Writing the output failed (other than the reader going away, which is not an error).
    #[error("cannot write output: {}", io_reason(.0))]
    Write(io::Error),
}

/// The OS reason without Rust's "(os error N)" suffix, lower-cased like the rest of errcode's messages.
fn io_reason(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match text.find(" (os error") {
        Some(at) => &text[..at],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text.to_string(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
