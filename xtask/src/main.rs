//! `cargo xtask serve|build|test|package|bench`: installs the tools the project
//! needs (idempotently, cached outside the clone) and runs them.

mod bench;
mod embed;
mod floor;
mod minify;
mod package;
mod prerender;
mod server;
mod size;
mod suite;
mod tidy;
mod tools;
mod wasm_flags;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve   install what is missing, build, and serve the standalone widget at http://127.0.0.1:8080
  build   install what is missing and build the release bundle and the embed bundle into dist/
  test    install what is missing (Chromium too), then fmt, clippy, native, browser and end-to-end tests
  package build, then pack the npm package (embed bundle, Node prerenderer, CLI) into target/
  bench   build, then measure bundle size and speed against List.js and DataTables; writes bench/REPORT.md";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("build") => build().map(|_| ()),
        Some("test") => return suite::run(),
        Some("bench") => bench::run(&args[1..]),
        Some("package") => package::run().map(|_| ()),
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

/// Builds the standalone bundle and the embed bundle; returns the tool environment.
pub fn build() -> Result<tools::Env, String> {
    let env = tools::bootstrap(tools::Needs::Build)?;
    embed::compile(&env)?;
    embed::assemble(&env)?;
    prerender::pages(&env)?;
    Ok(env)
}
