//! Damaged files and unfriendly streams (issue 16), through the real binary, one test per failure the
//! issue reproduced: a cache file damaged behind a valid checksum, a cache path that is not a file, bad
//! files in the config catalog folder, control and invisible characters in catalogs and logs, full
//! output streams, a huge unmatched paste, binary and compressed logs, and unreadable files (run as an
//! unprivileged user where the tests run as root). Each failed before the change it covers.

use std::path::{Path, PathBuf};

use crate::util::{self, TestCommand, errcode, write};

/// A catalog large enough to be cached (over 64 KiB): `entries` rows with upper-case codes, the first
/// `ACME.0000`, the last `ACME.LAST`, and a message template.
pub(crate) fn big_catalog(entries: usize) -> String {
    let mut toml = String::from(
        "id = \"acme\"\nvendor = \"huawei\"\nvendor_name = { en = \"Acme\", zh = \"阿克米\" }\n\
         product = { en = \"Gateway\", zh = \"网关\" }\n[[sources]]\nid = \"doc\"\ntitle = \"Acme codes\"\n",
    );
    for i in 0..entries {
        let code = if i + 1 == entries {
            "ACME.LAST".to_string()
        } else {
            format!("ACME.{i:04}")
        };
        toml.push_str(&format!(
            "\n[[entries]]\nid = \"e{i}\"\ncode = \"{code}\"\nstatus = {}\n\
             message = \"Acme failure number {i} for {{param}}.\"\n\
             meaning = {{ en = \"Meaning {i}: {{param}} failed.\", zh = \"含义 {i}\" }}\n\
             fix = {{ en = \"Fix {i}.\", zh = \"解决 {i}\" }}\n",
            400 + i % 5
        ));
    }
    assert!(toml.len() > 64 * 1024, "large enough to be cached");
    toml
}

