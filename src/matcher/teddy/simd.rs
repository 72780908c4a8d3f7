//! The prefilter's SIMD kernel, one of errcode's two `unsafe` places (the other maps cache files,
//! `catalog/mapped.rs`): the AVX2 search over a text for the places some bucket accepts (loads, shuffles,
//! the loop over whole chunks and over the padded tail). `teddy` builds the tables and checks the places;
//! nothing else of the matcher is `unsafe`.
//!
//! # Safety conditions
//!
//! Each is established once, where a [`Kernel`] is made or by the loop's own bounds, never per byte;
//! a `Kernel`'s fields are private to this file, so no other code can break them after [`Kernel::new`].
//!
//! 1. **The CPU has AVX2.** The `#[target_feature(enable = "avx2")]` kernels are taken only after
//!    `is_x86_feature_detected!("avx2")` said yes ([`Kernel::new`], through `select`), and are called
//!    only through a `Kernel`.
//! 2. **The group count is one the kernels are compiled for.** `groups` is in `1..=MAX_GROUPS`
//!    (`assert!` in [`Kernel::new`]), and the kernel taken is `find::<G>` with `G == groups`.
//! 3. **The bucket tables have a row for every group and window byte.** The kernel for `G` groups reads
//!    rows `g * WINDOW + j` of `low` and `high` for `g < G` and `j < WINDOW`, 32 bytes each: each table
//!    holds exactly `groups * WINDOW` rows (`assert!` in [`Kernel::new`]; a row is `[u8; 32]` by type).
//! 4. **A whole chunk's windows are text.** The chunk at `at` reads `at + j .. at + j + 32` for
//!    `j < WINDOW`, that is up to `at + 32 + WINDOW - 1`: the loop of one chunk runs only while
//!    `text.len() - at >= 32 + WINDOW - 1`, the loop of two (at `at` and `at + 32`) only while
//!    `text.len() - at >= 64 + WINDOW - 1` (and `from <= text.len()` is checked before, so `at` never
//!    passes the end).
//! 5. **The tail's windows are in its padded copy.** What is left, fewer than `32 + WINDOW - 1` bytes, is
//!    copied to a zeroed buffer of `TAIL` bytes and read in chunks at 0 and 32, that is up to
//!    `32 + 32 + WINDOW - 1` bytes: `TAIL` holds that (`assert!` at compile time, below).
//!
//! Not a condition of memory safety but of correct places, and asserted when a prefilter is built
//! (`Prefilter::new`): no literal is empty.

#![allow(unsafe_code)]

use super::{Literals, MAX_GROUPS, WINDOW};

/// Bytes of text one chunk tests: a position per byte of a 256-bit register.
const CHUNK: usize = 32;

/// The zeroed copy the tail of a text is searched in: room for two chunks' windows (condition 5).
const TAIL: usize = 2 * CHUNK + WINDOW;
const _: () = assert!(
    TAIL >= CHUNK + CHUNK + WINDOW - 1,
    "the tail's copy holds two chunks' windows"
);

/// The search over `text` from a position; see [`Kernel::find`].
type Find = unsafe fn(
    &Kernel,
    &Literals,
    &[u8],
    usize,
    &mut dyn FnMut(usize, usize) -> bool,
) -> Option<usize>;

/// The kernel for a number of groups, with its tables.
pub(super) struct Kernel {
    /// What the CPU runs: the kernel compiled for this many groups.
    find: Find,
    /// Per group and window byte (group by group), which buckets (bits) accept each low nibble of a byte,
    /// and each high nibble: indexed by the nibble, and repeated for the second 128-bit lane.
    low: Box<[[u8; 32]]>,
    high: Box<[[u8; 32]]>,
}

