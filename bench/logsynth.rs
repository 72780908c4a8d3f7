//! A deterministic synthetic API-gateway log, and a synthetic catalog of any size, for the scan benchmark
//! and the tests that check `errcode scan` finds exactly the error lines planted.
//!
//! About 95% of lines are ordinary (access-log lines, application INFO lines, some in Chinese, some with
//! bytes that are not UTF-8); the rest carry real gateway errors of the four vendors, as JSON bodies, SDK
//! output and log text. The same seed always gives the same bytes.

use std::io::{self, Write};

/// An error line the generator wrote, and what errcode should find in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planted {
    pub line: u64,
    pub vendor: &'static str,
    /// The entry's code as the catalog writes it (`-` for Tencent), or the code no entry has (referrals).
    pub code: &'static str,
    /// The entry's status; `None` for a referral.
    pub status: Option<u16>,
}

/// Error line shapes: the text (with `{ts}`, `{id}`, `{n}` filled in) and what it carries.
const ERRORS: &[(&str, &str, &str, Option<u16>)] = &[
    (
        r#"{ts} ERROR [apig-client] request failed: {"error_code":"APIG.0303","error_msg":"Incorrect app authentication information: signature expired","request_id":"{id}"}"#,
        "huawei",
        "APIG.0303",
        Some(401),
    ),
    (
        r#"{ts} WARN  [apig-client] status=429 {"error_code":"APIG.0308","error_msg":"The throttling threshold has been reached.","request_id":"{id}"}"#,
        "huawei",
        "APIG.0308",
        Some(429),
    ),
    (
        r#"{ts} ERROR [upload] rejected: HTTP 413 {"error_code":"APIG.0201","error_msg":"Request entity too large.","request_id":"{id}"}"#,
        "huawei",
        "APIG.0201",
        Some(413),
    ),
    (
        r#"{ts} ERROR [iam] {"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"{id}"}"#,
        "huawei",
        "APIGW.0301",
        Some(401),
    ),
    (
        "{ts} WARN  apigw: HMAC signature cannot be verified, the x-date header is out of date for HMAC Authentication",
        "tencent",
        "-",
        Some(401),
    ),
    (
        "{ts} WARN  apigw: status=404 There is no api match uri[/v1/orders/{n}]",
        "tencent",
        "-",
        Some(404),
    ),
    (
        r#"{ts} WARN  apigw: upstream answered 429 {"message":"API rate limit exceeded"}"#,
        "tencent",
        "-",
        Some(429),
    ),
    (
        "{ts} ERROR aliyun-sdk: Error: InvalidApi.NotFound code: 404, Specified api is not found, please check your url and method. request id: {id}",
        "alibaba",
        "InvalidApi.NotFound",
        Some(404),
    ),
    (
        "{ts} ERROR aliyun-sdk: ErrorCode: Throttling.User Message: Request was denied due to user flow control. RequestId: {id}",
        "alibaba",
        "Throttling.User",
        Some(400),
    ),
    // Shapes of error logs (bench/scan.sh's error-dense log has nothing else): an nginx error log line,
    // key="value" logs, SDK exceptions.
    (
        r#"2024/06/01 12:00:{n} [error] 1201#0: *{n} [kong] handler.lua:102 [key-auth] No API key found in request, client: 10.0.0.7, server: kong, request: "GET /v1/orders HTTP/1.1", host: "api.example.com""#,
        "kong",
        "-",
        Some(401),
    ),
    (
        r#"time="{ts}" level=error msg="call failed" error_code="APIG.0101" error_msg="The API does not exist or has not been published in the environment." status=404 request_id={id}"#,
        "huawei",
        "APIG.0101",
        Some(404),
    ),
    (
        "{ts} ERROR [TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired. Please use local time and enable NTP service for time synchronization to avoid a deviation between `Timestamp` and the server time {n}. requestId:{id}",
        "tencent",
        "AuthFailure.SignatureExpire",
        Some(200),
    ),
    (
        "{ts} ERROR com.aliyuncs.exceptions.ClientException: InvalidAccessKeyId.NotFound : Specified access key is not found. RequestId : {id}",
        "alibaba",
        "InvalidAccessKeyId.NotFound",
        Some(404),
    ),
    (
        r#"{ts} WARN  apisix: upstream status 404 body={"error_msg":"404 Route Not Found"} request_id={id}"#,
        "apisix",
        "-",
        Some(404),
    ),
    (
        r#"{ts} ERROR aws: HTTP 403 x-amzn-ErrorType: MissingAuthenticationTokenException {"message":"Missing Authentication Token"}"#,
        "aws",
        "MissingAuthenticationTokenException",
        Some(403),
    ),
    (
        r#"{ts} ERROR jdcloud: {"requestId":"{id}","error":{"code":429,"message":"请求过频繁","status":"RATE_LIMIT_EXCEEDED"}}"#,
        "jdcloud",
        "RATE_LIMIT_EXCEEDED",
        Some(429),
    ),
    (
        "{ts} ERROR jdcloud: HTTP 400 OUT_OF_RANGE 参数 pageSize 取值不合法 requestId={id}",
        "jdcloud",
        "OUT_OF_RANGE",
        Some(400),
    ),
];

