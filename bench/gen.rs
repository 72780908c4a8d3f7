//! Generates benchmark inputs on standard output:
//!
//! ```text
//! cargo run --release --example gen -- log BYTES [SEED]        a synthetic gateway log of about BYTES bytes:
//!                                                              one line in 20 an error
//! cargo run --release --example gen -- error-log BYTES [SEED]  every line an error
//! cargo run --release --example gen -- short-log BYTES [SEED]  one line in 20 an error, the rest ~40 bytes
//! cargo run --release --example gen -- catalog ENTRIES         a synthetic catalog of ENTRIES entries, each
//!                                                              message with a word of its own
//! cargo run --release --example gen -- shared-catalog ENTRIES  the same, every message of common words
//!                                                              that all share
//! ```

#[path = "logsynth.rs"]
mod logsynth;

use std::io::{BufWriter, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| -> u64 {
        args.get(i)
            .and_then(|a| a.replace('_', "").parse().ok())
            .unwrap_or_else(|| usage())
    };
    let seed = || if args.len() > 2 { number(2) } else { 42 };
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let result = match args.first().map(String::as_str) {
        Some("log") => logsynth::log(seed(), number(1), 20, false, &mut out).map(drop),
        Some("error-log") => logsynth::log(seed(), number(1), 1, false, &mut out).map(drop),
        Some("short-log") => logsynth::short_log(seed(), number(1), 20, &mut out).map(drop),
        Some("catalog") => logsynth::catalog(number(1) as usize, false, &mut out),
        Some("shared-catalog") => logsynth::catalog(number(1) as usize, true, &mut out),
        _ => usage(),
    };
    if let Err(e) = result.and_then(|()| out.flush()) {
        eprintln!("gen: {e}");
        std::process::exit(2);
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: gen log|error-log|short-log BYTES [SEED] | gen catalog|shared-catalog ENTRIES"
    );
    std::process::exit(2);
}
