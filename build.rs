//! Checks every `catalogs/*.toml` with errcode's own catalog reader (`src/catalog/validate.rs`, compiled
//! into this script) and packs them into `$OUT_DIR/builtin_catalogs.bin` in the one form every loaded
//! catalog is read from (`src/catalog/packed.rs`): a bad built-in catalog fails the build with its
//! file:line:col, and the binary loads its built-in catalogs without parsing any TOML.
//!
//! The problem families (`catalogs/families.toml`) become statics (`builtin_families.rs`).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use toml::{Table, Value};

// errcode's own modules, as the library compiles them: the catalog rules are written once.
#[allow(dead_code)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code)]
#[path = "src/family/slots.rs"]
mod slots;
#[allow(dead_code)]
#[path = "src/status.rs"]
mod status;
#[allow(dead_code, unused_imports)]
#[path = "src/template/mod.rs"]
mod template;
// In the library these are `catalog::{grams, literals, model, packed, record, store, validate}`; they
// refer to one another as `super::`, which here is the script's root.
#[allow(dead_code)]
#[path = "src/catalog/grams.rs"]
mod grams;
#[allow(dead_code)]
#[path = "src/catalog/literals.rs"]
mod literals;
#[allow(dead_code)]
#[path = "src/catalog/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/catalog/packed.rs"]
mod packed;
#[allow(dead_code)]
#[path = "src/catalog/record.rs"]
mod record;
#[allow(dead_code)]
#[path = "src/catalog/store.rs"]
mod store;
#[allow(dead_code)]
#[path = "src/catalog/validate.rs"]
mod validate;

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("catalogs");
    println!("cargo::rerun-if-changed={}", dir.display());
    for module in ["error.rs", "status.rs", "template", "catalog"] {
        println!("cargo::rerun-if-changed=src/{module}");
    }
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("catalogs/ is readable")
        .map(|e| e.expect("catalogs/ entry is readable").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .filter(|p| !p.ends_with(FAMILIES))
        .collect();
    files.sort();
    let mut packed: Vec<(Vec<u8>, u32, u32)> = Vec::new();
    let mut text = String::new();
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let name: &'static str = Box::leak(
            file.file_name()
                .expect("a file")
                .to_string_lossy()
                .into_owned()
                .into_boxed_str(),
        );
        let source =
            fs::read_to_string(file).unwrap_or_else(|e| fail(&format!("catalogs/{name}: {e}")));
        let origin = model::Origin::Builtin(name);
        match validate::pack_keeping(&source, &origin, packed::Keep::Apart) {
            Ok((bytes, pool)) => {
                let start = u32::try_from(text.len()).expect("built-in text under 4 GiB");
                text.push_str(&pool);
                let end = u32::try_from(text.len()).expect("built-in text under 4 GiB");
                packed.push((bytes, start, end));
            }
            Err(err) => fail(&err.to_string()),
        }
    }
    let list: Vec<(&[u8], u32, u32)> = (packed.iter())
        .map(|(bytes, start, end)| (bytes.as_slice(), *start, *end))
        .collect();
    let out_dir = env::var("OUT_DIR").expect("set by cargo");
    fs::write(
        Path::new(&out_dir).join("builtin_literals.bin"),
        literal_index(&packed, &text),
    )
    .expect("OUT_DIR is writable");
    fs::write(Path::new(&out_dir).join("builtin_text.txt"), &text).expect("OUT_DIR is writable");
    fs::write(
        Path::new(&out_dir).join("builtin_catalogs.bin"),
        postcard::to_allocvec(&list).expect("packs"),
    )
    .expect("OUT_DIR is writable");
    // The key of the hash a cache file's body is written with (`src/catalog/cache.rs`): drawn at random
    // (`RandomState`'s keys) each time this script runs, so that only this build's own cache files carry
    // it. (It makes two builds of one commit differ in these eight bytes.)
    let key = std::hash::BuildHasher::hash_one(&std::hash::RandomState::new(), 0u8);
    fs::write(
        Path::new(&out_dir).join("cache_key.rs"),
        format!("{key:#018x}"),
    )
    .expect("OUT_DIR is writable");
    let (families, members) = families(&dir.join(FAMILIES));
    fs::write(Path::new(&out_dir).join("builtin_families.rs"), families)
        .expect("OUT_DIR is writable");
    fs::write(
        Path::new(&out_dir).join("builtin_family_members.rs"),
        members,
    )
    .expect("OUT_DIR is writable");
}

