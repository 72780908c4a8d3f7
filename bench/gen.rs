//! Generates benchmark inputs on standard output:
//!
//! ```text
//! cargo run --release --example gen -- log BYTES [SEED]    a synthetic gateway log of about BYTES bytes
//! cargo run --release --example gen -- catalog ENTRIES     a synthetic catalog of ENTRIES entries
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
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let result = match args.first().map(String::as_str) {
        Some("log") => {
            let seed = if args.len() > 2 { number(2) } else { 42 };
            logsynth::log(seed, number(1), 20, false, &mut out).map(drop)
        }
        Some("catalog") => logsynth::catalog(number(1) as usize, &mut out),
        _ => usage(),
    };
    if let Err(e) = result.and_then(|()| out.flush()) {
        eprintln!("gen: {e}");
        std::process::exit(2);
    }
}

fn usage() -> ! {
    eprintln!("usage: gen log BYTES [SEED] | gen catalog ENTRIES");
    std::process::exit(2);
}
