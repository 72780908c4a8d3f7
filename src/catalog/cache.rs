//! A cache of users' large catalogs in their packed form (`packed`), so they load without their TOML being
//! parsed and checked again: one file per catalog in `$XDG_CACHE_HOME/errcode/` (default
//! `~/.cache/errcode/`), valid while the catalog's path, size and modification time, errcode's version and
//! the packed layout are those it was written for. The cache is an optimisation only: any problem with it
//! means the catalog is read as usual, and the file written anew.
//!
//! Beside them, the literal index (`literals`) of a set of catalogs that holds a large one: a message
//! lookup then scores only the entries its text can name, as over the built-in catalogs alone, rather than
//! decoding every entry to collect their literals. One file per set of catalog paths, valid for the
//! catalogs' files as they were read, the built-in catalogs' own index and the index's code.
//!
//! A cache file is not trusted: `load` (the catalog loader) reads it only if it is a regular file (not a
//! FIFO, a device or a symlink to one) of a bounded size, the checksum catches damage, and `packed::unpack`
//! checks the whole of what it decodes, so a file damaged or crafted behind a valid checksum is refused
//! rather than answered from or panicked on; but a catalog's body that carries this build's keyed hash of
//! it (`written_hash`), which is what this build wrote, is not checked record by record again. Another build's file,
//! checked whole, is used as it is, not written again (two builds of one version would otherwise keep
//! replacing each other's).

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::literals::LiteralIndex;
use super::mapped::CacheBytes;
use super::model::Origin;
use super::packed::{self, Catalog};

/// Catalogs smaller than this parse in about a millisecond: not worth a cache file.
pub const MIN_CACHED_BYTES: u64 = 64 * 1024;

/// The layout of the file below the stamp; files of another layout are ignored.
const FORMAT: u32 = 10;

/// What the packed bytes mean: a hash of the source of the types they are (`packed`, `record`, and `store`,
/// which reads them), of what they are read into (`model`) and of the rules a catalog was checked by (`validate`), taken at compile time. Two
/// builds whose packed layout or rules differ never read each other's files, even with one version
/// number (a development build, a fork); any change to those files, a comment's included, makes the
/// cache be written again once, which costs one parse.
const LAYOUT: u64 = fnv1a(&[
    include_bytes!("packed.rs"),
    include_bytes!("record.rs"),
    include_bytes!("store.rs"),
    include_bytes!("model.rs"),
    include_bytes!("validate.rs"),
]);

/// What a set's literal index means: the packed layout (its anchors name entries by their place) and the
/// code that chooses and lays out the literals (message keys come from the templates' words).
const INDEX_LAYOUT: u64 = fnv1a(&[
    &LAYOUT.to_le_bytes(),
    include_bytes!("literals.rs"),
    include_bytes!("grams.rs"),
    include_bytes!("../template/mod.rs"),
    include_bytes!("../template/pattern.rs"),
    include_bytes!("../template/syntax.rs"),
]);

/// FNV-1a over the concatenated `parts`, as a `const fn` (the hash is a build constant).
const fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut p = 0;
    while p < parts.len() {
        let part = parts[p];
        let mut i = 0;
        while i < part.len() {
            hash ^= part[i] as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        p += 1;
    }
    hash
}

/// What a cache file was written for. (Postcard writes `file`'s fields as if they were this struct's own.)
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// First, so that a file of another layout fails here.
    format: u32,
    layout: u64,
    version: &'static str,
    file: FileStamp,
}

impl Stamp {
    /// The largest cache file read for this stamp: a catalog's packed form is smaller than its TOML.
    pub fn max_file_len(&self) -> u64 {
        self.file.len.saturating_mul(2).saturating_add(1024 * 1024)
    }
}

/// The stamp of a catalog's cache file, from its file's stamp (taken before it is read: a file saved
/// meanwhile then fails to match its cache next time, rather than the cache keeping the old text under the
/// new stamp); `None` for a catalog too small to be worth caching.
pub fn stamp(file: &FileStamp) -> Option<Stamp> {
    (file.len >= MIN_CACHED_BYTES).then(|| Stamp {
        format: FORMAT,
        layout: LAYOUT,
        version: env!("CARGO_PKG_VERSION"),
        file: file.clone(),
    })
}

/// The cache file of the catalog that is the file `resolved` (absolute, without symlinks: `file_stamp`):
/// named by a hash of that path that is the same in every errcode build.
pub fn file(cache_dir: &Path, resolved: &Path) -> PathBuf {
    let hash = xxhash_rust::xxh3::xxh3_64(resolved.as_os_str().as_encoded_bytes());
    cache_dir.join(format!("catalog-{hash:016x}.bin"))
}

