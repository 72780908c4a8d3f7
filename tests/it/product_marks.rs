//! A catalog's `product_marks` and its `vendor_wide` rows: a message every product of a vendor answers
//! (AWS's SigV4 messages, in the built-in AWS catalog) names the catalog's row in a paste only where the
//! paste shows the catalog's product, or where the message is the paste's only one; any catalog can say so.

use crate::util::{acme_catalog, claims_with, json_lookup as lookup, rows, with_catalog, write};

fn catalog(extra: &str, entry_extra: &str) -> String {
    acme_catalog(
        extra,
        &format!(
            r#"[[entries]]
id = "token-invalid"
status = 401
{entry_extra}
message = "The access token included in the request is not valid."
meaning = {{ en = "The token is not valid.", zh = "令牌无效。" }}
fix = {{ en = "Get a new token.", zh = "重新获取令牌。" }}
"#
        ),
    )
}

#[test]
fn a_vendor_wide_row_needs_its_product_in_the_paste_or_its_message_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "acme.toml",
        catalog(r#"product_marks = ["acme-gw"]"#, "vendor_wide = true"),
    );
    let lookup = |paste: &str| claims_with(&[&path], paste);
    let row = ("acme".to_string(), None, 401);
    // Said inside another program's output, with nothing of the product: any service of the vendor's.
    assert_eq!(
        lookup(
            "sync failed: The access token included in the request is not valid. Retrying in 5 s\n"
        ),
        (vec![], 1)
    );
    // The product's host in the paste (a mark is matched in any case): the catalog's row.
    assert_eq!(
        lookup(
            "POST https://eu.ACME-GW.example/v1/orders\nsync failed: The access token included in the request is not valid. Retrying in 5 s\n"
        ),
        (vec![row.clone()], 0)
    );
    // The message as the body's only field: the row's own answer.
    assert_eq!(
        lookup(r#"{"message": "The access token included in the request is not valid."}"#),
        (vec![row.clone()], 0)
    );
    // A body whose only field says more than the row's message (another service words it on): not the
    // row's own answer, so no claim without the product.
    assert_eq!(
        lookup(
            r#"{"message": "The access token included in the request is not valid. Consult the service documentation for details."}"#
        ),
        (vec![], 1)
    );
    // A lookup of the message alone: the row is found whatever the marks.
    let run = with_catalog(
        &path,
        &[
            "--json",
            "lookup",
            "The access token included in the request is not valid.",
        ],
    );
    assert_eq!(rows(&run.json()), vec![row]);
}

