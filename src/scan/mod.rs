//! `errcode scan`: streaming files or standard input and reporting each line that carries a known gateway
//! error, to a `Sink` (which prints them, counts per input, or the summary).
//!
//! Input is read in large blocks and searched as a whole for the literals every code and message contains
//! (a SIMD prefilter over the block, as ripgrep searches a buffer rather than lines); only the lines around
//! those hits are read as text and matched. Large inputs are searched by several threads, block by block,
//! and handed to the sink in input order. Memory is bounded by the blocks in flight and the longest line: a
//! line is never split, and one longer than `LONGEST_LINE` is searched that far and the rest skipped (with a
//! warning); bytes that are not UTF-8 are matched and shown lossily.
//! Compressed input is read through a decoder with `-z`, and refused without; files that look binary are
//! skipped where a recursive scan finds them, unless `--binary` (`input`).

mod blocks;
mod input;
mod parallel;

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::matcher::Matcher;
use crate::paste::without_terminal_escapes;
use crate::report::{BlockReport, LineHit, Sink, Summary};
pub use blocks::LONGEST_LINE;
use blocks::{BLOCK, Block, Blocks, Lines};
use input::{BINARY_SNIFF, Compression, Peeked};

/// What `scan` reports.
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
    pub recursive: bool,
    /// How many threads search a large input (1: this one alone).
    pub threads: usize,
    /// Scan files a recursive scan finds that look binary (`--binary`), rather than skip them.
    pub binary: bool,
    /// Read gzip, bzip2, xz and zstd input decompressed (`-z`), rather than refuse it.
    pub search_zip: bool,
}

/// How a scan ended, for the exit status.
#[derive(Debug, Clone, Copy, Default)]
pub struct Status {
    pub matched: bool,
    pub failed: bool,
}

/// The name standard input is reported under, as grep's.
pub const STDIN_NAME: &str = "(standard input)";

/// Files smaller than this are searched on one thread.
const PARALLEL_FROM: u64 = 8 * BLOCK as u64;

/// Scans `inputs` (standard input for none, or for `-`) and hands what it finds to `sink`; a problem with
/// one input is reported to the sink and the other inputs still scanned. Fails only when the sink does.
pub fn run(
    matcher: &Matcher<'_>,
    inputs: &[PathBuf],
    options: Options,
    sink: &mut dyn Sink,
) -> Result<Status> {
    // Everything the searching threads share is built here, before any of them starts.
    matcher.prepare_for_scan();
    let mut status = Status::default();
    let mut summary = Summary::default();
    let stdin_only = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin_only[..]
    } else {
        inputs
    };
    for input in inputs {
        // Files a recursive scan finds, rather than files named: binary ones are skipped.
        let found = input != Path::new("-") && input.is_dir();
        for file in expand(input, options.recursive, sink, &mut status) {
            let scanned = if file == Path::new("-") {
                let stdin = io::stdin();
                let terminal = stdin.is_terminal();
                // A pipe or terminal may be `tail -f`: report each line as soon as it is read.
                let live = terminal || !is_regular(Path::new("/dev/stdin"));
                let options = Options {
                    threads: if terminal { 1 } else { options.threads },
                    ..options
                };
                let input = Input {
                    name: STDIN_NAME,
                    options,
                    live,
                };
                open(stdin, !live, &input, false, sink).and_then(|reader| match reader {
                    Some(reader) => scan_reader(matcher, reader, &input, sink, &mut summary),
                    None => Ok(false),
                })
            } else {
                match File::open(&file) {
                    Ok(f) => {
                        let name = file.display().to_string();
                        let meta = f.metadata();
                        // Threads pay off only past a few blocks: a tree of small files is read in turn.
                        let large = meta.as_ref().is_ok_and(|m| m.len() >= PARALLEL_FROM);
                        let regular = meta.is_ok_and(|m| m.is_file());
                        let options = Options {
                            threads: if large { options.threads } else { 1 },
                            ..options
                        };
                        let input = Input {
                            name: &name,
                            options,
                            live: false,
                        };
                        open(f, regular, &input, found, sink).and_then(|reader| match reader {
                            Some(reader) => {
                                scan_reader(matcher, reader, &input, sink, &mut summary)
                            }
                            None => Ok(false),
                        })
                    }
                    Err(e) => Err(ScanError::Read(e)),
                }
            };
            match scanned {
                Ok(matched) => status.matched |= matched,
                Err(ScanError::Read(source)) => {
                    sink.problem(&Error::Read { path: file, source });
                    status.failed = true;
                }
                Err(ScanError::Refused(why)) => {
                    sink.problem(&Error::Usage(why));
                    status.failed = true;
                }
                Err(ScanError::Write(e)) => return Err(Error::Write(e)),
            }
        }
    }
    sink.done(&summary).map_err(Error::Write)?;
    Ok(status)
}