/// The key of `written_hash`, drawn at random when this errcode was built (`build.rs`).
const WRITTEN_KEY: u64 = include!(concat!(env!("OUT_DIR"), "/cache_key.rs"));

/// The keyed hash a cache file carries of its body as this build wrote it (both kinds of file; only a
/// catalog's is relied on). A catalog's body with that hash is taken for the bytes this build packed from a
/// catalog checked whole (`validate::parse` unpacks what it packs), and read back without each record being
/// checked again (`packed::Known::Checked`: 0.2 µs an entry, most of a code lookup in a catalog of 50,000);
/// any other (another build's file, a body changed after it was written, even behind a recomputed checksum)
/// is checked whole. XXH3 is not a cryptographic MAC: it tells damage and other writers apart, not a forger
/// who has taken this binary's key; what such a file could do is bounded where entries are read (a record
/// that does not decode, or a code or message form over `MAX_TEXT_LEN`, leaves its entry out,
/// `Entries::get`; a code table's row is confirmed by its entry, `Entries::row_entry`).
fn written_hash(body: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128_with_seed(body, WRITTEN_KEY).to_le_bytes()
}

/// The catalog of `source` from the `bytes` of its cache file, if they were written for `stamp` and hold
/// together (`packed::unpack`).
pub fn decode(bytes: CacheBytes, source: &Path, stamp: &Stamp) -> Option<Catalog> {
    let (body, written) = body(bytes, stamp)?;
    let known = if written {
        packed::Known::Checked
    } else {
        packed::Known::Unknown
    };
    packed::unpack(body, Some(Origin::File(source.to_path_buf())), known)
}

/// Writes the catalog's cache file for `stamp`, replacing what was there (a damaged file, a FIFO, a
/// symlink: the name is replaced, not what it points to). Failing to is not an error.
pub fn store(cache_dir: &Path, resolved: &Path, stamp: &Stamp, catalog: &Catalog) {
    let file = file(cache_dir, resolved);
    write(cache_dir, &file, stamp, catalog.packed());
    prune(cache_dir, &file, "catalog-", KEPT_CATALOGS);
}

/// Writes `file` in `cache_dir`: `stamp`, this build's written hash of `body` (`written_hash`), the
/// checksum of `body`, and `body`. Failing to is not an error.
fn write(cache_dir: &Path, file: &Path, stamp: &impl Serialize, body: &[u8]) {
    if std::fs::create_dir_all(cache_dir).is_err() {
        return;
    }
    let Ok(mut bytes) = postcard::to_allocvec(stamp) else {
        return;
    };
    bytes.extend(written_hash(body));
    let Ok(sum) = postcard::to_allocvec(&crc32fast::hash(body)) else {
        return;
    };
    bytes.extend_from_slice(&sum);
    bytes.extend_from_slice(body);
    // Written beside, then renamed: another errcode reading it meanwhile sees the old file or the new, and
    // a write that fails part-way (a full disk) leaves nothing behind.
    let Ok(mut partial) = tempfile::NamedTempFile::new_in(cache_dir) else {
        return;
    };
    if std::io::Write::write_all(&mut partial, &bytes).is_ok() {
        let _ = partial.persist(file);
    }
}

/// The body of a cache file's `bytes` (after its stamp, written hash and checksum), if they were written
/// for `stamp` and the body is undamaged; kept for the rest of the process then (the catalog or index read
/// from it borrows its texts), dropped otherwise (a stale or damaged file mapped whole stayed in memory
/// while the catalog was read again). With whether the written hash is the body's (`written_hash`), which
/// then stands for the checksum too.
fn body(bytes: CacheBytes, stamp: &impl Serialize) -> Option<(&'static [u8], bool)> {
    let all = bytes.bytes();
    // (The stamp is written first, as postcard writes it: the same stamp, the same bytes.)
    let rest = all.strip_prefix(postcard::to_allocvec(stamp).ok()?.as_slice())?;
    let (hash, rest) = rest.split_first_chunk::<16>()?;
    let (sum, body) = postcard::take_from_bytes::<u32>(rest).ok()?;
    let written = *hash == written_hash(body);
    // A damaged file is found here, rather than when an entry is decoded (as late as the matcher's asking).
    if !written && crc32fast::hash(body) != sum {
        return None;
    }
    let start = all.len() - body.len();
    Some((&bytes.keep()[start..], written))
}

