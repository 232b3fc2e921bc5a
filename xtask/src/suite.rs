//! `cargo xtask test`: every check a contributor and CI run, ending with one
//! summary line of passed and failed counts.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;

use crate::tools::{self, Env, Needs};

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
}

pub fn run() -> ExitCode {
    let env = match tools::bootstrap(Needs::Test) {
        Ok(env) => env,
        Err(e) => {
            eprintln!("xtask: bootstrap failed: {e}");
            println!("0 passed, 1 failed");
            return ExitCode::FAILURE;
        }
    };
    let mut tally = Tally::default();
    // The docs frameworks' installs (network and disk) overlap the Rust
    // builds (the processor): on a fresh machine that is a minute or more.
    let prefetch = prefetch_sites(&env);

    check(
        &mut tally,
        "cargo fmt --check",
        env.command("cargo").args(["fmt", "--all", "--check"]),
    );
    match crate::tidy::run(&env.root) {
        Ok(()) => tally.passed += 1,
        Err(e) => fail(&mut tally, &e),
    }
    check(
        &mut tally,
        "cargo clippy",
        env.command("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]),
    );
    check(
        &mut tally,
        "cargo clippy (wasm32)",
        env.command("cargo").args([
            "clippy",
            "-p",
            "feature-matrix",
            "--all-targets",
            "--features",
            "web",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]),
    );
    tests(
        &mut tally,
        "native tests",
        env.command("cargo").args([
            "test",
            "-p",
            "feature-matrix-catalogue",
            "-p",
            "feature-matrix-cli",
            "-p",
            "xtask",
        ]),
    );
    tests(
        &mut tally,
        "prerender tests (native, ssr)",
        env.command("cargo")
            .args(["test", "-p", "feature-matrix", "--features", "ssr"]),
    );
    tests(&mut tally, "browser tests", &mut browser_tests(&env));
    match crate::build() {
        Ok(_) => tally.passed += 1,
        Err(e) => fail(&mut tally, &format!("release build: {e}")),
    }
    println!("xtask: == npm package");
    let tarball = match crate::package::pack(&env) {
        Ok(tarball) => {
            tally.passed += 1;
            Some(tarball)
        }
        Err(e) => {
            fail(&mut tally, &format!("npm package: {e}"));
            None
        }
    };
    // The same CLI tests, run against `npx feature-matrix` of the package
    // installed from its tarball.
    match tarball.as_deref().map(|t| crate::package::install(&env, t)) {
        Some(Ok(bin)) => tests(
            &mut tally,
            "CLI tests (npx feature-matrix, installed from the tarball)",
            env.command("cargo")
                .args(["test", "-p", "feature-matrix-cli", "--test", "cli"])
                .env("FEATURE_MATRIX_CLI", bin),
        ),
        Some(Err(e)) => fail(&mut tally, &format!("npm install of the tarball: {e}")),
        None => {}
    }
    println!("xtask: == size budget");
    match crate::size::check(
        &env.root.join("dist/feature-matrix"),
        crate::wasm_flags::build(),
    ) {
        Ok(report) => {
            println!("xtask: {report}");
            tally.passed += 1;
        }
        Err(e) => fail(&mut tally, &e),
    }
    if let Some(mut child) = prefetch {
        // Before the tests that use the installs, so no two install one.
        let _ = child.wait();
    }
    // The docs sites build in the background while the tests before theirs
    // run, on the processor those leave idle.
    let prebuild = tarball.as_deref().and_then(|t| prebuild_sites(&env, t));
    tests(
        &mut tally,
        "end-to-end tests",
        &mut end_to_end(&env, tarball.as_deref()),
    );
    if let Some(mut child) = prebuild {
        // Done when the tests took every site; otherwise not needed now.
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = std::fs::remove_dir_all(env.root.join("target/prebuilt-sites"));
    match crate::bench::smoke(&env) {
        Ok(()) => tally.passed += 1,
        Err(e) => fail(&mut tally, &format!("benchmark smoke test: {e}")),
    }

    for failure in &tally.failures {
        println!("xtask: FAILED: {failure}");
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn browser_tests(env: &Env) -> Command {
    let mut cmd = env.command("cargo");
    cmd.args([
        "test",
        "-p",
        "feature-matrix",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("CHROMEDRIVER", "/usr/bin/chromedriver")
    .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    cmd
}

/// Starts `xtask/node/prefetch-sites.mjs` in the background (the tests then
/// find the frameworks installed, or install them themselves).
fn prefetch_sites(env: &Env) -> Option<std::process::Child> {
    node_in_background(env, "prefetch-sites", "0", &[])
}

/// Starts `xtask/node/prebuild-sites.mjs` in the background at the lowest
/// priority (the tests then take its builds, or build the sites themselves).
fn prebuild_sites(env: &Env, tarball: &Path) -> Option<std::process::Child> {
    let target = env.root.join("target");
    node_in_background(
        env,
        "prebuild-sites",
        "19",
        &[("FM_TARGET", &target), ("FM_TARBALL", tarball)],
    )
}

/// Runs `xtask/node/<script>.mjs` at `niceness`, with the node tools and
/// `vars` in its environment and its output in `target/<script>.log`;
/// `None` when it cannot start.
fn node_in_background(
    env: &Env,
    script: &str,
    niceness: &str,
    vars: &[(&str, &Path)],
) -> Option<std::process::Child> {
    let log = std::fs::File::create(env.root.join(format!("target/{script}.log"))).ok()?;
    env.command("nice")
        .args(["-n", niceness, "node"])
        .arg(env.root.join(format!("xtask/node/{script}.mjs")))
        .env("FM_NODE_MODULES", env.node_modules())
        .envs(vars.iter().copied())
        .stdout(log.try_clone().ok()?)
        .stderr(log)
        .spawn()
        .ok()
}

fn end_to_end(env: &Env, tarball: Option<&Path>) -> Command {
    let mut cmd = env.command("node");
    cmd.args([
        "--test",
        "--test-concurrency=1",
        "--test-timeout=120000",
        "--test-reporter=tap",
    ])
    .arg(env.root.join("tests/e2e"))
    .env("FM_NODE_MODULES", env.node_modules())
    .env("FM_DIST", env.root.join("dist"))
    .env("FM_TARGET", env.root.join("target"));
    if let Some(tarball) = tarball {
        cmd.env("FM_TARBALL", tarball);
    }
    cmd
}

fn fail(tally: &mut Tally, what: &str) {
    tally.failed += 1;
    tally.failures.push(what.to_string());
}

/// A check that counts as one test: passes when the command succeeds.
fn check(tally: &mut Tally, name: &str, cmd: &mut Command) {
    println!("xtask: == {name}");
    match capture(cmd) {
        Ok((true, _)) => tally.passed += 1,
        Ok((false, _)) => fail(tally, name),
        Err(e) => fail(tally, &format!("{name}: {e}")),
    }
}

/// A test run whose output says how many passed and failed.
fn tests(tally: &mut Tally, name: &str, cmd: &mut Command) {
    println!("xtask: == {name}");
    let (ok, output) = match capture(cmd) {
        Ok(result) => result,
        Err(e) => return fail(tally, &format!("{name}: {e}")),
    };
    let (passed, failed) = count_results(&output);
    tally.passed += passed;
    tally.failed += failed;
    if failed > 0 {
        tally.failures.push(format!("{name}: {failed} failed"));
    }
    if !ok && failed == 0 {
        fail(tally, &format!("{name}: the run failed before reporting"));
    } else if ok && passed == 0 {
        fail(tally, &format!("{name}: no test ran"));
    }
}

/// Sums `test result: … N passed; M failed` (cargo and wasm-bindgen-test)
/// and `# pass N` / `# fail N` (node's TAP reporter).
pub fn count_results(output: &str) -> (usize, usize) {
    let (mut passed, mut failed) = (0, 0);
    for line in output.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("test result: ") {
            passed += number_before(rest, " passed");
            failed += number_before(rest, " failed");
        } else if let Some(n) = line.strip_prefix("# pass ") {
            passed += n.trim().parse().unwrap_or(0);
        } else if let Some(n) = line.strip_prefix("# fail ") {
            failed += n.trim().parse().unwrap_or(0);
        }
    }
    (passed, failed)
}

fn number_before(text: &str, word: &str) -> usize {
    text.find(word)
        .and_then(|end| text[..end].rsplit([' ', '.', ';']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Runs a command, echoing its output while keeping a copy.
fn capture(cmd: &mut Command) -> Result<(bool, String), String> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{:?}: {e}", cmd.get_program()))?;
    let (tx, rx) = mpsc::channel::<String>();
    let mut readers = Vec::new();
    if let Some(out) = child.stdout.take() {
        let tx = tx.clone();
        readers.push(std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                println!("{line}");
                let _ = tx.send(line);
            }
        }));
    }
    if let Some(err) = child.stderr.take() {
        let tx = tx.clone();
        readers.push(std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                eprintln!("{line}");
                let _ = tx.send(line);
            }
        }));
    }
    drop(tx);
    let status = child.wait().map_err(|e| e.to_string())?;
    for reader in readers {
        let _ = reader.join();
    }
    let output: Vec<String> = rx.into_iter().collect();
    Ok((status.success(), output.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::count_results;

    #[test]
    fn counts_cargo_and_tap_results() {
        let output = "test result: ok. 6 passed; 0 failed; 0 ignored\n\
                      test result: FAILED. 3 passed; 2 failed; 0 ignored\n\
                      # pass 7\n# fail 1\n";
        assert_eq!(count_results(output), (16, 3));
    }
}
