//! The release wasm's compiler flags. Two unstable rustc flags make the
//! bundle smaller; they are used only when the toolchain accepts them (a
//! stable rustc does with `RUSTC_BOOTSTRAP=1`, as the Linux kernel builds its
//! Rust), and never when `FEATURE_MATRIX_STABLE_ONLY=1` asks for a plain
//! stable build. A toolchain where a `-Z` flag changed falls back to the
//! stable build, which has a budget of its own (`size.rs`).
//!
//! - `-Zlocation-detail=none`: panics carry no file, line and column (every
//!   crate's source paths would be in the bundle);
//! - `-Zfmt-debug=shallow`: a derived `Debug` prints the type's name only
//!   (only panics print one; messages quote strings with `str`'s own
//!   `Debug`, which is unchanged).

use std::process::{Command, Stdio};
use std::sync::OnceLock;

const UNSTABLE: &str = "-Zlocation-detail=none -Zfmt-debug=shallow";

/// Which release build this machine makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Build {
    /// With the unstable flags.
    Smallest,
    /// Stable rustc, no unstable flag.
    Stable,
}

impl Build {
    pub fn describe(self) -> &'static str {
        match self {
            Build::Smallest => "with the unstable size flags",
            Build::Stable => "stable-only (no unstable flags)",
        }
    }
}

/// The build to make: decided once per run.
pub fn build() -> Build {
    static BUILD: OnceLock<Build> = OnceLock::new();
    *BUILD.get_or_init(|| {
        if std::env::var_os("FEATURE_MATRIX_STABLE_ONLY").is_some_and(|v| v == "1") {
            return Build::Stable;
        }
        if toolchain_accepts_unstable_flags() {
            Build::Smallest
        } else {
            crate::tools::note(
                "this toolchain rejects the unstable size flags: building the stable-only bundle",
            );
            Build::Stable
        }
    })
}

/// Sets the flags for a cargo command that builds release wasm.
pub fn apply(cargo: &mut Command) -> &mut Command {
    match build() {
        Build::Smallest => cargo
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", UNSTABLE),
        Build::Stable => cargo
            .env_remove("RUSTC_BOOTSTRAP")
            .env_remove("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"),
    }
}

/// Compiles an empty crate with the flags: the toolchain's own answer.
fn toolchain_accepts_unstable_flags() -> bool {
    let out = std::env::temp_dir().join(format!("fm-flag-probe-{}", std::process::id()));
    let accepted = Command::new("rustc")
        .args(UNSTABLE.split(' '))
        .args(["--crate-type", "lib", "--emit", "metadata", "-o"])
        .arg(&out)
        .arg("-")
        .env("RUSTC_BOOTSTRAP", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let _ = std::fs::remove_file(&out);
    accepted
}