/// A user's catalog file as it was just before it was read: the file (its path resolved), size and
/// modification time; and, not stamped, the path it was given by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// As given: how the set's catalogs are told their stamps. Not written: two spellings of one file
    /// (`big.toml`, `./big.toml`) share its cache rather than each rewriting it for the other.
    #[serde(skip)]
    path: PathBuf,
    /// Absolute, symlinks resolved, as the system's bytes: the file itself. (The same relative path given
    /// in two folders names two files, which may have the same size and modification time: each has its
    /// cache.)
    #[serde(with = "serde_bytes")]
    resolved: Vec<u8>,
    len: u64,
    modified_ns: u128,
}

/// The stamp of a user's catalog file `source` (`resolved`: the file it names, absolute and without
/// symlinks), from its `meta`data taken before it is read; `None` where it cannot be known (no modification
/// time): the file is then neither cached nor indexed.
pub fn file_stamp(source: &Path, resolved: &Path, meta: &std::fs::Metadata) -> Option<FileStamp> {
    Some(FileStamp {
        path: source.to_path_buf(),
        resolved: resolved.as_os_str().as_encoded_bytes().to_vec(),
        len: meta.len(),
        modified_ns: (meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?).as_nanos(),
    })
}

/// What a set's index file was written for.
#[derive(Debug, PartialEq, Serialize)]
pub struct SetStamp {
    /// First, so that a file of another layout fails here.
    format: u32,
    layout: u64,
    version: &'static str,
    /// A hash of the built-in catalogs' own index, which changes with any of their literals or messages.
    builtin: u64,
    /// Each catalog of the set, in order: its id, and a user's file as it was read.
    catalogs: Vec<(String, Option<FileStamp>)>,
}

impl SetStamp {
    /// The largest index file read for this stamp: an index is smaller than the catalogs it is of.
    pub fn max_file_len(&self) -> u64 {
        let users: u64 = (self.catalogs.iter().flat_map(|(_, file)| file))
            .map(|f| f.len)
            .fold(0, u64::saturating_add);
        users.saturating_mul(2).saturating_add(16 * 1024 * 1024)
    }
}

/// The stamp of the index of `catalogs`, loaded from the user's files `read` (as each was just before it
/// was read); `None` where the set has no user's catalog large enough to be worth it (a lookup collects
/// the literals of a few thousand entries in a millisecond or two) or a file's stamp is unknown.
pub fn set_stamp(catalogs: &[Catalog], read: &[FileStamp]) -> Option<SetStamp> {
    let mut large = false;
    let mut members = Vec::with_capacity(catalogs.len());
    for catalog in catalogs {
        let file = match &catalog.origin {
            Origin::Builtin(_) => None,
            Origin::File(path) => {
                let file = read.iter().rev().find(|f| f.path == *path)?;
                large |= file.len >= MIN_CACHED_BYTES;
                Some(file.clone())
            }
        };
        members.push((catalog.id.clone(), file));
    }
    large.then(|| SetStamp {
        format: FORMAT,
        layout: INDEX_LAYOUT,
        version: env!("CARGO_PKG_VERSION"),
        builtin: xxhash_rust::xxh3::xxh3_64(super::BUILTIN_LITERALS),
        catalogs: members,
    })
}

/// The index file of a set of catalogs: named by a hash of their files' paths, so that a catalog edited
/// replaces its set's file rather than adding one.
pub fn set_file(cache_dir: &Path, stamp: &SetStamp) -> PathBuf {
    let mut paths: Vec<u8> = Vec::new();
    for (id, file) in &stamp.catalogs {
        paths.extend_from_slice(file.as_ref().map_or(id.as_bytes(), |f| &f.resolved));
        paths.push(0);
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&paths);
    cache_dir.join(format!("index-{hash:016x}.bin"))
}

/// The index in the `bytes` of a set's index file, if they were written for `stamp`, are undamaged, and
/// are laid out as an index is (`LiteralIndex::sound_whole`: what they say of entries is checked where it
/// is used, `finder::indexed`). Checked so even where the body carries this build's written hash: the
/// layout is what keeps a scan's prefilter and the hash table's probing sound, and it is a linear check.
pub fn decode_index(bytes: CacheBytes, stamp: &SetStamp) -> Option<&'static LiteralIndex<'static>> {
    let index = LiteralIndex::read(body(bytes, stamp)?.0)?;
    (index.catalogs() == stamp.catalogs.len() && index.sound_whole())
        .then(|| &*Box::leak(Box::new(index)))
}

