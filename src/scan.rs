//! `errcode scan`: streaming files or standard input, reporting each line that carries a known gateway
//! error, counting such lines per file, or summarising the errors.
//!
//! Input is read in large blocks and searched as a whole for the literals every code and message contains
//! (one Aho-Corasick pass, as ripgrep searches a buffer rather than lines); only the lines around those hits
//! are read as text and matched. Memory is bounded by the block size and the longest line: a line is never
//! split, however long, and bytes that are not UTF-8 are matched and shown lossily.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use crate::catalog::Vendor;
use crate::error::{Error, Result};
use crate::matcher::{Match, Matcher, ReferralMatch};
use crate::render::{self, Look};

/// What `scan` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Each matching line, with a note of what it carries.
    Lines,
    /// Matching lines per input.
    Count,
    /// Counts per error over all input.
    Summary,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub mode: Mode,
    pub json: bool,
    pub recursive: bool,
}

/// How a scan ended, for the exit status.
#[derive(Debug, Clone, Copy, Default)]
pub struct Status {
    pub matched: bool,
    pub failed: bool,
}

/// The name standard input is reported under, as grep's.
pub const STDIN_NAME: &str = "(standard input)";

/// Bytes read at a time. Large enough that the search runs at memory speed, small enough to stay in cache.
const BLOCK: usize = 256 * 1024;

/// One line that carries errors.
pub struct LineReport<'a, 'c> {
    pub path: &'a str,
    pub number: u64,
    pub text: &'a str,
    pub matches: &'a [Match<'c>],
    pub referrals: &'a [ReferralMatch<'c>],
}

/// What `--summary` counts by: vendor, code (as the catalog writes it, or as found for a code no entry
/// has), status (none for such a code) and message.
pub type ErrorKey = (Vendor, Option<String>, Option<u16>, String);

/// Counts for `--summary`.
#[derive(Debug, Default)]
pub struct Summary {
    pub lines: u64,
    pub matched_lines: u64,
    /// Per error: (vendor, code, status, message) → count. Codes no entry has carry no status.
    pub errors: HashMap<ErrorKey, u64>,
}

/// Scans `inputs` (standard input for none, or for `-`) and writes to `out`; problems with an input are
/// reported on `err` and the other inputs still scanned.
pub fn run(
    matcher: &Matcher<'_>,
    inputs: &[PathBuf],
    options: Options,
    look: &Look,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status> {
    let mut status = Status::default();
    let mut summary = Summary::default();
    let stdin_only = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin_only[..]
    } else {
        inputs
    };
    for input in inputs {
        for file in expand(input, options.recursive, err, &mut status)? {
            let scanned = if file == Path::new("-") {
                let stdin = io::stdin();
                // A pipe or terminal may be `tail -f`: report each line as soon as it is read.
                let live = stdin.is_terminal() || !is_regular(Path::new("/dev/stdin"));
                scan_reader(
                    matcher,
                    stdin.lock(),
                    STDIN_NAME,
                    live,
                    options,
                    look,
                    out,
                    &mut summary,
                )
            } else {
                match File::open(&file) {
                    Ok(f) => {
                        let name = file.display().to_string();
                        scan_reader(matcher, f, &name, false, options, look, out, &mut summary)
                    }
                    Err(e) => Err(ScanError::Read(e)),
                }
            };
            match scanned {
                Ok(matched) => status.matched |= matched,
                Err(ScanError::Read(e)) => {
                    report(
                        err,
                        &Error::Read {
                            path: file.clone(),
                            source: e,
                        },
                    )?;
                    status.failed = true;
                }
                Err(ScanError::Write(e)) => return Err(Error::Write(e)),
            }
        }
    }
    if options.mode == Mode::Summary {
        let text = if options.json {
            render::summary_json(&summary)
        } else {
            render::summary_human(&summary, look)
        };
        out.write_all(text.as_bytes()).map_err(Error::Write)?;
    }
    out.flush().map_err(Error::Write)?;
    Ok(status)
}

fn report(err: &mut dyn Write, error: &Error) -> Result<()> {
    writeln!(err, "errcode: {}", render::escape(&error.to_string())).map_err(Error::Write)
}

fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// The files an input names: itself, or with `-r` every file below a directory, in name order.
fn expand(
    input: &Path,
    recursive: bool,
    err: &mut dyn Write,
    status: &mut Status,
) -> Result<Vec<PathBuf>> {
    if input == Path::new("-") || !input.is_dir() {
        return Ok(vec![input.to_path_buf()]);
    }
    if !recursive {
        report(
            err,
            &Error::Usage(format!(
                "{}: is a directory (use -r to scan what is in it)",
                input.display()
            )),
        )?;
        status.failed = true;
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for item in walkdir::WalkDir::new(input).sort_by_file_name() {
        match item {
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| input.to_path_buf(), Path::to_path_buf);
                let source = e
                    .into_io_error()
                    .unwrap_or_else(|| io::Error::other("filesystem loop"));
                report(err, &Error::Read { path, source })?;
                status.failed = true;
            }
        }
    }
    Ok(files)
}

/// Why scanning one input stopped.
pub enum ScanError {
    Read(io::Error),
    Write(io::Error),
}

/// Scans one input (`live`: flush after every block, for `tail -f`); true when some line matched.
#[allow(clippy::too_many_arguments)]
pub fn scan_reader(
    matcher: &Matcher<'_>,
    mut reader: impl Read,
    name: &str,
    live: bool,
    options: Options,
    look: &Look,
    out: &mut dyn Write,
    summary: &mut Summary,
) -> std::result::Result<bool, ScanError> {
    let mut buffer = vec![0u8; BLOCK];
    let mut filled = 0;
    // The number of the line that starts at buffer[0].
    let mut first_line: u64 = 1;
    let mut matched_lines: u64 = 0;
    loop {
        if filled == buffer.len() {
            // No line end in a full buffer: a long line. Grow rather than split it.
            buffer.resize(buffer.len() * 2, 0);
        }
        let read = loop {
            match reader.read(&mut buffer[filled..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ScanError::Read(e)),
            }
        };
        let at_end = read == 0;
        filled += read;
        // Whole lines only, except at the end, where a last line without a newline counts too.
        let complete = if at_end {
            filled
        } else {
            match memchr::memrchr(b'\n', &buffer[..filled]) {
                Some(i) => i + 1,
                None => continue,
            }
        };
        let block = &buffer[..complete];
        let lines_in_block = memchr::memchr_iter(b'\n', block).count() as u64
            + u64::from(at_end && complete > 0 && block[complete - 1] != b'\n');
        let mut counted_to = 0;
        let mut line_number = first_line;
        for line in matcher.candidate_lines(block) {
            let (start, end) = (line.start, line.end);
            line_number += memchr::memchr_iter(b'\n', &block[counted_to..start]).count() as u64;
            counted_to = start;
            let raw = &block[start..end];
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            let text = String::from_utf8_lossy(raw);
            let (matches, referrals) = matcher.scan_line(&text);
            if !matches.is_empty() || !referrals.is_empty() {
                matched_lines += 1;
                let report = LineReport {
                    path: name,
                    number: line_number,
                    text: &text,
                    matches: &matches,
                    referrals: &referrals,
                };
                match options.mode {
                    Mode::Lines => {
                        let rendered = if options.json {
                            render::scan_line_json(&report)
                        } else {
                            render::scan_line_human(&report, look)
                        };
                        out.write_all(rendered.as_bytes())
                            .map_err(ScanError::Write)?;
                    }
                    Mode::Summary => summary.add(&matches, &referrals),
                    Mode::Count => {}
                }
            }
        }
        summary.lines += lines_in_block;
        if live {
            out.flush().map_err(ScanError::Write)?;
        }
        first_line += lines_in_block;
        buffer.copy_within(complete..filled, 0);
        filled -= complete;
        if at_end {
            break;
        }
    }
    summary.matched_lines += matched_lines;
    if options.mode == Mode::Count {
        let line = if options.json {
            render::count_json(name, matched_lines)
        } else {
            format!("{}:{matched_lines}\n", render::escape(name))
        };
        out.write_all(line.as_bytes()).map_err(ScanError::Write)?;
    }
    Ok(matched_lines > 0)
}

impl Summary {
    fn add(&mut self, matches: &[Match<'_>], referrals: &[ReferralMatch<'_>]) {
        for m in matches {
            let key = (
                m.catalog.vendor,
                m.entry.code.as_ref().map(|c| c.source().to_string()),
                Some(m.entry.status),
                m.entry.message.source().to_string(),
            );
            *self.errors.entry(key).or_default() += 1;
        }
        for r in referrals {
            let key = (r.catalog.vendor, Some(r.code.clone()), None, String::new());
            *self.errors.entry(key).or_default() += 1;
        }
    }

    /// Errors, most frequent first (then by vendor and code, so equal counts list in a stable order).
    pub fn ranked(&self) -> Vec<(&ErrorKey, u64)> {
        let mut errors: Vec<_> = self.errors.iter().map(|(k, v)| (k, *v)).collect();
        errors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        errors
    }
}
