//! `cargo xtask bench`: builds the release bundle and runs `bench/run.mjs`.

use crate::tools::{self, Env, Needs};

pub fn run(args: &[String]) -> Result<(), String> {
    let env = crate::build()?;
    // The benchmark drives Chromium, which `test` installs; make sure it is here.
    tools::bootstrap(Needs::Test)?;
    tools::step("twiggy (what the wasm is made of)");
    if !tools::has(&env, "twiggy") {
        tools::note("installing twiggy (about a minute the first time)");
        tools::run(env.command("cargo").args(["install", "twiggy", "--locked"]))?;
    }
    tools::step("the floor: the smallest Yew app that takes over prerendered HTML");
    let floor = crate::floor::build(&env)?;
    tools::run(driver(&env).env("FM_FLOOR", floor).args(args))
}

/// A tiny benchmark run whose report must parse, so the benchmark cannot rot.
pub fn smoke(env: &Env) -> Result<(), String> {
    println!("xtask: == benchmark smoke test");
    let report = env.root.join("target/bench/REPORT.smoke.md");
    tools::run(driver(env).args(["--smoke", "--out"]).arg(&report))?;
    let text =
        std::fs::read_to_string(&report).map_err(|e| format!("{}: {e}", report.display()))?;
    check_report(&text)
}

fn driver(env: &Env) -> std::process::Command {
    let mut cmd = env.command("node");
    cmd.arg(env.root.join("bench/run.mjs"))
        .env("FM_NODE_MODULES", env.node_modules());
    cmd
}

/// The report has a size total and a speed row for each page it measured.
pub fn check_report(text: &str) -> Result<(), String> {
    let total = text
        .lines()
        .find(|l| l.contains("**total a page downloads**"))
        .ok_or("no bundle total in the report")?;
    if !total.contains("KB") {
        return Err(format!("bundle total has no size: {total}"));
    }
    let speed_rows: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.starts_with("| ") && (l.contains("| feature-matrix |") || l.contains("| List.js |"))
        })
        .collect();
    for page in ["| feature-matrix |", "| List.js |"] {
        let row = speed_rows
            .iter()
            .find(|l| l.contains(page))
            .ok_or(format!("no speed row for {page}"))?;
        let first_rows = row.split('|').nth(3).unwrap_or("").trim();
        let median: f64 = first_rows
            .split(" / ")
            .nth(1)
            .and_then(|m| m.parse().ok())
            .ok_or(format!("first-rows time does not parse: {row}"))?;
        if median <= 0.0 {
            return Err(format!("first-rows time is not positive: {row}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_report;

    #[test]
    fn report_checker_accepts_a_report_and_rejects_a_broken_one() {
        let good = "| **total a page downloads** | **500.0 KB** | **180.0 KB** |\n\
                    | 200 | feature-matrix | 231.5 / 231.5 / 231.5 | 34.0 |\n\
                    | 200 | List.js | 115.5 / 115.5 / 115.5 | 19.5 |\n";
        assert_eq!(check_report(good), Ok(()));
        assert!(check_report("| 200 | feature-matrix | – |").is_err());
        assert!(check_report(&good.replace("115.5 / 115.5", "x / y")).is_err());
    }
}
