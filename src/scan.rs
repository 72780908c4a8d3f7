//! `errcode scan`: streaming files or standard input, reporting each line that carries a known gateway
//! error, counting such lines per file, or summarising the errors.
//!
//! Input is read in large blocks and searched as a whole for the literals every code and message contains
//! (a SIMD prefilter over the block, as ripgrep searches a buffer rather than lines); only the lines around
//! those hits are read as text and matched. Large inputs are searched by several threads, block by block,
//! and written in input order. Memory is bounded by the blocks in flight and the longest line: a line is
//! never split, however long, and bytes that are not UTF-8 are matched and shown lossily.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError, mpsc};

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
    /// How many threads search a large input (1: this one alone).
    pub threads: usize,
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

/// Files smaller than this are searched on one thread.
const PARALLEL_FROM: u64 = 8 * BLOCK as u64;

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
    /// Lines read (not counted, so 0, for `--count`).
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
                let terminal = stdin.is_terminal();
                // A pipe or terminal may be `tail -f`: report each line as soon as it is read.
                let live = terminal || !is_regular(Path::new("/dev/stdin"));
                let options = Options {
                    threads: if terminal { 1 } else { options.threads },
                    ..options
                };
                scan_reader(
                    matcher,
                    stdin,
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
                        // Threads pay off only past a few blocks: a tree of small files is read in turn.
                        let large = f.metadata().is_ok_and(|m| m.len() >= PARALLEL_FROM);
                        let options = Options {
                            threads: if large { options.threads } else { 1 },
                            ..options
                        };
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

/// Scans one input (`live`: flush after every block, for `tail -f`); true when some line matched. With
/// `options.threads` above one, blocks are searched on that many threads while this one writes what they
/// found, in input order.
#[allow(clippy::too_many_arguments)]
pub fn scan_reader(
    matcher: &Matcher<'_>,
    reader: impl Read + Send + 'static,
    name: &str,
    live: bool,
    options: Options,
    look: &Look,
    out: &mut dyn Write,
    summary: &mut Summary,
) -> std::result::Result<bool, ScanError> {
    let input = Input {
        name,
        options,
        look,
    };
    let mut writer = Emitter {
        input: &input,
        live,
        out,
        summary,
        matched_lines: 0,
    };
    if options.threads > 1 {
        scan_parallel(matcher, reader, &mut writer)?;
    } else {
        let mut blocks = Blocks::new(reader, options.mode);
        let mut block = Vec::new();
        while let Some(lines) = blocks.next_block(&mut block).map_err(ScanError::Read)? {
            writer.emit(&scan_block(matcher, &block, lines, &input))?;
        }
    }
    writer.finish()
}

/// Input in blocks of whole lines: a line is never split, however long (the block grows to hold it).
struct Blocks<R> {
    reader: R,
    /// What followed the last block's final newline.
    carry: Vec<u8>,
    at_end: bool,
    /// The number of the next block's first line.
    next_line: u64,
    /// Whether lines are counted: `--count` neither numbers nor totals them, and counting is a pass over
    /// every block.
    counting: bool,
}

/// The number of a block's first line, and how many lines it holds (both 0 when lines are not counted,
/// for `--count`).
#[derive(Clone, Copy)]
struct Lines {
    first: u64,
    count: u64,
}

impl<R: Read> Blocks<R> {
    fn new(reader: R, mode: Mode) -> Self {
        Blocks {
            reader,
            carry: Vec::new(),
            at_end: false,
            next_line: 1,
            counting: mode != Mode::Count,
        }
    }

    /// `fill`, and where the block's lines stand in the input (none counted unless `counting`); `None` at
    /// the end of the input.
    fn next_block(&mut self, block: &mut Vec<u8>) -> io::Result<Option<Lines>> {
        if !self.fill(block)? {
            return Ok(None);
        }
        let lines = Lines {
            first: self.next_line,
            count: if self.counting { count_lines(block) } else { 0 },
        };
        self.next_line += lines.count;
        Ok(Some(lines))
    }

    /// Reads the next block into `block`: whole lines, as soon as one has arrived (a pipe gives what it
    /// has), the input's last line with or without its newline. False at the end of the input.
    fn fill(&mut self, block: &mut Vec<u8>) -> io::Result<bool> {
        block.clear();
        block.append(&mut self.carry);
        let mut filled = block.len();
        while !self.at_end {
            if block.len() == filled {
                // Full, and no line end since the last one: a long line, which grows the block rather
                // than being split (doubling, so a line of any length is read in linear time).
                block.resize(filled.max(BLOCK / 2) * 2, 0);
            }
            let read = loop {
                match self.reader.read(&mut block[filled..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        block.truncate(filled);
                        return Err(e);
                    }
                }
            };
            if read == 0 {
                self.at_end = true;
                break;
            }
            let start = filled;
            filled += read;
            if let Some(i) = memchr::memrchr(b'\n', &block[start..filled]) {
                let end = start + i + 1;
                self.carry.extend_from_slice(&block[end..filled]);
                block.truncate(end);
                return Ok(true);
            }
        }
        block.truncate(filled);
        Ok(!block.is_empty())
    }
}

/// What a block of whole lines holds.
struct Scanned<'c> {
    /// As `Lines::count`.
    lines: u64,
    matched_lines: u64,
    /// What `scan` prints for the block's matching lines (`Mode::Lines`).
    printed: String,
    /// The errors of each matching line (`Mode::Summary`).
    errors: Vec<(Vec<Match<'c>>, Vec<ReferralMatch<'c>>)>,
}