impl Kernel {
    /// The kernel for `groups` groups of buckets and their tables (`groups * WINDOW` rows each), or `None`
    /// when the CPU has no AVX2.
    ///
    /// # Panics
    /// When `groups` is not in `1..=MAX_GROUPS` or a table has not `groups * WINDOW` rows: the safety
    /// conditions 2 and 3 (see the module's documentation), checked here whatever the CPU.
    pub(super) fn new(groups: usize, low: Vec<[u8; 32]>, high: Vec<[u8; 32]>) -> Option<Kernel> {
        assert!(
            (1..=MAX_GROUPS).contains(&groups),
            "the kernels are compiled for 1 to {MAX_GROUPS} groups, not {groups}"
        );
        assert_eq!(low.len(), groups * WINDOW, "rows of the low-nibble table");
        assert_eq!(high.len(), groups * WINDOW, "rows of the high-nibble table");
        Some(Kernel {
            find: select(groups)?,
            low: low.into_boxed_slice(),
            high: high.into_boxed_slice(),
        })
    }

    /// The first place at or after `from` in `text` that some bucket accepts, where a literal starts
    /// (`literals`) and that `accept` takes (each place offered once, in order, with that literal's number).
    #[inline]
    pub(super) fn find(
        &self,
        literals: &Literals,
        text: &[u8],
        from: usize,
        accept: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Option<usize> {
        // SAFETY: `new` took the kernel only where the CPU has AVX2 (condition 1), compiled for as many
        // groups as the tables have rows for (conditions 2 and 3); the kernel keeps its reads of `text`
        // in bounds itself (conditions 4 and 5).
        unsafe { (self.find)(self, literals, text, from, accept) }
    }

    /// How many groups of buckets the kernel tests.
    #[cfg(test)]
    pub(super) fn groups(&self) -> usize {
        self.low.len() / WINDOW
    }
}

// `select` has an arm per count of groups: another `MAX_GROUPS` needs its arms, or those counts would
// fall to the automaton unnoticed.
const _: () = assert!(
    MAX_GROUPS == 8,
    "select has a kernel for each count of groups"
);

/// The kernel for `groups` (in `1..=MAX_GROUPS`) groups, if the CPU can run one.
fn select(groups: usize) -> Option<Find> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        return match groups {
            1 => Some(avx2::find::<1>),
            2 => Some(avx2::find::<2>),
            3 => Some(avx2::find::<3>),
            4 => Some(avx2::find::<4>),
            5 => Some(avx2::find::<5>),
            6 => Some(avx2::find::<6>),
            7 => Some(avx2::find::<7>),
            8 => Some(avx2::find::<8>),
            _ => None,
        };
    }
    let _ = groups;
    None
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{CHUNK, Kernel, Literals, TAIL, WINDOW};
    use std::arch::x86_64::*;

    /// Positions 0..32 from `at`, as bits: where some bucket of the `G` groups accepts the window of
    /// text there. (A macro: a `target_feature` function cannot be forced inline, and the call costs.)
    macro_rules! alarms {
        ($kernel:expr, $G:expr, $at:expr) => {{
            let at: *const u8 = $at;
            let nibble = _mm256_set1_epi8(0x0f);
            let mut accepted = [_mm256_set1_epi8(-1); $G];
            for j in 0..WINDOW {
                // SAFETY: the caller makes `at + j .. at + j + 32` readable (conditions 4 and 5).
                let bytes = unsafe { _mm256_loadu_si256(at.add(j).cast()) };
                let low = _mm256_and_si256(bytes, nibble);
                let high = _mm256_and_si256(_mm256_srli_epi16(bytes, 4), nibble);
                for (g, accepted) in accepted.iter_mut().enumerate() {
                    // SAFETY: the tables hold `G * WINDOW` rows of 32 bytes (conditions 2 and 3).
                    let (low_table, high_table) = unsafe {
                        (
                            _mm256_loadu_si256($kernel.low.as_ptr().add(g * WINDOW + j).cast()),
                            _mm256_loadu_si256($kernel.high.as_ptr().add(g * WINDOW + j).cast()),
                        )
                    };
                    let buckets = _mm256_and_si256(
                        _mm256_shuffle_epi8(low_table, low),
                        _mm256_shuffle_epi8(high_table, high),
                    );
                    *accepted = _mm256_and_si256(*accepted, buckets);
                }
            }
            let mut any = accepted[0];
            for accepted in &accepted[1..] {
                any = _mm256_or_si256(any, *accepted);
            }
            !(_mm256_movemask_epi8(_mm256_cmpeq_epi8(any, _mm256_setzero_si256())) as u32)
        }};
    }

    /// See [`Kernel::find`].
    ///
    /// # Safety
    /// The CPU has AVX2, and `kernel`'s tables hold `G * WINDOW` rows (conditions 1 to 3; `Kernel::new`
    /// checks them).
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn find<const G: usize>(
        kernel: &Kernel,
        literals: &Literals,
        text: &[u8],
        from: usize,
        accept: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Option<usize> {
        if from > text.len() {
            return None;
        }
        let mut at = from;
        // Two whole chunks at a time, while the window past the second's last position is text
        // (condition 4): the places of both in one loop, whose end the CPU mispredicts half as often.
        while text.len() - at >= 2 * CHUNK + WINDOW - 1 {
            // SAFETY: the loop's bound keeps `at + 64 + WINDOW - 1 <= text.len()`, the last byte the second
            // chunk's windows read (condition 4).
            let first = alarms!(kernel, G, unsafe { text.as_ptr().add(at) });
            // SAFETY: as for the first.
            let second = alarms!(kernel, G, unsafe { text.as_ptr().add(at + CHUNK) });
            let alarms = u64::from(first) | u64::from(second) << CHUNK;
            if let Some(place) = first_accepted(literals, text, at, alarms, accept) {
                return Some(place);
            }
            at += 2 * CHUNK;
        }
        // A last whole chunk.
        while text.len() - at >= CHUNK + WINDOW - 1 {
            // SAFETY: the loop's bound keeps `at + 32 + WINDOW - 1 <= text.len()`, the last byte the
            // chunk's windows read (condition 4).
            let alarms = alarms!(kernel, G, unsafe { text.as_ptr().add(at) });
            if let Some(place) = first_accepted(literals, text, at, alarms.into(), accept) {
                return Some(place);
            }
            at += CHUNK;
        }
        // The rest, fewer than CHUNK + WINDOW - 1 bytes, from a copy with room for the windows
        // (condition 5).
        let rest = text.get(at..).unwrap_or_default();
        let mut copy = [0u8; TAIL];
        copy[..rest.len()].copy_from_slice(rest);
        let mut chunk = 0;
        while chunk < rest.len() {
            // SAFETY: `chunk` is 0 or 32 (`rest` is shorter than 32 + WINDOW - 1 bytes, so at most two
            // chunks), and `32 + 32 + WINDOW - 1 <= TAIL` (asserted with `TAIL`).
            let mut alarms = alarms!(kernel, G, unsafe { copy.as_ptr().add(chunk) });
            if rest.len() - chunk < CHUNK {
                alarms &= (1u32 << (rest.len() - chunk)) - 1;
            }
            if let Some(place) = first_accepted(literals, text, at + chunk, alarms.into(), accept) {
                return Some(place);
            }
            chunk += CHUNK;
        }
        None
    }

    /// The first of the places `alarms` marks (bit `i`: the place `at + i`) where a literal starts and
    /// `accept` takes it, in order.
    #[inline(always)]
    fn first_accepted(
        literals: &Literals,
        text: &[u8],
        at: usize,
        mut alarms: u64,
        accept: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Option<usize> {
        while alarms != 0 {
            let place = at + alarms.trailing_zeros() as usize;
            alarms &= alarms - 1;
            if let Some(literal) = literals.first_at(text, place)
                && accept(place, literal)
            {
                return Some(place);
            }
        }
        None
    }
}
