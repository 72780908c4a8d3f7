//! What a catalog says, as plain data: vendors, bilingual texts, sources, entries and referrals. Checked by
//! `validate`, kept in the compact form of `packed`.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

use crate::template::Template;

/// A vendor, by its id (`huawei`, `aws`, or a company's own, as a catalog declares it). Vendors are listed
/// in errcode's order: the four clouds, then the gateways beside them, then any other by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Vendor(&'static str);

/// The vendors of the built-in catalogs, in the order errcode lists vendors.
const KNOWN: [&str; 8] = [
    "huawei", "alibaba", "tencent", "jdcloud", "aws", "kong", "apisix", "google",
];

#[allow(non_upper_case_globals)]
impl Vendor {
    pub const Huawei: Vendor = Vendor("huawei");
    pub const Alibaba: Vendor = Vendor("alibaba");
    pub const Tencent: Vendor = Vendor("tencent");
    pub const Jdcloud: Vendor = Vendor("jdcloud");
    pub const Kong: Vendor = Vendor("kong");
    pub const Apisix: Vendor = Vendor("apisix");
    pub const Google: Vendor = Vendor("google");

    pub fn id(self) -> &'static str {
        self.0
    }

    /// The vendor with this id, if it is one (`[a-z0-9][a-z0-9-]*`, at most 64 characters).
    pub fn from_id(id: &str) -> Option<Vendor> {
        if !Vendor::is_id(id) {
            return None;
        }
        Some(match KNOWN.iter().find(|&&known| known == id) {
            Some(known) => Vendor(known),
            // A vendor lives as long as the catalogs that name it: the whole process.
            None => Vendor(Box::leak(id.to_string().into_boxed_str())),
        })
    }

    /// Whether `id` is a vendor id: `[a-z0-9][a-z0-9-]*`, at most 64 characters.
    pub fn is_id(id: &str) -> bool {
        let mut chars = id.chars();
        id.len() <= 64
            && matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    /// The built-in vendors' ids, in errcode's order.
    pub fn known() -> &'static [&'static str] {
        &KNOWN
    }

    /// One of the four clouds errcode is first of all for (their rows come first among equals).
    pub fn is_cloud(self) -> bool {
        self.rank() < 4
    }

    fn rank(self) -> usize {
        KNOWN
            .iter()
            .position(|&k| k == self.0)
            .unwrap_or(KNOWN.len())
    }
}

impl Ord for Vendor {
    fn cmp(&self, other: &Vendor) -> std::cmp::Ordering {
        (self.rank(), self.0).cmp(&(other.rank(), other.0))
    }
}

impl PartialOrd for Vendor {
    fn partial_cmp(&self, other: &Vendor) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl serde::Serialize for Vendor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Text whose presence in a paste marks a catalog's vendor: a host, a response header, an SDK's or an
/// error body's name (catalog data, so a user's catalog can say how its own gateway's errors look).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub text: Cow<'static, str>,
    /// ASCII letters match in any case (hosts, header names); otherwise as written (field names).
    pub any_case: bool,
    /// What it is, shown as the evidence's kind: "Huawei host or SDK".
    pub what: Cow<'static, str>,
    /// It marks the vendor's cloud API answering (a field only its error bodies have, its SDK's print of
    /// a server error, its API's host), not just the vendor: what a referral of any name needs
    /// (`Referral::is_open`).
    pub error_body: bool,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Text {
    pub en: Cow<'static, str>,
    pub zh: Cow<'static, str>,
}

/// A document a catalog was made from.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: Cow<'static, str>,
    pub title: Cow<'static, str>,
    pub date: Option<Cow<'static, str>>,
    /// The file in `catalogs/sources/` (built-in catalogs made from a kept document).
    pub document: Option<Cow<'static, str>>,
    /// The public page the catalog was made from.
    pub url: Option<Cow<'static, str>>,
    pub label: Option<Text>,
}

/// Which of an entry's texts errcode wrote (translations, or fixes the vendor left blank).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Authored {
    pub meaning_en: bool,
    pub meaning_zh: bool,
    pub fix_en: bool,
    pub fix_zh: bool,
}

