//! What marks each vendor in a paste: the catalogs' hints (hosts, headers, SDK names) and the error
//! envelopes a vendor's API answers in.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::{Found, Reading, words};
use crate::catalog::{Catalog, Hint, Vendor};

/// What marks each vendor in a paste: the loaded catalogs' vendor hints (`[[evidence]]`: hosts, headers,
/// SDK and error-body names), searched for together.
pub struct Hints {
    /// Each vendor's hints, each text once (marking the error body where any catalog says it does).
    list: Vec<(Vendor, Hint)>,
    /// Automata of the hints of any case, matching ASCII letters of any case; and of those matched as
    /// written; built the first time a paste too long for the plain search (`words`) is read.
    any_case: OnceLock<aho_corasick::AhoCorasick>,
    exact_case: OnceLock<aho_corasick::AhoCorasick>,
    /// The error envelopes of the loaded vendors (`ENVELOPES`).
    envelopes: Vec<&'static Envelope>,
    /// `(vendor, catalog id, mark in lower case)`: each catalog's `product_marks`.
    product_marks: Vec<(Vendor, String, String)>,
}

/// An error body's envelope that one vendor's API answers in, whatever the code inside: a generic code
/// (`InvalidParameter`) in it is that vendor's. Written with the shape's punctuation and any white space
/// between, which literal hints cannot say.
pub struct Envelope {
    vendor: Vendor,
    shape: LazyLock<Regex>,
    /// Words every such envelope contains: most pastes have none, and looking for them costs far less
    /// than compiling the shape's regex (a lookup is a process of its own).
    words: &'static [&'static str],
    what: &'static str,
}

impl Envelope {
    /// Where the envelope stands in `text`, if it does.
    fn find(&self, text: &str) -> Option<Range<usize>> {
        if !self.words.iter().all(|w| text.contains(w)) {
            return None;
        }
        self.shape.find(text).map(|m| m.range())
    }
}

