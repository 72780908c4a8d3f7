//! What `cargo install` and `cargo binstall` need of the package (issue 18): metadata, the licence files,
//! and a rust-version the README states too.

fn manifest() -> toml::Table {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    text.parse().expect("Cargo.toml parses")
}

#[test]
fn the_package_says_what_it_is_and_under_which_licence() {
    let manifest = manifest();
    let package = manifest["package"].as_table().unwrap();
    for key in ["description", "license", "readme", "rust-version"] {
        assert!(
            package
                .get(key)
                .and_then(toml::Value::as_str)
                .is_some_and(|v| !v.is_empty()),
            "package.{key}"
        );
    }
    assert_eq!(package["license"].as_str(), Some("MIT OR Apache-2.0"));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["LICENSE-MIT", "LICENSE-APACHE"] {
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert!(text.len() > 500, "{file}");
    }
    // crates.io takes at most five keywords.
    let keywords = package["keywords"].as_array().unwrap();
    assert!((1..=5).contains(&keywords.len()));
    assert!(!package["categories"].as_array().unwrap().is_empty());
    // The README names the same minimum.
    let rust_version = package["rust-version"].as_str().unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("It needs Rust {rust_version} or later")),
        "README's Install section names another rust-version than {rust_version}"
    );
    // The binary reports the package's version.
    let version = crate::util::errcode(["-V"]).expect_code(0).stdout();
    assert_eq!(
        version,
        format!("errcode {}\n", package["version"].as_str().unwrap())
    );
}
