//! Users' own catalogs: every place they load from, overriding, and located errors for broken ones.

use crate::util::{TestCommand, rows, stdout_at, with_catalog, write};
use std::path::{Path, PathBuf};

const ACME: &str = r#"id = "acme-gateway"
vendor = "huawei"
vendor_name = { en = "Acme", zh = "阿克米" }
product = { en = "Edge Gateway", zh = "边缘网关" }
authored = ["meaning.en", "meaning.zh", "fix.en", "fix.zh"]

[[sources]]
id = "internal"
title = "Acme internal error list"

[[entries]]
id = "acme-0001"
code = "ACME.0001"
status = 418
message = "Teapot {param} refused."
meaning = { en = "The teapot {param} refused the request.", zh = "茶壶 {param} 拒绝了请求" }
fix = { en = "Ask for coffee.", zh = "改要咖啡" }
"#;

fn finds_acme(cmd: TestCommand) {
    let run = cmd.args(["--json", "ACME.0001"]).output().expect_code(0);
    assert_eq!(
        rows(&run.json()),
        [("huawei".to_string(), Some("ACME.0001".to_string()), 418)]
    );
}

#[test]
fn catalog_flag_takes_a_file_or_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "acme.toml", ACME);
    finds_acme(TestCommand::new().args(["--catalog"]).args([&file]));
    finds_acme(TestCommand::new().args(["--catalog"]).args([dir.path()]));
}

#[test]
fn environment_path_list_and_config_directory() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "acme.toml", ACME);
    let other_dir = tempfile::tempdir().unwrap();
    let other = write(
        other_dir.path(),
        "beta.toml",
        ACME.replace("acme-gateway", "beta-gateway")
            .replace("ACME.0001", "BETA.0001"),
    );
    let list = std::env::join_paths([&file, &other]).unwrap();
    finds_acme(TestCommand::new().env("ERRCODE_CATALOG_PATH", &list));
    TestCommand::new()
        .env("ERRCODE_CATALOG_PATH", &list)
        .args(["BETA.0001"])
        .output()
        .expect_code(0);

    let config = tempfile::tempdir().unwrap();
    write(&config.path().join("errcode/catalogs"), "acme.toml", ACME);
    finds_acme(TestCommand::new().env("XDG_CONFIG_HOME", config.path()));

    let cmd = TestCommand::new();
    write(
        &cmd.home().join(".config/errcode/catalogs"),
        "acme.toml",
        ACME,
    );
    finds_acme(cmd);
}

#[test]
fn message_templates_of_user_catalogs_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "acme.toml", ACME);
    let run = with_catalog(&file, &["Teapot earl-grey refused.", "--lang", "en"]).expect_code(0);
    let out = run.stdout();
    assert!(
        out.starts_with("ACME.0001 · 418 I'm a teapot · Acme Edge Gateway\n"),
        "{out}"
    );
    assert!(
        out.contains("  Meaning†  The teapot earl-grey refused the request.\n"),
        "{out}"
    );
    assert!(out.contains("  Filled    param = earl-grey\n"), "{out}");
}

#[test]
fn catalogs_lists_user_catalogs_with_their_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "acme.toml", ACME);
    let value = TestCommand::new()
        .args(["catalogs", "--json", "--catalog"])
        .args([&file])
        .output()
        .expect_code(0)
        .json();
    let acme = value["catalogs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "acme-gateway")
        .unwrap()
        .clone();
    assert_eq!(acme["builtin"], false);
    assert_eq!(acme["origin"], file.display().to_string());
    assert_eq!(acme["entries"], 1);
}

