//! `lode.lock`: the resolved tree by location (the same model as package-lock.json v3's
//! `packages`), written as indented `key: value` text with sorted keys so it diffs well and
//! is byte-for-byte deterministic. Also reads package-lock.json v2/v3.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::error::{err, Error, IoContext, Result};
use crate::manifest::string_map;
use crate::tree::{edges_of, Kind, Node, Tree};

pub const LOCKFILE: &str = "lode.lock";
const HEADER: &str =
    "# lode.lock: written by `lode install`. Do not edit by hand.\nlockfileVersion: 1\n";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LockPkg {
    pub name: Option<String>,
    pub version: Option<String>,
    pub resolved: Option<String>,
    pub integrity: Option<String>,
    pub link: bool,
    pub dev: bool,
    pub optional: bool,
    pub has_install_script: bool,
    pub dependencies: BTreeMap<String, String>,
    pub optional_dependencies: BTreeMap<String, String>,
    pub peer_dependencies: BTreeMap<String, String>,
    pub peer_optional: Vec<String>,
    pub dev_dependencies: BTreeMap<String, String>,
    pub bin: BTreeMap<String, String>,
    pub bundled: Vec<String>,
    pub os: Vec<String>,
    pub cpu: Vec<String>,
    pub libc: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lock {
    pub packages: BTreeMap<String, LockPkg>,
}

fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with([
            '"', '\'', ' ', '[', '{', '#', '-', '!', '&', '*', '|', '>', '%',
        ])
        && !s.ends_with(' ')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && s.chars().all(|c| !c.is_control());
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap()
    }
}

fn list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap()
}

impl Lock {
    pub fn to_text(&self) -> String {
        let mut out = String::from(HEADER);
        for (loc, p) in &self.packages {
            out.push('\n');
            out.push_str(&format!("{}:\n", serde_json::to_string(loc).unwrap()));
            let mut kv = |k: &str, v: &str| out.push_str(&format!("  {k}: {}\n", quote(v)));
            if let Some(n) = &p.name {
                kv("name", n);
            }
            if let Some(v) = &p.version {
                kv("version", v);
            }
            if let Some(v) = &p.resolved {
                kv("resolved", v);
            }
            if let Some(v) = &p.integrity {
                kv("integrity", v);
            }
            for (flag, on) in [
                ("link", p.link),
                ("dev", p.dev),
                ("optional", p.optional),
                ("hasInstallScript", p.has_install_script),
            ] {
                if on {
                    kv(flag, "true");
                }
            }
            for (k, v) in [
                ("os", &p.os),
                ("cpu", &p.cpu),
                ("libc", &p.libc),
                ("bundleDependencies", &p.bundled),
                ("peerOptional", &p.peer_optional),
            ] {
                if !v.is_empty() {
                    out.push_str(&format!("  {k}: {}\n", list(v)));
                }
            }
            for (k, m) in [
                ("bin", &p.bin),
                ("dependencies", &p.dependencies),
                ("devDependencies", &p.dev_dependencies),
                ("optionalDependencies", &p.optional_dependencies),
                ("peerDependencies", &p.peer_dependencies),
            ] {
                if !m.is_empty() {
                    out.push_str(&format!("  {k}:\n"));
                    for (a, b) in m {
                        out.push_str(&format!("    {}: {}\n", quote(a), quote(b)));
                    }
                }
            }
        }
        out
    }

