//! Where output goes: the one place errcode writes to standard output and standard error. Each message is
//! rendered first and written whole, the stream locked for that message only.

use std::io::{self, BufWriter, StdoutLock, Write};

use crate::error::{Error, Result};
use crate::render::{self, Look};
use crate::report::{BlockReport, LineReport, Sink, Summary};
use crate::scan::Mode;

/// Writes `text` to standard output.
pub(super) fn stdout(text: &str) -> Result<()> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(Error::Write)
}

/// Writes `text` (already escaped where it quotes the user) to standard error.
pub(super) fn stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// `errcode: <error>`, escaped, on standard error.
pub(super) fn error(error: &Error) {
    stderr(&format!(
        "errcode: {}\n",
        render::escape(&error.to_string())
    ));
}

/// `errcode: warning: <text>`, escaped, on standard error.
pub(super) fn warning(text: &str) {
    stderr(&format!("errcode: warning: {}\n", render::escape(text)));
}

/// A block's output is written once it reaches this size.
const WRITE_AT: usize = 256 * 1024;
/// The most room kept for a block's output between blocks.
const KEEP_AT: usize = 4 * 1024 * 1024;

/// Prints what `scan` reports: matching lines (plain or JSON), counts per input, or the summary.
pub(super) struct ScanPrinter<'a> {
    out: BufWriter<StdoutLock<'static>>,
    mode: Mode,
    json: bool,
    look: &'a Look,
    /// The notes under lines (and the entries' JSON) written so far, for the lines to come.
    notes: render::ScanNotes,
    /// A block's output, written whole (kept from block to block).
    printed: String,
}

impl<'a> ScanPrinter<'a> {
    pub(super) fn new(mode: Mode, json: bool, look: &'a Look) -> ScanPrinter<'a> {
        ScanPrinter {
            out: BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
            mode,
            json,
            look,
            notes: render::ScanNotes::default(),
            printed: String::new(),
        }
    }
}

impl Sink for ScanPrinter<'_> {
    fn block(&mut self, input: &str, block: &[u8], report: &BlockReport<'_>) -> io::Result<()> {
        if self.mode != Mode::Lines {
            return Ok(());
        }
        let printed = &mut self.printed;
        printed.clear();
        for hit in &report.hits {
            let text = hit.text(block);
            // A block of long lines is written a piece at a time, not held whole; a line's room is made
            // once, with some over for escapes and its notes, so that a 16 MiB line does not grow the
            // output to twice its size.
            if printed.len() + text.len() > WRITE_AT {
                self.out.write_all(printed.as_bytes())?;
                printed.clear();
            }
            printed.reserve(text.len() + text.len() / 8 + 64 * 1024);
            let line = LineReport {
                path: input,
                number: hit.number,
                text,
                matches: &hit.matches,
                referrals: &hit.referrals,
            };
            if self.json {
                render::scan_line_json(&line, &mut self.notes, printed);
            } else {
                render::scan_line_human(&line, self.look, &mut self.notes, printed);
            }
        }
        self.out.write_all(printed.as_bytes())?;
        if printed.capacity() > KEEP_AT {
            // (Room made for one long line is not kept for the rest of the input.)
            *printed = String::new();
        }
        Ok(())
    }

    fn input_done(&mut self, input: &str, matched_lines: u64) -> io::Result<()> {
        if self.mode != Mode::Count {
            return Ok(());
        }
        let line = if self.json {
            render::count_json(input, matched_lines)
        } else {
            format!("{}:{matched_lines}\n", render::escape(input))
        };
        self.out.write_all(line.as_bytes())
    }

    fn problem(&mut self, problem: &Error) {
        // What was printed before the problem comes first.
        let _ = self.out.flush();
        error(problem);
    }

    fn skipped(&mut self, input: &str, why: &str) {
        let _ = self.out.flush();
        warning(&format!("{input}: {why}"));
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn done(&mut self, summary: &Summary) -> io::Result<()> {
        if self.mode == Mode::Summary {
            let text = if self.json {
                render::summary_json(summary)
            } else {
                render::summary_human(summary, self.look)
            };
            self.out.write_all(text.as_bytes())?;
        }
        self.out.flush()
    }
}