/// Scans one stream (not a live one) into `sink`: the counts over it. For tests and benchmarks.
pub fn scan_stream(
    matcher: &Matcher<'_>,
    reader: impl Read + Send + 'static,
    name: &str,
    options: Options,
    sink: &mut dyn Sink,
) -> std::io::Result<Summary> {
    matcher.prepare_for_scan();
    let mut summary = Summary::default();
    let input = Input {
        name,
        options,
        live: false,
    };
    match scan_reader(matcher, reader, &input, sink, &mut summary) {
        Ok(_) => Ok(summary),
        Err(ScanError::Read(e) | ScanError::Write(e)) => Err(e),
        Err(ScanError::Refused(why)) => Err(io::Error::other(why)),
    }
}

fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// The files an input names: itself, or with `-r` every file below a directory, in name order.
fn expand(input: &Path, recursive: bool, sink: &mut dyn Sink, status: &mut Status) -> Vec<PathBuf> {
    if input == Path::new("-") || !input.is_dir() {
        return vec![input.to_path_buf()];
    }
    if !recursive {
        sink.problem(&Error::Usage(format!(
            "{}: is a directory (use -r to scan what is in it)",
            input.display()
        )));
        status.failed = true;
        return Vec::new();
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
                sink.problem(&Error::Read { path, source });
                status.failed = true;
            }
        }
    }
    files
}

/// Why scanning one input stopped.
pub(crate) enum ScanError {
    Read(io::Error),
    /// An input errcode will not read as it is: the message that says why (compressed, without `-z`).
    Refused(String),
    Write(io::Error),
}

/// The input to scan, its first bytes read to tell what it is: decompressed with `-z`; `None` where it is
/// skipped, with a note to the sink (a file a recursive scan `found` that is compressed without `-z`, or
/// binary without `--binary`). Compressed input named on the command line, without `-z`, is refused.
/// `patient`: the input is a regular file, so reading ahead cannot wait on a writer.
fn open(
    reader: impl Read + Send + 'static,
    patient: bool,
    input: &Input<'_>,
    found: bool,
    sink: &mut dyn Sink,
) -> std::result::Result<Option<Box<dyn Read + Send>>, ScanError> {
    let options = input.options;
    // Files a recursive scan found are looked at for a NUL byte, unless `--binary`; others only for a
    // compression format's magic number.
    let sniff_binary = found && !options.binary;
    let sniff = if sniff_binary { BINARY_SNIFF } else { 6 };
    let peeked = Peeked::new(reader, sniff, patient).map_err(ScanError::Read)?;
    let reader: Box<dyn Read + Send> = match Compression::of(&peeked.head) {
        Some(compression) if options.search_zip => {
            let decoded = compression.decoder(peeked).map_err(ScanError::Read)?;
            if !sniff_binary {
                return Ok(Some(decoded));
            }
            // Binary or not is told by what the file holds, decompressed.
            let decoded = Peeked::new(decoded, BINARY_SNIFF, true).map_err(ScanError::Read)?;
            if decoded.looks_binary() {
                sink.skipped(
                    input.name,
                    &format!(
                        "binary file ({}-compressed, a NUL byte in its first 8 KiB); skipped (--binary scans it)",
                        compression.name()
                    ),
                );
                return Ok(None);
            }
            Box::new(decoded)
        }
        Some(compression) if found => {
            sink.skipped(
                input.name,
                &format!("{}-compressed; skipped (-z scans it)", compression.name()),
            );
            return Ok(None);
        }
        Some(compression) => {
            return Err(ScanError::Refused(format!(
                "{}: {}-compressed: use -z (--search-zip) to scan it",
                input.name,
                compression.name()
            )));
        }
        None if sniff_binary && peeked.looks_binary() => {
            sink.skipped(
                input.name,
                "binary file (a NUL byte in its first 8 KiB); skipped (--binary scans it)",
            );
            return Ok(None);
        }
        None => Box::new(peeked),
    };
    Ok(Some(reader))
}

/// The input being scanned.
struct Input<'a> {
    name: &'a str,
    options: Options,
    /// Flush after every block, for `tail -f`.
    live: bool,
}

/// Scans one input; true when some line matched. With `options.threads` above one, blocks are searched
/// on that many threads while this one hands what they found to the sink, in input order.
fn scan_reader(
    matcher: &Matcher<'_>,
    reader: impl Read + Send + 'static,
    input: &Input<'_>,
    sink: &mut dyn Sink,
    summary: &mut Summary,
) -> std::result::Result<bool, ScanError> {
    let mut handed = Handed {
        input,
        sink,
        summary,
        matched_lines: 0,
    };
    let counting = input.options.mode != Mode::Count;
    if input.options.threads > 1 {
        parallel::scan(matcher, reader, counting, input.options, &mut handed)?;
    } else {
        let mut blocks = Blocks::new(reader, counting);
        let mut block = Block::default();
        while let Some(lines) = blocks.next_block(&mut block).map_err(ScanError::Read)? {
            let report = search_block(matcher, &block, lines, input.options.mode);
            handed.block(&block, &report)?;
        }
    }
    handed.finish()
}

