//! The matcher as a whole.

use super::*;

/// Reading a scan's line with a code decodes only the entries it names: the entries by code come from
/// the catalogs' code tables (a map of every decoded entry took 600 M instructions and 95 MB for one
/// line of `APIG.0303` beside a 200,000-entry catalog).
#[test]
fn a_line_with_a_code_decodes_only_the_entries_it_names() {
    let catalogs = Catalogs::builtin();
    let decoded = || -> usize { catalogs.catalogs.iter().map(|c| c.entries.decoded()).sum() };
    let entries: usize = catalogs.catalogs.iter().map(|c| c.entries.len()).sum();
    let matcher = Matcher::for_bulk(&catalogs, &[]);
    let line =
        r#"{"error_code":"APIG.0303","error_msg":"Incorrect app authentication information"}"#;
    let (matches, _) = matcher.scan_line(line);
    let codes: Vec<&str> = (matches.iter())
        .filter_map(|m| m.entry.code.as_ref().map(|c| c.source()))
        .collect();
    assert_eq!(codes, ["APIG.0303"]);
    // A code several vendors' rows share is found in each of them, in catalog order, whatever its case.
    let shared = matcher.entries_with_code("invalidparameter");
    let vendors: Vec<&str> = shared.iter().map(|(c, _)| c.vendor.id()).collect();
    assert!(vendors.len() >= 2, "{vendors:?}");
    assert!(shared.iter().all(|(_, e)| {
        e.code.as_ref().and_then(|c| c.literal_str()) == Some("InvalidParameter")
    }));
    assert!(entries > 1000);
    assert!(
        decoded() < entries / 4,
        "{} of {entries} entries decoded for one line",
        decoded()
    );
}