/// The index of `catalogs`, built, written to the set's file for `stamp` (failing to is not an error), and
/// read as a cached one is.
pub fn build_index(
    cache_dir: &Path,
    catalogs: &[Catalog],
    stamp: &SetStamp,
) -> Option<&'static LiteralIndex<'static>> {
    let body = LiteralIndex::build(&catalogs.iter().collect::<Vec<_>>())?;
    let file = set_file(cache_dir, stamp);
    write(cache_dir, &file, stamp, &body);
    prune(cache_dir, &file, "index-", KEPT_INDEXES);
    let body: &'static [u8] = Box::leak(body.into_boxed_slice());
    LiteralIndex::read(body).map(|index| &*Box::leak(Box::new(index)))
}

/// The cache files this process has read or written: pruning leaves them, so that a user whose catalogs
/// are more than are kept does not have every run rewrite them all.
static IN_USE: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// How old a cache file's modification time may be before a run that uses it brings it up to now: pruning
/// goes by it, and a file read every day is then kept however many others are written.
const FRESH: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Notes that the cache file `file` serves this process (read, current): pruning leaves it, and a day after
/// it was last marked so, its modification time is brought up to now. Failing to is not an error.
pub fn used(file: &Path) {
    if let Ok(mut in_use) = IN_USE.lock() {
        in_use.push(file.to_path_buf());
    }
    let stale = std::fs::metadata(file)
        .and_then(|m| m.modified())
        .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age > FRESH));
    if stale && let Ok(handle) = std::fs::File::options().write(true).open(file) {
        let _ = handle.set_modified(std::time::SystemTime::now());
    }
}

/// Index files kept in the cache folder: one is written per set of catalogs a user loads (each set's file
/// is replaced as its catalogs change), so a user who tries many sets would gather them without end.
const KEPT_INDEXES: usize = 16;

/// Catalog files kept in the cache folder: one is written per large catalog file (by its path), so the
/// caches of catalogs moved or deleted, and those of a build that named them otherwise, would stay for good.
/// Far more than the large catalogs one user loads.
const KEPT_CATALOGS: usize = 64;