/// The lines of a block of whole lines (the input's last may lack its newline).
fn count_lines(block: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', block).count() as u64
        + u64::from(block.last().is_some_and(|&b| b != b'\n'))
}

/// Searches a block of whole lines (`lines`: where they stand in the input): the literals every code and message
/// contains are looked for in the block as a whole; only the lines where one stands are read as text and
/// matched, and what the mode prints is rendered here, so that threads share that work too.
fn scan_block<'c>(
    matcher: &Matcher<'c>,
    block: &[u8],
    lines: Lines,
    input: &Input<'_>,
) -> Scanned<'c> {
    let mode = input.options.mode;
    let mut scanned = Scanned {
        lines: lines.count,
        matched_lines: 0,
        printed: String::new(),
        errors: Vec::new(),
    };
    let mut counted_to = 0;
    let mut number = lines.first;
    for line in matcher.candidate_lines(block) {
        let start = line.start;
        let raw = &block[line];
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        // (Checking is faster than the lossy conversion, which the rare line that is not UTF-8 gets.)
        let text = match std::str::from_utf8(raw) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(raw),
        };
        if mode == Mode::Count {
            scanned.matched_lines += u64::from(matcher.line_is_reported(&text));
            continue;
        }
        let (matches, referrals) = matcher.scan_line(&text);
        if matches.is_empty() && referrals.is_empty() {
            continue;
        }
        scanned.matched_lines += 1;
        if mode == Mode::Summary {
            scanned.errors.push((matches, referrals));
            continue;
        }
        // (Only printed lines need their numbers.)
        number += memchr::memchr_iter(b'\n', &block[counted_to..start]).count() as u64;
        counted_to = start;
        let report = LineReport {
            path: input.name,
            number,
            text: &text,
            matches: &matches,
            referrals: &referrals,
        };
        scanned.printed += &if input.options.json {
            render::scan_line_json(&report)
        } else {
            render::scan_line_human(&report, input.look)
        };
    }
    scanned
}

/// The input being scanned, and how its lines are shown.
struct Input<'a> {
    name: &'a str,
    options: Options,
    look: &'a Look,
}

/// Writes what the blocks of one input held, in input order.
struct Emitter<'a> {
    input: &'a Input<'a>,
    live: bool,
    out: &'a mut dyn Write,
    summary: &'a mut Summary,
    matched_lines: u64,
}

impl Emitter<'_> {
    fn emit(&mut self, scanned: &Scanned<'_>) -> std::result::Result<(), ScanError> {
        self.out
            .write_all(scanned.printed.as_bytes())
            .map_err(ScanError::Write)?;
        for (matches, referrals) in &scanned.errors {
            self.summary.add(matches, referrals);
        }
        self.matched_lines += scanned.matched_lines;
        self.summary.lines += scanned.lines;
        if self.live {
            self.out.flush().map_err(ScanError::Write)?;
        }
        Ok(())
    }

    /// Ends the input: its count, in `--count` mode; true when some line matched.
    fn finish(self) -> std::result::Result<bool, ScanError> {
        self.summary.matched_lines += self.matched_lines;
        let Input { name, options, .. } = *self.input;
        if options.mode == Mode::Count {
            let line = if options.json {
                render::count_json(name, self.matched_lines)
            } else {
                format!("{}:{}\n", render::escape(name), self.matched_lines)
            };
            self.out
                .write_all(line.as_bytes())
                .map_err(ScanError::Write)?;
        }
        Ok(self.matched_lines > 0)
    }
}