impl Authored {
    pub const FIELDS: [&'static str; 4] = ["meaning.en", "meaning.zh", "fix.en", "fix.zh"];

    pub(crate) fn set(&mut self, field: &str) -> bool {
        let flag = match field {
            "meaning.en" => &mut self.meaning_en,
            "meaning.zh" => &mut self.meaning_zh,
            "fix.en" => &mut self.fix_en,
            "fix.zh" => &mut self.fix_zh,
            _ => return false,
        };
        *flag = true;
        true
    }

    pub fn fields(self) -> Vec<&'static str> {
        Authored::FIELDS
            .into_iter()
            .zip(self.flags())
            .filter_map(|(name, on)| on.then_some(name))
            .collect()
    }
}

/// One row of a vendor's error table.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Where the entry stands in its catalog: how other entries (editions) and matches refer to it.
    pub index: usize,
    pub id: Cow<'static, str>,
    pub code: Option<Template>,
    pub status: u16,
    pub message: Template,
    /// The messages to match where the vendor's cell holds several; empty means `message` itself.
    pub variants: Vec<Template>,
    /// Indexes into the catalog's `sources`.
    pub sources: Vec<usize>,
    /// Index of the newer edition's entry this older row corresponds to.
    pub edition_of: Option<usize>,
    pub doubtful_message: bool,
    /// An SDK's wrapper around whatever the server answered (`SDK.ServerError`): never claimed in a paste
    /// (the wrapped code is the error), only found by a lookup of its code.
    pub wrapper: bool,
    /// Every product of its vendor answers this message (AWS's SigV4 messages, which every AWS service
    /// returns word for word): found in a paste only where the paste shows the catalog's product (its
    /// `product_marks`) or the message stands alone as the paste's.
    pub vendor_wide: bool,
    /// Its message is words any software may answer (`An unexpected error occurred`): found in a paste by
    /// the message alone, it is this row only where the paste names the vendor or the message is a body's
    /// only field.
    pub common_message: bool,
    /// The row is a line of the vendor's own log (API Gateway's execution log) reporting an error whose
    /// client gets another row's answer with the same status: beside that row, it is the error's line,
    /// not a second error.
    pub log_line: bool,
    pub meaning: Text,
    pub fix: Text,
    pub note: Option<Text>,
    pub authored: Authored,
}

impl Entry {
    /// The message forms the matcher tries.
    pub fn message_forms(&self) -> &[Template] {
        if self.variants.is_empty() {
            std::slice::from_ref(&self.message)
        } else {
            &self.variants
        }
    }
}

/// What the vendor's document says about codes it does not list (Huawei: "codes starting with APIGW: see
/// the API Gateway error codes"), so such a code gets a pointer rather than silence.
#[derive(Debug, Clone)]
pub struct Referral {
    pub id: Cow<'static, str>,
    /// A code template (`APIGW.{number}`).
    pub code: Template,
    pub meaning: Text,
    pub fix: Text,
    pub authored: Authored,
}

impl Referral {
    /// Whether its code begins with a placeholder (Huawei's `{service}.{number}`): it then fits codes of any
    /// name, so it answers only a code field of a paste that names its vendor and no other
    /// (`matcher::findings`), never a code looked up alone.
    pub fn is_open(&self) -> bool {
        matches!(
            self.code.segments().first(),
            Some(crate::template::Segment::Placeholder(_))
        )
    }
}

/// Where a catalog was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary; the file name under `catalogs/`.
    Builtin(&'static str),
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Builtin(_) => f.write_str("built-in"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

impl Origin {
    pub(crate) fn path_for_errors(&self) -> String {
        match self {
            Origin::Builtin(name) => format!("catalogs/{name}"),
            Origin::File(path) => path.display().to_string(),
        }
    }
}

impl Text {
    /// Texts from the built-in statics, borrowed.
    pub(crate) fn trusted((en, zh): (&'static str, &'static str)) -> Text {
        Text {
            en: Cow::Borrowed(en),
            zh: Cow::Borrowed(zh),
        }
    }
}

impl Authored {
    pub(crate) fn from_flags([meaning_en, meaning_zh, fix_en, fix_zh]: [bool; 4]) -> Authored {
        Authored {
            meaning_en,
            meaning_zh,
            fix_en,
            fix_zh,
        }
    }

    pub(crate) fn flags(self) -> [bool; 4] {
        [self.meaning_en, self.meaning_zh, self.fix_en, self.fix_zh]
    }
}