/// Tencent Cloud API 3.0 answers every error as `{"Response": {"Error": {"Code": ..., "Message": ...},
/// "RequestId": ...}}` (cloud.tencent.com/document/api/213/15694, “返回结果”); SDKs and logs print it as
/// JSON, escaped JSON, or a Python dict, and programs that take the `Response` out print its content alone.
/// JD Cloud's OpenAPI answers `{"requestId": ..., "error": {"status": "ACCESS_ERROR", "code": 401, "message":
/// ...}}` (its Introduction's “错误返回格式”, Error Return Format: catalogs/sources/jdcloud-openapi-common-errors.md):
/// Google's `error` object, with the status name, beside a `requestId` that Google's bodies do not have.
/// Kong answers an error it raises itself (`kong.response.error`) from its JSON template, `{"message": ...,
/// "request_id": ...}` and nothing else (`kong/tools/http.lua`, ERROR_TEMPLATES: catalogs/sources/
/// kong-gateway-messages.md): Huawei's bodies have `error_msg` and `error_code` beside their `request_id`,
/// other APIs more fields. Alibaba Cloud's Python SDK (aliyunsdkcore, `acs_exception/exceptions.py`,
/// `ServerException.__str__`) prints a server's error as `HTTP Status: %s Error:%s %s RequestID: %s`.
/// Google Maps Platform's web services (Geocoding, Directions, Places...) answer an error as a body of their
/// own, not Google's API error model: a top-level `status` holding one of their statuses beside an
/// `error_message` (googlemaps/google-maps-services-js, `src/common.ts`: `ResponseData` and `enum Status`;
/// catalogs/sources/google-maps-web-services-status.md), `{"error_message": "...", "results": [], "status":
/// "REQUEST_DENIED"}`: the status is Google's, though its name is as generic as gRPC's.
/// APISIX's OpenResty serves nginx's default error page, its footer `openresty`, where APISIX ends a request
/// with no body (`<hr><center>openresty</center>`; every OpenResty does): beside a request to APISIX's
/// default ports, 9080 for the proxy and 9180 for the Admin API (`conf/config.yaml`'s `node_listen` and
/// `admin_listen`), the page is APISIX's. (An nginx page says `nginx`: an ingress in front of APISIX, say.)
static ENVELOPES: [Envelope; 7] = [
    Envelope {
        vendor: Vendor::Tencent,
        shape: LazyLock::new(|| {
            Regex::new(
                r#"\\*["']Response\\*["']\s*:\s*\{(?:[^{}]{0,200}?,)?\s*u?\\*["']Error\\*["']\s*:\s*\{"#,
            )
            .expect("valid regex")
        }),
        words: &["Response", "Error"],
        what: "Tencent Cloud API 3.0 error envelope (Response.Error)",
    },
    Envelope {
        vendor: Vendor::Tencent,
        shape: LazyLock::new(|| {
            // The Response's content printed alone (`{"RequestId": ..., "Error": {"Message": ..., "Code":
            // ...}}`, its keys in either order): an `Error` of exactly those two fields beside the request's
            // id. (AWS's query-protocol JSON has a third, `Type`; Volcano Engine's `CodeN`.)
            let q = r#"\\*["']"#;
            let field = format!(r#"{q}(?:Code|Message){q}\s*:\s*{q}[^"'{{}}\n]*{q}"#);
            let error = format!(r#"{q}Error{q}\s*:\s*\{{\s*{field}\s*,\s*{field}\s*\}}"#);
            let request_id = format!(r#"{q}RequestId{q}\s*:\s*{q}[^"'\\\n]*{q}"#);
            Regex::new(&format!(
                r#"{request_id}\s*,\s*{error}|{error}\s*,\s*{request_id}"#
            ))
            .expect("valid regex")
        }),
        words: &["Error", "RequestId", "Code", "Message"],
        what: "Tencent Cloud API 3.0 error body without its Response wrapper (Error, RequestId)",
    },
    Envelope {
        vendor: Vendor::Jdcloud,
        shape: LazyLock::new(|| {
            // The request's id first (a `result` of the call may stand between), or after the error object.
            let q = r#"\\*["']"#;
            let error =
                format!(r#"{q}error{q}\s*:\s*\{{[^{{}}]*?{q}status{q}\s*:\s*{q}[A-Z][A-Z_]+{q}"#);
            let request_id = format!(r#"{q}requestId{q}\s*:\s*{q}[^"'\\]*{q}"#);
            Regex::new(&format!(
                r#"{request_id}[\s\S]{{0,1000}}?{error}|{error}[^{{}}]*\}}[\s\S]{{0,200}}?{request_id}"#
            ))
            .expect("valid regex")
        }),
        words: &["requestId", "error", "status"],
        what: "JD Cloud OpenAPI error envelope (requestId, error.status)",
    },
    Envelope {
        vendor: Vendor::Kong,
        shape: LazyLock::new(|| {
            // The two fields alone, in the template's order, as JSON, escaped JSON or a Python dict.
            let q = r#"\\*["']"#;
            let value = r#"(?:\\*"[^"\\\n]*\\*"|'[^'\n]*')"#;
            Regex::new(&format!(
                r#"\{{\s*{q}message{q}\s*:\s*{value}\s*,\s*{q}request_id{q}\s*:\s*{value}\s*\}}"#
            ))
            .expect("valid regex")
        }),
        words: &["message", "request_id"],
        what: "Kong error body (its template's message and request_id alone)",
    },
    Envelope {
        vendor: Vendor::Alibaba,
        shape: LazyLock::new(|| {
            // The code follows `Error:` at once; the message runs to the request id, on one line.
            Regex::new(
                r"HTTP Status: [1-5][0-9][0-9] Error:[A-Za-z][A-Za-z0-9_.]* [^\n]*?RequestID: ",
            )
            .expect("valid regex")
        }),
        words: &["HTTP Status: ", " Error:", "RequestID: "],
        what: "Alibaba Cloud Python SDK's server error (HTTP Status: ... Error:... RequestID: ...)",
    },
    Envelope {
        vendor: Vendor::Google,
        shape: LazyLock::new(|| {
            // The two fields of one object, in either order, other fields (empty results) between. The
            // keys quoted (JSON, a Python dict) or not, as Node.js prints an object (`util.inspect`:
            // `{ error_message: '...', results: [], status: 'REQUEST_DENIED' }`).
            let q = r#"\\*["']"#;
            let key = |name: &str| format!(r#"(?:{q}|\b){name}(?:{q}|\b)"#);
            let message = format!(r#"{}\s*:"#, key("error_message"));
            let status = format!(
                r#"{}\s*:\s*{q}(?:REQUEST_DENIED|OVER_QUERY_LIMIT|OVER_DAILY_LIMIT|INVALID_REQUEST|UNKNOWN_ERROR|MAX_WAYPOINTS_EXCEEDED|MAX_ROUTE_LENGTH_EXCEEDED){q}"#,
                key("status")
            );
            Regex::new(&format!(
                r#"{message}[^{{}}]{{0,1000}}?{status}|{status}[^{{}}]{{0,1000}}?{message}"#
            ))
            .expect("valid regex")
        }),
        words: &["error_message", "status"],
        what: "Google Maps web services error body (status, error_message)",
    },
    Envelope {
        vendor: Vendor::Apisix,
        shape: LazyLock::new(|| {
            let port = r":9[01]80\b";
            let footer = r"<center>openresty</center>";
            Regex::new(&format!(r"(?s){port}.*?{footer}|{footer}.*?{port}")).expect("valid regex")
        }),
        words: &["<center>openresty</center>", ":9"],
        what: "OpenResty's default error page beside APISIX's default port (9080, 9180)",
    },
];

impl Hints {
    /// The hints of these catalogs.
    pub fn of<'c>(catalogs: impl Iterator<Item = &'c Catalog>) -> Hints {
        let mut list: Vec<(Vendor, Hint)> = Vec::new();
        let mut product_marks: Vec<(Vendor, String, String)> = Vec::new();
        for catalog in catalogs {
            for mark in &catalog.product_marks {
                let mark = (
                    catalog.vendor,
                    catalog.id.clone(),
                    mark.to_ascii_lowercase(),
                );
                if !product_marks.contains(&mark) {
                    product_marks.push(mark);
                }
            }
            for hint in &catalog.hints {
                let known = (list.iter()).any(|(vendor, h)| {
                    *vendor == catalog.vendor && h.text == hint.text && h.any_case == hint.any_case
                });
                if !known {
                    list.push((catalog.vendor, hint.clone()));
                } else if hint.error_body {
                    // (A text one catalog says marks the error body does, whichever lists it first.)
                    for (_, h) in (list.iter_mut())
                        .filter(|(vendor, h)| *vendor == catalog.vendor && h.text == hint.text)
                    {
                        h.error_body = true;
                    }
                }
            }
        }
        let envelopes = (ENVELOPES.iter())
            .filter(|e| list.iter().any(|(vendor, _)| *vendor == e.vendor))
            .collect();
        Hints {
            any_case: OnceLock::new(),
            exact_case: OnceLock::new(),
            envelopes,
            list,
            product_marks,
        }
    }

    /// The catalogs whose product a text names, with their vendors: one of a catalog's product marks
    /// stands in it, in any case (`lower`: the text in lower case, ASCII letters).
    pub(super) fn products_named(&self, lower: &str) -> Vec<(Vendor, String)> {
        let mut named: Vec<(Vendor, String)> = Vec::new();
        for (vendor, catalog, mark) in &self.product_marks {
            let known = named.iter().any(|(_, id)| id == catalog);
            if !known && memchr::memmem::find(lower.as_bytes(), mark.as_bytes()).is_some() {
                named.push((*vendor, catalog.clone()));
            }
        }
        named
    }

    /// Every place a hint stands in `text`, overlapping ones included, matched in any case or as
    /// written: all the hints, of either kind, in one search.
    fn find(&self, text: &str, any_case: bool) -> Vec<aho_corasick::Match> {
        let texts = || {
            self.list
                .iter()
                .map(|(_, h)| h.text.as_ref())
                .collect::<Vec<&str>>()
        };
        if words::plain(text, Reading::Paste) {
            return words::overlapping(&texts(), any_case, text);
        }
        let slot = if any_case {
            &self.any_case
        } else {
            &self.exact_case
        };
        let kind = aho_corasick::AhoCorasickKind::ContiguousNFA;
        (slot.get_or_init(|| words::automaton(&texts(), kind, any_case)))
            .find_overlapping_iter(text)
            .collect()
    }

    /// The vendors `text` points to, each at the first hint or envelope found for it; and those whose cloud
    /// API answering it shows (an envelope of theirs, or a hint their catalogs mark `error_body`: Alibaba
    /// Cloud's `"Recommend":` field, Tencent Cloud's SDK exception), not a hint that only names the vendor
    /// (`aliyun` in a path).
    pub(super) fn vendors_in(&self, text: &str) -> (Vec<Found<Vendor>>, Vec<Vendor>) {
        let mut vendors: Vec<Found<Vendor>> = Vec::new();
        let mut answering: Vec<Vendor> = Vec::new();
        let mut mark = |vendor: Vendor, span: Range<usize>, what: &str, answers: bool| {
            if !vendors.iter().any(|v| v.value == vendor) {
                vendors.push(Found {
                    value: vendor,
                    span,
                    source: what.to_string(),
                });
            }
            if answers && !answering.contains(&vendor) {
                answering.push(vendor);
            }
        };
        for of_any_case in [true, false] {
            for m in self.find(text, of_any_case) {
                let (vendor, hint) = &self.list[m.pattern().as_usize()];
                if hint.any_case == of_any_case {
                    mark(*vendor, m.range(), &hint.what, hint.error_body);
                }
            }
        }
        for envelope in &self.envelopes {
            if let Some(span) = envelope.find(text) {
                mark(envelope.vendor, span, envelope.what, true);
            }
        }
        (vendors, answering)
    }
}