/// Searches a block of whole lines (`lines`: where they stand in the input): the literals every code and
/// message contains are looked for in the block as a whole; only the lines where one stands are read as
/// text and matched.
fn search_block<'c>(
    matcher: &Matcher<'c>,
    block: &[u8],
    lines: Lines,
    mode: Mode,
) -> BlockReport<'c> {
    let mut report = BlockReport {
        lines: lines.count,
        cut: lines.cut,
        ..BlockReport::default()
    };
    let mut counted_to = 0;
    let mut number = lines.first;
    // (Most blocks have no escape character: their lines need not be looked at for one.)
    let coloured = memchr::memchr(0x1b, block).is_some();
    let lines: Box<dyn Iterator<Item = std::ops::Range<usize>>> = if coloured {
        Box::new(with_coloured_lines(block, matcher.candidate_lines(block)).into_iter())
    } else {
        Box::new(matcher.candidate_lines(block))
    };
    for line in lines {
        let start = line.start;
        let raw = &block[line.clone()];
        let end = line.end - usize::from(raw.ends_with(b"\r"));
        let raw = &block[start..end];
        // (Checking is faster than the lossy conversion, which the rare line that is not UTF-8 gets.)
        let (mut text, mut shown) = match std::str::from_utf8(raw) {
            Ok(text) => (std::borrow::Cow::Borrowed(text), false),
            Err(_) => (String::from_utf8_lossy(raw), true),
        };
        // A line with colours is read, and shown, as a terminal shows it.
        if coloured && let Some(uncoloured) = without_terminal_escapes(&text) {
            (text, shown) = (std::borrow::Cow::Owned(uncoloured), true);
        }
        if mode == Mode::Count {
            report.matched_lines += u64::from(matcher.line_is_reported(&text));
            continue;
        }
        let (matches, referrals) = matcher.scan_line(&text);
        if matches.is_empty() && referrals.is_empty() {
            continue;
        }
        report.matched_lines += 1;
        if mode == Mode::Lines {
            // (Only printed lines need their numbers.)
            number += memchr::memchr_iter(b'\n', &block[counted_to..start]).count() as u64;
            counted_to = start;
        }
        report.hits.push(LineHit {
            number: if mode == Mode::Lines { number } else { 0 },
            range: start..end,
            shown: shown.then(|| text.into_owned()),
            matches,
            referrals,
        });
    }
    report
}

/// The `candidates` of a block with an escape character, and every line holding one, in order: a colour
/// may stand inside a code or message (`\x1b[01;31m\x1b[KAPIG\x1b[m\x1b[K.0303`, as `grep --color` marks
/// what it found), where the block's search for literals does not see it.
fn with_coloured_lines(
    block: &[u8],
    candidates: impl Iterator<Item = std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let mut lines: Vec<_> = candidates.collect();
    let mut from = 0;
    while let Some(at) = memchr::memchr(0x1b, &block[from..]).map(|i| from + i) {
        let start = memchr::memrchr(b'\n', &block[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &block[at..]).map_or(block.len(), |i| at + i);
        lines.push(start..end);
        from = end + 1;
        if from >= block.len() {
            break;
        }
    }
    lines.sort_unstable_by_key(|line| line.start);
    lines.dedup_by_key(|line| line.start);
    lines
}

/// Hands the blocks of one input to the sink, in input order, and keeps the counts.
struct Handed<'a> {
    input: &'a Input<'a>,
    sink: &'a mut dyn Sink,
    summary: &'a mut Summary,
    matched_lines: u64,
}

impl Handed<'_> {
    fn block(
        &mut self,
        block: &[u8],
        report: &BlockReport<'_>,
    ) -> std::result::Result<(), ScanError> {
        if self.input.options.mode == Mode::Summary {
            for hit in &report.hits {
                self.summary.add(&hit.matches, &hit.referrals);
            }
        } else {
            (self.sink)
                .block(self.input.name, block, report)
                .map_err(ScanError::Write)?;
        }
        if let Some(at) = report.cut {
            self.sink.skipped(
                self.input.name,
                &format!(
                    "the line at byte {at} is longer than {} MiB: only its first {} MiB were searched",
                    LONGEST_LINE >> 20,
                    LONGEST_LINE >> 20
                ),
            );
        }
        self.matched_lines += report.matched_lines;
        self.summary.lines += report.lines;
        if self.input.live {
            self.sink.flush().map_err(ScanError::Write)?;
        }
        Ok(())
    }

    /// Ends the input; true when some line matched.
    fn finish(self) -> std::result::Result<bool, ScanError> {
        self.summary.matched_lines += self.matched_lines;
        (self.sink)
            .input_done(self.input.name, self.matched_lines)
            .map_err(ScanError::Write)?;
        Ok(self.matched_lines > 0)
    }
}
