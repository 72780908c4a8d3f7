//! `errcode vendors` (issue 18: "a short `errcode vendors`"): one line per loaded vendor, with its name in
//! the chosen language and its numbers of catalogs and entries, honouring `--vendor`; `--json` too.

use crate::util::{ACME, TestCommand, errcode, write};

/// The built-in catalogs' vendors, catalogs and entries, counted from `catalogs --json`: what `vendors`
/// must agree with.
fn counted() -> Vec<(String, usize, usize)> {
    let catalogs = crate::util::json(["catalogs"], 0);
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for c in catalogs["catalogs"].as_array().unwrap() {
        let vendor = c["vendor"].as_str().unwrap().to_string();
        let entries = c["entries"].as_u64().unwrap() as usize;
        match out.iter_mut().find(|(v, _, _)| *v == vendor) {
            Some((_, n, e)) => {
                *n += 1;
                *e += entries;
            }
            None => out.push((vendor, 1, entries)),
        }
    }
    // In errcode's order of vendors (the built-in ones are all known).
    let known = errcode::catalog::Vendor::known();
    out.sort_by_key(|(v, _, _)| known.iter().position(|k| k == v));
    out
}

#[test]
fn one_line_per_vendor_with_its_name_and_counts() {
    let out = errcode(["vendors", "--lang", "en"]).expect_code(0).stdout();
    let lines: Vec<&str> = out.lines().collect();
    let counted = counted();
    assert_eq!(lines.len(), counted.len(), "{out}");
    for (line, (vendor, catalogs, entries)) in lines.iter().zip(&counted) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[0], vendor, "{line}");
        let tail = &words[words.len() - 4..];
        let catalog_word = if *catalogs == 1 {
            "catalog"
        } else {
            "catalogs"
        };
        assert_eq!(
            tail,
            [
                catalogs.to_string().as_str(),
                catalog_word,
                entries.to_string().as_str(),
                "entries"
            ],
            "{line}"
        );
    }
    assert!(lines[0].starts_with("huawei   Huawei Cloud  "), "{out}");
}

/// A vendor's (catalogs, entries), as `catalogs --json` counts them.
fn count_of(vendor: &str) -> (usize, usize) {
    let (_, catalogs, entries) = counted().into_iter().find(|(v, _, _)| v == vendor).unwrap();
    (catalogs, entries)
}

#[test]
fn names_follow_lang_and_vendor_filters() {
    let zh = errcode([
        "vendors", "--lang", "zh", "--vendor", "kong", "--vendor", "huawei",
    ])
    .expect_code(0)
    .stdout();
    let ((huawei_catalogs, huawei), (kong_catalogs, kong)) = (count_of("huawei"), count_of("kong"));
    let width = huawei.to_string().len().max(kong.to_string().len());
    assert_eq!(
        zh,
        format!(
            "huawei  华为云  {huawei_catalogs} 个目录  {huawei:>width$} 条\nkong    Kong    {kong_catalogs} 个目录  {kong:>width$} 条\n"
        )
    );
    let (catalogs, entries) = count_of("alibaba");
    let both = errcode(["vendors", "--vendor", "alibaba"])
        .expect_code(0)
        .stdout();
    assert_eq!(
        both,
        format!("alibaba  Alibaba Cloud / 阿里云  {catalogs} catalogs  {entries} entries\n")
    );
    // At 40 columns, what does not fit beside the name goes below it.
    let narrow = TestCommand::new()
        .args(["vendors", "--vendor", "aws"])
        .env("COLUMNS", "40")
        .output()
        .expect_code(0)
        .stdout();
    let (catalogs, entries) = count_of("aws");
    assert_eq!(
        narrow,
        format!(
            "aws  Amazon Web Services / 亚马逊云科技\n     {catalogs} catalogs  {entries} entries\n"
        )
    );
    // An unknown vendor is an error, as for every command.
    let run = errcode(["vendors", "--vendor", "kongg"]).expect_code(2);
    assert!(
        run.stderr()
            .starts_with("errcode: unknown vendor `kongg`; did you mean `kong`?"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_users_vendor_is_listed_and_json_tells_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = write(dir.path(), "acme.toml", ACME);
    let run = TestCommand::new()
        .args(["vendors", "--lang", "en"])
        .env("ERRCODE_CATALOG_PATH", &catalog)
        .output()
        .expect_code(0);
    let out = run.stdout();
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("acme-gw  Acme  "), "{out}");
    assert_eq!(
        last.split_whitespace().rev().take(4).collect::<Vec<_>>(),
        ["entry", "1", "catalog", "1"],
        "{out}"
    );
    let run = crate::util::with_catalog(&catalog, &["--json", "vendors", "--vendor", "acme-gw"])
        .expect_code(0);
    assert_eq!(
        run.json(),
        serde_json::json!({"vendors": [{
            "id": "acme-gw",
            "name": {"en": "Acme", "zh": "阿克米"},
            "catalogs": 1,
            "catalog_ids": ["acme-gw"],
            "entries": 1,
        }]})
    );
    let all = crate::util::json(["vendors"], 0);
    let counted = counted();
    let listed: Vec<(String, usize, usize)> = (all["vendors"].as_array().unwrap().iter())
        .map(|v| {
            (
                v["id"].as_str().unwrap().to_string(),
                v["catalogs"].as_u64().unwrap() as usize,
                v["entries"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(listed, counted);
}
