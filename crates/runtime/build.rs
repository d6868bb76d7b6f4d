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
    let mut code = String::new();
    let mut ids: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| {
            println!("cargo:rerun-if-changed={}", p.display());
            let rel = p.strip_prefix(&lib).unwrap().with_extension("");
            (rel.to_string_lossy().replace('\\', "/"), p)
        })
        .collect();
    ids.sort();
    // FNV-1a over every id and source: names the compiled-code cache of this set of sources.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (id, p) in &ids {
        let text = std::fs::read(p).expect("lib/ file is readable");
        for b in id.as_bytes().iter().chain([0u8].iter()).chain(text.iter()) {
            hash ^= *b as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    writeln!(
        code,
        "/// Identifies this set of sources (a hash of them all).\npub static BUILTIN_SOURCES_HASH: &str = \"{hash:016x}\";"
    )
    .unwrap();
    code.push_str("/// Built-in JS modules: (id, source), sorted by id.\npub static BUILTIN_SOURCES: &[(&str, &str)] = &[\n");
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
