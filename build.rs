//! Embeds every `catalogs/*.toml` into the binary, so adding a built-in catalog needs no code change.
//! The files are validated by `cargo test` (tests/it/data.rs) rather than here, so that a bad catalog is
//! reported with errcode's own located error message.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("catalogs");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("catalogs/ is readable")
        .map(|e| e.expect("catalogs/ entry is readable").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let name = file.file_name().expect("a file").to_string_lossy();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .expect("write to String");
    }
    out.push(']');
    let target = Path::new(&env::var("OUT_DIR").expect("set by cargo")).join("builtin_catalogs.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
}
