//! package.json: reading with the file and position in parse errors, and rewriting that keeps
//! the file's key order (serde_json's `preserve_order`), indentation, line ending and trailing
//! newline, as npm does.

use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{err, Error, IoContext, Result};

/// How a JSON file was laid out, so a rewrite looks like the original.
#[derive(Debug, Clone, PartialEq)]
pub struct Format {
    pub indent: String,
    pub crlf: bool,
    pub trailing_newline: bool,
}

impl Default for Format {
    fn default() -> Self {
        Format {
            indent: "  ".into(),
            crlf: false,
            trailing_newline: true,
        }
    }
}

impl Format {
    pub fn detect(text: &str) -> Format {
        let crlf = text.contains("\r\n");
        let trailing_newline = text.ends_with('\n');
        let indent = text
            .lines()
            .skip(1)
            .find_map(|l| {
                let ws: String = l.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
                (!ws.is_empty()).then_some(ws)
            })
            .unwrap_or_else(|| "  ".into());
        Format {
            indent,
            crlf,
            trailing_newline,
        }
    }
}

/// Parses JSON text; errors name the file, line, column and byte position.
pub fn parse_json(text: &str, path: &Path) -> Result<Value> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let (line, col) = (e.line(), e.column());
        let pos: usize = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>()
            + col.saturating_sub(1);
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        Error::new(
            "EJSONPARSE",
            format!(
                "Invalid package.json: {}: {msg} at position {pos} (line {line} column {col})",
                path.display()
            ),
        )
    })
}

pub fn read_json(path: &Path) -> Result<(Value, Format)> {
    let text = std::fs::read_to_string(path).ctx("could not read", path)?;
    let v = parse_json(&text, path)?;
    Ok((v, Format::detect(&text)))
}

pub fn to_json_string(v: &Value, fmt: &Format) -> String {
    let mut buf = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(fmt.indent.as_bytes());
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    v.serialize(&mut ser).expect("JSON values always serialize");
    let mut s = String::from_utf8(buf).expect("serde_json writes UTF-8");
    if fmt.trailing_newline {
        s.push('\n');
    }
    if fmt.crlf {
        s = s.replace('\n', "\r\n");
    }
    s
}

pub fn write_json(path: &Path, v: &Value, fmt: &Format) -> Result<()> {
    std::fs::write(path, to_json_string(v, fmt)).ctx("could not write", path)
}

/// A package.json read from disk.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub json: Value,
    pub format: Format,
}

pub const DEP_KINDS: [&str; 4] = [
    "dependencies",
    "devDependencies",
    "optionalDependencies",
    "peerDependencies",
];

