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

/// A buffer of input, and how much of it the current block is (the rest is spare room kept from block to
/// block: filling a buffer need not clear it first, which cost as much as a pass over the block).
#[derive(Default)]
pub(super) struct Block {
    bytes: Vec<u8>,
    len: usize,
}

impl std::ops::Deref for Block {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Block {
    /// Room for at least `len` bytes; what is added is zeroed (once: the room is kept).
    fn room(&mut self, len: usize) {
        if self.bytes.len() < len {
            self.bytes.resize(len, 0);
        }
    }

    /// Gives back room past a block's size, which a long line made: a few long lines do not keep every
    /// buffer large.
    pub(super) fn shrink(&mut self) {
        self.len = 0;
        if self.bytes.len() > BLOCK {
            self.bytes.truncate(BLOCK);
            self.bytes.shrink_to(BLOCK);
        }
    }
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
    pub(super) fn next_block(&mut self, block: &mut Block) -> io::Result<Option<Lines>> {
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
    fn fill(&mut self, block: &mut Block) -> io::Result<Option<bool>> {
        block.len = 0;
        if self.skipping {
            self.skip_rest_of_line(block)?;
        }
        let mut filled = self.carry.len();
        block.room(filled);
        block.bytes[..filled].copy_from_slice(&self.carry);
        self.carry.clear();
        // How far this block may fill: it grows only when full of one line, as a block that starts with
        // the carried bytes would.
        let mut limit = filled;
        while !self.at_end {
            if limit == filled {
                if filled >= LONGEST_LINE {
                    // Full of one line that has not ended: cut it here, skip the rest later.
                    block.len = filled;
                    self.skipping = true;
                    return Ok(Some(true));
                }
                // Full, and no line end since the last one: a long line, which grows the block rather
                // than being split (doubling, so a line of any length is read in linear time).
                limit = (filled.max(BLOCK / 2) * 2).min(LONGEST_LINE);
                block.room(limit);
            }
            let read = match read_some(&mut self.reader, &mut block.bytes[filled..limit]) {
                Ok(n) => n,
                Err(e) => {
                    block.len = filled;
                    return Err(e);
                }
            };
            if read == 0 {
                self.at_end = true;
                break;
            }
            let start = filled;
            filled += read;
            if let Some(i) = memchr::memrchr(b'\n', &block.bytes[start..filled]) {
                let end = start + i + 1;
                self.carry.extend_from_slice(&block.bytes[end..filled]);
                block.len = end;
                return Ok(Some(false));
            }
        }
        block.len = filled;
        Ok((filled > 0).then_some(false))
    }

    /// Reads past the rest of a cut line, in `buffer`'s room, up to and with its newline; what follows
    /// that is kept for the next block.
    fn skip_rest_of_line(&mut self, buffer: &mut Block) -> io::Result<()> {
        if let Some(i) = memchr::memchr(b'\n', &self.carry) {
            self.offset += i as u64 + 1;
            self.carry.drain(..=i);
            self.skipping = false;
            return Ok(());
        }
        self.offset += self.carry.len() as u64;
        self.carry.clear();
        buffer.room(BLOCK);
        let room = &mut buffer.bytes[..BLOCK];
        while !self.at_end {
            let read = read_some(&mut self.reader, room)?;
            if read == 0 {
                self.at_end = true;
            } else if let Some(i) = memchr::memchr(b'\n', &room[..read]) {
                self.offset += i as u64 + 1;
                self.carry.extend_from_slice(&room[i + 1..read]);
                break;
            } else {
                self.offset += read as u64;
            }
        }
        self.skipping = false;
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