/// A postcard varint at the start of `bytes`: its value and length.
fn varint(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        value |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

fn encode_varint(mut value: u32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// A cache file: its stamp (kept as it is), and its body, whose CRC-32 follows the stamp.
#[derive(Clone)]
pub(crate) struct CacheFile {
    pub stamp: Vec<u8>,
    pub body: Vec<u8>,
}

impl CacheFile {
    /// Splits a cache file where a varint is the CRC-32 of all that follows it (the stamp's layout is
    /// errcode's business; this finds the checksum without knowing it).
    pub fn split(bytes: &[u8]) -> CacheFile {
        (1..bytes.len().min(4096))
            .find_map(|at| {
                let (sum, len) = varint(&bytes[at..])?;
                (crc32fast::hash(&bytes[at + len..]) == sum).then(|| CacheFile {
                    stamp: bytes[..at].to_vec(),
                    body: bytes[at + len..].to_vec(),
                })
            })
            .expect("a cache file is a stamp, a CRC-32 and the body it sums")
    }

    /// The file again as this build would have written its (perhaps damaged) body: the keyed hash that
    /// ends the stamp's part (`src/catalog/cache.rs`, `written_hash`) and the checksum both the body's.
    /// What only a forger holding the build's key could write.
    pub fn sealed_as_written(&self) -> Vec<u8> {
        /// The key of this build's written hashes (`build.rs`).
        const KEY: u64 = include!(concat!(env!("OUT_DIR"), "/cache_key.rs"));
        let mut file = self.clone();
        let at = file.stamp.len() - 16;
        let hash = xxhash_rust::xxh3::xxh3_128_with_seed(&self.body, KEY).to_le_bytes();
        file.stamp[at..].copy_from_slice(&hash);
        file.sealed()
    }

    /// The file again, its checksum that of its (perhaps damaged) body: damage a CRC cannot catch.
    pub fn sealed(&self) -> Vec<u8> {
        let mut bytes = self.stamp.clone();
        bytes.extend(encode_varint(crc32fast::hash(&self.body)));
        bytes.extend(&self.body);
        bytes
    }
}

/// A home with a large catalog, run once so that its cache file exists.
pub(crate) struct Cached {
    pub home: tempfile::TempDir,
    pub catalog: PathBuf,
    pub cache_file: PathBuf,
}

impl Cached {
    pub fn new(entries: usize) -> Cached {
        let home = tempfile::tempdir().unwrap();
        let catalog = write(home.path(), "acme.toml", big_catalog(entries));
        let cached = Cached {
            cache_file: PathBuf::new(),
            home,
            catalog,
        };
        cached.run(&["ACME.0001"]).expect_code(0);
        let dir = cached.home.path().join(".cache/errcode");
        let files: Vec<PathBuf> = (std::fs::read_dir(&dir).unwrap())
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "one cache file: {files:?}");
        Cached {
            cache_file: files[0].clone(),
            ..cached
        }
    }

    /// `errcode --catalog acme.toml ARGS...` with this home (and so its cache).
    pub fn run(&self, args: &[&str]) -> util::Run {
        TestCommand::new()
            .env("HOME", self.home.path())
            .env("XDG_CACHE_HOME", self.home.path().join(".cache"))
            .args(["--catalog".as_ref(), self.catalog.as_os_str()])
            .args(args)
            .timeout(20)
            .output()
    }
}

/// Issue 16.1: a record changed behind a recomputed checksum (a `bool` of the last entry's record made 2,
/// postcard's `DeserializeBadBool`) made every lookup of that entry panic (`entry index within the
/// catalog`, exit 101), and kept doing so. Now the file is refused as a whole: the TOML answers, and the
/// file is written again.
#[test]
fn a_cache_damaged_behind_a_valid_checksum_falls_back_to_the_toml_and_is_replaced() {
    let cached = Cached::new(700);
    let expected = cached.run(&["--json", "ACME.LAST"]).expect_code(0).stdout();
    let good = std::fs::read(&cached.cache_file).unwrap();
    let mut file = CacheFile::split(&good);
    // The records are the body's last field, and the last record ends with its `authored` flags.
    let last = file.body.len() - 1;
    assert!(file.body[last] <= 1, "a bool");
    file.body[last] = 2;
    std::fs::write(&cached.cache_file, file.sealed()).unwrap();
    for _ in 0..2 {
        let run = cached.run(&["--json", "ACME.LAST"]).expect_code(0);
        assert_eq!(run.stderr(), "");
        assert_eq!(run.stdout(), expected);
    }
    assert_eq!(
        std::fs::read(&cached.cache_file).unwrap(),
        good,
        "rewritten"
    );
    // The body cut short, grown, or its first byte changed, behind a valid checksum: the same.
    type Damage = fn(&mut Vec<u8>);
    let damages: [(&str, Damage); 3] = [
        ("cut", |body| body.truncate(body.len() / 2)),
        ("grown", |body| body.extend(b"\0\0\0")),
        ("first byte", |body| body[0] ^= 0x55),
    ];
    for (what, damage) in damages {
        let mut file = CacheFile::split(&good);
        damage(&mut file.body);
        std::fs::write(&cached.cache_file, file.sealed()).unwrap();
        let run = cached.run(&["--json", "ACME.LAST"]).expect_code(0);
        assert_eq!(run.stdout(), expected, "{what}");
        assert_eq!(run.stderr(), "", "{what}");
        assert_eq!(std::fs::read(&cached.cache_file).unwrap(), good, "{what}");
    }
}

/// A cache file whose body carries this build's keyed hash is not checked whole (its records and tables
/// are what errcode wrote). One forged behind that hash, by someone holding the build's key, has its code
/// table say that `ACME.0042` is entry 44's code: a code lookup confirms each row by the entry it names,
/// and does not answer with `ACME.0044` (it answered so before the rows were confirmed).
#[test]
fn a_code_table_forged_behind_the_keyed_hash_names_no_other_code() {
    let cached = Cached::new(700);
    let good = std::fs::read(&cached.cache_file).unwrap();
    let file = CacheFile::split(&good);
    assert_eq!(
        file.sealed_as_written(),
        good,
        "the test holds the build's key"
    );
    let expected = cached.run(&["--json", "ACME.0042"]).expect_code(0).stdout();
    // The code table's rows are (start, end, entry) as u32s; `acme.0042` is 9 bytes, entry 42.
    let row = |w: &[u8]| {
        let u32_at = |i: usize| u32::from_le_bytes(w[i..i + 4].try_into().unwrap());
        u32_at(4).wrapping_sub(u32_at(0)) == 9 && u32_at(8) == 42
    };
    let rows: Vec<usize> = (0..file.body.len().saturating_sub(12))
        .filter(|&at| row(&file.body[at..at + 12]))
        .collect();
    assert_eq!(rows.len(), 1, "one row for entry 42's code: {rows:?}");
    let mut forged = file.clone();
    forged.body[rows[0] + 8..rows[0] + 12].copy_from_slice(&44u32.to_le_bytes());
    std::fs::write(&cached.cache_file, forged.sealed_as_written()).unwrap();
    let run = cached.run(&["--json", "ACME.0042"]);
    assert_eq!(run.stderr(), "");
    assert!(!run.stdout().contains("ACME.0044"), "{}", run.stdout());
    assert_ne!(run.stdout(), expected, "the forged file was read");
}

/// The literal index of a set with a user's large catalog, cached beside it, is read in place and checked
/// as it is used: damaged behind a valid checksum (cut, grown, bytes changed anywhere), it may leave an
/// entry out but never makes errcode panic, hang or claim an entry the paste does not name.
#[test]
fn a_literal_index_damaged_behind_a_valid_checksum_claims_nothing_false() {
    let cached = Cached::new(700);
    // (The code in free text: found by the index's literals, not read from a code field.)
    let paste = "request failed: ACME.0042 Acme failure number 42 for orders.";
    let ids = |run: &util::Run| -> Vec<String> {
        (run.json()["matches"].as_array().unwrap().iter())
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    };
    let expected = cached.run(&["--json", "lookup", paste]).expect_code(0);
    assert_eq!(ids(&expected), ["e42"]);
    let dir = cached.home.path().join(".cache/errcode");
    let index_file = (std::fs::read_dir(&dir).unwrap())
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("index-")
        })
        .expect("the lookup wrote the set's index");
    let good = std::fs::read(&index_file).unwrap();
    let mut rng = fastrand::Rng::with_seed(16);
    type Damage = Box<dyn Fn(&mut Vec<u8>)>;
    let mut damages: Vec<(String, Damage)> = vec![
        ("cut".into(), Box::new(|body| body.truncate(body.len() / 2))),
        ("grown".into(), Box::new(|body| body.extend(b"\0\0\0"))),
    ];
    // The anchor that says `ACME.0042` is entry 42's code (three u32s: catalog, entry, and u32::MAX for a
    // code), made to say entry 43's: the last code anchor of an entry 42, as the user's catalog comes
    // after the built-in ones.
    let body = CacheFile::split(&good).body;
    let anchor = [42u32.to_le_bytes(), u32::MAX.to_le_bytes()].concat();
    let at = (body.windows(8).rposition(|w| w == anchor)).expect("entry 42's code anchor");
    damages.push((
        "entry 42's code given to 43".into(),
        Box::new(move |body| body[at] = 43),
    ));
    // Its first literal made empty (its end set to its start, 0): the prefilter of a scan, which takes
    // every literal, once failed its assertion on it. The body is postcard's: the catalogs' ids, the
    // lengths, the slots, then the literals' table (start, end and anchors' end of each, u32s).
    let next = |at: &mut usize| {
        let (value, len) = varint(&body[*at..]).expect("a varint");
        *at += len;
        value as usize
    };
    let mut at = 0;
    for _ in 0..next(&mut at) {
        at += next(&mut at);
    }
    for _ in 0..next(&mut at) {
        next(&mut at);
    }
    at += next(&mut at);
    next(&mut at);
    let first_end = at + 4;
    assert_eq!(
        body[at..first_end],
        [0, 0, 0, 0],
        "the first literal starts the text"
    );
    damages.push((
        "first literal empty".into(),
        Box::new(move |body| body[first_end..first_end + 4].fill(0)),
    ));
    let len = body.len();
    for _ in 0..40 {
        let (at, bits) = (rng.usize(0..len), rng.u8(1..));
        damages.push((
            format!("byte {at} ^ {bits}"),
            Box::new(move |body| body[at] ^= bits),
        ));
    }
    // A scan too, whose finder takes every literal of the index (an empty one once failed the
    // prefilter's assertion): the same, or less.
    let log = write(
        cached.home.path(),
        "gw.log",
        format!("ok\nERROR {paste}\nok ACME.0007 done\n"),
    );
    let log = log.to_str().unwrap();
    let scanned = cached
        .run(&["scan", "--count", log])
        .expect_code(0)
        .stdout();
    assert_eq!(scanned, format!("{log}:2\n"));
    for (what, damage) in damages {
        let mut file = CacheFile::split(&good);
        damage(&mut file.body);
        std::fs::write(&index_file, file.sealed()).unwrap();
        let run = cached.run(&["--json", "lookup", paste]);
        assert!([0, 1].contains(&run.code()), "{what}: {}", run.stderr());
        assert_eq!(run.stderr(), "", "{what}");
        assert!(
            ids(&run).iter().all(|id| id == "e42"),
            "{what}: {:?}",
            ids(&run)
        );
        std::fs::write(&index_file, file.sealed()).unwrap();
        let run = cached.run(&["scan", "--count", log]);
        assert!([0, 1].contains(&run.code()), "{what}: {}", run.stderr());
        assert_eq!(run.stderr(), "", "{what}");
    }
}

