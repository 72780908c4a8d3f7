//! Converts every `catalogs/*.toml` into Rust statics (`$OUT_DIR/builtin_catalogs.rs`), so the binary
//! loads its built-in catalogs without parsing anything, and adding a catalog needs no code change. The
//! entries' texts go into one text (`builtin_text.txt`) and their lists into one array
//! (`builtin_lists.rs`), which the entries point into by offsets: no pointer for the loader to relocate.
//!
//! A file that is not TOML, or lacks a field every catalog has, fails the build here. The full validation
//! (placeholders, ids, lengths, every row of the vendor documents) is errcode's own loader's, run over the
//! same files by `cargo test` (tests/it/data.rs), which also checks that these statics say exactly what the
//! loader reads.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use toml::{Table, Value};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("catalogs");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("catalogs/ is readable")
        .map(|e| e.expect("catalogs/ entry is readable").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .filter(|p| !p.ends_with(FAMILIES))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    // Entry texts go into one text, and lists (variants' spans, source indexes) into one array, which the
    // entries refer to by offsets: statics of string pointers would each be relocated at start-up.
    let mut pool = Pool::default();
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let name = file
            .file_name()
            .expect("a file")
            .to_string_lossy()
            .into_owned();
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{name}: {e}"));
        let table: Table = text
            .parse()
            .unwrap_or_else(|e| panic!("catalogs/{name}: {e}"));
        catalog(&mut out, &mut pool, &name, &table);
    }
    out.push(']');
    let out_dir = env::var("OUT_DIR").expect("set by cargo");
    fs::write(Path::new(&out_dir).join("builtin_catalogs.rs"), out).expect("OUT_DIR is writable");
    fs::write(Path::new(&out_dir).join("builtin_text.txt"), &pool.text)
        .expect("OUT_DIR is writable");
    fs::write(
        Path::new(&out_dir).join("builtin_lists.rs"),
        format!("{:?}", pool.lists),
    )
    .expect("OUT_DIR is writable");
    fs::write(
        Path::new(&out_dir).join("builtin_families.rs"),
        families(&dir.join(FAMILIES)),
    )
    .expect("OUT_DIR is writable");
}

/// The problem families file, beside the catalogs.
const FAMILIES: &str = "families.toml";

fn families(path: &Path) -> String {
    println!("cargo::rerun-if-changed={}", path.display());
    let mut out = String::from("&[\n");
    // The families are part of every card: without the file, the build fails rather than drop them.
    let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("catalogs/{FAMILIES}: {e}"));
    let table: Table = source
        .parse()
        .unwrap_or_else(|e| panic!("catalogs/{FAMILIES}: {e}"));
    for f in table
        .get("families")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
    {
        let checklist: Vec<String> = f
            .get("checklist")
            .and_then(Value::as_array)
            .expect("checklist is an array")
            .iter()
            .map(text_literal)
            .collect();
        let members: Vec<String> = f
            .get("members")
            .and_then(Value::as_array)
            .expect("members is an array")
            .iter()
            .map(|m| {
                let member = m.as_str().expect("members are strings");
                let (catalog, entry) = member
                    .split_once('/')
                    .unwrap_or_else(|| panic!("member {member} is not catalog/entry"));
                format!("({catalog:?}, {entry:?})")
            })
            .collect();
        let _ = writeln!(
            out,
            "  BuiltinFamily {{ id: {:?}, name: {}, explanation: {}, checklist: &[{}], members: &[{}] }},",
            string(f, "id"),
            text_literal(f.get("name").expect("name")),
            text_literal(f.get("explanation").expect("explanation")),
            checklist.join(", "),
            members.join(", "),
        );
    }
    out.push(']');
    out
}

/// The text and the lists the entries' offsets point into.
#[derive(Default)]
struct Pool {
    text: String,
    lists: Vec<u32>,
    /// Each text added, and its span: a text repeated (a note on hundreds of rows) is stored once.
    spans: std::collections::HashMap<String, [u32; 2]>,
}

impl Pool {
    /// Where `s` stands in the text, once added.
    fn span(&mut self, s: &str) -> [u32; 2] {
        if let Some(&span) = self.spans.get(s) {
            return span;
        }
        let start = self.text.len();
        self.text.push_str(s);
        let offset = |at: usize| u32::try_from(at).expect("built-in texts under 4 GiB");
        let span = [offset(start), offset(self.text.len())];
        self.spans.insert(s.to_string(), span);
        span
    }

    /// `(start, end)` of `s` in the text.
    fn text(&mut self, s: &str) -> String {
        let [start, end] = self.span(s);
        format!("({start}, {end})")
    }

    /// `{ en, zh }` as a pair of spans.
    fn pair(&mut self, v: &Value) -> String {
        let en = self.text(string(v, "en"));
        let zh = self.text(string(v, "zh"));
        format!("({en}, {zh})")
    }

    /// `(start, end)` of `items` in the lists.
    fn list(&mut self, items: &[u32]) -> String {
        let start = self.lists.len();
        self.lists.extend_from_slice(items);
        format!("({start}, {})", self.lists.len())
    }
}