const PATHS: &[&str] = &[
    "/api/v1/items",
    "/api/v1/orders",
    "/v2/users/me",
    "/healthz",
    "/api/v1/carts",
    "/static/app.js",
];
const AGENTS: &[&str] = &[
    "Mozilla/5.0 (X11; Linux x86_64)",
    "okhttp/4.12.0",
    "python-requests/2.31",
    "Go-http-client/1.1",
];
const CHINESE: &[&str] = &[
    "订单 {n} 创建成功",
    "用户 {n} 登录成功，耗时 12 毫秒",
    "缓存刷新完成，共 {n} 条",
    "定时任务开始执行",
];

/// Writes about `bytes` bytes of log to `out`, one error line in `error_every`, and returns the planted
/// error lines (when `record`; a benchmark log need not keep them).
pub fn log(
    seed: u64,
    bytes: u64,
    error_every: u64,
    record: bool,
    out: &mut impl Write,
) -> io::Result<Vec<Planted>> {
    write_log(seed, bytes, error_every, false, record, out)
}

/// As `log`, with short ordinary lines (`10.0.3.7 GET /healthz 200 3ms`, about 40 bytes), as an access log
/// that logs little per request.
pub fn short_log(
    seed: u64,
    bytes: u64,
    error_every: u64,
    out: &mut impl Write,
) -> io::Result<Vec<Planted>> {
    write_log(seed, bytes, error_every, true, false, out)
}

fn write_log(
    seed: u64,
    bytes: u64,
    error_every: u64,
    short: bool,
    record: bool,
    out: &mut impl Write,
) -> io::Result<Vec<Planted>> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut planted = Vec::new();
    let mut written: u64 = 0;
    let mut line: u64 = 0;
    let mut buffer: Vec<u8> = Vec::with_capacity(512);
    while written < bytes {
        line += 1;
        buffer.clear();
        let n = rng.u32(..1_000_000);
        let ts = format!(
            "2024-06-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            1 + line / 3_000_000 % 28,
            rng.u8(..24),
            rng.u8(..60),
            rng.u8(..60),
            rng.u16(..1000)
        );
        let id = format!("{:016x}", rng.u64(..));
        if rng.u64(..error_every) == 0 {
            let (text, vendor, code, status) = ERRORS[rng.usize(..ERRORS.len())];
            let text = text
                .replace("{ts}", &ts)
                .replace("{id}", &id)
                .replace("{n}", &n.to_string());
            buffer.extend_from_slice(text.as_bytes());
            if record {
                planted.push(Planted {
                    line,
                    vendor,
                    code,
                    status,
                });
            }
        } else if short {
            let _ = write!(
                buffer,
                "10.0.{}.{} {} {} {} {}ms",
                rng.u8(..),
                rng.u8(..),
                if rng.bool() { "GET" } else { "POST" },
                PATHS[rng.usize(..PATHS.len())],
                if rng.u8(..10) == 0 { 304 } else { 200 },
                rng.u16(1..900),
            );
        } else {
            match rng.u8(..20) {
                0..=13 => {
                    let _ = write!(
                        buffer,
                        "10.{}.{}.{} - - [{ts}] \"{} {}/{n}?page={} HTTP/1.1\" {} {} \"-\" \"{}\" rt={}ms",
                        rng.u8(..),
                        rng.u8(..),
                        rng.u8(..),
                        if rng.bool() { "GET" } else { "POST" },
                        PATHS[rng.usize(..PATHS.len())],
                        rng.u8(1..50),
                        if rng.u8(..10) == 0 { 304 } else { 200 },
                        rng.u32(100..90_000),
                        AGENTS[rng.usize(..AGENTS.len())],
                        rng.u16(1..900),
                    );
                }
                14..=16 => {
                    let _ = write!(
                        buffer,
                        "{ts} INFO  [worker-{}] processed batch {n} in {}ms request_id={id}",
                        rng.u8(..16),
                        rng.u16(..5000)
                    );
                }
                17..=18 => {
                    let text = CHINESE[rng.usize(..CHINESE.len())].replace("{n}", &n.to_string());
                    let _ = write!(buffer, "{ts} INFO  [job] {text}");
                }
                _ => {
                    // A client that sends bytes that are not UTF-8 in its user agent.
                    let _ = write!(buffer, "{ts} DEBUG [http] ua=");
                    buffer.extend_from_slice(b"curl/7.\xff\xfe\x80 (legacy)");
                    let _ = write!(buffer, " id={id}");
                }
            }
        }
        buffer.push(b'\n');
        out.write_all(&buffer)?;
        written += buffer.len() as u64;
    }
    Ok(planted)
}

