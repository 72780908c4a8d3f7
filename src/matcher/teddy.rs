//! How the log scanner's prefilter lays its literals out in SIMD (Teddy) searchers.
//!
//! Teddy tests each position of the text against its buckets at once: a bucket accepts a position when
//! each of its first bytes (up to four) has a low and a high nibble that some literal of the bucket has
//! there, and only then are the bucket's literals compared with the text. A bucket of literals that share
//! nibbles accepts little beyond them; one of unlike literals accepts many byte combinations none of them
//! has, and every such false alarm costs a comparison per literal. So the literals are not dealt out in
//! order: each goes where it adds the least to the chance of a false alarm, estimated from how often each
//! byte occurs in text. With the ~270 built-in literals this takes the prefilter from five searchers to
//! three, and `errcode scan -j1 --count` over `bench/scan.sh`'s 100 MB log from 185 to 158 ms.

use aho_corasick::packed;

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

/// Literals one searcher takes at most (aho-corasick's limit for its packed searchers).
const MAX_LITERALS: usize = 128;
/// About as many literals per bucket as keeps false alarms rare (measured: 4 per bucket needs five
/// searchers for the built-in literals, 6 three, and three searchers of 6 are the faster).
const LITERALS_PER_BUCKET: usize = 6;
/// Each searcher is a pass over the text: past this many, one automaton pass is faster (large catalogs).
const MAX_SEARCHERS: usize = 8;
/// Bytes of a literal Teddy tests at once.
const MASK_BYTES: usize = 4;

/// The searchers for `literals` (each found wherever it stands, so that a line holding one is found), or
/// `None` when there are too many or Teddy is not available (no SIMD, big-endian targets).
pub(super) fn searchers(literals: &[&[u8]]) -> Option<Vec<packed::Searcher>> {
    if literals.is_empty() {
        return Some(Vec::new());
    }
    // Aho-corasick's Teddy has 8 buckets, or 16 ("fat", where the CPU has AVX2) for more than 32
    // literals; the searchers are pinned to the kind the layout is planned for.
    let fat = literals.len() > 32 && has_avx2();
    let buckets_per_searcher = if fat { 16 } else { 8 };
    let searchers = literals
        .len()
        .div_ceil(buckets_per_searcher * LITERALS_PER_BUCKET);
    if searchers > MAX_SEARCHERS {
        return None;
    }
    let layout = Layout::new(literals, searchers, buckets_per_searcher);
    layout
        .searcher_literals(literals)
        .iter()
        .map(|group| {
            let mut builder = packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostFirst)
                .heuristic_pattern_limits(false)
                .only_teddy_fat(Some(fat))
                .builder();
            builder.extend(group);
            builder.build()
        })
        .collect()
}

fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    return std::arch::is_x86_feature_detected!("avx2");
    #[cfg(not(target_arch = "x86_64"))]
    return false;
}

/// Which bucket of which searcher each literal goes to.
struct Layout {
    buckets_per_searcher: usize,
    /// Per bucket (searcher by searcher), its literals (indexes) and the nibbles they have.
    buckets: Vec<Bucket>,
}

#[derive(Default, Clone)]
struct Bucket {
    literals: Vec<usize>,
    nibbles: Nibbles,
}

/// What a bucket's literals have at each byte Teddy tests: the sets of low and of high nibbles (bit n:
/// nibble n).
#[derive(Default, Clone, Copy)]
struct Nibbles {
    low: [u16; MASK_BYTES],
    high: [u16; MASK_BYTES],
}

impl Nibbles {
    fn with(mut self, literal: &[u8]) -> Nibbles {
        for (j, &byte) in literal.iter().take(MASK_BYTES).enumerate() {
            self.low[j] |= 1 << (byte & 15);
            self.high[j] |= 1 << (byte >> 4);
        }
        self
    }