fn catalog(out: &mut String, pool: &mut Pool, name: &str, t: &Table) {
    let field = |key: &str| {
        t.get(key)
            .unwrap_or_else(|| panic!("catalogs/{name}: no `{key}`"))
    };
    let sources = field("sources").as_array().expect("sources is an array");
    let source_ids: Vec<&str> = sources.iter().map(|s| string(s, "id")).collect();
    let entries = t
        .get("entries")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let entry_ids: Vec<&str> = entries.iter().map(|e| string(e, "id")).collect();
    let default_authored = t.get("authored").map(authored).unwrap_or_default();

    let _ = writeln!(out, "  Builtin {{ catalog: Trusted {{");
    let _ = writeln!(out, "    file: {name:?},");
    let _ = writeln!(
        out,
        "    id: {:?},",
        field("id").as_str().expect("id is a string")
    );
    let _ = writeln!(
        out,
        "    vendor: {:?},",
        field("vendor").as_str().expect("vendor is a string")
    );
    let _ = writeln!(
        out,
        "    vendor_name: {},",
        text_literal(field("vendor_name"))
    );
    let _ = writeln!(out, "    product: {},", text_literal(field("product")));
    let _ = writeln!(out, "    sources: Cow::Borrowed(&[");
    for s in sources {
        let optional = |key: &str| {
            s.get(key)
                .and_then(Value::as_str)
                .map_or("None".to_string(), |v| format!("Some({v:?})"))
        };
        let label = s
            .get("label")
            .map_or("None".to_string(), |l| format!("Some({})", text_literal(l)));
        let _ = writeln!(
            out,
            "      TrustedSource {{ id: {:?}, title: {:?}, date: {}, document: {}, url: {}, label: {label} }},",
            string(s, "id"),
            string(s, "title"),
            optional("date"),
            optional("document"),
            optional("url"),
        );
    }
    let _ = writeln!(out, "    ]),");
    let _ = writeln!(out, "    entries: Cow::Borrowed(&[]),");
    let _ = writeln!(out, "    referrals: Cow::Borrowed(&[");
    for r in t
        .get("referrals")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
    {
        let flags = r.get("authored").map(authored).unwrap_or(default_authored);
        let _ = writeln!(
            out,
            "      TrustedReferral {{ id: {:?}, code: {:?}, meaning: {}, fix: {}, authored: {flags:?} }},",
            string(r, "id"),
            string(r, "code"),
            text_literal(r.get("meaning").expect("meaning")),
            text_literal(r.get("fix").expect("fix")),
        );
    }
    let _ = writeln!(out, "    ]),");
    let _ = writeln!(out, "    replaces: false,");
    let _ = writeln!(
        out,
        "    messages_are_descriptions: {},",
        t.get("messages_are_descriptions")
            .and_then(Value::as_bool)
            .unwrap_or(false)
    );
    let _ = writeln!(out, "  }},");
    entries_of(
        out,
        pool,
        name,
        entries,
        &source_ids,
        &entry_ids,
        default_authored,
    );
    let _ = writeln!(out, "  }},");
}

/// A catalog's entries as `SpanEntry` statics: offsets into the pool.
fn entries_of(
    out: &mut String,
    pool: &mut Pool,
    name: &str,
    entries: &[Value],
    source_ids: &[&str],
    entry_ids: &[&str],
    default_authored: [bool; 4],
) {
    let _ = writeln!(out, "    entries: &[");
    for e in entries {
        let sources: Vec<u32> = match e.get("sources").and_then(Value::as_array) {
            Some(list) => list
                .iter()
                .map(|v| {
                    let id = v.as_str().expect("source ids are strings");
                    let at = source_ids
                        .iter()
                        .position(|s| *s == id)
                        .unwrap_or_else(|| panic!("catalogs/{name}: unknown source {id}"));
                    u32::try_from(at).expect("few sources")
                })
                .collect(),
            None => vec![0],
        };
        let edition_of =
            e.get("edition_of")
                .and_then(Value::as_str)
                .map_or("None".to_string(), |id| {
                    let at = entry_ids
                        .iter()
                        .position(|x| *x == id)
                        .unwrap_or_else(|| panic!("catalogs/{name}: unknown entry {id}"));
                    format!("Some({at})")
                });
        let variants: Vec<u32> = e
            .get("variants")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .flat_map(|x| pool.span(x.as_str().expect("variants are strings")))
            .collect();
        let variants = pool.list(&variants);
        let sources = pool.list(&sources);
        let code = e
            .get("code")
            .and_then(Value::as_str)
            .map_or("None".to_string(), |c| format!("Some({})", pool.text(c)));
        let note = e
            .get("note")
            .map_or("None".to_string(), |n| format!("Some({})", pool.pair(n)));
        let flags = e.get("authored").map(authored).unwrap_or(default_authored);
        let id = pool.text(string(e, "id"));
        let message = pool.text(string(e, "message"));
        let meaning = pool.pair(e.get("meaning").expect("meaning"));
        let fix = pool.pair(e.get("fix").expect("fix"));
        let _ = writeln!(
            out,
            "      SpanEntry {{ id: {id}, code: {code}, status: {}, message: {message}, variants: {variants}, sources: {sources}, edition_of: {edition_of}, doubtful_message: {}, meaning: {meaning}, fix: {fix}, note: {note}, authored: {flags:?} }},",
            e.get("status")
                .and_then(Value::as_integer)
                .expect("status is an integer"),
            e.get("doubtful_message")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        );
    }
    let _ = writeln!(out, "    ],");
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

/// `["meaning.en", ...]` as `[meaning.en, meaning.zh, fix.en, fix.zh]` flags.
fn authored(v: &Value) -> [bool; 4] {
    let names = ["meaning.en", "meaning.zh", "fix.en", "fix.zh"];
    let list: Vec<&str> = v
        .as_array()
        .expect("authored is an array")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    names.map(|n| list.contains(&n))
}
