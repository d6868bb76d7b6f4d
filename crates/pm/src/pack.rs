//! `lode pack` and `lode publish`: npm-packlist's file selection (`files`, `.npmignore` or
//! `.gitignore`, the always-included package.json/README/LICENSE/main/bin and the never-included
//! VCS folders, node_modules, lockfiles, .npmrc), npm's tarball layout, and the registry's
//! publish document (PUT with the tarball as a base64 attachment).

use std::path::Path;

use base64::Engine;
use serde_json::{json, Value};

use crate::error::{err, Error, IoContext, Result};
use crate::integrity::{sha1_hex, Integrity};
use crate::manifest::Manifest;

const NEVER: &[&str] = &[
    ".git",
    "CVS",
    ".svn",
    ".hg",
    ".lock-wscript",
    ".DS_Store",
    "npm-debug.log",
    ".npmrc",
    "node_modules",
    "config.gypi",
    "package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lockb",
    "lode.lock",
    ".gitignore",
    ".npmignore",
];

/// A gitignore-style glob (`*`, `**`, `?`) against a slash path.
fn glob(pat: &str, path: &str) -> bool {
    fn m(p: &[u8], s: &[u8]) -> bool {
        if p.is_empty() {
            return s.is_empty();
        }
        if p.starts_with(b"**") {
            let rest = p[2..].strip_prefix(b"/").unwrap_or(&p[2..]);
            return (0..=s.len()).any(|i| (i == 0 || s[i - 1] == b'/') && m(rest, &s[i..]))
                || m(rest, s);
        }
        match p[0] {
            b'*' => (0..=s.len())
                .take_while(|&i| i == 0 || s[i - 1] != b'/')
                .any(|i| m(&p[1..], &s[i..])),
            b'?' => !s.is_empty() && s[0] != b'/' && m(&p[1..], &s[1..]),
            c => !s.is_empty() && s[0] == c && m(&p[1..], &s[1..]),
        }
    }
    m(pat.as_bytes(), path.as_bytes())
}

struct Rule {
    pat: String,
    negate: bool,
    anchored: bool,
    dir_only: bool,
}

fn parse_ignore(text: &str) -> Vec<Rule> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (negate, l) = match l.strip_prefix('!') {
                Some(r) => (true, r),
                None => (false, l),
            };
            let dir_only = l.ends_with('/');
            let l = l.trim_end_matches('/');
            let anchored = l.contains('/');
            Rule {
                pat: l.trim_start_matches('/').to_string(),
                negate,
                anchored,
                dir_only,
            }
        })
        .collect()
}

fn ignored(rules: &[Rule], path: &str, is_dir: bool) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path);
    let mut out = false;
    for r in rules {
        if r.dir_only && !is_dir {
            continue;
        }
        let hit = if r.anchored {
            glob(&r.pat, path)
        } else {
            glob(&r.pat, base)
        };
        if hit {
            out = !r.negate;
        }
    }
    out
}

fn forced_paths(m: &Value) -> Vec<String> {
    let norm = |s: &str| s.trim_start_matches("./").to_string();
    let mut v: Vec<String> = crate::manifest::bins_of(m)
        .iter()
        .map(|(_, p)| norm(p))
        .collect();
    if let Some(main) = m.get("main").and_then(Value::as_str) {
        v.push(norm(main));
    }
    v
}

fn always_included(rel: &str, m: &Value) -> bool {
    if !rel.contains('/') {
        let lower = rel.to_ascii_lowercase();
        if lower == "package.json"
            || lower.starts_with("readme")
            || lower.starts_with("license")
            || lower.starts_with("licence")
            || lower.starts_with("copying")
        {
            return true;
        }
    }
    let norm = |s: &str| s.trim_start_matches("./").to_string();
    if m.get("main")
        .and_then(Value::as_str)
        .map(norm)
        .is_some_and(|x| x == rel || format!("{x}.js") == rel)
    {
        return true;
    }
    crate::manifest::bins_of(m)
        .iter()
        .any(|(_, p)| norm(p) == rel)
}

/// The package's files (relative, sorted), as npm pack would include them.
pub fn collect_files(dir: &Path) -> Result<Vec<String>> {
    let manifest = Manifest::read(&dir.join("package.json"))
        .map(|m| m.json)
        .unwrap_or(Value::Null);
    let files_field: Option<Vec<String>> =
        manifest.get("files").and_then(Value::as_array).map(|a| {
            a.iter()
                .filter_map(|x| {
                    x.as_str()
                        .map(|s| s.trim_start_matches("./").trim_end_matches('/').to_string())
                })
                .collect()
        });
    let bundled = Manifest::from_value(manifest.clone()).bundled();
    let mut out = Vec::new();
    walk(
        dir,
        "",
        &manifest,
        files_field.as_deref(),
        &bundled,
        &mut Vec::new(),
        &mut out,
    )?;
    out.sort_by(|a, b| (a != "package.json", a).cmp(&(b != "package.json", b)));
    Ok(out)
}

