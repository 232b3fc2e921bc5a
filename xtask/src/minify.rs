//! Short names for what the wasm and its JS glue call each other.
//!
//! wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` (about
//! 150 of them), under the module `./feature-matrix-<hash>_bg.js`, and some
//! exports after the full Rust path of a closure type. Each name is in both
//! files, and the hashes do not compress. Binaryen's
//! `--minify-imports-and-exports-and-modules` renames them all to one or two
//! characters and prints the mapping; [`apply`] makes the same renames in the
//! glue, and refuses a glue in which any name is not where it should be.

use std::fs;
use std::path::Path;

use crate::tools::Env;

/// Renames in place the imports and exports of `wasm` and their uses in `glue`.
pub fn names(env: &Env, wasm: &Path, glue: &Path) -> Result<(), String> {
    // The bundle's wasm features, so that wasm-opt reads and writes the
    // module unchanged but for the names.
    let features: Vec<String> = crate::embed::wasm_opt_args()
        .into_iter()
        .filter(|arg| arg.starts_with("--enable-"))
        .collect();
    let out = env
        .command("wasm-opt")
        .arg(wasm)
        .args(features)
        .args(["--minify-imports-and-exports-and-modules", "-o"])
        .arg(wasm)
        .output()
        .map_err(|e| format!("wasm-opt: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "wasm-opt --minify-imports-and-exports-and-modules failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut mapping = Mapping::parse(&String::from_utf8_lossy(&out.stdout))?;
    // The mapping leaves out the new module name: it is read from the module.
    let bytes = fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let mut old: Vec<&str> = mapping.imports.iter().map(|i| i.module.as_str()).collect();
    old.dedup();
    let mut new = import_modules(&bytes)?;
    new.dedup();
    match (old.as_slice(), new.as_slice()) {
        ([old], [new]) => mapping.modules.push(Rename::new(old, new)),
        _ => {
            return Err(format!(
                "imports from modules {old:?}, renamed to {new:?}: one of each expected"
            ))
        }
    }
    let js = fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let js = apply(&js, &mapping)?;
    fs::write(glue, js).map_err(|e| format!("{}: {e}", glue.display()))
}

/// The module name of each import of a wasm binary, in order.
fn import_modules(wasm: &[u8]) -> Result<Vec<String>, String> {
    let mut r = Reader { bytes: wasm, at: 8 };
    while r.at < wasm.len() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let end = r.at + size;
        if id == 2 {
            let mut modules = Vec::new();
            for _ in 0..r.leb()? {
                modules.push(r.name()?);
                r.name()?;
                match r.byte()? {
                    // A function's type index.
                    0 => {
                        r.leb()?;
                    }
                    // A tag: its attribute, then its type index.
                    4 => {
                        r.byte()?;
                        r.leb()?;
                    }
                    1 => {
                        r.byte()?;
                        r.limits()?;
                    }
                    2 => r.limits()?,
                    3 => {
                        r.byte()?;
                        r.byte()?;
                    }
                    kind => return Err(format!("wasm import of unknown kind {kind}")),
                }
            }
            return Ok(modules);
        }
        r.at = end;
    }
    Ok(Vec::new())
}

/// Reads the parts of a wasm binary that the import section is made of.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("wasm binary ends early")?;
        self.at += 1;
        Ok(b)
    }

    fn leb(&mut self) -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.leb()? as usize;
        let bytes = self
            .bytes
            .get(self.at..self.at + len)
            .ok_or("wasm binary ends early")?;
        self.at += len;
        String::from_utf8(bytes.to_vec()).map_err(|_| "wasm name is not UTF-8".to_string())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

/// Binaryen's mapping of old names to new ones; `names` adds the modules.
#[derive(Debug, Default, PartialEq)]
pub struct Mapping {
    pub imports: Vec<ImportRename>,
    pub exports: Vec<Rename>,
    pub modules: Vec<Rename>,
}

/// An import of `module` renamed from `name` to `new`.
#[derive(Debug, PartialEq)]
pub struct ImportRename {
    pub module: String,
    pub name: String,
    pub new: String,
}

/// An export's or a module's old and new name.
#[derive(Debug, PartialEq)]
pub struct Rename {
    pub name: String,
    pub new: String,
}

impl Rename {
    fn new(name: &str, new: &str) -> Rename {
        Rename {
            name: name.to_string(),
            new: new.to_string(),
        }
    }
}

impl Mapping {
    /// Reads wasm-opt's printed mapping: a JSON object of `imports` and
    /// `exports`, one array of strings per line.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let mut mapping = Mapping::default();
        let mut section = "";
        for line in text.lines().map(str::trim) {
            if let Some(name) = line.strip_prefix('"').and_then(|l| l.split('"').next()) {
                section = if line.ends_with('[') { name } else { "" };
                continue;
            }
            if !line.starts_with('[') {
                continue;
            }
            let strings: Vec<String> = line
                .split('"')
                .skip(1)
                .step_by(2)
                .map(String::from)
                .collect();
            match (section, strings.as_slice()) {
                ("imports", [module, name, new]) => mapping.imports.push(ImportRename {
                    module: module.clone(),
                    name: name.clone(),
                    new: new.clone(),
                }),
                ("exports", [name, new]) => mapping.exports.push(Rename::new(name, new)),
                _ => return Err(format!("wasm-opt's name mapping: unexpected line {line:?}")),
            }
        }
        if mapping.imports.is_empty() {
            return Err("wasm-opt printed no import mapping".into());
        }
        Ok(mapping)
    }
}