#[test]
fn a_clashing_id_needs_an_explicit_override() {
    let dir = tempfile::tempdir().unwrap();
    let clash = ACME.replace("id = \"acme-gateway\"", "id = \"huawei-apig\"");
    let file = write(dir.path(), "clash.toml", &clash);
    let run = with_catalog(&file, &["APIG.0303"]).expect_code(2);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}: catalog id `huawei-apig` is already loaded from built-in; choose another id, or set `override = true` to replace it\n",
            file.display()
        )
    );
    let replacing = clash.replace("authored = [", "override = true\nauthored = [");
    let file = write(dir.path(), "clash.toml", &replacing);
    // The override replaces the built-in Huawei catalog: its codes are gone, the user's are there.
    with_catalog(&file, &["APIG.0303"]).expect_code(1);
    with_catalog(&file, &["ACME.0001"]).expect_code(0);
    let value = TestCommand::new()
        .args(["catalogs", "--json", "--catalog"])
        .args([&file])
        .output()
        .expect_code(0)
        .json();
    let huawei = value["catalogs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "huawei-apig")
        .unwrap()
        .clone();
    assert_eq!(huawei["overrides"], "built-in");
    assert_eq!(huawei["entries"], 1);
    let table = stdout_at("200", &["catalogs", "--catalog", file.to_str().unwrap()]);
    assert!(table.contains("(overrides built-in)"), "{table}");
}

/// A broken catalog: one line naming file, line, column and problem; exit 2; nothing on stdout.
fn broken(text: &str, expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "bad.toml", text);
    let run = with_catalog(&file, &["APIG.0303"]).expect_code(2);
    assert_eq!(
        run.stderr(),
        format!("errcode: {}:{expected}\n", file.display())
    );
    assert_eq!(run.stdout(), "");
}

#[test]
fn broken_catalogs_are_located_errors() {
    broken(
        &ACME.replace("message =", "mesage ="),
        "15:1: unknown key `mesage`; did you mean `message`?",
    );
    broken(
        &ACME.replace("status = 418", "status = \"418\""),
        "14:10: invalid type: string \"418\", expected i64",
    );
    broken(
        &ACME.replace("status = 418", "status = 42"),
        "14:10: status 42 is not an HTTP status (100 to 599)",
    );
    broken(
        &ACME.replace("vendor = \"huawei\"", "vendor = \"Acme GW\""),
        "2:10: invalid vendor id `Acme GW`: use [a-z0-9][a-z0-9-]* (at most 64 characters), such as huawei, alibaba, tencent, jdcloud or your own",
    );
    broken(
        &ACME.replace("Teapot {param} refused.", "Teapot {Param} refused."),
        "15:19: message: invalid placeholder name `{Param}`: use lower-case letters, digits and `_`, starting with a letter (write `{{` for a literal brace)",
    );
    broken(
        &ACME.replace("fix = { en = \"Ask for coffee.\"", "fix = { en = \"\""),
        "17:14: `fix.en` is empty",
    );
    broken(
        &format!(
            "{ACME}\n[[entries]]\nid = \"acme-0001\"\nstatus = 400\nmessage = \"x\"\nmeaning = {{ en = \"a\", zh = \"b\" }}\nfix = {{ en = \"a\", zh = \"b\" }}\n"
        ),
        "20:6: duplicate entry id `acme-0001`",
    );
    broken(
        "id = \"x\"\nvendor = \n",
        "2:10: string values must be quoted, expected literal string",
    );
    broken(
        &ACME.replace("message = \"Teapot {param} refused.\"", "message = \"  \""),
        "15:11: `message` is empty",
    );
    // Texts have a size limit: a catalog cannot make errcode hold or print megabytes per entry.
    broken(
        &ACME.replace("Teapot {param} refused.", &"x".repeat(2 * 1024 * 1024)),
        "15:11: `message` is 2097152 bytes long; the limit is 8192",
    );
}

#[test]
fn a_missing_catalog_path_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let run = with_catalog(&missing, &["APIG.0303"]).expect_code(2);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}: no such file or directory\n",
            missing.display()
        )
    );
    let run = TestCommand::new()
        .env("ERRCODE_CATALOG_PATH", &missing)
        .args(["APIG.0303"])
        .output()
        .expect_code(2);
    assert_eq!(
        run.stderr(),
        format!(
            "errcode: {}: no such file or directory\n",
            missing.display()
        )
    );
}

