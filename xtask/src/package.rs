//! `cargo xtask package`: the npm package `feature-matrix`, packed with
//! `npm pack` into `target/feature-matrix-<version>.tgz`. It holds the embed
//! bundle (`dist/feature-matrix/`), the Node prerenderer and the command line
//! (`crates/node`, wasm bound for Node), the JSON Schema and the Hugo
//! shortcode; `npm/` holds its JavaScript, types and README.

use std::fs;
use std::path::{Path, PathBuf};

use crate::embed::copy;
use crate::tools::{self, Env};

/// Builds everything the package holds and packs it; returns the tarball.
pub fn run() -> Result<PathBuf, String> {
    let env = crate::build()?;
    pack(&env)
}

/// Packs the package from an existing `dist/` (after [`crate::build`]).
pub fn pack(env: &Env) -> Result<PathBuf, String> {
    let version = one_version(&env.root)?;
    let stage = env.root.join("target/npm/feature-matrix");
    if stage.exists() {
        fs::remove_dir_all(&stage).map_err(|e| format!("{}: {e}", stage.display()))?;
    }
    let npm = env.root.join("npm");
    copy_tree(&npm, &stage)?;
    copy_tree(&env.root.join("dist/feature-matrix"), &stage.join("embed"))?;
    copy_tree(
        &env.root.join("examples/hugo/layouts"),
        &stage.join("hugo/layouts"),
    )?;
    copy(
        &env.root.join("data/catalogue.schema.json"),
        &stage.join("catalogue.schema.json"),
    )?;
    copy(&env.root.join("LICENSE"), &stage.join("LICENSE"))?;
    node_module(env, &stage.join("node"))?;

    println!("xtask: npm pack");
    let out = env
        .command("npm")
        .args(["pack", "--silent", "--pack-destination"])
        .arg(env.root.join("target"))
        .current_dir(&stage)
        .output()
        .map_err(|e| format!("npm pack: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "npm pack failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let tarball = env
        .root
        .join(format!("target/feature-matrix-{version}.tgz"));
    if !tarball.is_file() {
        return Err(format!("npm pack did not write {}", tarball.display()));
    }
    println!(
        "xtask: packed {} ({} bytes)",
        tarball.display(),
        fs::metadata(&tarball).map(|m| m.len()).unwrap_or(0)
    );
    Ok(tarball)
}

/// Installs the tarball as a user would, into a fresh `target/npm-adopt/`;
/// returns the `feature-matrix` command npm put on that project's PATH
/// (what `npx feature-matrix` runs).
pub fn install(env: &Env, tarball: &Path) -> Result<PathBuf, String> {
    let dir = env.root.join("target/npm-adopt");
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    fs::write(dir.join("package.json"), "{ \"private\": true }\n")
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    tools::run(
        env.command("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefer-offline"])
            .arg(tarball)
            .current_dir(&dir),
    )?;
    let bin = dir.join("node_modules/.bin/feature-matrix");
    if bin.exists() {
        Ok(bin)
    } else {
        Err(format!("npm install put no {}", bin.display()))
    }
}

/// The wasm for Node: `crates/node` built for wasm32 (release), bound by
/// wasm-bindgen for Node (CommonJS, renamed `.cjs` in this ESM package) and
/// optimised by wasm-opt with the bundle's features.
fn node_module(env: &Env, out: &Path) -> Result<(), String> {
    println!("xtask: building the Node prerenderer and command (wasm for Node)");
    let mut cargo = env.command("cargo");
    cargo.args([
        "build",
        "--release",
        "-p",
        "feature-matrix-node",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    tools::run(crate::wasm_flags::apply(&mut cargo))?;
    let wasm = env
        .root
        .join("target/wasm32-unknown-unknown/release/feature_matrix_node.wasm");
    tools::run(
        env.command("wasm-bindgen")
            .arg(&wasm)
            .args(["--target", "nodejs", "--no-typescript", "--out-dir"])
            .arg(out),
    )?;
    let glue = out.join("feature_matrix_node.js");
    fs::rename(&glue, out.join("feature_matrix_node.cjs"))
        .map_err(|e| format!("{}: {e}", glue.display()))?;
    let bound = out.join("feature_matrix_node_bg.wasm");
    // The renderer's speed matters more than its size here: -O, not -Oz.
    let features = crate::embed::wasm_opt_args()
        .into_iter()
        .filter(|a| a.starts_with("--enable-"));
    tools::run(
        env.command("wasm-opt")
            .arg("-O")
            .args(features)
            .arg("--strip-debug")
            .arg(&bound)
            .arg("-o")
            .arg(&bound),
    )
}

/// The one version of every crate and the npm package, which the CHANGELOG
/// must have a section for.
pub fn one_version(root: &Path) -> Result<String, String> {
    let read = |file: &str| fs::read_to_string(root.join(file)).map_err(|e| format!("{file}: {e}"));
    let cargo = version_in_cargo_toml(&read("Cargo.toml")?)
        .ok_or("Cargo.toml has no [workspace.package] version")?;
    let npm = version_in_package_json(&read("npm/package.json")?)
        .ok_or("npm/package.json has no version")?;
    if npm != cargo {
        return Err(format!(
            "npm/package.json has version {npm}, Cargo.toml {cargo}: give them one version"
        ));
    }
    if !read("CHANGELOG.md")?.contains(&format!("## [{cargo}]")) {
        return Err(format!("CHANGELOG.md has no \"## [{cargo}]\" section"));
    }
    Ok(cargo)
}

fn version_in_cargo_toml(text: &str) -> Option<String> {
    let section = text.split("[workspace.package]").nth(1)?;
    let section = section.split("\n[").next()?;
    quoted_after(section, "version = ")
}

fn version_in_package_json(text: &str) -> Option<String> {
    quoted_after(text, "\"version\": ")
}

fn quoted_after(text: &str, key: &str) -> Option<String> {
    let line = text.lines().find(|l| l.trim_start().starts_with(key))?;
    line.split('"')
        .nth(if key.starts_with('"') { 3 } else { 1 })
        .map(String::from)
}

/// Copies `from` into `to`, sub-folders included.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from)
        .map_err(|e| format!("{}: {e}", from.display()))?
        .flatten()
    {
        let target = to.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            copy_tree(&entry.path(), &target)?;
        } else {
            copy(&entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_the_workspace_and_the_package() {
        let cargo = "[workspace]\nmembers = []\n\n[workspace.package]\nversion = \"1.2.3\"\nedition = \"2021\"\n\n[package]\nversion = \"9.9.9\"\n";
        assert_eq!(version_in_cargo_toml(cargo).as_deref(), Some("1.2.3"));
        assert_eq!(
            version_in_package_json("{\n  \"name\": \"x\",\n  \"version\": \"1.2.3\",\n}")
                .as_deref(),
            Some("1.2.3")
        );
    }

    #[test]
    fn the_repository_has_one_version() {
        one_version(&crate::tools::workspace_root()).unwrap();
    }
}
