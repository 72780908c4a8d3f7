//! The log scanner's prefilter: where in a block of text any of the catalogs' literals may start (a few
//! hundred built in, or a large catalog's tens of thousands, by how they begin), found 32 bytes at a time
//! in one pass (SIMD, AVX2).
//!
//! This is Teddy, the algorithm of Hyperscan and of aho-corasick's packed searchers, widened. Each
//! literal goes to a bucket; a bucket accepts a position of the text when each of the next `WINDOW`
//! bytes has a low and a high nibble that some literal of the bucket has at that place, which two
//! byte-shuffles per byte test for 8 buckets and 32 positions at once. Here several groups of 8 buckets
//! are tested in the same pass over the text (aho-corasick's searchers take one group each, so the
//! built-in literals needed three passes), the window is four bytes whatever the shortest literal (theirs
//! as short as it: `URI` made a whole searcher test three), and a literal shorter than the window leaves
//! its bucket's remaining bytes open rather than the group's. A position some bucket accepts is then
//! tested against bitsets of the literals' first bytes (one branch, which most false alarms end at), and
//! where it passes, checked against the literals that begin with its first four bytes, found by hashing
//! them.
//!
//! A bucket of literals that share nibbles accepts little beyond them; one of unlike literals accepts
//! many byte combinations none of them has. So the literals are not dealt out in order: each goes where
//! it adds the least to the chance of a false alarm, estimated from how often each byte occurs in text.
//!
//! The search itself is the kernel in `simd`, the crate's only `unsafe` code, fenced there with its
//! safety conditions; this module deals out the literals, builds the kernel's tables and checks the places
//! it finds.

#![deny(unsafe_code)] // but in `simd`, the kernel

mod simd;

use std::collections::HashMap;
use std::ops::Range;

use simd::Kernel;

/// Occurrences per million bytes of each byte value in text like a log's: measured on English technical
/// prose (Debian's man pages and changelogs, 60 MB) mixed 7:3 with the built-in catalogs' Chinese text;
/// never below 1.
#[rustfmt::skip]
const BYTE_FREQUENCY: [u32; 256] = [
    1, 1, 1, 1, 1, 1, 1, 1, 1, 6023, 21618, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    115991, 30, 690, 425, 104, 28, 30, 1123, 4518, 4518, 3736, 4896, 3614, 11390, 16902, 6108,
    14161, 9304, 9923, 5073, 4458, 4176, 4100, 3641, 3414, 3655, 9774, 302, 1877, 494, 1938, 35,
    1865, 5254, 967, 2577, 2375, 2571, 1541, 1193, 1615, 3382, 1074, 750, 1644, 2481, 2835, 1738,
    4078, 44, 3233, 3786, 4613, 1396, 383, 730, 288, 258, 70, 242, 27, 241, 10, 7169,
    229, 34377, 9219, 24063, 21587, 59598, 12976, 14899, 13590, 32236, 679, 5695, 18764, 15423, 33278, 36535,
    15076, 672, 31050, 31916, 40558, 15881, 5362, 4629, 2917, 5669, 884, 190, 528, 189, 58, 1,
    5764, 4109, 2935, 640, 2782, 1532, 1225, 1946, 2980, 1542, 1818, 673, 2841, 3855, 1404, 1794,
    2191, 983, 464, 1705, 3140, 1107, 1020, 1000, 1711, 1245, 2966, 901, 2707, 1736, 1477, 966,
    1489, 2041, 1189, 898, 1304, 1756, 955, 447, 1174, 82, 572, 992, 248, 1658, 2387, 6681,
    1437, 1333, 303, 849, 956, 678, 2482, 1771, 3180, 1339, 2638, 2150, 4279, 1784, 1134, 1787,
    1, 1, 11, 109, 5, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    9, 2, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1,
    1, 12, 1178, 2110, 5749, 13602, 10882, 8814, 7383, 4184, 1, 1, 1, 1, 1, 3577,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
];

