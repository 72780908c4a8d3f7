//! Input in blocks of whole lines: what `scan` reads at a time.

use std::io::{self, Read};

/// Bytes read at a time. Large enough that the search runs at memory speed, small enough to stay in cache.
pub(super) const BLOCK: usize = 256 * 1024;

/// Input in blocks of whole lines: a line is never split, however long (the block grows to hold it).
pub(super) struct Blocks<R> {
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
pub(super) struct Lines {
    pub(super) first: u64,
    pub(super) count: u64,
}

impl<R: Read> Blocks<R> {
    pub(super) fn new(reader: R, counting: bool) -> Self {
        Blocks {
            reader,
            carry: Vec::new(),
            at_end: false,
            next_line: 1,
            counting,
        }
    }

    /// `fill`, and where the block's lines stand in the input (none counted unless `counting`); `None` at
    /// the end of the input.
    pub(super) fn next_block(&mut self, block: &mut Vec<u8>) -> io::Result<Option<Lines>> {
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

/// The lines of a block of whole lines (the input's last may lack its newline).
fn count_lines(block: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', block).count() as u64
        + u64::from(block.last().is_some_and(|&b| b != b'\n'))
}