    pub fn parse(text: &str, path: &Path) -> Result<Lock> {
        let mut lock = Lock::default();
        let mut cur: Option<String> = None;
        let mut map_key: Option<String> = None;
        let bad = |n: usize, why: &str| {
            Error::new("ELOCKFILE", format!("{}:{}: {why}", path.display(), n + 1))
        };
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let (k, v) =
                split_kv(line.trim_start()).ok_or_else(|| bad(n, "expected `key: value`"))?;
            match indent {
                0 => {
                    if k == "lockfileVersion" {
                        if v != "1" {
                            return Err(bad(n, "unsupported lockfileVersion"));
                        }
                        continue;
                    }
                    lock.packages.insert(k.clone(), LockPkg::default());
                    cur = Some(k);
                    map_key = None;
                }
                2 => {
                    let p = lock
                        .packages
                        .get_mut(
                            cur.as_ref()
                                .ok_or_else(|| bad(n, "field outside a package"))?,
                        )
                        .unwrap();
                    map_key = None;
                    let l = || {
                        serde_json::from_str::<Vec<String>>(&v)
                            .map_err(|_| bad(n, "expected a list"))
                    };
                    match k.as_str() {
                        "name" => p.name = Some(v),
                        "version" => p.version = Some(v),
                        "resolved" => p.resolved = Some(v),
                        "integrity" => p.integrity = Some(v),
                        "link" => p.link = v == "true",
                        "dev" => p.dev = v == "true",
                        "optional" => p.optional = v == "true",
                        "hasInstallScript" => p.has_install_script = v == "true",
                        "os" => p.os = l()?,
                        "cpu" => p.cpu = l()?,
                        "libc" => p.libc = l()?,
                        "bundleDependencies" => p.bundled = l()?,
                        "peerOptional" => p.peer_optional = l()?,
                        _ if v.is_empty() => map_key = Some(k),
                        _ => {}
                    }
                }
                4 => {
                    let p = lock
                        .packages
                        .get_mut(
                            cur.as_ref()
                                .ok_or_else(|| bad(n, "entry outside a package"))?,
                        )
                        .unwrap();
                    let m = match map_key.as_deref() {
                        Some("bin") => &mut p.bin,
                        Some("dependencies") => &mut p.dependencies,
                        Some("devDependencies") => &mut p.dev_dependencies,
                        Some("optionalDependencies") => &mut p.optional_dependencies,
                        Some("peerDependencies") => &mut p.peer_dependencies,
                        _ => continue,
                    };
                    m.insert(k, v);
                }
                _ => return Err(bad(n, "unexpected indentation")),
            }
        }
        Ok(lock)
    }

    /// package-lock.json (lockfileVersion 2 or 3, which have `packages`).
    pub fn from_package_lock(json: &Value, path: &Path) -> Result<Lock> {
        let Some(Value::Object(pkgs)) = json.get("packages") else {
            return err("ELOCKFILE", format!("{}: lockfileVersion 1 (no \"packages\") is not supported; run `npm install` with npm 7+ once, or delete it", path.display()));
        };
        let mut lock = Lock::default();
        for (loc, v) in pkgs {
            if v.get("inBundle").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let s = |k: &str| v.get(k).and_then(Value::as_str).map(String::from);
            let b = |k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
            let l = |k: &str| match v.get(k) {
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect(),
                Some(Value::String(s)) => vec![s.clone()],
                _ => vec![],
            };
            let mut p = LockPkg {
                name: s("name"),
                version: s("version"),
                resolved: s("resolved"),
                integrity: s("integrity"),
                link: b("link"),
                dev: b("dev") || b("devOptional"),
                optional: b("optional") || b("devOptional"),
                has_install_script: b("hasInstallScript"),
                dependencies: string_map(v.get("dependencies")).into_iter().collect(),
                optional_dependencies: string_map(v.get("optionalDependencies"))
                    .into_iter()
                    .collect(),
                peer_dependencies: string_map(v.get("peerDependencies")).into_iter().collect(),
                dev_dependencies: string_map(v.get("devDependencies")).into_iter().collect(),
                bin: match v.get("bin") {
                    Some(Value::Object(_)) => string_map(v.get("bin")).into_iter().collect(),
                    _ => BTreeMap::new(),
                },
                bundled: l("bundleDependencies"),
                os: l("os"),
                cpu: l("cpu"),
                libc: l("libc"),
                peer_optional: vec![],
            };
            if let Some(Value::Object(m)) = v.get("peerDependenciesMeta") {
                p.peer_optional = m
                    .iter()
                    .filter(|(_, x)| x.get("optional").and_then(Value::as_bool) == Some(true))
                    .map(|(k, _)| k.clone())
                    .collect();
            }
            lock.packages.insert(loc.clone(), p);
        }
        Ok(lock)
    }

    /// The installable identity of every location (what `--frozen-lockfile` compares).
    pub fn identity(&self) -> BTreeMap<String, (Option<String>, Option<String>, bool)> {
        self.packages
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, p)| (k.clone(), (p.version.clone(), p.resolved.clone(), p.link)))
            .collect()
    }

    /// Builds the tree a lockfile describes under `root` (whose edges come from package.json).
    pub fn to_tree(&self, root: Node, projects: &[Node]) -> Tree {
        let mut tree = Tree::default();
        tree.add(root, None);
        for p in projects {
            tree.add(p.clone(), Some(0));
        }
        let mut locs: Vec<&String> = self.packages.keys().filter(|k| !k.is_empty()).collect();
        locs.sort_by_key(|l| (l.matches("node_modules/").count(), l.len()));
        let mut ids: BTreeMap<String, usize> =
            tree.live().map(|(i, n)| (n.location.clone(), i)).collect();
        for loc in locs {
            let p = &self.packages[loc];
            let Some(i) = loc.rfind("node_modules/") else {
                continue;
            };
            let folder = &loc[i + "node_modules/".len()..];
            let parent_loc = loc[..i].trim_end_matches('/');
            let Some(&parent) = ids.get(parent_loc) else {
                continue;
            };
            let mut edges: Vec<crate::tree::Edge> = Vec::new();
            let meta = crate::registry::VersionMeta {
                name: p.name.clone().unwrap_or_else(|| folder.to_string()),
                version: p.version.clone().unwrap_or_default(),
                dependencies: p.dependencies.clone(),
                optional_dependencies: p.optional_dependencies.clone(),
                peer_dependencies: p.peer_dependencies.clone(),
                ..Default::default()
            };
            edges.extend(edges_of(&meta).into_iter().map(|mut e| {
                if e.kind == Kind::Peer && p.peer_optional.contains(&e.name) {
                    e.kind = Kind::PeerOptional;
                }
                e
            }));
            let node = Node {
                name: folder.to_string(),
                pkg: meta.name.clone(),
                version: meta.version.clone(),
                resolved: p.resolved.clone().unwrap_or_default(),
                integrity: p.integrity.clone().unwrap_or_default(),
                link: p.link,
                edges: if p.link { vec![] } else { edges },
                bin: p.bin.clone().into_iter().collect(),
                has_install_script: p.has_install_script,
                os: p.os.clone(),
                cpu: p.cpu.clone(),
                libc: p.libc.clone(),
                bundled: p.bundled.clone(),
                dev: p.dev,
                optional: p.optional,
                ..Default::default()
            };
            let id = tree.add(node, Some(parent));
            ids.insert(loc.clone(), id);
        }
        tree
    }

    pub fn from_tree(tree: &Tree) -> Lock {
        let mut lock = Lock::default();
        for (_, n) in tree.live() {
            let mut p = LockPkg::default();
            // The package's own specs, not the overrides applied to them.
            let deps = |kind: Kind| -> BTreeMap<String, String> {
                n.edges
                    .iter()
                    .filter(|e| e.kind == kind)
                    .map(|e| {
                        (
                            e.name.clone(),
                            n.overridden.get(&e.name).unwrap_or(&e.spec).clone(),
                        )
                    })
                    .collect()
            };
            p.dependencies = deps(Kind::Prod);
            p.optional_dependencies = deps(Kind::Optional);
            p.peer_dependencies = deps(Kind::Peer);
            let po = deps(Kind::PeerOptional);
            p.peer_optional = po.keys().cloned().collect();
            p.peer_dependencies.extend(po);
            if n.project {
                p.dev_dependencies = deps(Kind::Dev);
                p.name = (!n.pkg.is_empty()).then(|| n.pkg.clone());
                p.version = (!n.version.is_empty()).then(|| n.version.clone());
                p.bin = n.bin.iter().cloned().collect();
            } else if n.link {
                p = LockPkg {
                    resolved: Some(n.resolved.clone()),
                    link: true,
                    ..Default::default()
                };
            } else {
                p.name = (n.pkg != n.name).then(|| n.pkg.clone());
                p.version = Some(n.version.clone());
                p.resolved = (!n.resolved.is_empty()).then(|| n.resolved.clone());
                p.integrity = (!n.integrity.is_empty()).then(|| n.integrity.clone());
                p.dev = n.dev;
                p.optional = n.optional;
                p.has_install_script = n.has_install_script;
                p.bin = n.bin.iter().cloned().collect();
                p.os = n.os.clone();
                p.cpu = n.cpu.clone();
                p.libc = n.libc.clone();
                p.bundled = n.bundled.clone();
            }
            lock.packages.insert(n.location.clone(), p);
        }
        lock
    }
}

