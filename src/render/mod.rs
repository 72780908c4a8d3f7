//! Output: bilingual cards for a few matches, tables for many, and the JSON contract. Everything is rendered
//! into a `String` first, so a failure never leaves half an output behind.

mod card;
mod export;
mod families;
mod grid;
mod json;
mod labels;
mod scan;
mod shared;
mod table;
mod text;
mod vendors;

pub use export::{
    Dialect, EXPORT_SCHEMA_VERSION, ExportFormat, export, patterns_json, patterns_text,
};
pub use families::{families_json, families_table, family_human, family_json};
pub use json::{catalogs_json, json};
pub use scan::{
    ScanNotes, count_json, scan_line_human, scan_line_json, summary_human, summary_json,
};
pub use table::catalogs_table;
pub use text::{escape, escape_lines, escape_pattern};
pub use vendors::{vendors_json, vendors_lines};

use crate::catalog::{Catalogs, Text};
use crate::matcher::{Match, Outcome, QueryKind, ReferralMatch};
use crate::style::Palette;
use card::{card, fold_editions, referral_card};
use std::fmt::Write as _;
use table::{grouped_tables, table};

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
    Both,
}

impl Lang {
    /// The names `--lang` and ERRCODE_LANG show in help.
    pub const NAMES: [&str; 3] = ["en", "zh", "both"];

    /// A language as people spell it, in any case: `en`, `EN`, `English`, `en_US.UTF-8`; `zh`, `zh-CN`,
    /// `zh_CN`, `cn`, `zh-Hans`, `Chinese`, `中文` (and `zh-TW`, `zh-Hant`: the catalogs' Chinese is the
    /// vendors' simplified Chinese, the only Chinese errcode has); `both`, `all`, `en+zh`.
    pub fn from_name(name: &str) -> Option<Lang> {
        let mut name = name.trim().to_lowercase().replace('_', "-");
        // A locale's encoding or modifier (`zh_CN.UTF-8`, `en_US@euro`) says nothing of the language.
        if let Some(end) = name.find(['.', '@']) {
            name.truncate(end);
        }
        let lang = match name.as_str() {
            "en" | "eng" | "english" | "英文" | "英语" => Lang::En,
            "zh" | "cn" | "chs" | "cht" | "chinese" | "中文" | "汉语" | "简体中文" | "繁體中文" => {
                Lang::Zh
            }
            "both" | "all" | "en+zh" | "zh+en" | "en,zh" | "zh,en" | "bilingual" | "双语" => {
                Lang::Both
            }
            _ if name.starts_with("en-") => Lang::En,
            _ if name.starts_with("zh-") => Lang::Zh,
            _ => return None,
        };
        Some(lang)
    }

    pub(super) fn en(self) -> bool {
        self != Lang::Zh
    }
    pub(super) fn zh(self) -> bool {
        self != Lang::En
    }
    /// Labels and names in Chinese only when English is not shown.
    pub(super) fn pick(self, text: &Text) -> &str {
        if self == Lang::Zh { &text.zh } else { &text.en }
    }
}

/// How human output looks, resolved once by the CLI.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub lang: Lang,
    pub palette: Palette,
    /// Terminal columns to fit.
    pub width: usize,
    /// Every match as a card, however many (`--cards`); else five or more make a table.
    pub cards: bool,
}

/// Up to this many matches are shown as cards; more as a table.
pub const MAX_CARDS: usize = 4;

// ---------------------------------------------------------------------------------------------------------
// Human output