/// A catalog of `entries` synthetic entries (vendor huawei, id `synthetic`), half with a code, all with a
/// distinct message, some with placeholders: for measuring how scanning and lookups scale.
/// `shared`: no made-up words: every message is `Synchronization <word> failure <n> in <word> stage` (the
/// same long word in all, the others from ten), so only its number tells one from another.
pub fn catalog(entries: usize, shared: bool, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "id = \"synthetic\"\nvendor = \"huawei\"")?;
    writeln!(
        out,
        "vendor_name = {{ en = \"Synthetic\", zh = \"合成\" }}\nproduct = {{ en = \"Benchmark catalog\", zh = \"基准目录\" }}"
    )?;
    writeln!(
        out,
        "authored = [\"meaning.en\", \"meaning.zh\", \"fix.en\", \"fix.zh\"]\n"
    )?;
    writeln!(
        out,
        "[[sources]]\nid = \"generated\"\ntitle = \"generated by bench/gen.rs\"\n"
    )?;
    const WORDS: &[&str] = &[
        "quota", "ledger", "replica", "token", "bucket", "tenant", "shard", "cursor", "lease",
        "socket",
    ];
    const SYLLABLES: &[&str] = &[
        "ka", "ro", "mi", "tu", "se", "lo", "va", "ne", "di", "pa", "zu", "he",
    ];
    for i in 0..entries {
        let a = WORDS[i % WORDS.len()];
        let b = WORDS[(i / WORDS.len()) % WORDS.len()];
        // A made-up word per entry, as real messages each have words of their own.
        let mut word = String::from("Q");
        let mut n = i;
        for _ in 0..5 {
            word.push_str(SYLLABLES[n % SYLLABLES.len()]);
            n /= SYLLABLES.len();
        }
        if shared {
            word = String::from("Synchronization");
        }
        writeln!(out, "[[entries]]\nid = \"syn-{i}\"")?;
        if i % 2 == 0 {
            writeln!(out, "code = \"SYN.{i:06}\"")?;
        }
        let status = [400, 401, 403, 404, 429, 500, 502, 503][i % 8];
        if i % 5 == 0 {
            writeln!(
                out,
                "status = {status}\nmessage = \"{word} {a} failure {i} for {{param}} in {b} stage\""
            )?;
        } else {
            writeln!(
                out,
                "status = {status}\nmessage = \"{word} {a} failure {i} in {b} stage\""
            )?;
        }
        writeln!(
            out,
            "meaning = {{ en = \"Synthetic meaning {i}.\", zh = \"合成含义 {i}\" }}"
        )?;
        writeln!(
            out,
            "fix = {{ en = \"Synthetic fix {i}.\", zh = \"合成解决方案 {i}\" }}\n"
        )?;
    }
    Ok(())
}
