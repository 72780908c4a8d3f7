//! Library benchmarks: loading the built-in catalogs, and each kind of lookup. `cargo bench --bench lookup`.
//!
//! "cold" runs start from freshly loaded catalogs, as every run of the `errcode` process does (template
//! regexes are compiled on first use); "warm" ones reuse catalogs whose regexes are already compiled.

use divan::Bencher;
use errcode::catalog::Catalogs;
use errcode::matcher::Matcher;

fn main() {
    divan::main();
}

/// `bytes` of an application log: ordinary lines with three gateway error lines in every 40 (in 10 KB, nine
/// error lines of three distinct errors).
fn paste(bytes: usize) -> String {
    let mut text = String::new();
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        let line = match n % 40 {
            7 => r#"2024-05-01T10:00:07Z ERROR client: upstream said {"error_code":"APIG.0303","error_msg":"Incorrect app authentication information: signature expired","request_id":"9f1c"}"#.to_string(),
            19 => "2024-05-01T10:00:19Z WARN gw: status=404 There is no api match uri[/v1/orders/42]".to_string(),
            31 => r#"2024-05-01T10:00:31Z ERROR sdk: Error: InvalidApi.NotFound code: 404, Specified api is not found, please check your url and method. request id: 6D2E"#.to_string(),
            _ => format!("2024-05-01T10:00:{:02}Z INFO http: GET /api/items/{n} 200 {}ms request_id=4290a5{n:04x}", n % 60, n % 97),
        };
        text.push_str(&line);
        text.push('\n');
    }
    text
}

#[divan::bench]
fn load_builtin() -> Catalogs {
    Catalogs::builtin()
}

#[divan::bench(args = ["APIG.0303", "429", "MissingGroupId", "Backend timeout", "HMAC signature cannot be verified, the x-date header is out of date for HMAC Authentication"])]
fn lookup_cold(bencher: Bencher, query: &str) {
    let catalogs = Catalogs::builtin();
    bencher
        .with_inputs(|| catalogs.clone())
        .bench_values(|c| Matcher::new(&c, &[]).lookup(query).matches.len());
}

/// From 10 KB to 4 MB: the time should grow with the size, no faster (a paste is read in one pass).
#[divan::bench(args = [10_000, 400_000, 4_000_000], sample_count = 20)]
fn paste_cold(bencher: Bencher, bytes: usize) {
    let catalogs = Catalogs::builtin();
    let paste = paste(bytes);
    bencher
        .with_inputs(|| catalogs.clone())
        .bench_values(|c| Matcher::new(&c, &[]).lookup(&paste).matches.len());
}

#[divan::bench]
fn paste_10kb_warm(bencher: Bencher) {
    let catalogs = Catalogs::builtin();
    let matcher = Matcher::new(&catalogs, &[]);
    let paste = paste(10_000);
    assert_eq!(matcher.lookup(&paste).matches.len(), 3);
    bencher.bench(|| matcher.lookup(&paste).matches.len());
}
