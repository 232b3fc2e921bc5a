//! `cargo xtask serve|build|test|bench`: installs the tools the project
//! needs (idempotently, cached outside the clone) and runs them.

mod bench;
mod embed;
mod floor;
mod minify;
mod prerender;
mod server;
mod size;
mod suite;
mod tidy;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve   install what is missing, build, and serve the standalone widget at http://127.0.0.1:8080
  build   install what is missing and build the release bundle and the embed bundle into dist/
  test    install what is missing (Chromium too), then fmt, clippy, native, browser and end-to-end tests
  bench   build, then measure bundle size and speed against List.js and DataTables; writes bench/REPORT.md";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("build") => build().map(|_| ()),
        Some("test") => return suite::run(),
        Some("bench") => bench::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve() -> Result<(), String> {
    let env = build()?;
    println!("xtask: serving the standalone widget at http://127.0.0.1:8080/ (Ctrl-C stops)");
    server::serve(&env.root.join("dist"), "127.0.0.1:8080")
}

/// Two unstable flags for the release wasm, which this stable toolchain
/// accepts with RUSTC_BOOTSTRAP (as the Linux kernel builds its Rust):
/// - `-Zlocation-detail=none`: panics carry no file, line and column
///   (every crate's source paths were in the bundle; −3.3 KB gzip);
/// - `-Zfmt-debug=shallow`: a derived `Debug` prints the type's name only
///   (only panics print one; messages quote strings with `str`'s own
///   `Debug`, which is unchanged; −0.8 KB gzip).
pub fn release_wasm_flags(cargo: &mut std::process::Command) -> &mut std::process::Command {
    cargo.env("RUSTC_BOOTSTRAP", "1").env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "-Zlocation-detail=none -Zfmt-debug=shallow",
    )
}

/// Builds the standalone bundle and the embed bundle; returns the tool environment.
pub fn build() -> Result<tools::Env, String> {
    let env = tools::bootstrap(tools::Needs::Build)?;
    let mut trunk = env.command("trunk");
    trunk.args(["build", "--release"]);
    tools::run(release_wasm_flags(&mut trunk))?;
    embed::assemble(&env)?;
    prerender::pages(&env)?;
    Ok(env)
}