/// Removes the cache files of `cache_dir` named as `set_file` and `file` name them (`<prefix><16
/// lower-case hex digits>.bin`; regular files) beyond the `kept` last modified, never `written` (the one
/// just written) nor one this process uses (`used`). Failing to is not an error.
fn prune(cache_dir: &Path, written: &Path, prefix: &str, kept: usize) {
    let Ok(entries) = std::fs::read_dir(cache_dir) else {
        return;
    };
    let is_ours = |name: &str| {
        (name
            .strip_prefix(prefix)
            .and_then(|n| n.strip_suffix(".bin")))
        .is_some_and(|hex| {
            hex.len() == 16 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        })
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|entry| entry.file_name().to_str().is_some_and(is_ours))
        .filter_map(|entry| {
            // (`DirEntry::metadata` does not follow a symlink: one is left alone.)
            let meta = entry.metadata().ok().filter(|m| m.is_file())?;
            Some((meta.modified().ok()?, entry.path()))
        })
        .filter(|(_, path)| path != written)
        .collect();
    if let Ok(mut in_use) = IN_USE.lock() {
        in_use.push(written.to_path_buf());
        files.retain(|(_, path)| !in_use.contains(path));
    }
    // Newest first; the one just written counts as the newest.
    files.sort_unstable_by(|a, b| b.cmp(a));
    for (_, path) in files.iter().skip(kept - 1) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::validate::parse;
    use crate::template::Template;

    fn load(dir: &Path, source: &Path, stamp: &Stamp) -> Option<Catalog> {
        let bytes = std::fs::read(file(dir, source)).ok()?;
        decode(CacheBytes::Read(bytes), source, stamp)
    }

    fn test_stamp() -> Stamp {
        Stamp {
            format: FORMAT,
            layout: LAYOUT,
            version: "test",
            file: FileStamp {
                path: PathBuf::from("acme.toml"),
                resolved: b"/acme.toml".to_vec(),
                len: 1,
                modified_ns: 1,
            },
        }
    }

    /// The minimal test catalog with more entries: an older edition and a code template.
    fn catalog() -> String {
        let more = r#"
[[entries]]
id = "old"
code = "acme.1"
status = 401
message = "Two forms."
variants = ["First form.", "Second {x}."]
edition_of = "e1"
meaning = { en = "m", zh = "m" }
fix = { en = "f", zh = "f" }
[[entries]]
id = "templated"
code = "Missing{param}"
status = 400
message = "m"
meaning = { en = "m", zh = "m" }
fix = { en = "f", zh = "f" }
"#;
        format!("{}{more}", crate::catalog::validate::tests::MINIMAL)
    }

    #[test]
    fn cached_entries_answer_as_the_catalog_does() {
        let original = parse(&catalog(), Origin::File("acme.toml".into())).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("acme.toml");
        let stamp = test_stamp();
        store(dir.path(), &source, &stamp, &original);
        let cached = load(dir.path(), &source, &stamp).unwrap();
        let sources = |forms: &[Template]| {
            forms
                .iter()
                .map(|f| f.source().to_string())
                .collect::<Vec<_>>()
        };
        for i in 0..original.entries.len() {
            assert_eq!(
                cached.entries.with_message_forms(i, sources),
                sources(original.entries.get(i).unwrap().message_forms()),
                "entry {i}"
            );
        }
        for code in ["ACME.1", "Acme.1", "ACME.2", "Missing{param}"] {
            assert_eq!(
                cached.entries.with_code(code),
                original.entries.with_code(code),
                "{code}"
            );
        }
        assert_eq!(cached.entries.with_code_template(), vec![2]);
        for i in 0..3 {
            assert_eq!(cached.entries.editions(i), original.entries.editions(i));
        }
        assert_eq!(cached.canonical(), original.canonical());
        assert_eq!(cached.origin, Origin::File(source));
    }

    /// A cache file's parts: what precedes the written hash (the stamp), the hash, and the body.
    fn parts(bytes: &[u8], stamp: &impl Serialize) -> (usize, [u8; 16], Vec<u8>) {
        let head = postcard::to_allocvec(stamp).unwrap().len();
        let hash: [u8; 16] = bytes[head..head + 16].try_into().unwrap();
        let (_, body) = postcard::take_from_bytes::<u32>(&bytes[head + 16..]).unwrap();
        (head, hash, body.to_vec())
    }

    /// The file of `head` bytes of stamp, `hash` and `body`, its checksum that of `body`.
    fn sealed(bytes: &[u8], head: usize, hash: [u8; 16], body: &[u8]) -> Vec<u8> {
        let mut file = bytes[..head].to_vec();
        file.extend(hash);
        file.extend(postcard::to_allocvec(&crc32fast::hash(body)).unwrap());
        file.extend(body);
        file
    }

    #[test]
    fn only_the_body_this_build_wrote_is_read_without_the_whole_check() {
        let original = parse(&catalog(), Origin::File("acme.toml".into())).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("acme.toml");
        let stamp = test_stamp();
        store(dir.path(), &source, &stamp, &original);
        let verified = || super::super::store::VERIFIED.get();
        let before = verified();
        let cached = load(dir.path(), &source, &stamp).unwrap();
        assert_eq!(verified(), before, "its own file: not checked whole");
        assert_eq!(cached.canonical(), original.canonical());
        assert_eq!(
            cached.entries.with_code("ACME.1"),
            original.entries.with_code("ACME.1")
        );
        let bytes = std::fs::read(file(dir.path(), &source)).unwrap();
        let (head, hash, body) = parts(&bytes, &stamp);
        assert_eq!(hash, written_hash(&body));
        // The last record's last flag (a bool) made 2 behind a recomputed checksum, the hash kept: checked
        // whole, and refused.
        let mut damaged = body.clone();
        *damaged.last_mut().unwrap() = 2;
        std::fs::write(
            file(dir.path(), &source),
            sealed(&bytes, head, hash, &damaged),
        )
        .unwrap();
        assert!(load(dir.path(), &source, &stamp).is_none());
        assert_eq!(verified(), before + 1);
        // The same body under another hash (another build's): checked whole, and read.
        let other = xxhash_rust::xxh3::xxh3_128_with_seed(&body, !WRITTEN_KEY).to_le_bytes();
        std::fs::write(
            file(dir.path(), &source),
            sealed(&bytes, head, other, &body),
        )
        .unwrap();
        let read = load(dir.path(), &source, &stamp).unwrap();
        assert_eq!(verified(), before + 2);
        assert_eq!(read.canonical(), original.canonical());
        // Its checksum wrong as well: refused unread.
        let mut file_bytes = sealed(&bytes, head, other, &body);
        *file_bytes.last_mut().unwrap() ^= 1;
        std::fs::write(file(dir.path(), &source), file_bytes).unwrap();
        assert!(load(dir.path(), &source, &stamp).is_none());
        assert_eq!(verified(), before + 2);
    }

    #[test]
    fn a_damaged_cache_file_is_ignored() {
        let original = parse(&catalog(), Origin::File("acme.toml".into())).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("acme.toml");
        std::fs::write(&source, catalog()).unwrap();
        let stamp = test_stamp();
        store(dir.path(), &source, &stamp, &original);
        assert!(load(dir.path(), &source, &stamp).is_some());
        let file = file(dir.path(), &source);
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&file, &bytes).unwrap();
        assert!(load(dir.path(), &source, &stamp).is_none());
    }
}