fn walk(
    dir: &Path,
    rel: &str,
    m: &Value,
    files: Option<&[String]>,
    bundled: &[String],
    rules: &mut Vec<Vec<Rule>>,
    out: &mut Vec<String>,
) -> Result<()> {
    let here = if rel.is_empty() {
        dir.to_path_buf()
    } else {
        dir.join(rel)
    };
    let ignore_text = std::fs::read_to_string(here.join(".npmignore"))
        .or_else(|_| std::fs::read_to_string(here.join(".gitignore")))
        .unwrap_or_default();
    rules.push(parse_ignore(&ignore_text));
    let mut entries: Vec<_> = std::fs::read_dir(&here)
        .ctx("could not read", &here)?
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let path = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let ft = e.file_type().ctx("could not stat", &e.path())?;
        let is_dir = ft.is_dir();
        if rel.is_empty() && name == "node_modules" {
            for b in bundled {
                if dir.join("node_modules").join(b).exists() {
                    walk(dir, &format!("node_modules/{b}"), m, None, &[], rules, out)?;
                }
            }
            continue;
        }
        if NEVER.contains(&name.as_str())
            || name.ends_with(".orig")
            || (name.starts_with(".") && name.ends_with(".swp"))
            || name.starts_with("._")
        {
            continue;
        }
        if ft.is_symlink() {
            continue;
        }
        let forced = !is_dir && always_included(&path, m);
        if !forced {
            // Each directory's ignore file applies to the paths below it.
            let mut ign = false;
            let parts: Vec<&str> = path.split('/').collect();
            for (depth, rs) in rules.iter().enumerate() {
                let sub = parts[depth.min(parts.len() - 1)..].join("/");
                if ignored(rs, &sub, is_dir) {
                    ign = true;
                }
            }
            if ign && files.is_none() {
                continue;
            }
            if let Some(f) = files {
                let matches = |p: &str| {
                    f.iter()
                        .any(|pat| glob(pat, p) || p.starts_with(&format!("{pat}/")))
                };
                let forced_below = is_dir
                    && forced_paths(m)
                        .iter()
                        .any(|fp| fp.starts_with(&format!("{path}/")));
                let prefix_of_pattern = forced_below
                    || (is_dir
                        && f.iter().any(|pat| {
                            pat.starts_with(&format!("{path}/"))
                                || pat.starts_with("**")
                                || glob(pat.split('/').next().unwrap_or(""), &name)
                        }));
                if !matches(&path) && !(is_dir && prefix_of_pattern) {
                    continue;
                }
                if ign && rules.len() > 1 {
                    continue;
                }
            }
        }
        if is_dir {
            walk(dir, &path, m, files, bundled, rules, out)?;
        } else if ft.is_file() {
            out.push(path);
        }
    }
    rules.pop();
    Ok(())
}

pub struct Packed {
    pub name: String,
    pub version: String,
    pub filename: String,
    pub tgz: Vec<u8>,
    pub files: Vec<(String, u64)>,
    pub manifest: Value,
}

pub fn tarball_name(name: &str, version: &str) -> String {
    format!(
        "{}-{version}.tgz",
        name.trim_start_matches('@').replace('/', "-")
    )
}

pub fn pack(dir: &Path) -> Result<Packed> {
    let m = Manifest::read(&dir.join("package.json"))?;
    if m.name().is_empty() || m.version().is_empty() {
        return err(
            "EINVALIDPACKAGE",
            "package.json must have a \"name\" and a \"version\" to be packed",
        );
    }
    let files = collect_files(dir)?;
    let mut entries = Vec::new();
    let mut listing = Vec::new();
    for f in &files {
        let p = dir.join(f);
        let data = std::fs::read(&p).ctx("could not read", &p)?;
        use std::os::unix::fs::PermissionsExt;
        let exec = std::fs::metadata(&p)
            .map(|md| md.permissions().mode() & 0o111 != 0)
            .unwrap_or(false);
        listing.push((f.clone(), data.len() as u64));
        entries.push((f.clone(), data, exec));
    }
    let tgz = crate::tarball::create(&entries)?;
    Ok(Packed {
        name: m.name().into(),
        version: m.version().into(),
        filename: tarball_name(m.name(), m.version()),
        tgz,
        files: listing,
        manifest: m.json,
    })
}