/// Issue 16.2: a FIFO at the cache path made every lookup wait for a writer forever; a symlink to
/// `/dev/zero` read until memory ran out. Now only a regular file of a bounded size is read, and what
/// was there is replaced.
#[cfg(unix)]
#[test]
fn a_cache_path_that_is_not_a_regular_file_is_not_read_and_is_replaced() {
    let cached = Cached::new(700);
    let good = std::fs::read(&cached.cache_file).unwrap();
    std::fs::remove_file(&cached.cache_file).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&cached.cache_file)
        .status()
        .unwrap();
    assert!(made.success());
    // (A run that waits is killed after 20 s, and `expect_code` fails on a killed run.)
    cached.run(&["ACME.0001"]).expect_code(0);
    assert_eq!(std::fs::read(&cached.cache_file).unwrap(), good, "replaced");
    // A symlink to /dev/zero, run with its memory limited (a regression must not take the machine's).
    std::fs::remove_file(&cached.cache_file).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &cached.cache_file).unwrap();
    let mut cmd = util::std_command(cached.home.path());
    let program = cmd.get_program().to_owned();
    cmd = std::process::Command::new("sh");
    cmd.args(["-c", "ulimit -v 2000000; exec \"$0\" \"$@\""])
        .arg(program)
        .args(["--catalog".as_ref(), cached.catalog.as_os_str()])
        .arg("ACME.0001");
    for var in ["XDG_CONFIG_HOME", "ERRCODE_CATALOG_PATH"] {
        cmd.env_remove(var);
    }
    let output = (cmd.env("HOME", cached.home.path()))
        .env("XDG_CACHE_HOME", cached.home.path().join(".cache"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let meta = std::fs::symlink_metadata(&cached.cache_file).unwrap();
    assert!(meta.is_file(), "the symlink is replaced by a cache file");
}

/// The config folder of `home` with the files `(name, contents)`.
fn config_dir(home: &Path) -> PathBuf {
    let dir = home.join(".config/errcode/catalogs");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SMALL: &str = "id = \"small\"\nvendor = \"huawei\"\nvendor_name = { en = \"S\", zh = \"S\" }\n\
    product = { en = \"P\", zh = \"P\" }\n[[sources]]\nid = \"s\"\ntitle = \"t\"\n\
    [[entries]]\nid = \"e\"\ncode = \"SMALL.1\"\nstatus = 400\nmessage = \"Small catalog failure for the robustness tests.\"\n\
    meaning = { en = \"m\", zh = \"m\" }\nfix = { en = \"f\", zh = \"f\" }\n";

/// Issue 16.3: one bad file in the config catalog folder stopped every command (exit 2), built-in
/// lookups and `scan` included. Now each is skipped with a one-line warning naming it (and line:column
/// for invalid TOML); editors' lock, swap and backup files are not catalogs at all; named catalogs still
/// fail; a file named twice is loaded once.
#[cfg(unix)]
#[test]
fn bad_files_in_the_config_folder_are_skipped_with_a_warning() {
    let cmd = TestCommand::new();
    let home = cmd.home().to_path_buf();
    let dir = config_dir(&home);
    write(&dir, "good.toml", SMALL);
    write(&dir, "bad.toml", "id = \"bad\"\nvendor = huawei\n");
    std::os::unix::fs::symlink(dir.join("gone.toml"), dir.join("dangling.toml")).unwrap();
    // Emacs's lock file: a dangling symlink whose name ends in .toml.
    std::os::unix::fs::symlink("root@host.1234:1700000000", dir.join(".#good.toml")).unwrap();
    for backup in [
        "good.toml~",
        "#good.toml#",
        ".good.toml.swp",
        ".hidden.toml",
    ] {
        write(&dir, backup, "not a catalog");
    }
    let fifo = dir.join("pipe.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let expected_warnings = format!(
        "errcode: warning: {bad}:2:10: string values must be quoted, expected literal string; skipped\n\
         errcode: warning: {dangling}: no such file or directory; skipped\n\
         errcode: warning: {fifo}: not a regular file or directory; a catalog must be a .toml file; skipped\n",
        bad = dir.join("bad.toml").display(),
        dangling = dir.join("dangling.toml").display(),
        fifo = fifo.display(),
    );
    // Built-in lookups, the good user catalog, and a scan still answer.
    for args in [vec!["APIG.0303"], vec!["SMALL.1"]] {
        let run = cmd_with_home(&home).args(&args).output().expect_code(0);
        assert_eq!(run.stderr(), expected_warnings, "{args:?}");
    }
    let run = cmd_with_home(&home)
        .args(["scan", "--count"])
        .stdin("HMAC signature does not match\nSmall catalog failure for the robustness tests.\n")
        .output()
        .expect_code(0);
    assert_eq!(run.stdout(), "(standard input):2\n");
    // A catalog the user names must load.
    let run = cmd_with_home(&home)
        .args(["--catalog".as_ref(), dir.join("bad.toml").as_os_str()])
        .args(["APIG.0303"])
        .output()
        .expect_code(2);
    assert!(run.stderr().ends_with(&format!(
        "errcode: {}:2:10: string values must be quoted, expected literal string\n",
        dir.join("bad.toml").display()
    )));
}

fn cmd_with_home(home: &Path) -> TestCommand {
    TestCommand::new().env("HOME", home).timeout(20)
}

/// Issue 16.3: the same catalog named twice (twice over, through a symlink, and found in the config
/// folder too) was an error, `catalog id already loaded`. It is loaded once.
#[cfg(unix)]
#[test]
fn the_same_catalog_named_twice_is_loaded_once() {
    let cmd = TestCommand::new();
    let home = cmd.home().to_path_buf();
    let dir = config_dir(&home);
    let file = write(&dir, "small.toml", SMALL);
    let link = home.join("link.toml");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let run = cmd_with_home(&home)
        .args(["--json", "catalogs", "--catalog"])
        .args([&file])
        .args(["--catalog"])
        .args([&link])
        .env("ERRCODE_CATALOG_PATH", &file)
        .output()
        .expect_code(0);
    assert_eq!(run.stderr(), "");
    let ids: Vec<String> = (run.json()["catalogs"].as_array().unwrap().iter())
        .map(|c| c["id"].as_str().unwrap().to_string())
        .filter(|id| id == "small")
        .collect();
    assert_eq!(ids, ["small"]);
}

/// A catalog whose message (or code) is `text`, as TOML.
fn catalog_with_message(message_toml: &str) -> String {
    SMALL.replace(
        "\"Small catalog failure for the robustness tests.\"",
        message_toml,
    )
}

/// Issue 16.4: `catalog patterns` printed a user catalog's control characters raw (`\e[31m`, OSC
/// titles, bidi overrides). A code or message holding a control or invisible character is now refused
/// at load, with its location (decided: a code or message is what errcode searches logs for and prints
/// as a regex, where such a character is a mistake and cannot be escaped for grep); other texts may
/// hold them and are shown escaped.
#[test]
fn control_characters_in_codes_and_messages_are_refused_with_their_location() {
    let dir = tempfile::tempdir().unwrap();
    for (message, column) in [
        // As TOML escapes (the error points at the string) and raw (at the character).
        ("\"Red \\u001b[31m alert \\u001b]0;title\\u0007\"", 11),
        ("\"Trojan \u{202e}source\"", 19),
        ("\"Zero\u{200b}width\"", 16),
    ] {
        let file = write(dir.path(), "ctl.toml", catalog_with_message(message));
        let run = util::with_catalog(&file, &["catalog", "patterns"]).expect_code(2);
        assert_eq!(run.stdout(), "", "nothing printed raw");
        let stderr = run.stderr();
        assert!(
            stderr.starts_with(&format!(
                "errcode: {}:12:{column}: message: U+",
                file.display()
            )),
            "{stderr}"
        );
        assert!(
            stderr.ends_with(
                "is a control or invisible character, which a code or message may not hold\n"
            ),
            "{stderr}"
        );
    }
    let code = SMALL.replace("\"SMALL.1\"", "\"SMALL\\u0007\"");
    let file = write(dir.path(), "code.toml", code);
    let run = util::with_catalog(&file, &["SMALL.1"]).expect_code(2);
    assert!(
        run.stderr().contains("code: U+0007 is a control"),
        "{}",
        run.stderr()
    );
    // A meaning may hold them: `list`, a card, and the patterns (which do not show meanings) stay clean.
    let meaning = SMALL.replace(
        "meaning = { en = \"m\"",
        "meaning = { en = \"m \\u001b]0;title\\u0007 \\u200f\"",
    );
    let file = write(dir.path(), "meaning.toml", meaning);
    for args in [
        vec!["list", "--vendor", "huawei"],
        vec!["SMALL.1"],
        vec!["catalog", "patterns"],
    ] {
        let run = util::with_catalog(&file, &args).expect_code(0);
        let out = run.stdout();
        assert!(
            !out.contains(['\u{1b}', '\u{7}', '\u{200f}']),
            "{args:?}: {out}"
        );
    }
    let card = util::with_catalog(&file, &["SMALL.1"]).stdout();
    assert!(card.contains("m \\x1b]0;title\\x07 \\u{200f}"), "{card}");
}

/// Issue 16.5: bidi marks and invisible format characters passed through `scan` and cards raw (only
/// U+202A–U+202E and U+2066–U+2069 were escaped): U+200E, U+200F, U+061C, U+200B, U+2060, U+FEFF, U+00AD,
/// a tag character. Every human output escapes them; JSON writes them as `\u` escapes.
#[test]
fn bidi_marks_and_invisible_characters_are_escaped_everywhere() {
    let hidden = [
        '\u{200e}',
        '\u{200f}',
        '\u{61c}',
        '\u{200b}',
        '\u{2060}',
        '\u{feff}',
        '\u{ad}',
        '\u{e0041}',
        '\u{2028}',
    ];
    let sprinkled: String = hidden.iter().map(|c| format!("x{c}")).collect();
    let line = format!("{sprinkled} status=404 There is no api match uri[/v1/{sprinkled}]\n");
    let dir = tempfile::tempdir().unwrap();
    let log = write(dir.path(), "gw.log", &line);
    let scan = errcode(["scan".as_ref(), log.as_os_str()]).expect_code(0);
    let card = TestCommand::new()
        .args(["lookup"])
        .stdin(line.clone())
        .output()
        .expect_code(0);
    for (what, out) in [("scan", scan.stdout()), ("card", card.stdout())] {
        let raw: Vec<char> = hidden
            .iter()
            .copied()
            .filter(|c| out.contains(*c))
            .collect();
        assert!(raw.is_empty(), "{what} holds {raw:?} raw:\n{out}");
        assert!(
            out.contains("x\\u{200e}x\\u{200f}x\\u{061c}"),
            "{what}: {out}"
        );
    }
    let json = TestCommand::new()
        .args(["--json", "lookup"])
        .stdin(line.clone())
        .output()
        .expect_code(0);
    let out = json.stdout();
    assert!(!out.contains(hidden), "{out}");
    assert!(
        out.contains("\\u200e") && out.contains("\\udb40\\udc41"),
        "{out}"
    );
    // Still the same text to a JSON reader.
    assert_eq!(json.json()["query"], line.trim());
}

/// Issue 16.6: `--help` and `--version` to a full disk exited 0; now 2 with the reason, as every other
/// output. A full stderr is ignored (no panic), and a closed pipe stays a quiet exit 0 (hostile.rs).
#[cfg(target_os = "linux")]
#[test]
fn full_output_streams_are_an_error_not_a_panic() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["list"],
        vec!["completions", "bash"],
    ] {
        let output = util::std_command(tempfile::tempdir().unwrap().path())
            .args(&args)
            .stdout(full())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "errcode: cannot write output: no space left on device\n",
            "{args:?}"
        );
    }
    // stderr full: the not-found message is lost, the status stays.
    for (args, code) in [(vec!["lookup", "NOPE.NOPE"], 1), (vec!["--bogus"], 2)] {
        let output = util::std_command(tempfile::tempdir().unwrap().path())
            .args(&args)
            .stderr(full())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(code), "{args:?}");
    }
}