/// A catalog's marks show its own product, not its vendor's others: another catalog of the same vendor,
/// named in the paste, does not make the first catalog's vendor-wide row the paste's.
#[test]
fn product_marks_are_each_catalogs_own() {
    let dir = tempfile::tempdir().unwrap();
    let gateway = write(
        dir.path(),
        "acme.toml",
        catalog(r#"product_marks = ["acme-gw"]"#, "vendor_wide = true"),
    );
    let other = write(
        dir.path(),
        "other.toml",
        catalog(r#"product_marks = ["acme-queue"]"#, "")
            .replace(r#"id = "acme-gateway""#, r#"id = "acme-queue""#)
            .replace(
                "The access token included in the request is not valid.",
                "The queue is full.",
            ),
    );
    let paste = "POST https://eu.acme-queue.example/v1/jobs\nsync failed: The access token included in the request is not valid. Retrying in 5 s\n";
    assert_eq!(claims_with(&[&gateway, &other], paste), (vec![], 1));
}

#[test]
fn vendor_wide_without_product_marks_and_short_marks_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    // The one-line error a catalog gets (exit 2), its path written as `PATH`.
    let error = |name: &str, catalog: String| {
        let path = write(dir.path(), name, catalog);
        let run = with_catalog(&path, &["lookup", "x"]).expect_code(2);
        (run.stderr().trim_end()).replace(&path.display().to_string(), "PATH")
    };
    assert_eq!(
        error("unmarked.toml", catalog("", "vendor_wide = true")),
        "errcode: PATH:11:6: entry `token-invalid` is vendor_wide, but the catalog has no product_marks to tell its product by"
    );
    assert_eq!(
        error("short.toml", catalog(r#"product_marks = ["gw"]"#, "")),
        "errcode: PATH:5:18: product mark `gw` must be one word of at least 4 characters"
    );
    assert_eq!(
        error("spaced.toml", catalog(r#"product_marks = ["acme gw"]"#, "")),
        "errcode: PATH:5:18: product mark `acme gw` must be one word of at least 4 characters"
    );
}

/// A user's override of the built-in AWS catalog written before `product_marks` existed (no marks, no
/// `vendor_wide` rows) still finds API Gateway's errors in a paste that shows its invoke URL: API Gateway's
/// own host is never taken for another AWS service's.
#[test]
fn an_aws_override_without_product_marks_still_knows_api_gateway() {
    let builtin = include_str!("../../catalogs/aws-apigateway.toml");
    let old: String = builtin
        .lines()
        .filter(|l| !l.starts_with("product_marks = ") && *l != "vendor_wide = true")
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(old.len() < builtin.len());
    let old = old.replacen(
        "\nid = \"aws-apigateway\"\n",
        "\nid = \"aws-apigateway\"\noverride = true\n",
        1,
    );
    assert!(old.contains("override = true"));
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "aws.toml", old);
    let paste = "curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets\nHTTP/1.1 403 Forbidden\nx-amzn-ErrorType: MissingAuthenticationTokenException\n\n{\"message\":\"Missing Authentication Token\"}\n";
    assert_eq!(
        claims_with(&[&path], paste),
        (
            vec![(
                "aws".to_string(),
                Some("MissingAuthenticationTokenException".to_string()),
                403
            )],
            0
        )
    );
}

/// API Gateway answers SigV4's signature mismatch with x-amzn-ErrorType `InvalidSignatureException`: the
/// row has that code, so a paste naming the gateway gets it, and the code with the message tells the row.
#[test]
fn the_sigv4_mismatch_is_an_invalid_signature_exception() {
    let (json, code) = lookup(
        r#"POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/items 403 {"message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."}"#,
    );
    assert_eq!(code, 0, "{json}");
    let invalid_signature = [(
        "aws".to_string(),
        Some("InvalidSignatureException".to_string()),
        403,
    )];
    assert_eq!(rows(&json), invalid_signature, "{json}");
    let (json, _) = lookup(
        "x-amzn-ErrorType: InvalidSignatureException\nx-amz-apigw-id: Q1ea3Gc8IAMFpKg=\n\n{\"message\":\"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.\"}",
    );
    assert_eq!(rows(&json), invalid_signature, "{json}");
}

/// AWS's SigV4 messages as its services write them, the word `region` in lower case and a blank after the
/// period inside the quotes, are the body's only message, as they are without the blank.
#[test]
fn a_sigv4_message_ending_in_a_blank_is_the_bodys_only_one() {
    for paste in [
        "{\"message\":\"Credential should be scoped to a valid region, not 'eu-west-1'. \"}",
        "HTTP/1.1 403 Forbidden\n\n{\n    \"message\": \"Credential should be scoped to a valid region, not 'ap-northeast-1'. \"\n}",
        "{\"message\":\"Credential should be scoped to a valid Region, not eu-west-1.\"}",
    ] {
        let (json, code) = lookup(paste);
        assert_eq!(rows(&json), [("aws".to_string(), None, 403)], "{paste}");
        assert_eq!(code, 0, "{paste}");
    }
    // A blank before the closing quote of a longer body's field is not its only one.
    let (json, _) = lookup(
        "{\"message\":\"Credential should be scoped to a valid region, not 'eu-west-1'. \", \"data\": {}}",
    );
    assert_eq!(rows(&json), [], "{json}");
}
