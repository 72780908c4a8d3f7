//! Google's errors as clients print them, outside the response's fields: gRPC's Python enum of a status
//! (`StatusCode.RESOURCE_EXHAUSTED`), the Go client's error line quoted inside a sentence, the .NET client's
//! `Reason[...]`, a status stated as an error's number (`Error 403 ...`), and the exception classes Google's
//! client libraries name for a status (`google.api_core.exceptions.PermissionDenied`). Through the binary;
//! the pastes are written for the tests, each showing one behaviour.

use crate::util::{json_lookup, rows};

/// `(vendor, code, status)` of each match of `errcode --json lookup` on `paste` (stdin).
fn claims(paste: &str) -> Vec<(String, Option<String>, u64)> {
    rows(&json_lookup(paste).0)
}

fn google(code: &str, status: u64) -> (String, Option<String>, u64) {
    ("google".to_string(), Some(code.to_string()), status)
}

/// gRPC's Python package prints a call's status by its enum (`status = StatusCode.RESOURCE_EXHAUSTED`): the
/// status named there is the error's, and the message beside it is its wording, not another code's.
#[test]
fn grpcs_python_enum_names_the_status() {
    let paste = "grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.RESOURCE_EXHAUSTED\n\tdetails = \"Resource has been exhausted (e.g. check quota).\"\n>";
    let found = claims(paste);
    assert!(
        found.contains(&google("RESOURCE_EXHAUSTED", 429)),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| f.1.as_deref() == Some("RESOURCE_EXHAUSTED")),
        "{found:?}"
    );
    // Another enum's member is no code (`status = Color.RED`), nor is the enum's name alone.
    assert!(claims("status = StatusCode.\ndetails = \"x\"").is_empty());
}

/// Google's Go client's error line (`googleapi: Error 403: <message>, <reason>`) quoted inside a sentence:
/// the reason ends where the quote closes, and the sentence going on after it does not hide it.
#[test]
fn a_quoted_googleapi_line_ends_where_its_quote_closes() {
    let found = claims(
        "Terraform said `googleapi: Error 403: The caller does not have permission, forbidden` on apply, then stopped.",
    );
    assert!(found.contains(&google("forbidden", 403)), "{found:?}");
    // A word after a comma that the sentence goes on from is no reason.
    let found = claims(
        "Terraform said googleapi: Error 403: The caller does not have permission, forbidden by the org policy",
    );
    assert!(
        !found.iter().any(|f| f.1.as_deref() == Some("forbidden")),
        "{found:?}"
    );
}

/// Google's API client for .NET prints each item of `errors[]` as `Message[...] Location[...] Reason[...]
/// Domain[...]`: the reason is the error, and `Google.Apis.Requests.RequestError` names Google.
#[test]
fn the_dotnet_clients_reason_is_the_error() {
    let paste = "Google.Apis.Requests.RequestError\nNot allowed to read the bucket [403]\nErrors [\n\tMessage[Not allowed to read the bucket] Location[ - ] Reason[forbidden] Domain[global]\n]\n";
    assert_eq!(claims(paste), [google("forbidden", 403)]);
    // Without the client's layout (the domain after the reason), the plain word is read as no reason.
    assert!(claims("Reason[forbidden] in the audit log").is_empty());
}

/// A status stated as the error's number in prose (`Error 403 ...`) is the paste's status: a legacy reason
/// written in the text beside it, in a paste naming Google, is claimed with it.
#[test]
fn an_error_number_in_prose_states_the_status() {
    let paste = "production.ERROR: Exception: Error 403 The daily quota is used up, see https://console.developers.google.com/apis/api/youtube.googleapis.com/quotas : dailyLimitExceeded in /srv/app/Youtube.php:558";
    assert_eq!(claims(paste), [google("dailyLimitExceeded", 403)]);
    // Without the status, the reason written in prose is not enough.
    let without = paste.replace("Error 403 ", "");
    assert!(claims(&without).is_empty(), "{without}");
    // Nor is a number that is no error status (`Error 4031`, `Error 200`).
    for other in ["Error 4031 ", "Error 200 "] {
        let text = paste.replace("Error 403 ", other);
        assert!(claims(&text).is_empty(), "{text}");
    }
}

/// Google's client libraries throw an error as the class of its status (Python's google-api-core, Java's
/// gax, Ruby's google-cloud-errors): a class named for a canonical code is that status, and a message beside
/// it that a reason of the same status answers is its wording.
#[test]
fn a_google_clients_status_class_is_the_status() {
    let statuses = |paste: &str| -> Vec<(String, Option<String>, u64)> {
        let mut found = claims(paste);
        found.dedup();
        found
    };
    for (paste, code, status) in [
        (
            "google.api_core.exceptions.PermissionDenied: 403 The caller lacks access to the dataset.",
            "PERMISSION_DENIED",
            403,
        ),
        (
            "com.google.api.gax.rpc.NotFoundException: io.grpc.StatusRuntimeException: NOT_FOUND: Dataset x not found",
            "NOT_FOUND",
            404,
        ),
        // The reason's message (RATE_LIMIT_EXCEEDED's) beside the class is the status's wording.
        (
            "Google::Cloud::ResourceExhaustedError: 8:Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service 'speech.googleapis.com' for consumer 'project_number:1234'.",
            "RESOURCE_EXHAUSTED",
            429,
        ),
    ] {
        assert_eq!(statuses(paste), [google(code, status)], "{paste}");
    }
    // A class named for no canonical code (HTTP's `Forbidden`), or one named but not thrown (an `except`
    // clause), is no status.
    assert!(
        claims("google.api_core.exceptions.Forbidden: 403 The caller lacks access.").is_empty()
    );
    assert!(claims("except google.api_core.exceptions.NotFound:\n    pass\n").is_empty());
}

/// A status stated beside the canonical code it maps to (`Client error: (429) RESOURCE_EXHAUSTED`, R's
/// gargle) is the paste's status, as a status beside its reason phrase is: the code named in the text,
/// Google named, is claimed with it.
#[test]
fn a_status_beside_its_canonical_code_is_stated() {
    let paste = "Sheets read failed (429) RESOURCE_EXHAUSTED\n  * Too many reads of the sheet for service 'sheets.googleapis.com'.\n";
    let mut found = claims(paste);
    found.dedup();
    assert_eq!(found, [google("RESOURCE_EXHAUSTED", 429)]);
    // Without the number, or with one the code does not map to, the name in the text is not enough.
    for other in ["(429) ", "(403) "] {
        let text = paste.replace("(429) ", if other == "(429) " { "" } else { other });
        assert!(claims(&text).is_empty(), "{text}");
    }
}
