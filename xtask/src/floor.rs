//! The floor of the embed path's size (`bench/floor/`): the smallest Yew app
//! that takes over prerendered HTML, built as the widget's bundle is (the
//! same rustc flags, wasm-opt passes, renaming and minifying), so that the
//! benchmark can say how much of the bundle is Yew's own.

use std::fs;
use std::path::PathBuf;

use crate::tools::{self, Env};

/// Builds the floor app; returns the folder with its `floor_bg.wasm` and `floor.js`.
pub fn build(env: &Env) -> Result<PathBuf, String> {
    let target = env.root.join("target/floor");
    let mut cargo = env.command("cargo");
    cargo
        .args([
            "build",
            "--quiet",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .arg("--manifest-path")
        .arg(env.root.join("bench/floor/Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target);
    tools::run(crate::release_wasm_flags(&mut cargo))?;
    let out = target.join("out");
    tools::run(
        env.command("wasm-bindgen")
            .args(["--target", "web", "--out-dir"])
            .arg(&out)
            .arg(target.join("wasm32-unknown-unknown/release/floor.wasm")),
    )?;
    let (wasm, js) = (out.join("floor_bg.wasm"), out.join("floor.js"));
    let index = env.root.join("index.html");
    let index = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    tools::run(
        env.command("wasm-opt")
            .arg(&wasm)
            .args(wasm_opt_args(&index)?)
            .arg("-o")
            .arg(&wasm),
    )?;
    crate::minify::names(env, &wasm, &js)?;
    crate::embed::minify(env, &js)?;
    Ok(out)
}

/// The wasm-opt level and passes Trunk runs on the bundle, from `index.html`.
fn wasm_opt_args(index: &str) -> Result<Vec<String>, String> {
    let attribute = |name: &str| {
        index
            .split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
    };
    let level = attribute("data-wasm-opt").ok_or("index.html has no data-wasm-opt")?;
    let params = attribute("data-wasm-opt-params").unwrap_or_default();
    Ok(std::iter::once(format!("-O{level}"))
        .chain(params.split_whitespace().map(String::from))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::wasm_opt_args;

    #[test]
    fn the_wasm_opt_level_and_passes_are_read_from_the_trunk_link() {
        let index = r#"<link data-trunk rel="rust" data-wasm-opt="z" data-integrity="none"
            data-wasm-opt-params="--converge --strip-producers">"#;
        assert_eq!(
            wasm_opt_args(index).unwrap(),
            ["-Oz", "--converge", "--strip-producers"]
        );
        assert!(wasm_opt_args("<link data-trunk>").is_err());
    }

    #[test]
    fn the_real_index_has_both() {
        let index = include_str!("../../index.html");
        let args = wasm_opt_args(index).unwrap();
        assert_eq!(args[0], "-Oz");
        assert!(args.contains(&"--converge".to_string()), "{args:?}");
    }
}
