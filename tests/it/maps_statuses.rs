//! Google Maps Platform's web services answer an error in a body of their own (`status` and `error_message`),
//! not Google's API error model: its status names the error, through the binary. The pastes are written for
//! the tests, each showing one behaviour.

use crate::util::{json_lookup as lookup, rows};

fn google(code: &str) -> (String, Option<String>, u64) {
    ("google".to_string(), Some(code.to_string()), 200)
}

/// The body's status beside its error_message is the error, as JSON, escaped JSON or a Python dict, the
/// fields in either order.
#[test]
fn a_maps_web_service_body_names_its_status() {
    for paste in [
        r#"{"error_message": "The provided API key is invalid.", "results": [], "status": "REQUEST_DENIED"}"#,
        "{\n   \"candidates\" : [],\n   \"error_message\" : \"This API key is not authorized to use this service or API.\",\n   \"status\" : \"REQUEST_DENIED\"\n}",
        r#"{\"status\":\"REQUEST_DENIED\",\"routes\":[],\"error_message\":\"API keys with referer restrictions cannot be used with this API.\"}"#,
        "{'error_message': 'You have exceeded your rate-limit for this API.', 'results': [], 'status': 'OVER_QUERY_LIMIT'}",
    ] {
        let (json, code) = lookup(paste);
        assert_eq!(code, 0, "{paste}");
        let expected = if paste.contains("OVER_QUERY_LIMIT") {
            "OVER_QUERY_LIMIT"
        } else {
            "REQUEST_DENIED"
        };
        assert_eq!(rows(&json), [google(expected)], "{paste}");
        assert_eq!(json["matches"][0]["catalog"], "google-maps-web-services");
    }
}

/// The web services' host names the vendor as well.
#[test]
fn the_maps_host_names_the_status() {
    let paste = "curl https://maps.googleapis.com/maps/api/geocode/json?address=x\n\"status\" : \"OVER_DAILY_LIMIT\"";
    let (json, _) = lookup(paste);
    assert_eq!(rows(&json), [google("OVER_DAILY_LIMIT")], "{json}");
}

/// The status names are generic: alone in a `status` field, without the body's error_message or the
/// service's host, they are no claim; nor is an error_message beside another status (`OK`).
#[test]
fn a_maps_status_alone_is_no_claim() {
    for paste in [
        r#"{"status": "REQUEST_DENIED"}"#,
        r#"{"status": "OVER_QUERY_LIMIT", "message": "slow down"}"#,
        r#"{"error_message": "", "results": [], "status": "OK"}"#,
    ] {
        let (json, _) = lookup(paste);
        assert!(rows(&json).is_empty(), "{paste}: {json}");
    }
}
