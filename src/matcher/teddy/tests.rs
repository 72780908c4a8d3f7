//! The SIMD search against a naive one, for every group count and fingerprint length.

use super::*;
use std::collections::{HashMap, HashSet};

/// Fails the test where the CPU cannot run the kernels, rather than letting it pass having tested
/// nothing: these tests are of the SIMD search (a CPU without AVX2 gets the automaton instead).
fn require_avx2() {
    #[cfg(target_arch = "x86_64")]
    let avx2 = std::arch::is_x86_feature_detected!("avx2");
    #[cfg(not(target_arch = "x86_64"))]
    let avx2 = false;
    assert!(
        avx2,
        "this test runs the AVX2 prefilter, and this CPU has no AVX2: run the tests on one that has"
    );
}

/// The prefilter for `literals`, which fit the groups.
fn prefilter(literals: &[&[u8]]) -> Prefilter {
    require_avx2();
    Prefilter::new(literals).expect("the literals fit the groups")
}

/// Every place where the prefilter's literals (`literals`, the list it was made of) start in `text`, as it
/// offers them; at each, the literal it offers and those `Prefilter::literals_at` lists must be those that
/// start there.
fn places(prefilter: &Prefilter, literals: &[&[u8]], text: &[u8]) -> Vec<usize> {
    let mut found = Vec::new();
    let none = prefilter.find(text, 0, &mut |place, first| {
        let mut starting: Vec<&[u8]> = (literals.iter().copied())
            .filter(|literal| text[place..].starts_with(literal))
            .collect();
        starting.sort_unstable();
        starting.dedup();
        assert!(
            text[place..].starts_with(literals[first]),
            "literal {first} offered at {place}"
        );
        let mut listed: Vec<&[u8]> = Vec::new();
        prefilter.literals_at(text, place, &mut |number| {
            listed.push(literals[number]);
            false
        });
        listed.sort_unstable();
        assert_eq!(listed, starting, "the literals at {place}");
        found.push(place);
        false
    });
    assert_eq!(none, None, "nothing accepted, nothing returned");
    found
}

/// Every place where `literals` start in `text`, found by comparing each literal there.
fn naive(literals: &[&[u8]], text: &[u8]) -> Vec<usize> {
    (0..text.len())
        .filter(|&at| literals.iter().any(|l| text[at..].starts_with(l)))
        .collect()
}

/// A naive search for many literals: at each place, those that begin with its first byte or two
/// are compared.
struct Naive<'l> {
    by_beginning: HashMap<&'l [u8], Vec<&'l [u8]>>,
}

