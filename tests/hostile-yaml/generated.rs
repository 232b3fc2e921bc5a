//! The hostile YAML cases too big to keep in git, written on demand by the
//! tests that read `expected.json` (`crates/catalogue/tests/hostile_yaml.rs`
//! and `crates/cli/tests/cli.rs` include this file).

/// The text of the generated case `name`, or `None` when `name` is a file
/// in this directory.
pub fn generated(name: &str) -> Option<String> {
    let text = match name {
        // 150 000 scalars and no alias.
        "flat-list.yaml" => format!("features:\n{}", "  - lol\n".repeat(150_000)),
        // One name of 100 002 bytes.
        "long-scalar.yaml" => format!("features:\n  - name: \"{}\"\n", "lol".repeat(33_334)),
        // A comment just over 10 MiB.
        "over-size-limit.yaml" => format!("# {}\nfeatures: []\n", "lol ".repeat(2_621_440)),
        // A 60 000-byte name, repeated 200 times by aliases: 12 MB of text.
        "aliases-to-long-scalar.yaml" => format!(
            "lol: &lol \"{}\"\nfeatures:\n{}",
            "lol".repeat(20_000),
            "  - name: *lol\n".repeat(200)
        ),
        _ => return None,
    };
    Some(text)
}