/// wasm-bindgen's glue with the mapping's names: each import is a key
/// `name: function(` of the imports object, each module a key `"module":`,
/// each export a property `wasm.name`.
pub fn apply(js: &str, mapping: &Mapping) -> Result<String, String> {
    let mut js = js.to_string();
    for ImportRename { name, new, .. } in &mapping.imports {
        js = replace_once(
            &js,
            &format!(" {name}: function("),
            &format!(" {new}: function("),
        )?;
    }
    for Rename { name: module, new } in &mapping.modules {
        js = replace_once(&js, &format!("\"{module}\":"), &format!("\"{new}\":"))?;
    }
    for Rename { name, new } in &mapping.exports {
        js = replace_property(&js, &format!("wasm.{name}"), &format!("wasm.{new}"));
        // Nothing may reach the export by its old name as a string (the
        // glue's own JS functions may share the name: they are not renamed).
        if js.contains(&format!("\"{name}\"")) || js.contains(&format!("'{name}'")) {
            return Err(format!(
                "the glue names the export {name} other than as wasm.{name}"
            ));
        }
    }
    Ok(js)
}

fn replace_once(js: &str, from: &str, to: &str) -> Result<String, String> {
    match js.matches(from).count() {
        1 => Ok(js.replacen(from, to, 1)),
        n => Err(format!("the glue has {from:?} {n} times, not once")),
    }
}

/// Replaces `from` wherever it is not the start of a longer identifier.
fn replace_property(js: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(at) = rest.find(from) {
        let after = &rest[at + from.len()..];
        let whole = !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$');
        out.push_str(&rest[..at]);
        out.push_str(if whole { to } else { from });
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPPING: &str = r#"{
 "imports": [
  ["./feature-matrix-1a_bg.js", "__wbg_call_fc92", "$"],
  ["./feature-matrix-1a_bg.js", "__wbg_closest_3982", "a"]
 ],
 "exports": [
  ["memory", "b"],
  ["__wbindgen_malloc", "c"],
  ["main", "d"]
 ]
}"#;

    const GLUE: &str = r#"function imports() {
    const import0 = {
        __wbg_call_fc92: function() { return wasm.memory.buffer; },
        __wbg_closest_3982: function(a) { return passString(a, wasm.__wbindgen_malloc); },
    };
    return { "./feature-matrix-1a_bg.js": import0 };
}
const memoryBytes = () => wasm.memoryBytes();
export function memory() { return wasm.memory; }
"#;

    #[test]
    fn the_mapping_is_read_as_wasm_opt_prints_it() {
        let m = Mapping::parse(MAPPING).unwrap();
        assert_eq!(m.imports.len(), 2);
        assert_eq!(
            m.imports[1],
            ImportRename {
                module: "./feature-matrix-1a_bg.js".into(),
                name: "__wbg_closest_3982".into(),
                new: "a".into()
            }
        );
        assert_eq!(m.exports[1], Rename::new("__wbindgen_malloc", "c"));
    }

    fn mapping() -> Mapping {
        let mut m = Mapping::parse(MAPPING).unwrap();
        m.modules
            .push(Rename::new("./feature-matrix-1a_bg.js", "e"));
        m
    }

    #[test]
    fn every_name_is_renamed_where_the_glue_uses_it_and_nowhere_else() {
        let js = apply(GLUE, &mapping()).unwrap();
        assert!(
            js.contains(" $: function() { return wasm.b.buffer; }"),
            "{js}"
        );
        assert!(
            js.contains(" a: function(a) { return passString(a, wasm.c); }"),
            "{js}"
        );
        assert!(js.contains("return { \"e\": import0 };"), "{js}");
        // A longer name that starts with an export's name is left alone, and
        // so is the glue's own function of an export's name.
        assert!(js.contains("wasm.memoryBytes()"), "{js}");
        assert!(
            js.contains("export function memory() { return wasm.b; }"),
            "{js}"
        );
    }

    #[test]
    fn import_modules_are_read_from_the_binary() {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // A type section (one `() -> ()`), then two function imports.
        wasm.extend([1, 4, 1, 0x60, 0, 0]);
        wasm.extend([2, 13, 2, 1, b'm', 1, b'f', 0, 0, 1, b'n', 1, b'g', 0, 0]);
        assert_eq!(import_modules(&wasm).unwrap(), ["m", "n"]);
        assert!(import_modules(&wasm[..wasm.len() - 3]).is_err());
    }

    #[test]
    fn a_glue_without_an_import_is_refused() {
        let mut m = mapping();
        m.imports.push(ImportRename {
            module: "./feature-matrix-1a_bg.js".into(),
            name: "__wbg_gone_00".into(),
            new: "f".into(),
        });
        let err = apply(GLUE, &m).unwrap_err();
        assert!(err.contains("__wbg_gone_00"), "{err}");
    }

    #[test]
    fn a_glue_that_names_an_export_otherwise_is_refused() {
        let glue = GLUE.replace("wasm.__wbindgen_malloc", "wasm[\"__wbindgen_malloc\"]");
        let err = apply(&glue, &mapping()).unwrap_err();
        assert!(err.contains("__wbindgen_malloc"), "{err}");
    }
}