    /// How much a bucket of `literals` literals with these nibbles costs per position of text searched
    /// (relative): the chance that every byte tested is one it accepts, times the comparisons an alarm
    /// then makes.
    fn cost(&self, mask_bytes: usize, literals: usize) -> f64 {
        if literals == 0 {
            return 0.0;
        }
        let accepted = |j: usize| -> f64 {
            let mut sum = 0u64;
            for high in nibbles(self.high[j]) {
                for low in nibbles(self.low[j]) {
                    sum += u64::from(BYTE_FREQUENCY[high << 4 | low]);
                }
            }
            sum as f64 / 1e6
        };
        let chance: f64 = (0..mask_bytes).map(accepted).product();
        chance * (1.0 + literals as f64 / 4.0)
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
    /// each to the bucket whose cost it raises least. A literal shorter than `MASK_BYTES` makes its whole
    /// searcher test fewer bytes, so the short ones share the first searcher.
    fn new(literals: &[&[u8]], searchers: usize, buckets_per_searcher: usize) -> Layout {
        let total = searchers * buckets_per_searcher;
        // Some room beyond an even share, within what a searcher takes.
        let capacity =
            (literals.len().div_ceil(total) + 2).min(MAX_LITERALS / buckets_per_searcher);
        let shortest = literals.iter().map(|l| l.len()).min().unwrap_or(MASK_BYTES);
        let mask_bytes = |searcher: usize| {
            if searcher == 0 {
                shortest.min(MASK_BYTES)
            } else {
                MASK_BYTES
            }
        };
        let alone = |literal: &[u8]| -> f64 {
            literal
                .iter()
                .take(MASK_BYTES)
                .map(|&b| f64::from(BYTE_FREQUENCY[usize::from(b)]))
                .product()
        };
        let mut order: Vec<usize> = (0..literals.len()).collect();
        order.sort_by(|&a, &b| alone(literals[b]).total_cmp(&alone(literals[a])));
        let mut buckets = vec![Bucket::default(); total];
        // Each bucket's cost as it stands (the first searcher's may test fewer bytes).
        let mut costs = vec![0.0; total];
        for index in order {
            let literal = literals[index];
            let mut best: Option<(f64, usize)> = None;
            for (at, bucket) in buckets.iter().enumerate() {
                let searcher = at / buckets_per_searcher;
                if bucket.literals.len() >= capacity
                    || (literal.len() < MASK_BYTES && searcher != 0)
                {
                    continue;
                }
                let mask = mask_bytes(searcher);
                let added = bucket
                    .nibbles
                    .with(literal)
                    .cost(mask, bucket.literals.len() + 1)
                    - costs[at];
                if best.is_none_or(|(least, _)| added < least) {
                    best = Some((added, at));
                }
            }
            // The capacity leaves room for every literal but short ones past the first searcher's room,
            // which go to its first bucket (a full bucket is slower, never wrong).
            let at = best.map_or(0, |(_, at)| at);
            let bucket = &mut buckets[at];
            bucket.literals.push(index);
            bucket.nibbles = bucket.nibbles.with(literal);
            costs[at] = bucket
                .nibbles
                .cost(mask_bytes(at / buckets_per_searcher), bucket.literals.len());
        }
        Layout {
            buckets_per_searcher,
            buckets,
        }
    }

    /// Each searcher's literals in the order that puts them in their buckets: aho-corasick gives the
    /// literal added n-th the bucket `last - n % buckets`, unless an earlier literal has its low nibbles
    /// (then it joins that one's). Buckets are filled round by round; a bucket with no literal left for a
    /// round gets a repeat of one of its own (of the searcher's first, if it has none), which keeps the
    /// count and lands with its original.
    fn searcher_literals<'l>(&self, literals: &[&'l [u8]]) -> Vec<Vec<&'l [u8]>> {
        self.buckets
            .chunks(self.buckets_per_searcher)
            .filter(|buckets| buckets.iter().any(|b| !b.literals.is_empty()))
            .map(|buckets| {
                // Fullest first, so that the first literal added is a real one.
                let mut buckets: Vec<&Bucket> = buckets.iter().collect();
                buckets.sort_by_key(|b| std::cmp::Reverse(b.literals.len()));
                let rounds = buckets[0].literals.len();
                let first = buckets[0].literals[0];
                let mut ordered = Vec::with_capacity(rounds * buckets.len());
                for round in 0..rounds {
                    for bucket in &buckets {
                        let index = bucket
                            .literals
                            .get(round)
                            .or(bucket.literals.first())
                            .copied()
                            .unwrap_or(first);
                        ordered.push(literals[index]);
                    }
                }
                ordered
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every literal is found wherever it stands, whatever bucket it went to (repeats and literals that
    /// share low nibbles included), in texts of the kind the searchers are built for.
    #[test]
    fn every_literal_is_found() {
        let words: Vec<String> = (0..300)
            .map(|i| match i % 4 {
                0 => format!("Code{i}.Name"),
                1 => format!("message word {i}"),
                2 => format!("错误{i}"),
                _ => format!("E{i}"),
            })
            .chain(["URI".to_string(), "ab".to_string()])
            .collect();
        let literals: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        let Some(searchers) = searchers(&literals) else {
            return; // no SIMD here: the automaton serves instead
        };
        assert!(searchers.len() <= MAX_SEARCHERS);
        for word in &words {
            // (A literal that is a prefix of this one may be what is found there: the place is what
            // the scanner needs.)
            let text = format!("2024-06-01 INFO xx {word} yy");
            let at = text.find(word.as_str()).unwrap();
            let found = searchers
                .iter()
                .any(|s| s.find_iter(text.as_bytes()).any(|m| m.start() == at));
            assert!(found, "{word}");
        }
    }

    #[test]
    fn literals_like_each_other_share_buckets() {
        // Two families of look-alikes: a layout that groups them alarms less than one that mixes them.
        let words = [
            "APIG.0301",
            "APIG.0302",
            "APIG.0303",
            "qzxj",
            "qzxk",
            "qzxl",
        ];
        let literals: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        let layout = Layout::new(&literals, 1, 2);
        let [first, second] = &layout.buckets[..] else {
            panic!("two buckets");
        };
        let mut groups = [first.literals.clone(), second.literals.clone()];
        groups.iter_mut().for_each(|g| g.sort());
        groups.sort();
        assert_eq!(groups, [vec![0, 1, 2], vec![3, 4, 5]]);
    }
}