/// Work for the searching threads, numbered in input order.
enum Job {
    /// A block, and where its lines stand.
    Block(u64, Lines, Vec<u8>),
    Failed(u64, io::Error),
    End(u64),
    Stop,
}

/// What a searching thread hands back.
enum Done<'c> {
    Block(Scanned<'c>, Vec<u8>),
    Failed(io::Error),
    End,
}

/// Blocks searched by `options.threads` threads. A reader thread fills blocks from a fixed set of
/// buffers, which come back only once written: memory stays bounded however far the search gets ahead.
/// The reader is not scoped, so that a reader blocked on a pipe (`tail -f`) never holds up the end.
fn scan_parallel<'c>(
    matcher: &Matcher<'c>,
    reader: impl Read + Send + 'static,
    writer: &mut Emitter<'_>,
) -> std::result::Result<(), ScanError> {
    let threads = writer.input.options.threads;
    let (free_tx, free_rx) = mpsc::channel::<Vec<u8>>();
    for _ in 0..threads * 4 {
        let _ = free_tx.send(Vec::new());
    }
    let (work_tx, work_rx) = mpsc::channel::<Job>();
    let reader_tx = work_tx.clone();
    let mode = writer.input.options.mode;
    std::thread::spawn(move || {
        let mut blocks = Blocks::new(reader, mode);
        for seq in 0.. {
            // No buffer coming back: the scan stopped.
            let Ok(mut block) = free_rx.recv() else {
                return;
            };
            let job = match blocks.next_block(&mut block) {
                Ok(Some(lines)) => Job::Block(seq, lines, block),
                Ok(None) => Job::End(seq),
                Err(e) => Job::Failed(seq, e),
            };
            let last = !matches!(job, Job::Block(..));
            if reader_tx.send(job).is_err() || last {
                return;
            }
        }
    });
    let work_rx = Mutex::new(work_rx);
    let input = writer.input;
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::channel::<(u64, Done<'c>)>();
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || {
                loop {
                    let job = work_rx
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .recv();
                    let done = match job {
                        Ok(Job::Block(seq, lines, block)) => {
                            let scanned = scan_block(matcher, &block, lines, input);
                            (seq, Done::Block(scanned, block))
                        }
                        Ok(Job::Failed(seq, e)) => (seq, Done::Failed(e)),
                        Ok(Job::End(seq)) => (seq, Done::End),
                        Ok(Job::Stop) | Err(_) => return,
                    };
                    if done_tx.send(done).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let result = collect(&done_rx, &free_tx, writer);
        // Queued behind any blocks still waiting: every searching thread ends once it reaches one.
        for _ in 0..threads {
            let _ = work_tx.send(Job::Stop);
        }
        result
    })
}

/// Writes the blocks in input order as the searching threads finish them, and returns their buffers.
fn collect(
    done_rx: &mpsc::Receiver<(u64, Done<'_>)>,
    free_tx: &mpsc::Sender<Vec<u8>>,
    writer: &mut Emitter<'_>,
) -> std::result::Result<(), ScanError> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    // Every searching thread ended without the input's end: one of them failed, and the scope says why.
    while let Ok((seq, done)) = done_rx.recv() {
        waiting.insert(seq, done);
        while let Some(done) = waiting.remove(&next) {
            next += 1;
            match done {
                Done::Block(scanned, block) => {
                    writer.emit(&scanned)?;
                    let _ = free_tx.send(block);
                }
                Done::Failed(e) => return Err(ScanError::Read(e)),
                Done::End => return Ok(()),
            }
        }
    }
    Ok(())
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

    /// Matched errors per vendor and per status (`None`: an error without one).
    pub fn totals(&self) -> (BTreeMap<Vendor, u64>, BTreeMap<Option<u16>, u64>) {
        let mut vendors = BTreeMap::new();
        let mut statuses = BTreeMap::new();
        for ((vendor, _, status, _), count) in &self.errors {
            *vendors.entry(*vendor).or_default() += count;
            *statuses.entry(*status).or_default() += count;
        }
        (vendors, statuses)
    }
}
