//! Blocks searched by several threads. A reader thread fills blocks from a fixed set of buffers, which
//! come back only once handed on: memory stays bounded however far the search gets ahead. The reader is
//! not scoped, so that a reader blocked on a pipe (`tail -f`) never holds up the end. The searching
//! threads only search: what they found goes back to the calling thread, which hands it to the sink in
//! input order (printing happens in one place).

use std::collections::BTreeMap;
use std::io::{self, Read};

use crossbeam_channel::{Receiver, Sender, unbounded};

use super::blocks::{Block, Blocks, Lines};
use super::{Handed, Options, ScanError, search_block};
use crate::matcher::Matcher;
use crate::report::BlockReport;

/// Work for the searching threads, numbered in input order.
enum Job {
    /// A block, and where its lines stand.
    Block(u64, Lines, Block),
    Failed(u64, io::Error),
    End(u64),
    Stop,
}

/// What a searching thread hands back.
enum Done<'c> {
    Block(BlockReport<'c>, Block),
    Failed(io::Error),
    End,
}

/// Searches `reader` on `options.threads` threads and hands the blocks to `handed` in input order.
pub(super) fn scan<'c>(
    matcher: &Matcher<'c>,
    reader: impl Read + Send + 'static,
    counting: bool,
    options: Options,
    handed: &mut Handed<'_>,
) -> Result<(), ScanError> {
    let threads = options.threads;
    let (free_tx, free_rx) = unbounded::<Block>();
    for _ in 0..threads * 4 {
        let _ = free_tx.send(Block::default());
    }
    let (work_tx, work_rx) = unbounded::<Job>();
    let reader_tx = work_tx.clone();
    std::thread::spawn(move || {
        let mut blocks = Blocks::new(reader, counting);
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
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = unbounded::<(u64, Done<'c>)>();
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let work_rx = work_rx.clone();
            scope.spawn(move || {
                while let Ok(job) = work_rx.recv() {
                    let done = match job {
                        Job::Block(seq, lines, block) => {
                            let report = search_block(matcher, &block, lines, options.mode);
                            (seq, Done::Block(report, block))
                        }
                        Job::Failed(seq, e) => (seq, Done::Failed(e)),
                        Job::End(seq) => (seq, Done::End),
                        Job::Stop => return,
                    };
                    if done_tx.send(done).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let result = collect(&done_rx, &free_tx, handed);
        // Queued behind any blocks still waiting: every searching thread ends once it reaches one.
        for _ in 0..threads {
            let _ = work_tx.send(Job::Stop);
        }
        result
    })
}

/// Hands the blocks on in input order as the searching threads finish them, and returns their buffers.
fn collect(
    done_rx: &Receiver<(u64, Done<'_>)>,
    free_tx: &Sender<Block>,
    handed: &mut Handed<'_>,
) -> Result<(), ScanError> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    // Every searching thread ended without the input's end: one of them failed, and the scope says why.
    while let Ok((seq, done)) = done_rx.recv() {
        waiting.insert(seq, done);
        while let Some(done) = waiting.remove(&next) {
            next += 1;
            match done {
                Done::Block(report, mut block) => {
                    handed.block(&block, &report)?;
                    // A buffer that held a long line goes back no larger than a block: a few long lines
                    // must not keep every buffer at their size.
                    block.shrink();
                    let _ = free_tx.send(block);
                }
                Done::Failed(e) => return Err(ScanError::Read(e)),
                Done::End => return Ok(()),
            }
        }
    }
    Ok(())
}