#[test]
fn a_missing_config_directory_is_not_an_error() {
    let config = tempfile::tempdir().unwrap();
    let run = TestCommand::new()
        .env("XDG_CONFIG_HOME", config.path().join("absent"))
        .args(["APIG.0303"])
        .output()
        .expect_code(0);
    assert_eq!(run.stderr(), "");
}

/// `toml` with 600 more entries (`PAD.0000` to `PAD.0599`): large enough to be cached (over 64 KiB).
fn padded(mut toml: String) -> String {
    for i in 0..600 {
        toml.push_str(&format!(
            "\n[[entries]]\nid = \"pad-{i}\"\ncode = \"PAD.{i:04}\"\nstatus = 400\nmessage = \"Padding entry {i} for size.\"\nmeaning = {{ en = \"m\", zh = \"m\" }}\nfix = {{ en = \"f\", zh = \"f\" }}\n"
        ));
    }
    toml
}

/// A large catalog is cached after its first load; the cached copy answers the same, a changed catalog is
/// read afresh, and a damaged cache file is ignored.
#[test]
fn large_catalogs_are_cached_and_the_cache_never_goes_stale() {
    let dir = tempfile::tempdir().unwrap();
    let toml = padded(ACME.to_string());
    assert!(
        toml.len() > 64 * 1024,
        "{} bytes: large enough to be cached",
        toml.len()
    );
    let file = write(dir.path(), "big.toml", &toml);
    let cmd = TestCommand::new();
    let cache = cmd.home().join(".cache/errcode");
    let home = cmd.home().to_path_buf();
    let run = |args: &[&str]| {
        TestCommand::new()
            .env("HOME", &home)
            .args(["--json", "--catalog"])
            .args([&file])
            .args(args)
            .output()
    };
    let first = run(&["ACME.0001"]).expect_code(0).json();
    let cached: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(cached.len(), 1, "{cached:?}");
    // From the cache: the same answer, template captures included.
    assert_eq!(
        run(&["ACME.0001"]).expect_code(0).json()["matches"],
        first["matches"]
    );
    let filled = run(&["Teapot oolong refused."]).expect_code(0).json();
    assert_eq!(filled["matches"][0]["captures"]["param"], "oolong");
    // The catalog changes: the change is seen (same size, but the modification time, in nanoseconds, is part
    // of the stamp).
    std::fs::write(&file, toml.replace("ACME.0001", "ACME.0002")).unwrap();
    run(&["ACME.0001"]).expect_code(1);
    run(&["ACME.0002"]).expect_code(0);
    // A damaged cache file: read around, no panic, and the same answer.
    for path in std::fs::read_dir(&cache).unwrap() {
        let path = path.unwrap().path();
        let mut bytes = std::fs::read(&path).unwrap();
        let middle = bytes.len() / 2;
        bytes.truncate(middle);
        std::fs::write(&path, bytes).unwrap();
    }
    let run_damaged = run(&["ACME.0002"]).expect_code(0);
    assert_eq!(run_damaged.stderr(), "");
}

/// `count` files in `cache` named as errcode names its cache files (`<prefix><16 hex digits>.bin`), each
/// modified a second after the one before.
fn aged_cache_files(cache: &Path, prefix: &str, count: u64) -> Vec<PathBuf> {
    (0..count)
        .map(|i| {
            let path = write(cache, &format!("{prefix}{i:016x}.bin"), "an old cache file");
            let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_600_000_000 + i);
            (std::fs::File::options().write(true).open(&path).unwrap())
                .set_modified(when)
                .unwrap();
            path
        })
        .collect()
}