/// Cards or tables for every outcome, with a heading per query when there are several.
pub fn human(outcomes: &[Outcome<'_>], catalogs: &Catalogs, look: &Look) -> String {
    human_with_guesses(outcomes, &[], catalogs, look)
}

/// As `human`, with `guesses[i]` the lookup of the code that query `i`, which matched nothing, is closest
/// to (a typo: `APIG.303`): shown first, under "did you mean APIG.0303?", before any pointer for the code
/// as typed.
pub fn human_with_guesses(
    outcomes: &[Outcome<'_>],
    guesses: &[Option<Outcome<'_>>],
    catalogs: &Catalogs,
    look: &Look,
) -> String {
    let mut out = String::new();
    // A family's checklist is printed with the first card of the family only.
    let mut checklists_shown: Vec<&str> = Vec::new();
    for (i, outcome) in outcomes.iter().enumerate() {
        let guess = (guesses.get(i).and_then(Option::as_ref))
            .filter(|g| outcome.matches.is_empty() && !g.matches.is_empty());
        if outcome.matches.is_empty() && outcome.referrals.is_empty() && guess.is_none() {
            continue;
        }
        if outcomes.len() > 1 {
            if !out.is_empty() {
                out.push('\n');
            }
            // A query may be a long paste: its heading is cut to the width.
            let query = text::truncate(&escape(&outcome.query), look.width.saturating_sub(6));
            let _ = writeln!(out, "{}", look.palette.heading(&format!("── {query} ──")));
        }
        if let Some(guess) = guess {
            let line = (labels::labels(look.lang).did_you_mean)(
                &escape(&outcome.query),
                &escape(&guess.query),
            );
            for line in card::wrap(&line, look.width) {
                let _ = writeln!(out, "{}", look.palette.heading(&line));
            }
            out.push_str(&outcome_body(guess, catalogs, look, &mut checklists_shown));
            if !outcome.referrals.is_empty() {
                out.push('\n');
            }
        }
        out.push_str(&outcome_body(
            outcome,
            catalogs,
            look,
            &mut checklists_shown,
        ));
    }
    out
}

/// One outcome's cards, or its table and the hint that follows a table.
fn outcome_body(
    outcome: &Outcome<'_>,
    catalogs: &Catalogs,
    look: &Look,
    checklists_shown: &mut Vec<&'static str>,
) -> String {
    let mut out = String::new();
    // Several vendors' matches with the same words: said once, with why, above them.
    let shared = shared::shared(outcome);
    for group in &shared {
        for line in shared::shared_lines(group, look) {
            let _ = writeln!(out, "{}", look.palette.aside(&line));
        }
    }
    if !shared.is_empty() {
        out.push('\n');
    }
    let shown = fold_editions(&outcome.matches);
    if look.cards || shown.len() + outcome.referrals.len() <= MAX_CARDS {
        // Cards in the order the errors stand in a paste (entries first otherwise).
        let mut order: Vec<(usize, Result<&Match<'_>, &ReferralMatch<'_>>)> = shown
            .iter()
            .map(|m| (m.position.unwrap_or(0), Ok(*m)))
            .chain(
                outcome
                    .referrals
                    .iter()
                    .map(|r| (r.position.unwrap_or(usize::MAX), Err(r))),
            )
            .collect();
        order.sort_by_key(|(position, _)| *position);
        let cards: Vec<String> = order
            .into_iter()
            .map(|(_, shown)| match shown {
                Ok(m) => card(m, catalogs, look, checklists_shown),
                Err(r) => referral_card(r, look),
            })
            .collect();
        out.push_str(&cards.join("\n"));
    } else {
        if matches!(outcome.kind, QueryKind::Status | QueryKind::List) {
            out.push_str(&grouped_tables(&outcome.matches, look));
        } else {
            out.push_str(&table(&outcome.matches, look, true));
        }
        for r in &outcome.referrals {
            out.push('\n');
            out.push_str(&referral_card(r, look));
        }
        // A table has no fixes: say how to see them.
        // (A code's own rows need no pointer to the code.)
        let example = (outcome.matches.iter())
            .filter(|_| outcome.kind != QueryKind::Code)
            .find_map(|m| m.entry.code.as_ref().and_then(|c| c.literal()));
        let hint = (labels::labels(look.lang).table_hint)(example.as_deref());
        for line in card::wrap(&hint, look.width) {
            let _ = writeln!(out, "{}", look.palette.aside(&line));
        }
    }
    out
}

/// What to tell the user (on standard error) about queries that matched nothing.
pub fn not_found(outcomes: &[Outcome<'_>]) -> String {
    let mut out = String::new();
    for outcome in outcomes.iter().filter(|o| o.matches.is_empty()) {
        let _ = write!(
            out,
            "errcode: no entry matches {:?}",
            escape(&excerpt(&outcome.query))
        );
        if !outcome.suggestions.is_empty() {
            let _ = write!(
                out,
                "; did you mean {}?",
                escape(&outcome.suggestions.join(", "))
            );
        }
        out.push('\n');
    }
    out
}

/// How many characters of a query a message quotes: a paste may be megabytes, and its first words say
/// which paste it was.
const QUOTED_CHARS: usize = 80;

/// The start of `query`, its runs of white space as one space, cut after `QUOTED_CHARS` characters
/// (with `…`).
fn excerpt(query: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in query.split_whitespace() {
        for c in (!out.is_empty())
            .then_some(' ')
            .into_iter()
            .chain(word.chars())
        {
            if chars == QUOTED_CHARS {
                out.push('…');
                return out;
            }
            out.push(c);
            chars += 1;
        }
    }
    out
}