impl<'l> Naive<'l> {
    fn new(literals: &[&'l [u8]]) -> Naive<'l> {
        let mut by_beginning: HashMap<&[u8], Vec<&[u8]>> = HashMap::new();
        for &literal in literals {
            let beginning = &literal[..literal.len().min(2)];
            by_beginning.entry(beginning).or_default().push(literal);
        }
        Naive { by_beginning }
    }

    fn places(&self, text: &[u8]) -> Vec<usize> {
        (0..text.len())
            .filter(|&at| {
                let rest = &text[at..];
                [&rest[..1], rest.get(..2).unwrap_or_default()]
                    .into_iter()
                    .filter_map(|beginning| self.by_beginning.get(beginning))
                    .flatten()
                    .any(|literal| rest.starts_with(literal))
            })
            .collect()
    }
}

/// Every literal is found wherever it stands, whatever bucket and group it went to, short ones
/// included, in texts of the kind the prefilter is built for.
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
    let prefilter = prefilter(&literals);
    for word in &words {
        let text = format!("2024-06-01 INFO xx {word} yy");
        let at = text.find(word.as_str()).unwrap();
        let found = prefilter.find(text.as_bytes(), 0, &mut |place, _| place == at);
        assert_eq!(found, Some(at), "{word}");
    }
}

/// Places are found wherever the chunking puts them: in whole chunks, across their edges, in the
/// last bytes (copied out), at the very end, in texts shorter than a chunk, and from any start.
#[test]
fn places_in_every_part_of_the_text() {
    let literals: [&[u8]; 4] = [b"APIG.0303", b"URI", b"denied", b"x"];
    let prefilter = prefilter(&literals);
    for len in [
        0, 1, 3, 31, 32, 33, 36, 37, 38, 63, 64, 65, 66, 67, 68, 100, 131, 132, 200,
    ] {
        for at in 0..len {
            for literal in literals {
                let mut text = vec![b'-'; len];
                let end = (at + literal.len()).min(len);
                text[at..end].copy_from_slice(&literal[..end - at]);
                assert_eq!(
                    places(&prefilter, &literals, &text),
                    naive(&literals, &text),
                    "{literal:?} at {at} of {len}"
                );
            }
        }
    }
    let text = b"x--URI---x";
    assert_eq!(
        prefilter.find(text, usize::MAX - 10, &mut |_, _| true),
        None
    );
    for from in 0..=text.len() + 1 {
        let want = naive(&literals, text).into_iter().find(|&p| p >= from);
        assert_eq!(
            prefilter.find(text, from, &mut |_, _| true),
            want,
            "from {from}"
        );
    }
}

/// On random texts over a small alphabet (many near misses), the places are exactly those a naive
/// search finds, for sets of literals that fill several groups.
#[test]
fn places_are_exactly_the_literals() {
    const LETTERS: &[u8] = b"abcAB._\xe9";
    const TEXT: &[u8] = b"abcAB._\xe9 \n";
    let mut rng = fastrand::Rng::with_seed(7);
    for round in 0..40 {
        let count = [1, 5, 40, 130, 300][round % 5];
        let words: Vec<Vec<u8>> = (0..count)
            .map(|_| {
                let len = rng.usize(1..12);
                (0..len)
                    .map(|_| LETTERS[rng.usize(0..LETTERS.len())])
                    .collect()
            })
            .collect();
        let literals: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
        let text: Vec<u8> = (0..rng.usize(0..500))
            .map(|_| TEXT[rng.usize(0..TEXT.len())])
            .collect();
        assert_eq!(
            places(&prefilter(&literals), &literals, &text),
            naive(&literals, &text),
            "round {round}"
        );
    }
}

/// Literals that fill `groups` groups of buckets with beginnings of `len` bytes (`WINDOW`, or fewer:
/// then the literals begin in too many ways at `len + 1` bytes): each begins with one of some random
/// beginnings, a few are shorter than those, and the rest of each is random.
fn literals_filling(rng: &mut fastrand::Rng, len: usize, groups: usize) -> Vec<Vec<u8>> {
    const LETTERS: &[u8] = b"ABCDEQRSaeio.0127_-\xe9\xe4";
    let per_group = BUCKETS * LITERALS_PER_BUCKET;
    // With fewer beginnings, each would need more ways to go on than a byte has.
    let count = rng.usize((per_group * (groups - 1) + 1).max(per_group / 2)..=per_group * groups);
    let mut beginnings: HashSet<Vec<u8>> = HashSet::new();
    // A few literals shorter than the beginnings are beginnings by themselves.
    while beginnings.len() < 3.min(count) {
        let short = rng.usize(1..len);
        beginnings.insert((0..short).map(|_| b"XYZ"[rng.usize(0..3)]).collect());
    }
    while beginnings.len() < count {
        beginnings.insert(
            (0..len)
                .map(|_| rng.choice(LETTERS).copied().unwrap())
                .collect(),
        );
    }
    let mut beginnings: Vec<Vec<u8>> = beginnings.into_iter().collect();
    beginnings.sort();
    // Past the beginning, this many ways to go on make more than all groups hold at `len + 1` bytes.
    let ways = if len < WINDOW {
        (MAX_GROUPS * per_group).div_ceil(count - 3) + 1
    } else {
        1
    };
    let mut literals = Vec::new();
    for beginning in beginnings {
        if beginning.len() < len {
            literals.push(beginning);
            continue;
        }
        let mut next: Vec<u8> = (b'0'..=b'~').collect();
        rng.shuffle(&mut next);
        for &byte in &next[..ways] {
            let mut literal = beginning.clone();
            if len < WINDOW {
                literal.push(byte);
            }
            literal.extend((0..rng.usize(0..8)).map(|_| rng.choice(LETTERS).copied().unwrap()));
            literals.push(literal);
        }
    }
    literals
}

/// A random text of the literals' pieces (whole, cut short, with a byte changed) among noise.
fn text_of_pieces(rng: &mut fastrand::Rng, literals: &[&[u8]], len: usize) -> Vec<u8> {
    const NOISE: &[u8] = b"ABCDEQRSaeio.0127_-\xe9\xe4 \n\t:=XYZ";
    let mut text = Vec::with_capacity(len + 16);
    while text.len() < len {
        let literal = literals[rng.usize(0..literals.len())];
        match rng.u8(0..4) {
            0 => text.extend_from_slice(literal),
            1 => text.extend_from_slice(&literal[..rng.usize(0..literal.len())]),
            2 => {
                let at = text.len() + rng.usize(0..literal.len());
                text.extend_from_slice(literal);
                text[at] = rng.choice(NOISE).copied().unwrap();
            }
            _ => text.extend((0..rng.usize(0..12)).map(|_| rng.choice(NOISE).copied().unwrap())),
        }
    }
    text
}

/// Every kernel (each count of groups, 1 to `MAX_GROUPS`) with beginnings of every length the buckets
/// hold (6, 5 and 4 bytes) finds exactly the places a naive search finds: in random texts of the
/// literals' pieces, and with a literal at each place near the edges of the chunks and the tail.
#[test]
fn every_count_of_groups_and_length_of_beginnings() {
    require_avx2();
    let mut rng = fastrand::Rng::with_seed(2024);
    for len in (4..=WINDOW).rev() {
        for groups in 1..=MAX_GROUPS {
            let words = literals_filling(&mut rng, len, groups);
            let literals: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
            let shape = Beginnings::of(&literals).expect("the literals fit the groups");
            assert_eq!(
                (shape.len, shape.groups),
                (len, groups),
                "the literals made"
            );
            let prefilter = prefilter(&literals);
            let naive = Naive::new(&literals);
            assert_eq!(prefilter.kernel.groups(), groups);
            let case = format!("{groups} groups of {len}-byte beginnings");

            for round in 0..30 {
                let size = rng.usize(0..400);
                let text = text_of_pieces(&mut rng, &literals, size);
                assert_eq!(
                    places(&prefilter, &literals, &text),
                    naive.places(&text),
                    "{case}, round {round}: {:?}",
                    String::from_utf8_lossy(&text)
                );
            }

            // At the edges: the first chunk's last positions and the second's first, the tail's
            // copy (the last fewer than 32 + WINDOW - 1 bytes) and its second chunk, the very end.
            let edges = (0..2)
                .chain(32 - WINDOW..32 + WINDOW)
                .chain(64 - WINDOW..64 + WINDOW);
            for _ in 0..8 {
                let literal = literals[rng.usize(0..literals.len())];
                for at in edges.clone() {
                    let sizes = [
                        at + 1,
                        at + literal.len(),
                        at + literal.len() + 1,
                        69,
                        70,
                        101,
                    ];
                    for size in sizes.into_iter().filter(|&size| size > at) {
                        let mut text = vec![b'~'; size];
                        let end = (at + literal.len()).min(text.len());
                        text[at..end].copy_from_slice(&literal[..end - at]);
                        assert_eq!(
                            places(&prefilter, &literals, &text),
                            naive.places(&text),
                            "{case}: {literal:?} at {at} of {size}"
                        );
                    }
                }
            }
        }
    }
}

/// A catalog's thousands of literals that begin in few ways (codes `SYN.000000` on, made-up words)
/// are searched by their beginnings and checked by lookups: places are still exactly the literals'.
#[test]
fn many_literals_beginning_alike() {
    let words: Vec<Vec<u8>> = (0..6000)
        .map(|i| match i % 3 {
            0 => format!("SYN.{i:06}"),
            1 => format!("Qka{}ro", i * 7),
            _ => format!("E{}", i % 100),
        })
        .map(String::into_bytes)
        .collect();
    let literals: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
    let text = b"x SYN.000003 SYN.000004 SYN.00000 Qka7ro Qka14r E5 E99 E100 SYN.005997.";
    let found = places(&prefilter(&literals), &literals, text);
    assert_eq!(found, Naive::new(&literals).places(text));
    // SYN.000003, Qka7ro, E5, E99, E1 (and E10) of E100, SYN.005997.
    assert_eq!(found, [2, 34, 48, 51, 55, 60]);
}

/// Literals of four to twelve bytes that share their first four by the dozen (two heads, random tails):
/// each such slot compares its shorter literals and looks up its longer ones by their first eight bytes.
/// In random texts of their pieces (ending anywhere, so some places have fewer than eight bytes left):
/// exactly the naive places.
#[test]
fn literals_of_mixed_lengths_beginning_alike() {
    let mut rng = fastrand::Rng::with_seed(11);
    for round in 0..60 {
        let words: Vec<Vec<u8>> = (0..[20, 90, 300][round % 3])
            .map(|_| {
                let mut word = [b"abab", b"ba\xe9b"][rng.usize(0..2)].to_vec();
                word.extend((0..rng.usize(0..9)).map(|_| b"abcdefgh"[rng.usize(0..8)]));
                word
            })
            .collect();
        let literals: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
        let len = rng.usize(0..400);
        let mut text = text_of_pieces(&mut rng, &literals, len);
        text.truncate(len);
        assert_eq!(
            places(&prefilter(&literals), &literals, &text),
            naive(&literals, &text),
            "round {round}"
        );
    }
}

/// Literals that begin in more ways than the groups can hold leave the search to the automaton.
#[test]
fn too_many_beginnings_for_the_groups() {
    require_avx2();
    let words: Vec<String> = (0..MAX_GROUPS * BUCKETS * LITERALS_PER_BUCKET + 1)
        .map(|i| format!("{:04}", i))
        .collect();
    let literals: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
    assert!(Prefilter::new(&literals).is_none());
    assert!(Prefilter::new(&literals[1..]).is_some());
}

/// The conditions the kernel's safety rests on are asserted when a prefilter is built, whatever the
/// CPU: an empty literal, a count of groups no kernel is compiled for, tables of the wrong size.
#[test]
fn the_kernels_conditions_are_asserted() {
    fn refused(build: fn()) -> String {
        let payload = std::panic::catch_unwind(build).expect_err("refused");
        match payload.downcast::<String>() {
            Ok(message) => *message,
            Err(payload) => payload.downcast::<&str>().map_or_else(
                |_| "(a panic without a message)".to_string(),
                |message| message.to_string(),
            ),
        }
    }
    fn rows(n: usize) -> Vec<[u8; 32]> {
        vec![[0; 32]; n]
    }
    assert_eq!(
        refused(|| drop(Prefilter::new(&[b"URI".as_slice(), b""]))),
        "the prefilter's literals are not empty"
    );
    for groups in [0, MAX_GROUPS + 1] {
        let message = match groups {
            0 => refused(|| drop(Kernel::new(0, rows(0), rows(0)))),
            _ => refused(|| {
                let rows = rows((MAX_GROUPS + 1) * WINDOW);
                drop(Kernel::new(MAX_GROUPS + 1, rows.clone(), rows));
            }),
        };
        assert_eq!(
            message,
            format!("the kernels are compiled for 1 to {MAX_GROUPS} groups, not {groups}")
        );
    }
    let low = refused(|| drop(Kernel::new(2, rows(WINDOW), rows(2 * WINDOW))));
    assert!(low.contains("rows of the low-nibble table"), "{low}");
    let high = refused(|| drop(Kernel::new(2, rows(2 * WINDOW), rows(2 * WINDOW + 1))));
    assert!(high.contains("rows of the high-nibble table"), "{high}");
}

#[test]
fn literals_like_each_other_share_buckets() {
    // Two families of look-alikes: a layout that groups them alarms less than one that mixes them.
    let words = [
        "APIG.0301",
        "APIG.0302",
        "APIG.0303",
        "qzxjvw",
        "qzxkvw",
        "qzxlvw",
    ];
    let literals: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
    let layout = Layout::new(&literals, 2);
    let [first, second] = &layout.buckets[..] else {
        panic!("two buckets");
    };
    let mut groups = [first.literals.clone(), second.literals.clone()];
    groups.iter_mut().for_each(|g| g.sort());
    groups.sort();
    assert_eq!(groups, [vec![0, 1, 2], vec![3, 4, 5]]);
}

/// The test before a place's check: every literal's start passes it, whatever the literal's length (one
/// byte to twelve), and a place where only a literal's first four bytes stand (`HTTP/1.1` beside
/// `HTTP_FORBIDDEN`), or a short literal's first byte, does not (but where two hashes meet).
#[test]
fn the_first_test_of_a_place_passes_every_literal_and_few_others() {
    let words: [&[u8]; 7] = [
        b"HTTP_FORBIDDEN",
        b"APIG.0303",
        b"HMAC",
        b"valid",
        b"URI",
        b"ab",
        b"\xe9",
    ];
    let literals = Literals::new(&words);
    let eight = |text: &[u8]| -> [u8; 8] {
        let mut bytes = [b' '; 8];
        bytes[..text.len().min(8)].copy_from_slice(&text[..text.len().min(8)]);
        bytes
    };
    for word in words {
        assert!(literals.may_start(eight(word)), "{word:?}");
        let mut longer = word.to_vec();
        longer.extend_from_slice(b"-and more");
        assert!(literals.may_start(eight(&longer)), "{longer:?}");
    }
    let others: [&[u8]; 6] = [
        b"HTTP/1.1 200",
        b"APIG.1303",
        b"HMAX",
        b"URL",
        b"Uniform",
        b"valve",
    ];
    let passed = others
        .iter()
        .filter(|o| literals.may_start(eight(o)))
        .count();
    assert_eq!(passed, 0, "near misses that pass");
}
