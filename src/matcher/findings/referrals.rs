//! Referrals: a code no entry has that fits a catalog's code template (`APIGW.{number}`, Huawei's
//! `{service}.{number}`), answered with what its vendor's pages say of such codes, and whether the paste
//! bears one out.

use crate::matcher::{Clue, ClueKind, Matcher, ReferralMatch};
use crate::paste::Evidence;
use crate::template::Segment;

use super::{CODE_FIELD, Seen};

impl<'c> Matcher<'c> {
    pub(super) fn add_referrals(
        &self,
        referrals: &mut Vec<ReferralMatch<'c>>,
        found: &Seen<'_>,
        points: i32,
    ) {
        // A cloud's own name run together (`Error: TencentCloud API error: {...}`, read as the field `Error`)
        // is none of its codes.
        if self.names_a_vendor(found.value) {
            return;
        }
        for m in self.referrals_for(found.value, vec![found.clue(ClueKind::Code)], Some(points)) {
            // A referral of any name (`{service}.{number}`) answers a code field only, not a word of prose.
            if m.referral.is_open() && points != CODE_FIELD {
                continue;
            }
            // (Repeats are dropped once all are found, `dedup_referrals`: a paste may state thousands.)
            referrals.push(m);
        }
    }

    /// Whether `word` is a loaded catalog's vendor's English name written without its spaces
    /// (`TencentCloud`, `AlibabaCloud`, `HuaweiCloud`), ignoring ASCII case.
    fn names_a_vendor(&self, word: &str) -> bool {
        (self.catalogs.catalogs.iter()).any(|c| {
            let name = c.vendor_name.en.bytes().filter(|&b| b != b' ');
            name.map(|b| b.to_ascii_lowercase())
                .eq(word.bytes().map(|b| b.to_ascii_lowercase()))
        })
    }

    /// Referrals whose code template fits `code`.
    pub(in crate::matcher) fn referrals_for(
        &self,
        code: &str,
        clues: Vec<Clue>,
        points: Option<i32>,
    ) -> Vec<ReferralMatch<'c>> {
        self.referrals()
            .filter_map(|(catalog, referral)| {
                let (captures, _) = referral.code.find(code)?;
                Some(ReferralMatch {
                    catalog,
                    referral,
                    code: code.to_string(),
                    captures,
                    position: clues.first().map(|c| c.start),
                    clues: clues.clone(),
                    confidence: points.map(|p| p.clamp(0, 100) as u8),
                })
            })
            .collect()
    }
}

/// Each referral once (its code and referral), where first found.
pub(super) fn dedup_referrals(referrals: &mut Vec<ReferralMatch<'_>>) {
    let mut seen = std::collections::HashSet::new();
    referrals.retain(|r| seen.insert((r.code.clone(), std::ptr::from_ref(r.referral))));
}

/// Whether a referral found in a paste is worth saying. A code template of names (Tencent's
/// `InvalidParameter.{reason}`) fits other vendors' codes too: it counts only where its vendor is named. One
/// of numbers (`APIGW.{number}`) is the vendor's own shape, and counts unless the paste names only other
/// vendors.
pub(super) fn referral_stands(referral: &ReferralMatch<'_>, evidence: &Evidence) -> bool {
    let vendor = referral.catalog.vendor;
    if referral.referral.is_open() {
        return open_referral_stands(referral, evidence);
    }
    if evidence.vendors.iter().any(|v| v.value == vendor) {
        return true;
    }
    let numbered = (referral.referral.code.segments().iter()).all(|s| match s {
        Segment::Placeholder(name) => name == "number",
        Segment::Literal(_) => true,
    });
    numbered && evidence.vendors.is_empty()
}

/// Whether a referral of any name (a code template that begins with a placeholder: Huawei's
/// `{service}.{number}`, any code of an Alibaba or Tencent error body) may say what a code field holds: the
/// paste names its vendor and no other, shows no product the catalogs leave out (object storage, another AWS
/// service, an application server's answer), and the value is shaped as a cloud's code (`cloud_code_shaped`).
/// As such a template fits any program's codes, the paste must show the vendor's cloud API answering
/// (`Evidence::answering`: an envelope, a hint marked `error_body`: an error body's field, an SDK's print of
/// a server error, an API's host), not a mention of the vendor (`aliyun` in a path, Huawei's phones, an image
/// registry's host).
fn open_referral_stands(referral: &ReferralMatch<'_>, evidence: &Evidence) -> bool {
    let vendor = referral.catalog.vendor;
    evidence.vendors.iter().all(|v| v.value == vendor)
        && evidence.answering.contains(&vendor)
        && evidence.other_products.is_empty()
        && cloud_code_shaped(&referral.code)
}

/// Whether a code field's value is shaped as the clouds' own codes are: a capitalised name and a number
/// (`Ecs.0019`, `ELB.1202`), or names in camel case, one of two words at least or several after dots
/// (`RegionIdRequired`, `InvalidResourceType.NotSupported`). Not a word of success (`"Code": "OK"`), the name
/// of the next field (`Error: RequestId: ...` in an SDK's print), a type (`String`), a logger's or parameter's
/// name (`pdf2zh.converter`, `system_disk_type`), a program's constant (axios's `ERR_BAD_REQUEST`, a status
/// `SHIPPED`), an exception's class (`ParamFlowException`) or an SDK's own code for a request that got no
/// answer (`ClientError.NetworkError`).
fn cloud_code_shaped(code: &str) -> bool {
    const FIELD_NAMES: [&str; 6] = [
        "RequestId",
        "Request_Id",
        "HostId",
        "Message",
        "Recommend",
        "Code",
    ];
    let capitalised = |part: &str| part.starts_with(|c: char| c.is_ascii_uppercase());
    let numbered = code.split_once('.').is_some_and(|(name, number)| {
        capitalised(name)
            && name.bytes().all(|b| b.is_ascii_alphanumeric())
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
    });
    let camel = |part: &str| {
        capitalised(part)
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && part.bytes().any(|b| b.is_ascii_lowercase())
    };
    let words = code.bytes().filter(u8::is_ascii_uppercase).count();
    let named = code.split('.').all(camel) && (code.contains('.') || words >= 2);
    // (Tencent Cloud's SDKs' own codes for a request that got no answer.)
    let client = ["ClientError", "ClientNetworkError", "ClientParamsError"]
        .iter()
        .any(|c| code.starts_with(c));
    (numbered || named)
        && !FIELD_NAMES.iter().any(|f| code.eq_ignore_ascii_case(f))
        && !code.ends_with("Exception")
        && !client
}
