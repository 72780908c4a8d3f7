//! Which pairs of adjacent bytes a text holds, as a set of 1,024 bits. A scan asks every message that
//! shares a word with a line (its search key) whether the line carries it, some ten per line of an error
//! log, most of them no: a message whose words hold a byte pair the line lacks is not in it, which one
//! comparison of two sets settles, where searching the line for the message and then its words took
//! several passes over it.

/// A set of byte pairs (hashed to 1,024 slots: a pair outside the set may share a slot with one in it,
/// never the other way round).
#[derive(Debug, Clone)]
pub struct Bigrams([u64; 16]);

impl Bigrams {
    /// The pairs of adjacent bytes in `text`.
    pub fn of(text: &str) -> Bigrams {
        let mut set = Bigrams([0; 16]);
        set.add(text.as_bytes());
        set
    }

    /// The pairs within each of `words` (none across two of them).
    pub(super) fn of_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Bigrams {
        let mut set = Bigrams([0; 16]);
        for word in words {
            set.add(word.as_bytes());
        }
        set
    }

    fn add(&mut self, bytes: &[u8]) {
        for pair in bytes.windows(2) {
            let slot = slot(pair[0], pair[1]);
            self.0[slot >> 6] |= 1 << (slot & 63);
        }
    }

    /// Whether every pair of this set is in `other`'s (or shares a slot with one there).
    pub(super) fn within(&self, other: &Bigrams) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & !b == 0)
    }
}

fn slot(a: u8, b: u8) -> usize {
    ((u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9E37_79B1) >> 22) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template's search in a text it is told the byte pairs of finds what its search without them
    /// finds: for every built-in message form, in texts made of its words, words of other messages,
    /// pieces of them and noise (so that most hold the key and some words, many the whole message, some
    /// with other spacing or without the final full stop).
    #[test]
    fn the_byte_pairs_rule_out_only_texts_without_the_message() {
        let catalogs = crate::catalog::Catalogs::builtin();
        let forms: Vec<&crate::template::Template> = (catalogs.catalogs.iter())
            .flat_map(|c| c.entries.iter())
            .flat_map(|e| e.message_forms().iter())
            .collect();
        const NOISE: &[&str] = &[" ", "  ", ": ", "\"", ". ", "错误 ", "x", "\t", ","];
        let mut rng = fastrand::Rng::with_seed(15);
        let (mut found, mut ruled_out) = (0, 0);
        for (i, form) in forms.iter().enumerate() {
            let source = form.source();
            let other = forms[rng.usize(..forms.len())].source();
            for _ in 0..12 {
                let mut text = String::new();
                for _ in 0..rng.usize(1..4) {
                    match rng.u8(..7) {
                        0 => text += source,
                        1 => text += source.strip_suffix('.').unwrap_or(source),
                        2 => text += &source.split_whitespace().collect::<Vec<_>>().join("  "),
                        3 => {
                            let words: Vec<&str> = source.split_whitespace().collect();
                            let cut = rng.usize(..=words.len());
                            text += &words[..cut].join(" ");
                        }
                        4 => text += form.key(),
                        // Placeholders filled, their quotation marks varied.
                        5 => {
                            let values: crate::template::Captures = (form.segments().iter())
                                .filter_map(|s| match s {
                                    crate::template::Segment::Placeholder(name) => {
                                        Some((name.clone(), "v-1".to_string()))
                                    }
                                    crate::template::Segment::Literal(_) => None,
                                })
                                .collect();
                            text += &crate::template::fill_text(source, &values).replace('`', "\"");
                        }
                        _ => text += other,
                    }
                    text += NOISE[rng.usize(..NOISE.len())];
                }
                let all = form.find_all_exact(&text);
                let told = form.find_exact_in(&text, &Bigrams::of(&text), usize::MAX);
                assert_eq!(told, all, "form {i} {source:?} in {text:?}");
                found += usize::from(!all.is_empty());
                ruled_out += usize::from(form.ruled_out(&Bigrams::of(&text)));
            }
        }
        assert!(found > 5_000 && ruled_out > 1_000, "{found} {ruled_out}");
    }
}