/// Bytes of text each bucket tests from a position. A longer window lets fewer places through, but costs
/// two shuffles per group for each byte of it: with the built-in literals (some 1,200, beginning in some
/// 450 ways), four bytes and three groups took the fewest instructions to scan `bench/scan.sh`'s three kinds
/// of log (callgrind, `scan -j1 --count`: an access log 252 M against 280 M with five bytes, 304 M with six,
/// 361 M with eight; the short-line log 343 M against 395 M, 384 M and 470 M).
const WINDOW: usize = 4;
/// Buckets per group: one bit each in a byte.
const BUCKETS: usize = 8;
/// Literals per bucket, past which another group is added. More groups make each bucket accept less, but
/// each costs two shuffles per window byte: with the built-in literals, three groups search logs faster
/// than four or two (the access log above: 252 M instructions against 281 M and 312 M; six groups, with a
/// six-byte window, 346 M).
const LITERALS_PER_BUCKET: usize = 24;
/// Each group costs two shuffles per window byte, and each kernel is compiled per count of groups; literals
/// beginning in more ways than these hold (a catalog of thousands of unlike codes) are left to the
/// automaton.
const MAX_GROUPS: usize = 8;

/// See the module's documentation.
pub(super) struct Prefilter {
    /// The SIMD search, with the buckets' tables.
    kernel: Kernel,
    literals: Literals,
}

/// The beginnings of the literals the buckets hold, and how many groups of buckets they fill.
struct Beginnings<'l> {
    /// Distinct, each as many bytes as `len` or the whole (shorter) literal.
    keys: Vec<&'l [u8]>,
    /// Bytes the beginnings are cut to: `WINDOW`, or fewer (not below four) where the literals begin in too
    /// many ways.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "the tests check which lengths they reach")
    )]
    len: usize,
    groups: usize,
}

