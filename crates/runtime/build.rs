//! Embeds every file under `lib/` into the binary as a table of (module id, source).
//! `lib/internal/util/inspect.js` becomes `internal/util/inspect`.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("lib/ is readable")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "js") {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let lib = manifest
        .join("../../lib")
        .canonicalize()
        .expect("lib/ exists");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut files = Vec::new();
    walk(&lib, &mut files);
    let mut code = String::from("/// Built-in JS modules: (id, source), sorted by id.\npub static BUILTIN_SOURCES: &[(&str, &str)] = &[\n");
    let mut ids: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| {
            println!("cargo:rerun-if-changed={}", p.display());
            let rel = p.strip_prefix(&lib).unwrap().with_extension("");
            (rel.to_string_lossy().replace('\\', "/"), p)
        })
        .collect();
    ids.sort();
    for (id, p) in ids {
        writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            id,
            p.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtins.rs");
    std::fs::write(out, code).unwrap();
}
