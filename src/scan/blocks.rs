//! Input in blocks of whole lines: what `scan` reads at a time.

use std::io::{self, Read};

/// Bytes read at a time. Large enough that the search runs at memory speed, small enough to stay in cache.
pub(super) const BLOCK: usize = 256 * 1024;

/// The longest line searched whole. A longer one is searched up to here and the rest of it skipped
/// unread, so that memory stays bounded however long a line is (`/dev/zero` has no newline at all); the
/// block says where such a line starts (`Lines::cut`). No gateway error is this long.
pub const LONGEST_LINE: usize = 16 * 1024 * 1024;

/// Input in blocks of whole lines: a line is never split (the block grows to hold it), but one longer than
/// `LONGEST_LINE` is cut there.
pub(super) struct Blocks<R> {
    reader: R,
    /// What followed the last block's final newline.
    carry: Vec<u8>,
    at_end: bool,
    /// The rest of a line cut at `LONGEST_LINE` is being skipped, up to its newline.
    skipping: bool,
    /// Bytes of input consumed so far (handed in blocks or skipped).
    offset: u64,
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
    /// Where in the input a line starts that was cut at `LONGEST_LINE` (the block's last).
    pub(super) cut: Option<u64>,
}

impl<R: Read> Blocks<R> {
    pub(super) fn new(reader: R, counting: bool) -> Self {
        Blocks {
            reader,
            carry: Vec::new(),
            at_end: false,
            skipping: false,
            offset: 0,
            next_line: 1,
            counting,
        }
    }

    /// `fill`, and where the block's lines stand in the input (none counted unless `counting`); `None` at
    /// the end of the input.
    pub(super) fn next_block(&mut self, block: &mut Vec<u8>) -> io::Result<Option<Lines>> {
        let Some(cut) = self.fill(block)? else {
            return Ok(None);
        };
        // (After `fill`, which counts what it skipped.)
        let start = self.offset;
        self.offset += block.len() as u64;
        let lines = Lines {
            first: self.next_line,
            count: if self.counting { count_lines(block) } else { 0 },
            cut: cut.then(|| {
                start
                    + block
                        .iter()
                        .rposition(|&b| b == b'\n')
                        .map_or(0, |i| i as u64 + 1)
            }),
        };
        self.next_line += lines.count;
        Ok(Some(lines))
    }

    /// Reads the next block into `block`: whole lines, as soon as one has arrived (a pipe gives what it
    /// has), the input's last line with or without its newline. `None` at the end of the input; else
    /// whether the block's last line was cut at `LONGEST_LINE`.
    fn fill(&mut self, block: &mut Vec<u8>) -> io::Result<Option<bool>> {
        block.clear();
        if self.skipping {
            self.skip_rest_of_line(block)?;
        }
        block.append(&mut self.carry);
        let mut filled = block.len();
        while !self.at_end {
            if block.len() == filled {
                if filled >= LONGEST_LINE {
                    // Full of one line that has not ended: cut it here, skip the rest later.
                    self.skipping = true;
                    return Ok(Some(true));
                }
                // Full, and no line end since the last one: a long line, which grows the block rather
                // than being split (doubling, so a line of any length is read in linear time).
                block.resize((filled.max(BLOCK / 2) * 2).min(LONGEST_LINE), 0);
            }
            let read = read_some(&mut self.reader, &mut block[filled..]);
            let read = match read {
                Ok(n) => n,
                Err(e) => {
                    block.truncate(filled);
                    return Err(e);
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
                return Ok(Some(false));
            }
        }
        block.truncate(filled);
        Ok((!block.is_empty()).then_some(false))
    }

    /// Reads past the rest of a cut line, in `buffer` (cleared again), up to and with its newline; what
    /// follows that is kept for the next block.
    fn skip_rest_of_line(&mut self, buffer: &mut Vec<u8>) -> io::Result<()> {
        if let Some(i) = memchr::memchr(b'\n', &self.carry) {
            self.offset += i as u64 + 1;
            self.carry.drain(..=i);
            self.skipping = false;
            return Ok(());
        }
        self.offset += self.carry.len() as u64;
        self.carry.clear();
        buffer.resize(BLOCK, 0);
        while !self.at_end {
            let read = read_some(&mut self.reader, buffer)?;
            if read == 0 {
                self.at_end = true;
            } else if let Some(i) = memchr::memchr(b'\n', &buffer[..read]) {
                self.offset += i as u64 + 1;
                self.carry.extend_from_slice(&buffer[i + 1..read]);
                break;
            } else {
                self.offset += read as u64;
            }
        }
        self.skipping = false;
        buffer.clear();
        Ok(())
    }
}

fn read_some(reader: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    loop {
        match reader.read(buffer) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// The lines of a block of whole lines (the input's last may lack its newline).
fn count_lines(block: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', block).count() as u64
        + u64::from(block.last().is_some_and(|&b| b != b'\n'))
}