impl<'l> Beginnings<'l> {
    /// The longest beginnings, of at most `WINDOW` and at least 4 bytes, that fit the groups: `None` when
    /// the literals begin in too many ways even in their first four bytes.
    fn of(literals: &[&'l [u8]]) -> Option<Beginnings<'l>> {
        // A large catalog's thousands of literals begin in far fewer ways (`SYN.0`), and beginning with
        // fewer bytes, in fewer still; a place where one stands is then checked against the literals
        // themselves.
        (4..=WINDOW).rev().find_map(|len| {
            let mut keys: Vec<&[u8]> = literals.iter().map(|l| &l[..l.len().min(len)]).collect();
            keys.sort_unstable();
            keys.dedup();
            let groups = keys.len().div_ceil(BUCKETS * LITERALS_PER_BUCKET).max(1);
            (groups <= MAX_GROUPS).then_some(Beginnings { keys, len, groups })
        })
    }
}

impl Prefilter {
    /// The prefilter for `literals`, or `None` when they begin in too many ways for the groups or the CPU
    /// has no AVX2 (the automaton serves instead).
    ///
    /// # Panics
    /// When a literal is empty (it would stand everywhere; the finder leaves such out).
    pub(super) fn new(literals: &[&[u8]]) -> Option<Prefilter> {
        assert!(
            literals.iter().all(|literal| !literal.is_empty()),
            "the prefilter's literals are not empty"
        );
        let Beginnings { keys, groups, .. } = Beginnings::of(literals)?;
        let layout = Layout::new(&keys, groups * BUCKETS);
        let mut low = vec![[0u8; 32]; groups * WINDOW];
        let mut high = vec![[0u8; 32]; groups * WINDOW];
        for (at, bucket) in layout.buckets.iter().enumerate() {
            let (group, bit) = (at / BUCKETS, 1 << (at % BUCKETS));
            for j in 0..WINDOW {
                for nibble in nibbles(bucket.nibbles.low[j]) {
                    low[group * WINDOW + j][nibble] |= bit;
                    low[group * WINDOW + j][nibble + 16] |= bit;
                }
                for nibble in nibbles(bucket.nibbles.high[j]) {
                    high[group * WINDOW + j][nibble] |= bit;
                    high[group * WINDOW + j][nibble + 16] |= bit;
                }
            }
        }
        Some(Prefilter {
            kernel: Kernel::new(groups, low, high)?,
            literals: Literals::new(literals),
        })
    }

    /// The first place at or after `from` in `text` where a literal starts and that `accept` takes (each
    /// place where one starts is offered once, in order, with the number of a literal that starts there:
    /// its place in the list `new` was given).
    pub(super) fn find(
        &self,
        text: &[u8],
        from: usize,
        accept: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Option<usize> {
        self.kernel.find(&self.literals, text, from, accept)
    }

    /// Each literal that starts at `place` in `text`, by its place in the list `new` was given (what a
    /// place `find` offers stands for), until `each` says it has seen enough (`true`).
    pub(super) fn literals_at(
        &self,
        text: &[u8],
        place: usize,
        each: &mut dyn FnMut(usize) -> bool,
    ) {
        self.literals.each_at(text, place, each);
    }
}

/// The literals, for checking a place the buckets accept: those of four bytes or more by their first four
/// (an open-addressed table of slots), the shorter ones in a list.
struct Literals {
    slots: Vec<Slot>,
    /// The literals compared one by one, slot after slot.
    few: Vec<Few>,
    /// The first eight bytes of the literals of eight bytes or more in slots with many, sorted and
    /// distinct, slot after slot: most places a slot's four bytes let through end at a search of these.
    heads: Vec<u64>,
    /// Per head (beside `heads`), the lengths the literals that begin with it come in (a range of
    /// `lengths`, ascending): a place is looked up once per length of the literals that begin as it
    /// does, not of all its slot's (83 built-in codes begin `Inva`, in 35 lengths).
    head_lengths: Vec<Range<u32>>,
    /// Those literals (a catalog's codes, `SYN.000001` to `SYN.050000`) with their numbers, and the lengths
    /// they come in, head after head. (Hashed with xxh3: the default hasher's guard against chosen keys is
    /// not needed for the catalogs' own literals, and costs more per lookup.)
    many: HashMap<Box<[u8]>, usize, xxhash_rust::xxh3::Xxh3Builder>,
    lengths: Vec<usize>,
    short: Vec<Short>,
    /// The first bytes of the short literals: most places start with none of them.
    short_starts: [bool; 256],
    /// Where a literal may start, by a place's first bytes: a bit per `hash` of the first four bytes of
    /// each literal of four to seven, and of the three of each of three (the fourth byte taken as 0); per
    /// `hash_eight` of the first eight of each longer one; and the first byte of each shorter one. Most places
    /// the buckets let through start no literal, many of them only a literal's first four bytes (`HTTP/1.1`
    /// where a literal is `HTTP_FORBIDDEN`); these settle them with one test, where the checks after it
    /// would branch several ways, unforeseeably for the CPU, at each.
    fours: Box<Seen>,
    eights: Box<Seen>,
    tiny_starts: [bool; 256],
}

/// A bit for each value of `hash` and `hash_eight` (16 bits).
type Seen = [u64; SEEN_WORDS];
const SEEN_WORDS: usize = (1 << 16) / 64;

/// Whether `seen` has the bit of `hashed`.
#[inline(always)]
fn has(seen: &Seen, hashed: usize) -> bool {
    seen[hashed / 64] >> (hashed % 64) & 1 != 0
}

/// Sets the bit of `hashed` in `seen`.
fn set(seen: &mut Seen, hashed: usize) {
    seen[hashed / 64] |= 1 << (hashed % 64);
}

/// The literals that begin with the same four bytes, `head` (an empty slot: no literal at all). Those
/// in `few[few]` are compared one by one: all of them where they are few, else those of fewer than eight
/// bytes; the others are looked up in `many` (a prefix of the text of each length its first eight bytes
/// come in, `head_lengths`), where those bytes are in `heads[heads]`.
/// (Ranges of u32: 20 bytes a slot, so that a table of a thousand stays in the first-level cache.)
#[derive(Clone, Default)]
struct Slot {
    head: u32,
    few: Range<u32>,
    heads: Range<u32>,
}

impl Slot {
    fn is_empty(&self) -> bool {
        self.few.is_empty() && self.heads.is_empty()
    }
}

/// `start..end` as a slot keeps it.
fn slot_range(start: usize, end: usize) -> Range<u32> {
    let index = |i: usize| u32::try_from(i).expect("a prefilter holds fewer than 2^32 literals");
    index(start)..index(end)
}

/// A slot's range, to index with.
fn range(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

/// A literal and its number (its place in the list the prefilter was made of).
type Numbered<'l> = (&'l [u8], usize);

/// Past this many literals beginning alike, a place is checked by lookups, one per length, rather than
/// by comparing each.
const FEW: usize = 8;

/// A literal compared one by one: first its first eight bytes (or fewer), as a number, with the text's,
/// which settles most places without a comparison of bytes.
struct Few {
    first_eight: u64,
    mask: u64,
    literal: Box<[u8]>,
    /// Its place in the list the prefilter was made of.
    number: usize,
}

impl Few {
    fn new(literal: &[u8], number: usize) -> Few {
        let len = literal.len().min(8);
        let mut bytes = [0; 8];
        bytes[..len].copy_from_slice(&literal[..len]);
        Few {
            first_eight: u64::from_le_bytes(bytes),
            mask: u64::MAX >> (8 * (8 - len)),
            literal: literal.into(),
            number,
        }
    }

    fn starts(&self, text: &[u8]) -> bool {
        match text.first_chunk::<8>() {
            Some(&eight) => {
                u64::from_le_bytes(eight) & self.mask == self.first_eight
                    && (self.literal.len() <= 8 || text.starts_with(&self.literal))
            }
            None => text.starts_with(&self.literal),
        }
    }
}

/// A literal of fewer than four bytes.
struct Short {
    literal: Box<[u8]>,
    number: usize,
}

impl Literals {
    fn new(literals: &[&[u8]]) -> Literals {
        let mut long: Vec<(u32, &[u8], usize)> = (literals.iter().enumerate())
            .filter(|(_, literal)| literal.len() >= 4)
            .map(|(number, &literal)| (head(literal), literal, number))
            .collect();
        long.sort_unstable();
        long.dedup_by(|a, b| a.1 == b.1);
        let mut short: Vec<(&[u8], usize)> = (literals.iter().enumerate())
            .filter(|(_, literal)| literal.len() < 4)
            .map(|(number, &literal)| (literal, number))
            .collect();
        // (A literal given twice is one: the first number stands for it.)
        short.sort_unstable();
        short.dedup_by(|a, b| a.0 == b.0);
        let short = (short.into_iter())
            .map(|(literal, number)| Short {
                literal: literal.into(),
                number,
            })
            .collect();
        let mut table = Literals {
            slots: Vec::new(),
            few: Vec::new(),
            heads: Vec::new(),
            head_lengths: Vec::new(),
            many: HashMap::default(),
            lengths: Vec::new(),
            short_starts: [false; 256],
            fours: Box::new([0; SEEN_WORDS]),
            eights: Box::new([0; SEEN_WORDS]),
            tiny_starts: [false; 256],
            short,
        };
        for short in &table.short {
            table.short_starts[usize::from(short.literal[0])] = true;
            match *short.literal {
                // (As `may_start` reads a place: its first four bytes, the fourth as 0.)
                [a, b, c] => set(&mut table.fours, hash(u32::from_le_bytes([a, b, c, 0]))),
                _ => table.tiny_starts[usize::from(short.literal[0])] = true,
            }
        }
        for &(head, literal, _) in &long {
            match literal.first_chunk::<8>() {
                Some(&eight) => set(&mut table.eights, hash_eight(u64::from_le_bytes(eight))),
                None => set(&mut table.fours, hash(head)),
            }
        }
        let alike: Vec<&[(u32, &[u8], usize)]> = long.chunk_by(|a, b| a.0 == b.0).collect();
        // At most half full, so that a lookup mostly ends at its first slot.
        table.slots = vec![Slot::default(); (2 * alike.len()).next_power_of_two().max(16)];
        let mask = table.slots.len() - 1;
        for literals in alike {
            let many = literals.len() > FEW;
            let (longer, compared): (Vec<Numbered>, Vec<Numbered>) = (literals.iter())
                .map(|&(_, literal, number)| (literal, number))
                .partition(|(literal, _)| many && literal.len() >= 8);
            let few_start = table.few.len();
            (table.few).extend(
                compared
                    .iter()
                    .map(|&(literal, number)| Few::new(literal, number)),
            );
            let heads_start = table.heads.len();
            let mut heads: Vec<(u64, usize)> = (longer.iter())
                .map(|(literal, _)| {
                    let eight = literal.first_chunk::<8>().expect("eight bytes");
                    (u64::from_le_bytes(*eight), literal.len())
                })
                .collect();
            heads.sort_unstable();
            heads.dedup();
            for alike in heads.chunk_by(|a, b| a.0 == b.0) {
                let lengths_start = table.lengths.len();
                table.lengths.extend(alike.iter().map(|&(_, len)| len));
                table.heads.push(alike[0].0);
                (table.head_lengths).push(slot_range(lengths_start, table.lengths.len()));
            }
            (table.many).extend(
                longer
                    .iter()
                    .map(|&(literal, number)| (literal.into(), number)),
            );
            let slot = Slot {
                head: literals[0].0,
                few: slot_range(few_start, table.few.len()),
                heads: slot_range(heads_start, table.heads.len()),
            };
            let mut at = hash(slot.head) & mask;
            while !table.slots[at].is_empty() {
                at = (at + 1) & mask;
            }
            table.slots[at] = slot;
        }
        table
    }

    /// A literal (its number) that starts at `place` in `text`, if one does. (Inlined into the kernel's
    /// loop: most places it is asked about are false alarms, settled in a few instructions, where a call
    /// would cost as many.)
    #[inline(always)]
    fn first_at(&self, text: &[u8], place: usize) -> Option<usize> {
        let rest = &text[place..];
        let Some(&first_eight) = rest.first_chunk::<8>() else {
            return self.first_near_end(rest);
        };
        if !self.may_start(first_eight) {
            return None;
        }
        self.first_of(rest, head(&first_eight))
    }

    /// Whether a literal may start at a place whose first eight bytes are these (`false`: none does; `true`:
    /// some literal begins so, or one of the few other beginnings of the same hashes).
    #[inline(always)]
    fn may_start(&self, first_eight: [u8; 8]) -> bool {
        let head = head(&first_eight);
        // (`|`, not `||`: one branch, taken at few places, rather than four.)
        has(&self.eights, hash_eight(u64::from_le_bytes(first_eight)))
            | has(&self.fours, hash(head))
            | has(&self.fours, hash(head & 0x00ff_ffff))
            | self.tiny_starts[usize::from(first_eight[0])]
    }

    /// `first_at` where fewer than eight bytes are left.
    #[cold]
    fn first_near_end(&self, rest: &[u8]) -> Option<usize> {
        match rest.first_chunk::<4>() {
            Some(&first_four) => self.first_of(rest, u32::from_le_bytes(first_four)),
            // Only a short literal fits.
            None => self.short_at(rest),
        }
    }

    /// The first literal that `rest` (four bytes or more, the first four `head`) starts with.
    #[inline(always)]
    fn first_of(&self, rest: &[u8], head: u32) -> Option<usize> {
        let long = (self.slot(head)).and_then(|slot| self.in_slot(slot, rest, |_| true));
        long.or_else(|| self.short_at(rest))
    }

    /// The first literal of fewer than four bytes that `rest` starts with.
    #[inline(always)]
    fn short_at(&self, rest: &[u8]) -> Option<usize> {
        if !(rest.first()).is_some_and(|&first| self.short_starts[usize::from(first)]) {
            return None;
        }
        (self.short.iter())
            .find(|short| rest.starts_with(&short.literal))
            .map(|short| short.number)
    }

    /// The slot of the literals that begin with the four bytes `head`, if any do.
    #[inline(always)]
    fn slot(&self, head: u32) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let mut at = hash(head) & mask;
        loop {
            let slot = &self.slots[at];
            if slot.is_empty() {
                return None;
            }
            if slot.head == head {
                return Some(slot);
            }
            at = (at + 1) & mask;
        }
    }

    /// The first literal of `slot` that `rest` starts with and `take` takes, offering each in turn.
    #[inline(always)]
    fn in_slot(
        &self,
        slot: &Slot,
        rest: &[u8],
        mut take: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let mut taken = |number: usize| take(number).then_some(number);
        if let Some(number) = (self.few[range(&slot.few)].iter())
            .filter(|few| few.starts(rest))
            .find_map(|few| taken(few.number))
        {
            return Some(number);
        }
        let heads = range(&slot.heads);
        let head = rest.first_chunk::<8>().and_then(|&eight| {
            (self.heads[heads.clone()])
                .binary_search(&u64::from_le_bytes(eight))
                .ok()
        })?;
        (self.lengths[range(&self.head_lengths[heads.start + head])].iter())
            .filter_map(|&len| rest.get(..len).and_then(|p| self.many.get(p)).copied())
            .find_map(taken)
    }

    /// Each literal (its number) that starts at `place` in `text`, until `each` says it has seen enough
    /// (`true`). (`first_at` finds one, in the kernel's loop; this all of them, where asked.)
    fn each_at(&self, text: &[u8], place: usize, each: &mut dyn FnMut(usize) -> bool) {
        let rest = &text[place..];
        for short in &self.short {
            if rest.starts_with(&short.literal) && each(short.number) {
                return;
            }
        }
        if let Some(&first_four) = rest.first_chunk::<4>()
            && let Some(slot) = self.slot(u32::from_le_bytes(first_four))
        {
            self.in_slot(slot, rest, each);
        }
    }
}

/// The first four bytes of `bytes` (at least four), as a number.
fn head(bytes: &[u8]) -> u32 {
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

/// A slot for a first four bytes: a multiple by the golden ratio (Fibonacci hashing), of which the slot
/// mask keeps bits 16 and up: enough for the tables here, of at most as many heads as the buckets hold.
fn hash(head: u32) -> usize {
    (head.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// A number of 16 bits for a first eight bytes (as `hash` for four).
fn hash_eight(eight: u64) -> usize {
    (eight.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

/// Which bucket each literal goes to.
struct Layout {
    /// Per bucket (group by group), its literals (indexes) and the nibbles they have.
    buckets: Vec<Bucket>,
}

#[derive(Default, Clone)]
struct Bucket {
    literals: Vec<usize>,
    nibbles: Nibbles,
    accepted: Accepted,
}

/// What a bucket's literals have at each byte of the window: the sets of low and of high nibbles (bit n:
/// nibble n). A literal shorter than the window has every nibble past its end.
#[derive(Default, Clone, Copy)]
struct Nibbles {
    low: [u16; WINDOW],
    high: [u16; WINDOW],
}

/// How often a bucket's nibbles accept each byte of the window, as frequencies summed (`BYTE_FREQUENCY`),
/// kept up as literals are added, so that what one more would add is a few sums away: `Layout::new` asks
/// it of every bucket for every literal.
#[derive(Default, Clone, Copy)]
struct Accepted {
    /// Per byte of the window: of all the bytes accepted.
    all: [u32; WINDOW],
    /// Per byte of the window and high nibble: of the bytes with that high nibble and an accepted low one.
    by_high: [[u32; 16]; WINDOW],
    /// Per byte of the window and low nibble: of the bytes with that low nibble and an accepted high one.
    by_low: [[u32; 16]; WINDOW],
}

/// `BYTE_FREQUENCY` of the byte with these nibbles.
fn frequency(high: usize, low: usize) -> u32 {
    BYTE_FREQUENCY[high << 4 | low]
}

/// The sum of `BYTE_FREQUENCY`: a byte every nibble of which is accepted.
const EVERY_BYTE: u32 = {
    let (mut sum, mut byte) = (0, 0);
    while byte < 256 {
        sum += BYTE_FREQUENCY[byte];
        byte += 1;
    }
    sum
};

impl Bucket {
    /// The frequencies byte `j` of the window would accept, summed, with `literal` added: the bytes accepted
    /// now, and those its nibbles newly pair (its low nibble with each high one accepted, its high nibble
    /// with each low one, and the two together).
    fn accepted_with(&self, j: usize, literal: &[u8]) -> u32 {
        let Some(&byte) = literal.get(j) else {
            return EVERY_BYTE;
        };
        let (low, high) = (usize::from(byte & 15), usize::from(byte >> 4));
        let new_low = self.nibbles.low[j] & 1 << low == 0;
        let new_high = self.nibbles.high[j] & 1 << high == 0;
        let accepted = &self.accepted;
        accepted.all[j]
            + if new_low { accepted.by_low[j][low] } else { 0 }
            + if new_high {
                accepted.by_high[j][high]
            } else {
                0
            }
            + if new_low && new_high {
                frequency(high, low)
            } else {
                0
            }
    }

    /// The chance that a window of text is accepted, byte by byte, with `literal` added (`None`: as it is).
    fn chance(&self, literal: Option<&[u8]>) -> f64 {
        (0..WINDOW)
            .map(|j| {
                let sum = literal.map_or(self.accepted.all[j], |l| self.accepted_with(j, l));
                f64::from(sum) / 1e6
            })
            .product()
    }

    fn add(&mut self, index: usize, literal: &[u8]) {
        self.literals.push(index);
        for j in 0..WINDOW {
            self.accepted.all[j] = self.accepted_with(j, literal);
            let (lows, highs) = match literal.get(j) {
                Some(&byte) => (1 << (byte & 15), 1 << (byte >> 4)),
                // (Past its end, every nibble.)
                None => (u16::MAX, u16::MAX),
            };
            for low in nibbles(lows & !self.nibbles.low[j]) {
                for high in 0..16 {
                    self.accepted.by_high[j][high] += frequency(high, low);
                }
            }
            for high in nibbles(highs & !self.nibbles.high[j]) {
                for low in 0..16 {
                    self.accepted.by_low[j][low] += frequency(high, low);
                }
            }
            self.nibbles.low[j] |= lows;
            self.nibbles.high[j] |= highs;
        }
    }
}

/// The nibbles in a set (bit n: nibble n).
fn nibbles(mut set: u16) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let nibble = set.trailing_zeros() as usize;
        set &= set.wrapping_sub(1);
        (nibble < 16).then_some(nibble)
    })
}

impl Layout {
    /// Deals the literals out greedily, the likeliest to alarm first (they need the emptiest buckets),
    /// each to the bucket whose chance of a false alarm it raises least.
    fn new(literals: &[&[u8]], total: usize) -> Layout {
        // Some room beyond an even share.
        let capacity = literals.len().div_ceil(total) + 2;
        // (Worked out once each: the sort compares each literal many times.)
        let alone: Vec<f64> = (literals.iter())
            .map(|literal| Bucket::default().chance(Some(literal)))
            .collect();
        let mut order: Vec<usize> = (0..literals.len()).collect();
        order.sort_by(|&a, &b| alone[b].total_cmp(&alone[a]));
        let mut buckets = vec![Bucket::default(); total];
        for index in order {
            let literal = literals[index];
            let mut best: Option<(f64, usize)> = None;
            for (at, bucket) in buckets.iter().enumerate() {
                if bucket.literals.len() >= capacity {
                    continue;
                }
                let raised = bucket.chance(Some(literal)) - bucket.chance(None);
                if best.is_none_or(|(least, _)| raised < least) {
                    best = Some((raised, at));
                }
            }
            // The capacity leaves room for every literal.
            let at = best.map_or(0, |(_, at)| at);
            buckets[at].add(index, literal);
        }
        Layout { buckets }
    }
}

#[cfg(test)]
mod tests;