/// A new set's literal index is written beside at most 15 others, the last modified (README: one per set of
/// catalogs, 16 kept): older ones are removed, files of other names, a symlink and a folder left alone.
#[test]
fn index_files_are_kept_to_the_sixteen_last_written() {
    let dir = tempfile::tempdir().unwrap();
    let toml = padded(ACME.to_string());
    let file = write(dir.path(), "big.toml", &toml);
    let home = TestCommand::new().home().to_path_buf();
    let cache = home.join(".cache/errcode");
    std::fs::create_dir_all(&cache).unwrap();
    // Twenty earlier sets' index files, the first the oldest.
    let old = aged_cache_files(&cache, "index-", 20);
    let others = [
        "index-notes.bin",
        "index-0000000000000001.bin.keep",
        "index-FFFFFFFFFFFFFFFF.bin",
        "catalog-notes.bin",
    ];
    for name in others {
        write(&cache, name, "not an index");
    }
    let target = write(dir.path(), "target.bin", "the link's target");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&target, cache.join("index-ffffffffffffffff.bin")).unwrap();
    std::fs::create_dir(cache.join("index-eeeeeeeeeeeeeeee.bin")).unwrap();
    let run = TestCommand::new()
        .env("HOME", &home)
        .args(["--json", "--catalog"])
        .args([&file])
        .args(["lookup", "Padding entry 17 for size."])
        .output()
        .expect_code(0);
    assert_eq!(run.json()["matches"][0]["code"], "PAD.0017");
    let mut indexes: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|name| name.starts_with("index-") && name.ends_with(".bin") && name.len() == 26)
        .filter(|name| *name == name.to_lowercase())
        .collect();
    indexes.sort();
    assert_eq!(indexes.len(), 16, "{indexes:?}");
    // The fifteen newest of the old ones, and the new set's.
    for (i, path) in old.iter().enumerate() {
        assert_eq!(path.exists(), i >= 5, "{}", path.display());
    }
    for name in others {
        assert!(cache.join(name).exists(), "{name}");
    }
    assert!(cache.join("index-eeeeeeeeeeeeeeee.bin").is_dir());
    #[cfg(unix)]
    assert!(cache.join("index-ffffffffffffffff.bin").is_symlink());
}

/// A large catalog's cache file is written beside at most 63 other catalogs' files, the last modified
/// (README: the caches of catalogs moved or deleted do not stay for good): older ones are removed, files of
/// other names left alone.
#[test]
fn catalog_cache_files_are_kept_to_the_sixty_four_last_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "big.toml", padded(ACME.to_string()));
    let home = TestCommand::new().home().to_path_buf();
    let cache = home.join(".cache/errcode");
    std::fs::create_dir_all(&cache).unwrap();
    // Seventy earlier catalogs' cache files, the first the oldest.
    let old = aged_cache_files(&cache, "catalog-", 70);
    let others = [
        "catalog-notes.bin",
        "catalog-FFFFFFFFFFFFFFFF.bin",
        "index-notes.bin",
    ];
    for name in others {
        write(&cache, name, "not a catalog's cache");
    }
    let run = TestCommand::new()
        .env("HOME", &home)
        .args(["--json", "--catalog"])
        .args([&file])
        .args(["lookup", "ACME.0001"])
        .output()
        .expect_code(0);
    assert_eq!(run.json()["matches"][0]["code"], "ACME.0001");
    let catalogs = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with("catalog-") && name.len() == 28)
        .filter(|name| *name == name.to_lowercase())
        .count();
    assert_eq!(catalogs, 64);
    // The sixty-three newest of the old ones, and the new catalog's.
    for (i, path) in old.iter().enumerate() {
        assert_eq!(path.exists(), i >= 7, "{}", path.display());
    }
    for name in others {
        assert!(cache.join(name).exists(), "{name}");
    }
}

