//! Tool bootstrap: each tool is checked by version and installed only when
//! missing or wrong. Installs print their own progress.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a command needs installed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Build,
    Test,
}

/// Paths of the installed tools.
pub struct Env {
    pub root: PathBuf,
    pub node_dir: PathBuf,
    path: String,
}

impl Env {
    /// A command with PATH set to find our wasm-bindgen, wasm-opt and the
    /// npm tools.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root)
            .env("PATH", &self.path)
            .env("NO_COLOR", "true");
        cmd
    }

    pub fn node_modules(&self) -> PathBuf {
        self.node_dir.join("node_modules")
    }
}

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Cache for tools that live outside the clone.
pub fn cache_dir() -> PathBuf {
    let base = std::env::var_os("FEATURE_MATRIX_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from("/tmp"));
    base.join("feature-matrix")
}

pub fn bootstrap(needs: Needs) -> Result<Env, String> {
    let root = workspace_root();
    let cargo_bin = cargo_home().join("bin");
    let node_dir = cache_dir().join("node");
    let path = format!(
        "{}:{}:{}",
        node_dir.join("node_modules/.bin").display(),
        cargo_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let env = Env {
        root,
        node_dir,
        path,
    };

    if needs == Needs::Test {
        step("rustfmt and clippy");
        let components = output(
            env.command("rustup")
                .args(["component", "list", "--installed"]),
        )?;
        let missing: Vec<&str> = ["rustfmt", "clippy"]
            .into_iter()
            .filter(|c| !components.lines().any(|l| l.starts_with(&format!("{c}-"))))
            .collect();
        if !missing.is_empty() {
            run(env
                .command("rustup")
                .args(["component", "add"])
                .args(&missing))?;
        }
    }

    step("wasm32 target");
    let targets = output(
        env.command("rustup")
            .args(["target", "list", "--installed"]),
    )?;
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(env
            .command("rustup")
            .args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    let bindgen = locked_version(&env.root, "wasm-bindgen")?;
    step(&format!(
        "wasm-bindgen-cli {bindgen} (the version in Cargo.lock)"
    ));
    if !version_of(&env, "wasm-bindgen").contains(&bindgen) {
        note("installing wasm-bindgen-cli (a few minutes the first time)");
        // Not --locked: its lockfile pins a crate version the registry no longer has.
        run(light_install(&mut env.command("cargo")).args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &bindgen,
            "--force",
        ]))?;
    }

    step("node tools (wasm-opt from binaryen, esbuild, playwright-core, axe-core)");
    install_node_tools(&env)?;

    if needs == Needs::Test {
        step("chromium, chromedriver, CJK fonts and hugo");
        install_browser(&env)?;
    }
    Ok(env)
}

fn install_node_tools(env: &Env) -> Result<(), String> {
    let wanted = std::fs::read_to_string(env.root.join("xtask/node/package.json"))
        .map_err(|e| format!("xtask/node/package.json: {e}"))?;
    let installed = env.node_dir.join("package.json");
    let current = std::fs::read_to_string(&installed).unwrap_or_default();
    if current == wanted
        && ["wasm-opt", "esbuild"]
            .iter()
            .all(|tool| env.node_modules().join(".bin").join(tool).exists())
    {
        return Ok(());
    }
    std::fs::create_dir_all(&env.node_dir)
        .map_err(|e| format!("{}: {e}", env.node_dir.display()))?;
    std::fs::write(&installed, &wanted).map_err(|e| format!("{}: {e}", installed.display()))?;
    run(env.command("npm").current_dir(&env.node_dir).args([
        "install",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
    ]))
}

fn install_browser(env: &Env) -> Result<(), String> {
    let fonts = Command::new("dpkg")
        .args(["-s", "fonts-noto-cjk"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if Path::new("/usr/bin/chromium").exists()
        && Path::new("/usr/bin/chromedriver").exists()
        && Path::new("/usr/bin/hugo").exists()
        && fonts
    {
        return Ok(());
    }
    note("installing chromium, chromium-driver, fonts-noto-cjk and hugo from Debian (about a minute)");
    let sudo = if output(Command::new("id").arg("-u"))
        .unwrap_or_default()
        .trim()
        == "0"
    {
        vec![]
    } else {
        vec!["sudo"]
    };
    let apt = |args: &[&str]| {
        let mut all = sudo.clone();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut cmd = env.command(all[0]);
        cmd.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-q"])?;
    apt(&[
        "install",
        "-y",
        "-q",
        "chromium",
        "chromium-driver",
        "fonts-noto-cjk",
        "hugo",
    ])
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// The version of `package` recorded in Cargo.lock.
/// `cargo install` of a build tool with a light release profile:
/// wasm-bindgen-cli's own speed hardly matters next to rustc's and
/// wasm-opt's, while a full release profile makes a contributor's first run
/// minutes longer. Unoptimised but for the crates its work runs in. On two
/// cores, with opt-level 1 for every crate, 0 for every crate, and this:
/// the install 90 s, 42 s, 64 s; binding a 12 MB test wasm 0.41 s, 1.47 s,
/// 0.58 s (the suite binds two such, and two release wasms).
fn light_install(cargo: &mut Command) -> &mut Command {
    for name in HOT_CRATES {
        cargo
            .arg("--config")
            .arg(format!("profile.release.package.{name}.opt-level=1"));
    }
    cargo
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
}

/// The crates of wasm-bindgen-cli that read, transform and write the wasm.
const HOT_CRATES: [&str; 5] = [
    "walrus",
    "wasmparser",
    "wasm-encoder",
    "wasm-bindgen-cli-support",
    "wasm-bindgen-cli",
];

pub fn locked_version(root: &Path, package: &str) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"") {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// Whether `program --version` runs.
pub fn has(env: &Env, program: &str) -> bool {
    !version_of(env, program).trim().is_empty()
}

fn version_of(env: &Env, program: &str) -> String {
    output(env.command(program).arg("--version")).unwrap_or_default()
}

fn output(cmd: &mut Command) -> Result<String, String> {
    let out = cmd
        .stderr(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs a command with inherited output; an error when it fails.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd.status().map_err(|e| format!("{cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed ({status})", cmd.get_program()))
    }
}

pub fn step(what: &str) {
    println!("xtask: checking {what}");
}

pub fn note(what: &str) {
    println!("xtask: {what}");
}
