//! The npm package's wasm module (Node): `render`, the prerenderer behind
//! `import { render } from 'feature-matrix'`, and `cli`, the command behind
//! `npx feature-matrix`. Both are the Rust code the native tools run
//! (`feature_matrix::prerender`, `crates/cli`), so the output is the same
//! bytes; `npm/` holds the JavaScript around them.

use catalogue::view::ViewMode;
use feature_matrix::MountConfig;
use feature_matrix_cli::{Host, ReadError};
use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

/// Prerenders a catalogue (its JSON text) for one mount point. `options`
/// are the element's attributes: `lang`, `headingLevel`, `urlState`, `src`,
/// `theme`, `view`. Rejects with the catalogue's problems, or a bad option.
#[wasm_bindgen]
pub async fn render(catalogue_json: String, options: JsValue) -> Result<String, JsError> {
    let config = mount_config(&options).map_err(|e| JsError::new(&e))?;
    let catalogue = catalogue::load_str(&catalogue_json)
        .map_err(|e| JsError::new(&format!("invalid catalogue: {e}")))?;
    let config = MountConfig {
        lang: config.lang.unwrap_or_else(|| catalogue.locale.clone()),
        ..config.rest
    };
    Ok(feature_matrix::prerender::render_fragment(catalogue, config).await)
}

/// Runs the command line `args` (without the program name) against `host`,
/// an object with `fileSize(path)`, `readFile(path)`, `readStdin()`,
/// `out(text)` and `err(text)`; resolves to the exit code.
#[wasm_bindgen]
pub async fn cli(args: Vec<String>, host: JsValue) -> u8 {
    feature_matrix_cli::run(args, &mut JsHost(host)).await
}

/// The render options, read off a JS object; `lang` apart, since its
/// default is the catalogue's locale.
struct Options {
    lang: Option<String>,
    rest: MountConfig,
}

fn mount_config(options: &JsValue) -> Result<Options, String> {
    let get = |name: &str| {
        if options.is_undefined() || options.is_null() {
            return JsValue::UNDEFINED;
        }
        Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let text = |name: &str| -> Result<Option<String>, String> {
        let value = get(name);
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| format!("option {name} takes a string"))
    };
    let heading_level = match get("headingLevel") {
        v if v.is_undefined() || v.is_null() => 2,
        v => v
            .as_f64()
            .filter(|n| n.fract() == 0.0 && (1.0..=4.0).contains(n))
            .map(|n| n as u8)
            .ok_or("option headingLevel takes 1 to 4")?,
    };
    // `urlState: true` is the attribute without a value (no prefix).
    let url_state = match get("urlState") {
        v if v.is_undefined() || v.is_null() || v == JsValue::FALSE => None,
        v if v == JsValue::TRUE => Some(String::new()),
        v => Some(
            v.as_string()
                .ok_or("option urlState takes a prefix (a string) or true")?,
        ),
    };
    let view = match text("view")?.as_deref() {
        None | Some("table") => ViewMode::Table,
        Some("releases") => ViewMode::Releases,
        Some(_) => return Err("option view takes \"table\" or \"releases\"".into()),
    };
    let theme = text("theme")?;
    if theme
        .as_deref()
        .is_some_and(|t| t != "light" && t != "dark")
    {
        return Err("option theme takes \"light\" or \"dark\"".into());
    }
    Ok(Options {
        lang: text("lang")?,
        rest: MountConfig {
            lang: String::new(),
            src: text("src")?,
            url_state,
            theme,
            heading_level,
            view,
        },
    })
}

/// Node's `fs` and standard streams, as the JavaScript caller passes them.
struct JsHost(JsValue);

impl JsHost {
    fn call(&self, method: &str, arg: Option<&str>) -> Result<JsValue, JsValue> {
        let function: Function = Reflect::get(&self.0, &JsValue::from_str(method))?.dyn_into()?;
        match arg {
            Some(arg) => function.call1(&self.0, &JsValue::from_str(arg)),
            None => function.call0(&self.0),
        }
    }

    fn bytes(&self, method: &str, arg: Option<&str>) -> Result<Vec<u8>, ReadError> {
        let value = self.call(method, arg).map_err(read_error)?;
        Ok(Uint8Array::new(&value).to_vec())
    }
}

/// A Node `fs` error by its `code`, in the words the native command uses.
fn read_error(e: JsValue) -> ReadError {
    let code = Reflect::get(&e, &JsValue::from_str("code"))
        .ok()
        .and_then(|c| c.as_string());
    match code.as_deref() {
        Some("ENOENT" | "ENOTDIR") => ReadError::NotFound,
        Some("EACCES" | "EPERM") => ReadError::PermissionDenied,
        Some("EISDIR") => ReadError::IsADirectory,
        _ => ReadError::Other(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "unreadable".to_string()),
        ),
    }
}

impl Host for JsHost {
    fn file_size(&mut self, path: &str) -> Result<u64, ReadError> {
        let size = self.call("fileSize", Some(path)).map_err(read_error)?;
        size.as_f64()
            .map(|n| n as u64)
            .ok_or_else(|| ReadError::Other("no size".into()))
    }

    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, ReadError> {
        self.bytes("readFile", Some(path))
    }

    fn list_dir(&mut self, path: &str) -> Result<Option<Vec<String>>, ReadError> {
        let value = self.call("listDir", Some(path)).map_err(read_error)?;
        if value.is_null() || value.is_undefined() {
            return Ok(None);
        }
        let mut names: Vec<String> = js_sys::Array::from(&value)
            .iter()
            .filter_map(|name| name.as_string())
            .collect();
        names.sort();
        Ok(Some(names))
    }

    fn read_stdin(&mut self) -> Result<Vec<u8>, ReadError> {
        self.bytes("readStdin", None)
    }

    fn out(&mut self, text: &str) {
        let _ = self.call("out", Some(text));
    }

    fn err(&mut self, text: &str) {
        let _ = self.call("err", Some(text));
    }
}