impl Manifest {
    pub fn read(path: &Path) -> Result<Manifest> {
        if !path.exists() {
            return err(
                "ENOENT",
                format!(
                    "Could not read package.json: no such file {}",
                    path.display()
                ),
            );
        }
        let (json, format) = read_json(path)?;
        if !json.is_object() {
            return err(
                "EJSONPARSE",
                format!("Invalid package.json: {}: not an object", path.display()),
            );
        }
        Ok(Manifest { json, format })
    }
    pub fn from_value(json: Value) -> Manifest {
        Manifest {
            json,
            format: Format::default(),
        }
    }
    pub fn write(&self, path: &Path) -> Result<()> {
        write_json(path, &self.json, &self.format)
    }
    pub fn str(&self, key: &str) -> Option<&str> {
        self.json.get(key).and_then(Value::as_str)
    }
    pub fn name(&self) -> &str {
        self.str("name").unwrap_or("")
    }
    pub fn version(&self) -> &str {
        self.str("version").unwrap_or("")
    }
    /// `name -> spec` pairs of one dependency kind, in file order.
    pub fn deps(&self, kind: &str) -> Vec<(String, String)> {
        string_map(self.json.get(kind))
    }
    pub fn scripts(&self) -> Vec<(String, String)> {
        string_map(self.json.get("scripts"))
    }
    pub fn script(&self, name: &str) -> Option<String> {
        self.json
            .get("scripts")?
            .get(name)?
            .as_str()
            .map(str::to_string)
    }
    pub fn bundled(&self) -> Vec<String> {
        let v = self
            .json
            .get("bundleDependencies")
            .or_else(|| self.json.get("bundledDependencies"));
        match v {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
            Some(Value::Bool(true)) => self.deps("dependencies").into_iter().map(|d| d.0).collect(),
            _ => vec![],
        }
    }
    /// `bin` normalised to `name -> path` (a string `bin` is named after the package).
    pub fn bins(&self) -> Vec<(String, String)> {
        bins_of(&self.json)
    }
    pub fn workspaces(&self) -> Vec<String> {
        let v = match self.json.get("workspaces") {
            Some(Value::Object(o)) => o.get("packages"),
            other => other,
        };
        match v {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
            _ => vec![],
        }
    }
    /// Sets `kind[name] = spec`, removing `name` from the other save kinds; keeps the object
    /// sorted by key as npm does on save.
    pub fn set_dep(&mut self, kind: &str, name: &str, spec: &str) {
        let obj = self.json.as_object_mut().expect("manifest is an object");
        for other in ["dependencies", "devDependencies", "optionalDependencies"] {
            if other != kind {
                if let Some(Value::Object(m)) = obj.get_mut(other) {
                    m.shift_remove(name);
                }
            }
        }
        let entry = obj
            .entry(kind.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        let m = entry.as_object_mut().unwrap();
        m.insert(name.to_string(), Value::String(spec.to_string()));
        m.sort_keys();
    }
    /// Removes `name` from every dependency kind; true if it was anywhere.
    pub fn remove_dep(&mut self, name: &str) -> bool {
        let obj = self.json.as_object_mut().expect("manifest is an object");
        let mut found = false;
        for kind in DEP_KINDS {
            if let Some(Value::Object(m)) = obj.get_mut(kind) {
                found |= m.shift_remove(name).is_some();
            }
        }
        found
    }
}

pub fn string_map(v: Option<&Value>) -> Vec<(String, String)> {
    match v {
        Some(Value::Object(m)) => m
            .iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
            .collect(),
        _ => vec![],
    }
}

pub fn bins_of(json: &Value) -> Vec<(String, String)> {
    match json.get("bin") {
        Some(Value::String(s)) => {
            let name = json.get("name").and_then(Value::as_str).unwrap_or("");
            let name = name.rsplit('/').next().unwrap_or(name);
            if name.is_empty() {
                vec![]
            } else {
                vec![(name.to_string(), s.clone())]
            }
        }
        Some(Value::Object(_)) => string_map(json.get("bin")),
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrite_keeps_order_indent_and_newline() {
        let text = "{\n    \"name\": \"x\",\n    \"zeta\": 1,\n    \"alpha\": {\"b\": 1}\n}";
        let fmt = Format::detect(text);
        assert_eq!(fmt.indent, "    ");
        assert!(!fmt.trailing_newline);
        let v = parse_json(text, Path::new("p.json")).unwrap();
        let out = to_json_string(&v, &fmt);
        assert_eq!(out, "{\n    \"name\": \"x\",\n    \"zeta\": 1,\n    \"alpha\": {\n        \"b\": 1\n    }\n}");
        let tabs = "{\r\n\t\"a\": 1\r\n}\r\n";
        let fmt = Format::detect(tabs);
        assert_eq!(
            to_json_string(&parse_json(tabs, Path::new("p")).unwrap(), &fmt),
            tabs
        );
    }

    #[test]
    fn parse_error_has_file_and_position() {
        let e =
            parse_json("{\n  \"a\": 1\n  \"b\": 2\n}", Path::new("/x/package.json")).unwrap_err();
        assert_eq!(e.code, "EJSONPARSE");
        assert!(e.message.contains("/x/package.json"), "{}", e.message);
        assert!(e.message.contains("line 3 column 3"), "{}", e.message);
        assert!(e.message.contains("position 13"), "{}", e.message);
    }

    #[test]
    fn set_and_remove_dep_sorted() {
        let mut m = Manifest::from_value(
            serde_json::json!({"name": "a", "dependencies": {"z": "1", "b": "2"}, "devDependencies": {"c": "1"}}),
        );
        m.set_dep("dependencies", "c", "^3.0.0");
        let deps: Vec<String> = m.deps("dependencies").into_iter().map(|d| d.0).collect();
        assert_eq!(deps, ["b", "c", "z"]);
        assert!(m.deps("devDependencies").is_empty());
        assert!(m.remove_dep("z"));
        assert!(!m.remove_dep("nope"));
    }
}