/// The literal index of the built-in catalogs (`src/catalog/literals.rs`), from their packed form as the
/// binary reads it.
fn literal_index(packed: &[(Vec<u8>, u32, u32)], text: &str) -> Vec<u8> {
    let catalogs: Vec<packed::Catalog> = (packed.iter())
        .map(|(bytes, start, end)| {
            let bytes: &'static [u8] = Box::leak(bytes.clone().into_boxed_slice());
            let pool = &text[*start as usize..*end as usize];
            let pool: &'static str = Box::leak(pool.to_string().into_boxed_str());
            packed::unpack(bytes, None, packed::Known::Builtin(pool))
                .expect("a catalog just packed unpacks")
        })
        .collect();
    let catalogs: Vec<&packed::Catalog> = catalogs.iter().collect();
    literals::LiteralIndex::build(&catalogs).expect("the built-in literals fit in 32 bits")
}

/// Fails the build with one line saying where the built-in catalog is wrong.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

/// The problem families file, beside the catalogs.
const FAMILIES: &str = "families.toml";

/// The families as statics, and their members as tables without pointers (text, ends, families, and
/// slots by the hash of `catalog/entry`, src/family/slots.rs): a match finds its family in a slot or two
/// with nothing built at run time, and the tables are read from the binary as they are, with no relocation for the loader to apply
/// to each of hundreds of members at every start.
fn families(path: &Path) -> (String, String) {
    println!("cargo::rerun-if-changed={}", path.display());
    let mut out = String::from("&[\n");
    // Every member, `catalog/entry`, in family order, with its family.
    let mut members: Vec<(String, usize)> = Vec::new();
    // The families are part of every card: without the file, the build fails rather than drop them.
    let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("catalogs/{FAMILIES}: {e}"));
    let table: Table = source
        .parse()
        .unwrap_or_else(|e| panic!("catalogs/{FAMILIES}: {e}"));
    for (at, f) in table
        .get("families")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .enumerate()
    {
        let checklist: Vec<String> = f
            .get("checklist")
            .and_then(Value::as_array)
            .expect("checklist is an array")
            .iter()
            .map(text_literal)
            .collect();
        let first = members.len();
        for m in f
            .get("members")
            .and_then(Value::as_array)
            .expect("members is an array")
        {
            let member = m.as_str().expect("members are strings");
            if member.split_once('/').is_none() {
                panic!("member {member} is not catalog/entry");
            }
            members.push((member.to_string(), at));
        }
        // Other names users give the problem (optional): a lookup of one shows the family.
        let aliases: Vec<String> = f
            .get("aliases")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|a| format!("{:?}", a.as_str().expect("aliases are strings")))
            .collect();
        let _ = writeln!(
            out,
            "  BuiltinFamily {{ id: {:?}, name: {}, aliases: &[{}], explanation: {}, checklist: &[{}], members: {}..{} }},",
            string(f, "id"),
            text_literal(f.get("name").expect("name")),
            aliases.join(", "),
            text_literal(f.get("explanation").expect("explanation")),
            checklist.join(", "),
            first,
            members.len(),
        );
    }
    out.push(']');
    // The tables hold family and member numbers as u16 and text offsets as u32 (src/family/mod.rs).
    assert!(
        members.len() <= usize::from(u16::MAX)
            && members.iter().map(|(m, _)| m.len()).sum::<usize>() <= u32::MAX as usize,
        "catalogs/{FAMILIES}: more members than the family tables hold"
    );
    let mut text = String::new();
    let mut ends = Vec::new();
    for (member, _) in &members {
        text.push_str(member);
        ends.push(text.len().to_string());
    }
    let slots =
        slots::layout((members.iter()).map(|(m, _)| m.split_once('/').expect("checked above")));
    let list = |items: Vec<String>| items.join(", ");
    let tables = format!(
        "Members {{ text: {text:?}, ends: &[{}], families: &[{}], slots: &[{}] }}",
        list(ends),
        list(members.iter().map(|(_, at)| at.to_string()).collect()),
        list(slots.iter().map(u16::to_string).collect()),
    );
    (out, tables)
}

fn string<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("missing string `{key}` in {v}"))
}

/// `{ en, zh }` as a `(en, zh)` tuple literal.
fn text_literal(v: &Value) -> String {
    format!("({:?}, {:?})", string(v, "en"), string(v, "zh"))
}