/// Issue 16.7: a huge unmatched paste was echoed whole in "no entry matches ..." (9 MB in, 9 MB out).
/// The message quotes a short escaped excerpt.
#[test]
fn an_unmatched_paste_is_quoted_by_a_short_excerpt() {
    let paste = format!(
        "first\tline \u{1b}[2J of a long paste\n{}",
        "2024 INFO GET /healthz 200 fine\n".repeat(300_000)
    );
    assert!(paste.len() > 9_000_000);
    let run = TestCommand::new()
        .args(["lookup"])
        .stdin(paste)
        .output()
        .expect_code(1);
    assert_eq!(
        run.stderr(),
        "errcode: no entry matches \"first line \\\\x1b[2J of a long paste 2024 INFO GET /healthz 200 \
         fine 2024 INFO GET /h…\"\n"
    );
}

/// A gzip, bzip2, xz or zstd compression of `text`, made by the crates errcode reads them with (their
/// encoders) or, for zstd, ruzstd's.
fn compressed(format: &str, text: &[u8]) -> Vec<u8> {
    use std::io::Write;
    match format {
        "gz" => {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(text).unwrap();
            e.finish().unwrap()
        }
        "bz2" => {
            let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
            e.write_all(text).unwrap();
            e.finish().unwrap()
        }
        "xz" => {
            let mut e =
                lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).unwrap();
            e.write_all(text).unwrap();
            e.finish().unwrap()
        }
        "zst" => {
            ruzstd::encoding::compress_to_vec(text, ruzstd::encoding::CompressionLevel::Fastest)
        }
        _ => unreachable!(),
    }
}