fn human(n: u64) -> String {
    if n < 1000 {
        format!("{n}B")
    } else if n < 1_000_000 {
        format!("{:.1}kB", n as f64 / 1000.0)
    } else {
        format!("{:.1}MB", n as f64 / 1_000_000.0)
    }
}

pub fn print_notice(p: &Packed, tag: Option<&str>) {
    let n = |s: String| eprintln!("lode notice {s}");
    eprintln!("lode notice");
    n(format!("📦  {}@{}", p.name, p.version));
    n("Tarball Contents".into());
    for (f, size) in &p.files {
        n(format!("{} {f}", human(*size)));
    }
    n("Tarball Details".into());
    n(format!("name: {}", p.name));
    n(format!("version: {}", p.version));
    n(format!("filename: {}", p.filename));
    n(format!("package size: {}", human(p.tgz.len() as u64)));
    n(format!(
        "unpacked size: {}",
        human(p.files.iter().map(|f| f.1).sum())
    ));
    n(format!("shasum: {}", sha1_hex(&p.tgz)));
    n(format!("integrity: {}", Integrity::sha512(&p.tgz)));
    n(format!("total files: {}", p.files.len()));
    if let Some(t) = tag {
        n(format!("Publishing to {t}"));
    }
    eprintln!("lode notice");
}

/// The document `npm publish` PUTs to `<registry>/<name>`.
pub fn publish_body(p: &Packed, registry: &str, tag: &str, access: Option<&str>) -> Value {
    let mut version = p.manifest.clone();
    let obj = version.as_object_mut().expect("manifest object");
    obj.insert("_id".into(), json!(format!("{}@{}", p.name, p.version)));
    let base = p.name.rsplit('/').next().unwrap_or(&p.name);
    let tarball_url = format!("{registry}{}/-/{base}-{}.tgz", p.name, p.version);
    obj.insert("dist".into(), json!({ "integrity": Integrity::sha512(&p.tgz).to_string(), "shasum": sha1_hex(&p.tgz), "tarball": tarball_url }));
    let attachment = format!("{}-{}.tgz", p.name, p.version);
    json!({
        "_id": p.name,
        "name": p.name,
        "description": p.manifest.get("description").cloned().unwrap_or(Value::String(String::new())),
        "dist-tags": { tag: p.version },
        "versions": { p.version.clone(): version },
        "access": access,
        "_attachments": { attachment: {
            "content_type": "application/octet-stream",
            "data": base64::engine::general_purpose::STANDARD.encode(&p.tgz),
            "length": p.tgz.len(),
        }},
    })
}

pub fn ensure_publishable(m: &Value) -> Result<()> {
    if m.get("private").and_then(Value::as_bool) == Some(true) {
        return Err(Error::new("EPRIVATE", "This package has been marked as private\nRemove the 'private' field from the package.json to publish it."));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globbing() {
        assert!(glob("*.js", "a.js"));
        assert!(!glob("*.js", "d/a.js"));
        assert!(glob("lib/**/*.js", "lib/a/b/c.js"));
        assert!(glob("lib/**/*.js", "lib/c.js"));
        assert!(glob("**/test", "a/b/test"));
        assert!(glob("a?c", "abc"));
    }

    #[test]
    fn packlist_rules() {
        let d = tempfile::tempdir().unwrap();
        let w = |p: &str, s: &str| {
            let f = d.path().join(p);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(f, s).unwrap();
        };
        w(
            "package.json",
            r#"{"name":"p","version":"1.0.0","main":"main.js","files":["lib","*.md"],"bin":{"p":"./cli.js"}}"#,
        );
        w("main.js", "");
        w("cli.js", "");
        w("lib/a.js", "");
        w("lib/sub/b.js", "");
        w("other.js", "");
        w("README.md", "");
        w("LICENSE", "");
        w(".npmrc", "");
        w("node_modules/x/index.js", "");
        w("package-lock.json", "{}");
        let files = collect_files(d.path()).unwrap();
        assert_eq!(
            files,
            [
                "package.json",
                "LICENSE",
                "README.md",
                "cli.js",
                "lib/a.js",
                "lib/sub/b.js",
                "main.js"
            ]
        );
        w("package.json", r#"{"name":"p","version":"1.0.0"}"#);
        w(".npmignore", "other.js\nlib/sub/\n");
        let files = collect_files(d.path()).unwrap();
        assert_eq!(
            files,
            [
                "package.json",
                "LICENSE",
                "README.md",
                "cli.js",
                "lib/a.js",
                "main.js"
            ]
        );
    }
}
