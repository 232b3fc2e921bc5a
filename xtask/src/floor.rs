//! The floor of the embed path's size (`bench/floor/`): the smallest Yew app
//! that takes over prerendered HTML, built as the widget's bundle is (the
//! same rustc flags, wasm-opt passes, renaming and minifying), so that the
//! benchmark can say how much of the bundle is Yew's own.

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
    tools::run(crate::wasm_flags::apply(&mut cargo))?;
    let out = target.join("out");
    tools::run(
        env.command("wasm-bindgen")
            .args(["--target", "web", "--out-dir"])
            .arg(&out)
            .arg(target.join("wasm32-unknown-unknown/release/floor.wasm")),
    )?;
    let (wasm, js) = (out.join("floor_bg.wasm"), out.join("floor.js"));
    tools::run(
        env.command("wasm-opt")
            .arg(&wasm)
            .args(crate::embed::wasm_opt_args())
            .arg("-o")
            .arg(&wasm),
    )?;
    crate::minify::names(env, &wasm, &js)?;
    crate::embed::minify(env, &js)?;
    Ok(out)
}