fn split_kv(s: &str) -> Option<(String, String)> {
    let (key, rest) = if s.starts_with('"') {
        let end = json_string_end(s)?;
        let k: String = serde_json::from_str(&s[..end]).ok()?;
        (k, s[end..].strip_prefix(':')?)
    } else {
        let i = s.find(':')?;
        (s[..i].to_string(), &s[i + 1..])
    };
    let v = rest.trim();
    let v = if v.starts_with('"') {
        serde_json::from_str(v).ok()?
    } else {
        v.to_string()
    };
    Some((key, v))
}

fn json_string_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Reads the project's lockfile: `lode.lock`, else `package-lock.json`, else
/// `npm-shrinkwrap.json`. Returns the lock and the file it came from.
pub fn load(dir: &Path) -> Result<Option<(Lock, String)>> {
    let p = dir.join(LOCKFILE);
    if p.exists() {
        let text = std::fs::read_to_string(&p).ctx("could not read", &p)?;
        return Ok(Some((Lock::parse(&text, &p)?, LOCKFILE.into())));
    }
    for f in ["npm-shrinkwrap.json", "package-lock.json"] {
        let p = dir.join(f);
        if p.exists() {
            let (json, _) = crate::manifest::read_json(&p)?;
            return Ok(Some((Lock::from_package_lock(&json, &p)?, f.into())));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trip_is_stable() {
        let mut lock = Lock::default();
        lock.packages.insert(
            "".into(),
            LockPkg {
                name: Some("app".into()),
                version: Some("1.0.0".into()),
                dependencies: [("a".to_string(), "^1.0.0".to_string())].into(),
                ..Default::default()
            },
        );
        lock.packages.insert(
            "node_modules/a".into(),
            LockPkg {
                version: Some("1.0.0".into()),
                resolved: Some("http://127.0.0.1:1/a/-/a-1.0.0.tgz".into()),
                integrity: Some("sha512-abc+/=".into()),
                dev: true,
                os: vec!["linux".into()],
                bin: [("a-cli".to_string(), "bin/cli.js".to_string())].into(),
                dependencies: [
                    ("@s/b".to_string(), ">= 1.0.0 < 2".to_string()),
                    ("c".to_string(), "npm:d@^1".to_string()),
                    ("e".to_string(), "".to_string()),
                ]
                .into(),
                ..Default::default()
            },
        );
        lock.packages.insert(
            "node_modules/q".into(),
            LockPkg {
                resolved: Some("packages/q".into()),
                link: true,
                ..Default::default()
            },
        );
        let text = lock.to_text();
        let back = Lock::parse(&text, Path::new("lode.lock")).unwrap();
        assert_eq!(back, lock);
        assert_eq!(back.to_text(), text);
        assert!(
            text.contains("\n\"node_modules/a\":\n  version: 1.0.0\n"),
            "{text}"
        );
    }

    #[test]
    fn reads_package_lock_v3() {
        let json: Value = serde_json::from_str(r#"{"lockfileVersion":3,"packages":{"":{"name":"x","dependencies":{"a":"^1"}},
          "node_modules/a":{"version":"1.2.0","resolved":"https://r/a-1.2.0.tgz","integrity":"sha512-x","dependencies":{"b":"2"},"peerDependencies":{"p":"1"},"peerDependenciesMeta":{"p":{"optional":true}}},
          "node_modules/a/node_modules/b":{"version":"2.0.0","dev":true,"bin":{"b":"cli.js"}},
          "node_modules/z/node_modules/in":{"version":"1.0.0","inBundle":true}}}"#).unwrap();
        let lock = Lock::from_package_lock(&json, Path::new("package-lock.json")).unwrap();
        assert_eq!(lock.packages.len(), 3);
        let root = Node {
            name: "x".into(),
            pkg: "x".into(),
            project: true,
            ..Default::default()
        };
        let tree = lock.to_tree(root, &[]);
        let a = tree.resolve(0, "a").unwrap();
        assert_eq!(tree.nodes[a].version, "1.2.0");
        assert_eq!(
            tree.nodes[a]
                .edges
                .iter()
                .find(|e| e.name == "p")
                .unwrap()
                .kind,
            Kind::PeerOptional
        );
        let b = tree.resolve(a, "b").unwrap();
        assert_eq!(tree.nodes[b].location, "node_modules/a/node_modules/b");
        assert!(Lock::from_package_lock(
            &serde_json::json!({"lockfileVersion":1,"dependencies":{}}),
            Path::new("p")
        )
        .is_err());
    }
}