/// More large catalogs than the cache keeps, loaded together: the first run caches them all, and later runs
/// read every one from its cache, rewriting none (pruning leaves the files a run uses; before, each run
/// removed and rewrote them in turn).
#[test]
fn a_set_of_more_catalogs_than_are_kept_is_read_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("many");
    for i in 0..66 {
        let toml = ACME.replace("id = \"acme-gateway\"", &format!("id = \"acme-{i}\""));
        write(&folder, &format!("c{i:02}.toml"), padded(toml));
    }
    let home = TestCommand::new().home().to_path_buf();
    let cache = home.join(".cache/errcode");
    let run = || {
        TestCommand::new()
            .env("HOME", &home)
            .args(["--json", "--catalog"])
            .args([&folder])
            .args(["lookup", "APIG.0303"])
            .output()
            .expect_code(0);
    };
    let written = || -> Vec<(String, std::time::SystemTime)> {
        let mut files: Vec<_> = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_name().to_string_lossy().starts_with("catalog-"))
            .map(|e| {
                let name = e.file_name().into_string().unwrap();
                (name, e.metadata().unwrap().modified().unwrap())
            })
            .collect();
        files.sort();
        files
    };
    run();
    let first = written();
    assert_eq!(first.len(), 66);
    run();
    assert_eq!(written(), first, "no catalog's cache removed or rewritten");
    // A cache file last marked two days ago is marked used now: pruning goes by that time, and a catalog
    // read every day is kept however many others are written.
    let two_days = std::time::Duration::from_secs(2 * 24 * 60 * 60);
    let oldest = cache.join(&first[0].0);
    (std::fs::File::options().write(true).open(&oldest).unwrap())
        .set_modified(std::time::SystemTime::now() - two_days)
        .unwrap();
    run();
    let modified = std::fs::metadata(&oldest).unwrap().modified().unwrap();
    let age = modified.elapsed().unwrap_or_default();
    assert!(age.as_secs() < 3600, "{age:?}");
}

/// Two folders each with a large catalog of the same name, size and modification time, given by the same
/// relative path: each answers from its own file (a cache keyed by the path as given would answer the
/// second from the first's cache), catalogs and literal index alike; and one file given by two spellings
/// (`big.toml`, `./big.toml`) keeps one cache, which neither rewrites.
#[test]
fn the_same_relative_path_in_two_folders_is_two_catalogs() {
    let dir = tempfile::tempdir().unwrap();
    let modified =
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    for (folder, code) in [(&first, "ACME.1111"), (&second, "ACME.2222")] {
        std::fs::create_dir(folder).unwrap();
        let file = write(folder, "big.toml", padded(ACME.replace("ACME.0001", code)));
        let opened = std::fs::File::options().write(true).open(&file).unwrap();
        opened.set_modified(modified).unwrap();
    }
    let home = TestCommand::new().home().to_path_buf();
    let run = |folder: &std::path::Path, args: &[&str]| {
        TestCommand::new()
            .env("HOME", &home)
            .current_dir(folder)
            .args(["--json", "--catalog", "big.toml"])
            .args(args)
            .output()
    };
    for _ in 0..2 {
        run(&first, &["ACME.1111"]).expect_code(0);
        run(&second, &["ACME.2222"]).expect_code(0);
        run(&second, &["ACME.1111"]).expect_code(1);
        // A paste reads the set's literal index.
        let pasted = |folder: &std::path::Path, paste: &str| {
            run(folder, &["lookup", paste]).expect_code(0).json()["matches"][0]["code"].clone()
        };
        assert_eq!(
            pasted(&second, "error ACME.2222: Teapot oolong refused."),
            "ACME.2222"
        );
        assert_eq!(
            pasted(&first, "error ACME.1111: Teapot oolong refused."),
            "ACME.1111"
        );
    }
    // Each cache file as written (name, size, modification time): the second spelling reads them.
    let cache = home.join(".cache/errcode");
    let written = || {
        let mut files: Vec<(std::ffi::OsString, u64, std::time::SystemTime)> =
            (std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap()))
                .map(|e| {
                    let meta = e.metadata().unwrap();
                    (e.file_name(), meta.len(), meta.modified().unwrap())
                })
                .collect();
        files.sort();
        files
    };
    let before = written();
    for spelling in ["./big.toml", "big.toml", "./big.toml"] {
        let run = TestCommand::new()
            .env("HOME", &home)
            .current_dir(&first)
            .args(["--json", "--catalog", spelling, "lookup"])
            .args(["error ACME.1111: Teapot oolong refused."])
            .output()
            .expect_code(0);
        assert_eq!(run.json()["matches"][0]["code"], "ACME.1111");
    }
    assert_eq!(written(), before, "the cache files were written again");
}

