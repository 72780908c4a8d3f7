//! The words cards and tables are labelled with, in English and Chinese.

use super::Lang;

pub(super) struct Labels {
    pub(super) family: &'static str,
    pub(super) checklist: &'static str,
    pub(super) checklist_above: &'static str,
    pub(super) checklist_short: &'static str,
    pub(super) family_note: &'static str,
    pub(super) elsewhere: &'static str,
    pub(super) message: &'static str,
    pub(super) detail: &'static str,
    pub(super) evidence: &'static str,
    pub(super) unlisted: &'static str,
    pub(super) meaning: &'static str,
    pub(super) fix: &'static str,
    pub(super) filled: &'static str,
    pub(super) note: &'static str,
    pub(super) editions: &'static str,
    pub(super) source: &'static str,
    /// The footnotes for `†`: fields errcode wrote, English it translated, Chinese it translated.
    pub(super) authored: [&'static str; 3],
    /// A clue's kind in an evidence line: code, message, status, vendor.
    pub(super) clue_kinds: [&'static str; 4],
    /// Table headings.
    pub(super) vendor: &'static str,
    pub(super) code: &'static str,
    pub(super) status: &'static str,
    pub(super) family_headings: [&'static str; 3],
    pub(super) about: &'static str,
    /// Other vendors' members left off a card, after their count.
    pub(super) more: &'static str,
    /// A row's own edition, in the editions line.
    pub(super) this_row: &'static str,
    pub(super) by_vendor: &'static str,
    pub(super) by_status: &'static str,
    /// "N entries" in a status listing's group heading.
    pub(super) entries: fn(usize) -> String,
    /// The words after a number of catalogs and of entries (`errcode vendors`).
    pub(super) catalog_word: fn(usize) -> &'static str,
    pub(super) entry_word: fn(usize) -> &'static str,
    /// The summary's first line, from the matched lines and all lines.
    pub(super) lines_with_errors: fn(u64, u64) -> String,
    /// A card's status line where the paste states another status than the entry's: (stated, listed),
    /// each as `400 Bad Request`.
    pub(super) stated_status: fn(&str, &str) -> String,
    /// After a table (which has no fixes): how to see the fixes, with a code of the table if it has one.
    pub(super) table_hint: fn(Option<&str>) -> String,
    /// Over the card of the code a query that matched nothing is closest to: (query, code).
    pub(super) did_you_mean: fn(&str, &str) -> String,
    /// A message several vendors share: (vendors, message, reason), marked as errcode's own words.
    pub(super) shared_line: fn(&str, &str, &str) -> String,
    /// The reasons: the status's standard phrase; an entry's note, or its family's explanation, that names
    /// another vendor: (vendor, the sentence that names it); nothing in the data.
    pub(super) shared_http_phrase: fn(u16) -> String,
    pub(super) shared_note_says: fn(&str, &str) -> String,
    pub(super) shared_family_says: fn(&str, &str) -> String,
    pub(super) shared_same_words: &'static str,
}

pub(super) const LABELS_EN: Labels = Labels {
    family: "Family",
    checklist: "errcode's checklist",
    checklist_above: "errcode's checklist: above",
    checklist_short: "Checklist",
    family_note: "The explanation and checklist are errcode's own, not any vendor's.",
    elsewhere: "Elsewhere",
    message: "Message",
    detail: "Detail",
    evidence: "Evidence",
    unlisted: "not in the tables",
    meaning: "Meaning",
    fix: "Fix",
    filled: "Filled",
    note: "Note",
    editions: "Editions",
    source: "Source",
    authored: [
        "† written by errcode: the vendor's document gives none",
        "† English translated by errcode: the vendor's document gives it in Chinese only",
        "† Chinese translated by errcode: the vendor's document gives it in English only",
    ],
    clue_kinds: ["code", "message", "status", "vendor"],
    vendor: "Vendor",
    code: "Code",
    status: "Status",
    family_headings: ["Family", "Name", "Members"],
    about: "About",
    more: "more",
    this_row: "this row",
    by_vendor: "By vendor",
    by_status: "By status",
    entries: |n| format!("{n} {}", if n == 1 { "entry" } else { "entries" }),
    catalog_word: |n| if n == 1 { "catalog" } else { "catalogs" },
    entry_word: |n| if n == 1 { "entry" } else { "entries" },
    stated_status: |stated, listed| {
        format!("{stated} in the paste; the vendor's table lists {listed}")
    },
    lines_with_errors: |matched, lines| {
        format!("{matched} of {lines} lines carry gateway errors\n")
    },
    table_hint: |code| match code {
        Some(code) => {
            format!("To see the fixes: add --cards, or look one code up (errcode {code}).")
        }
        None => "To see the fixes: add --cards.".to_string(),
    },
    did_you_mean: |query, code| format!("No entry has {query}; did you mean {code}?"),
    shared_line: |vendors, message, reason| {
        let end = if reason.ends_with(['.', '"']) {
            ""
        } else {
            "."
        };
        format!(
            "Shared message (errcode's note): {vendors} answer with the same words, \"{message}\": {reason}{end}"
        )
    },
    shared_http_phrase: |status| format!("the standard HTTP reason phrase of {status}"),
    shared_note_says: |vendor, sentence| {
        format!("the note of {vendor}'s entry says \"{sentence}\"")
    },
    shared_family_says: |vendor, sentence| {
        format!("the explanation of {vendor}'s problem family says \"{sentence}\"")
    },
    shared_same_words: "the same words in several vendors' catalogs; nothing in the query tells which gateway answered: look for the Server header, request-id header or host",
};

pub(super) const LABELS_ZH: Labels = Labels {
    family: "问题类别",
    checklist: "errcode 的排查清单",
    checklist_above: "errcode 的排查清单见上文",
    checklist_short: "排查清单",
    family_note: "说明与排查清单由 errcode 编写，并非厂商文档内容。",
    elsewhere: "其他厂商",
    message: "错误信息",
    detail: "详细信息",
    evidence: "依据",
    unlisted: "未收录",
    meaning: "含义",
    fix: "解决方案",
    filled: "填充值",
    note: "备注",
    editions: "版本",
    source: "来源",
    authored: [
        "† 由 errcode 编写：厂商文档未提供",
        "† 英文由 errcode 翻译：厂商文档只有中文",
        "† 中文由 errcode 翻译：厂商文档只有英文",
    ],
    clue_kinds: ["错误码", "错误信息", "状态码", "厂商"],
    vendor: "厂商",
    code: "错误码",
    status: "状态码",
    family_headings: ["类别", "名称", "成员"],
    about: "说明",
    more: "更多",
    this_row: "本行",
    by_vendor: "按厂商",
    by_status: "按状态码",
    entries: |n| format!("{n} 条"),
    catalog_word: |_| "个目录",
    entry_word: |_| "条",
    stated_status: |stated, listed| format!("粘贴内容中为 {stated}；厂商表格列为 {listed}"),
    lines_with_errors: |matched, lines| format!("{lines} 行中有 {matched} 行含网关错误\n"),
    table_hint: |code| match code {
        Some(code) => format!("查看解决方案：加 --cards，或只查一个错误码（errcode {code}）。"),
        None => "查看解决方案：加 --cards。".to_string(),
    },
    did_you_mean: |query, code| format!("没有 {query} 这个错误码；您要查的是否是 {code}？"),
    shared_line: |vendors, message, reason| {
        let end = if reason.ends_with(['。', '"', '”']) {
            ""
        } else {
            "。"
        };
        format!(
            "共用的错误信息（errcode 的说明）：{vendors} 返回相同的文字 \"{message}\"：{reason}{end}"
        )
    },
    shared_http_phrase: |status| format!("这是 HTTP 状态码 {status} 的标准原因短语"),
    shared_note_says: |vendor, sentence| format!("{vendor} 条目的备注写道 \"{sentence}\""),
    shared_family_says: |vendor, sentence| {
        format!("{vendor} 所属问题类别的说明写道 \"{sentence}\"")
    },
    shared_same_words: "多个厂商的错误码表中都有这段文字；查询中没有任何信息表明是哪个网关返回的：请查看响应的 Server 头、请求 ID 头或主机名",
};

pub(super) const LABEL_WIDTH: usize = 10;

pub(super) fn labels(lang: Lang) -> &'static Labels {
    if lang == Lang::Zh {
        &LABELS_ZH
    } else {
        &LABELS_EN
    }
}

/// Whether errcode rather than the vendor wrote a field's texts, as far as `lang` shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ByErrcode {
    /// The vendor's text, in every language shown.
    No,
    /// errcode wrote the field: the vendor gives it in neither language.
    Written,
    /// The English shown is errcode's translation of the vendor's Chinese.
    TranslatedEn,
    /// The Chinese shown is errcode's translation of the vendor's English.
    TranslatedZh,
}

impl ByErrcode {
    /// A field whose English and Chinese errcode wrote (`en`, `zh`), seen in `lang`.
    pub(super) fn of(en: bool, zh: bool, lang: Lang) -> ByErrcode {
        match (en && lang.en(), zh && lang.zh()) {
            (false, false) => ByErrcode::No,
            _ if en && zh => ByErrcode::Written,
            (true, _) => ByErrcode::TranslatedEn,
            (false, true) => ByErrcode::TranslatedZh,
        }
    }
}

/// A label with `†` when errcode wrote or translated a text it labels.
pub(super) fn mark(by_errcode: ByErrcode, label: &str) -> String {
    if by_errcode == ByErrcode::No {
        label.to_string()
    } else {
        format!("{label}†")
    }
}

/// The footnotes that explain the marks of a card's fields: one per kind of mark.
pub(super) fn authored_notes(fields: &[ByErrcode], lang: Lang) -> Vec<&'static str> {
    let kinds = [
        ByErrcode::Written,
        ByErrcode::TranslatedEn,
        ByErrcode::TranslatedZh,
    ];
    (kinds.into_iter().zip(labels(lang).authored))
        .filter(|(kind, _)| fields.contains(kind))
        .map(|(_, note)| note)
        .collect()
}
