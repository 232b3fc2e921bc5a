//! The native `feature-matrix` binary: the command in `lib.rs` with the
//! process's files and standard streams.

use std::io::{Read, Write};
use std::process::ExitCode;

use feature_matrix_cli::{run, Host, ReadError};

/// The local file system and the process's standard streams.
struct Native;

fn read_error(e: std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory => ReadError::NotFound,
        std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
        std::io::ErrorKind::IsADirectory => ReadError::IsADirectory,
        _ => ReadError::Other(e.to_string()),
    }
}

impl Host for Native {
    fn file_size(&mut self, path: &str) -> Result<u64, ReadError> {
        std::fs::metadata(path).map(|m| m.len()).map_err(read_error)
    }

    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, ReadError> {
        std::fs::read(path).map_err(read_error)
    }

    fn list_dir(&mut self, path: &str) -> Result<Option<Vec<String>>, ReadError> {
        if !std::fs::metadata(path).map_err(read_error)?.is_dir() {
            return Ok(None);
        }
        let mut names = Vec::new();
        for entry in std::fs::read_dir(path).map_err(read_error)? {
            let entry = entry.map_err(read_error)?;
            let mut name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().map_err(read_error)?.is_dir() {
                name.push('/');
            }
            names.push(name);
        }
        names.sort();
        Ok(Some(names))
    }

    fn read_stdin(&mut self) -> Result<Vec<u8>, ReadError> {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
        Ok(bytes)
    }

    fn out(&mut self, text: &str) {
        // A closed pipe (`feature-matrix schema | head`) is not an error worth a panic.
        let _ = std::io::stdout().write_all(text.as_bytes());
    }

    fn err(&mut self, text: &str) {
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
}

fn main() -> ExitCode {
    let args = std::env::args().skip(1).collect();
    let code = feature_matrix::prerender::block_on(run(args, &mut Native));
    ExitCode::from(code)
}