/// A catalog in a folder whose name is not UTF-8 is cached like any other.
#[cfg(unix)]
#[test]
fn a_catalog_in_a_folder_not_named_in_utf8_is_cached() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    std::fs::create_dir(&folder).unwrap();
    write(&folder, "big.toml", padded(ACME.to_string()));
    let home = TestCommand::new().home().to_path_buf();
    for _ in 0..2 {
        let run = TestCommand::new()
            .env("HOME", &home)
            .current_dir(&folder)
            .args([
                "--json",
                "--catalog",
                "big.toml",
                "lookup",
                "Padding entry 17 for size.",
            ])
            .output()
            .expect_code(0);
        assert_eq!(run.json()["matches"][0]["code"], "PAD.0017");
    }
    let mut cached: Vec<String> = (std::fs::read_dir(home.join(".cache/errcode")).unwrap())
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .map(|name| name.split('-').next().unwrap().to_string())
        .collect();
    cached.sort();
    assert_eq!(cached, ["catalog", "index"]);
}

/// A catalog whose path cannot be resolved (its folder's path is longer than the system takes, reached by
/// changing folder a step at a time) is read and answers, but is not cached: a cache keyed by the path as
/// given would answer another folder's `big.toml` of the same size and modification time.
#[cfg(target_os = "linux")]
#[test]
fn a_catalog_whose_path_cannot_be_resolved_is_read_uncached() {
    let dir = tempfile::tempdir().unwrap();
    let step = "d".repeat(200);
    let home = TestCommand::new().home().to_path_buf();
    let modified =
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    for (side, code) in [("first", "ACME.1111"), ("second", "ACME.2222")] {
        // 25 steps of 200 bytes: past PATH_MAX (4,096), made and entered relative to the last.
        let script = format!(
            "set -e; cd '{}'; mkdir {side}; cd {side}; for i in $(seq 25); do mkdir {step}; cd {step}; done; cat > big.toml",
            dir.path().display()
        );
        let mut sh = std::process::Command::new("bash")
            .args(["-c", &script])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let toml = padded(ACME.replace("ACME.0001", code));
        std::io::Write::write_all(sh.stdin.as_mut().unwrap(), toml.as_bytes()).unwrap();
        drop(sh.stdin.take());
        assert!(sh.wait().unwrap().success());
        let touch = format!(
            "cd '{}/{side}' && for i in $(seq 25); do cd {step}; done && touch -d @{} big.toml",
            dir.path().display(),
            modified
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
        );
        assert!(
            std::process::Command::new("bash")
                .args(["-c", &touch])
                .status()
                .unwrap()
                .success()
        );
    }
    let exit = |side: &str, code: &str| {
        let script = format!(
            "cd '{}/{side}' && for i in $(seq 25); do cd {step}; done && exec \"$0\" --catalog big.toml {code}",
            dir.path().display()
        );
        let errcode = assert_cmd::cargo::cargo_bin("errcode");
        let mut sh = std::process::Command::new("bash");
        sh.args(["-c".as_ref(), script.as_ref(), errcode.as_os_str()]);
        crate::util::clean_environment(&mut sh, &home);
        sh.stdout(std::process::Stdio::null())
            .status()
            .unwrap()
            .code()
    };
    assert_eq!(exit("first", "ACME.1111"), Some(0));
    assert_eq!(exit("second", "ACME.2222"), Some(0));
    assert_eq!(exit("second", "ACME.1111"), Some(1));
    assert!(!home.join(".cache/errcode").exists());
}