/// Issue 16.8: `scan -r` read binary files (it reported lines of an executable) and counted a `.gz` log
/// as 0 without a word. Now a file a recursive scan finds that looks binary (a NUL byte in its first
/// 8 KiB) is skipped with a warning (`--binary` scans it); compressed logs are read with `-z` and
/// otherwise skipped with a warning where found, refused (exit 2) where named.
#[test]
fn binary_files_are_skipped_and_compressed_logs_read_with_z() {
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    let text = b"2024 WARN HMAC signature does not match\n2024 INFO ok\n";
    write(&logs, "a.log", text);
    let mut executable = b"\x7fELF\x02\x01\x01\0\0\0\0\0".to_vec();
    executable.extend(b"\nHMAC signature does not match\n");
    write(&logs, "tool", &executable);
    for format in ["gz", "bz2", "xz", "zst"] {
        write(
            &logs,
            &format!("old.log.{format}"),
            compressed(format, text),
        );
    }
    let scan = |args: &[&str]| {
        TestCommand::new()
            .args(["scan", "--count"])
            .args(args)
            .args([&logs])
            .output()
    };
    let path = |name: &str| logs.join(name).display().to_string();
    let run = scan(&["-r"]).expect_code(0);
    assert_eq!(run.stdout(), format!("{}:1\n", path("a.log")));
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: warning: {}: bzip2-compressed; skipped (-z scans it)\n\
             errcode: warning: {}: gzip-compressed; skipped (-z scans it)\n\
             errcode: warning: {}: xz-compressed; skipped (-z scans it)\n\
             errcode: warning: {}: zstd-compressed; skipped (-z scans it)\n\
             errcode: warning: {}: binary file (a NUL byte in its first 8 KiB); skipped (--binary scans it)\n",
            path("old.log.bz2"),
            path("old.log.gz"),
            path("old.log.xz"),
            path("old.log.zst"),
            path("tool"),
        )
    );
    let run = scan(&["-r", "-z"]).expect_code(0);
    let counted: String = [
        "a.log",
        "old.log.bz2",
        "old.log.gz",
        "old.log.xz",
        "old.log.zst",
    ]
    .map(|name| format!("{}:1\n", path(name)))
    .concat();
    assert_eq!(run.stdout(), counted);
    let run = scan(&["-r", "-z", "--binary"]).expect_code(0);
    assert!(run.stdout().contains(&format!("{}:1\n", path("tool"))));
    assert_eq!(run.stderr(), "");
    // Named: a compressed log is refused without -z, read with it; a binary one is scanned.
    let gz = logs.join("old.log.gz");
    let run = errcode(["scan".as_ref(), "-c".as_ref(), gz.as_os_str()]).expect_code(2);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}: gzip-compressed: use -z (--search-zip) to scan it\n",
            gz.display()
        )
    );
    errcode(["scan".as_ref(), "-cz".as_ref(), gz.as_os_str()]).expect_code(0);
    let tool = logs.join("tool");
    errcode(["scan".as_ref(), "-c".as_ref(), tool.as_os_str()]).expect_code(0);
    // Standard input: the same as a named file.
    TestCommand::new()
        .args(["scan", "-c"])
        .stdin(compressed("xz", text))
        .output()
        .expect_code(2);
    let run = TestCommand::new()
        .args(["scan", "-cz"])
        .stdin(compressed("xz", text))
        .output()
        .expect_code(0);
    assert_eq!(run.stdout(), "(standard input):1\n");
    // A damaged compressed log is a read error, and the others are still scanned.
    let mut broken = compressed("gz", &text.repeat(100));
    let middle = broken.len() / 2;
    broken[middle..].iter_mut().for_each(|b| *b ^= 0x5a);
    let bad = write(dir.path(), "bad.gz", broken);
    let good = logs.join("a.log");
    let run = errcode([
        "scan".as_ref(),
        "-cz".as_ref(),
        bad.as_os_str(),
        good.as_os_str(),
    ])
    .expect_code(2);
    assert!(
        run.stderr()
            .starts_with(&format!("errcode: {}: ", bad.display()))
    );
    assert!(run.stdout().ends_with(&format!("{}:1\n", good.display())));
}

/// Issue 16.9: the unreadable-file tests passed trivially as root (CI runs as root). They now run errcode
/// as an unprivileged user there (`util::unprivileged`): an unreadable catalog in the config folder is
/// skipped with a warning, a named one is an error.
#[cfg(unix)]
#[test]
fn an_unreadable_catalog_is_skipped_when_found_and_an_error_when_named() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let dir = config_dir(home.path());
    let locked = write(&dir, "locked.toml", SMALL);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let reach: Vec<PathBuf> = dir.ancestors().take(4).map(Path::to_path_buf).collect();
    let reach: Vec<&Path> = reach.iter().map(PathBuf::as_path).collect();
    let config = home.path().join(".config");
    let run = util::unprivileged(&["APIG.0303"], &reach, &[("XDG_CONFIG_HOME", &config)]);
    let run = run.expect_code(0);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: warning: {}: permission denied; skipped\n",
            locked.display()
        )
    );
    let run = util::unprivileged(
        &[
            "--catalog".as_ref(),
            locked.as_os_str(),
            "APIG.0303".as_ref(),
        ],
        &reach,
        &[],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr(),
        format!("errcode: {}: permission denied\n", locked.display())
    );
}