/// With a large user catalog, a lookup finds literals through the set's literal index, cached beside the
/// catalog (built and written the first time a lookup asks for it) rather than collected from every
/// entry: it answers exactly as a run without a cache does, a catalog changed since is seen (the index is
/// rebuilt), and a damaged index file is rebuilt, not answered from.
#[test]
fn the_cached_literal_index_answers_as_the_entries_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut toml = ACME.to_string();
    for i in 0..600 {
        // Every message shares its words with 599 others (the index picks each a rarer key), every tenth
        // has a variant with a placeholder.
        let variants = if i % 10 == 0 {
            format!("variants = [\"Pad variant {i} spoke {{word}} twice.\"]\n")
        } else {
            String::new()
        };
        toml.push_str(&format!(
            "\n[[entries]]\nid = \"pad-{i}\"\ncode = \"PAD.{i:04}\"\nstatus = 400\nmessage = \"Padding entry {i} for size.\"\n{variants}meaning = {{ en = \"m\", zh = \"m\" }}\nfix = {{ en = \"f\", zh = \"f\" }}\n"
        ));
    }
    let file = write(dir.path(), "big.toml", &toml);
    let cmd = TestCommand::new();
    let cache = cmd.home().join(".cache/errcode");
    let home = cmd.home().to_path_buf();
    // errcode with the big catalog, and with the cache or without one (neither HOME nor XDG_CACHE_HOME: no
    // cache, so no index of the set).
    let errcode = |cached: bool| {
        let mut run = TestCommand::new();
        if cached {
            run = run.env("HOME", &home);
        } else {
            run.cmd.env_remove("HOME");
        }
        run.args(["--json", "--catalog"]).args([&file])
    };
    let lookup = |cached: bool, query: &str| {
        let run = errcode(cached).args(["lookup", query]).output();
        (run.code(), run.json()["matches"].clone(), run.stderr())
    };
    let queries = [
        "Teapot oolong refused.",
        "Padding entry 17 for size.",
        "padding entry",
        "Pad variant 250 spoke loudly twice.",
        r#"{"error_code":"PAD.0100","error_msg":"Padding entry 100 for size."}"#,
        "PAD.0042",
        "ACME.0001",
        "Backend timeout",
        "HMAC signature cannot be verified, the x-date header is out of date for HMAC Authentication",
    ];
    let index_files = || {
        (std::fs::read_dir(&cache).unwrap())
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .starts_with("index-")
            })
            .collect::<Vec<_>>()
    };
    for query in queries {
        let uncached = lookup(false, query);
        assert_eq!(uncached.0, 0, "{query}: {}", uncached.2);
        assert_eq!(lookup(true, query), uncached, "{query}");
    }
    assert_eq!(index_files().len(), 1);
    // A scan takes its literals from the index too: the same lines, explained the same.
    let log = queries
        .iter()
        .map(|q| format!("2024 ERROR {q}\nok\n"))
        .collect::<String>();
    let log = write(dir.path(), "gw.log", log);
    let scan = |cached: bool| {
        let run = errcode(cached)
            .args(["scan".as_ref(), log.as_os_str()])
            .output();
        (run.code(), run.stdout(), run.stderr())
    };
    let uncached = scan(false);
    assert_eq!(uncached.0, 0, "{}", uncached.2);
    assert_eq!(uncached.1.lines().count(), 6, "{}", uncached.1);
    assert_eq!(scan(true), uncached);
    // Read from the index file, the same again.
    assert_eq!(lookup(true, queries[3]), lookup(false, queries[3]));
    // The catalog changes, its size not (the stamp's modification time tells): the index is rebuilt for
    // it, in the same file.
    std::fs::write(
        &file,
        toml.replace("Padding entry 17 ", "Pudding entry 17 "),
    )
    .unwrap();
    let changed = lookup(true, "Pudding entry 17 for size.");
    assert_eq!(changed.0, 0, "{}", changed.2);
    assert_eq!(changed, lookup(false, "Pudding entry 17 for size."));
    assert_eq!(index_files().len(), 1);
    // A damaged index file: rebuilt, the same answers, nothing said.
    for path in index_files() {
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    }
    assert_eq!(lookup(true, queries[1]), lookup(false, queries[1]));
    let bytes = std::fs::read(&index_files()[0]).unwrap();
    assert!(bytes.len() > 1024, "rewritten whole: {} bytes", bytes.len());
}
