//! Dependency specifiers as npm reads them (npm-package-arg): ranges and versions, dist-tags,
//! `npm:` aliases, `file:`/`link:` paths, tarball URLs, git URLs, `workspace:`.

use nodejs_semver::{Range, Version};

use crate::registry::{Packument, VersionMeta};

#[derive(Debug, Clone, PartialEq)]
pub enum Spec {
    /// A registry package: the real name (differs from the folder name for `npm:` aliases)
    /// and a range (a plain version is a range too).
    Range {
        name: String,
        range: String,
    },
    Tag {
        name: String,
        tag: String,
    },
    /// `file:` to a directory, or `link:`: installed as a symbolic link.
    Dir {
        path: String,
    },
    /// `file:` to a tarball on disk.
    File {
        path: String,
    },
    Tarball {
        url: String,
    },
    Git {
        url: String,
    },
    Workspace {
        range: String,
    },
}

impl Spec {
    pub fn parse(name: &str, spec: &str) -> Spec {
        let spec = spec.trim();
        if let Some(rest) = spec.strip_prefix("npm:") {
            let (real, range) = split_name_spec(rest);
            return match Spec::parse(&real, range.as_deref().unwrap_or("*")) {
                Spec::Range { range, .. } => Spec::Range { name: real, range },
                Spec::Tag { tag, .. } => Spec::Tag { name: real, tag },
                other => other,
            };
        }
        if let Some(p) = spec.strip_prefix("link:") {
            return Spec::Dir {
                path: p.to_string(),
            };
        }
        if let Some(p) = spec.strip_prefix("workspace:") {
            return Spec::Workspace {
                range: p.to_string(),
            };
        }
        if let Some(p) = spec.strip_prefix("file:") {
            let p = p.strip_prefix("//").unwrap_or(p);
            if p.ends_with(".tgz") || p.ends_with(".tar.gz") || p.ends_with(".tar") {
                return Spec::File {
                    path: p.to_string(),
                };
            }
            return Spec::Dir {
                path: p.to_string(),
            };
        }
        if spec.starts_with("git+")
            || spec.starts_with("git://")
            || spec.starts_with("github:")
            || spec.starts_with("gitlab:")
            || spec.starts_with("bitbucket:")
        {
            return Spec::Git {
                url: spec.to_string(),
            };
        }
        if spec.starts_with("http://") || spec.starts_with("https://") {
            return Spec::Tarball {
                url: spec.to_string(),
            };
        }
        if spec.starts_with("./")
            || spec.starts_with("../")
            || spec.starts_with('/')
            || spec.starts_with("~/")
        {
            return Spec::parse(name, &format!("file:{spec}"));
        }
        let range = if spec.is_empty() { "*" } else { spec };
        if Range::parse(range).is_ok() {
            return Spec::Range {
                name: name.to_string(),
                range: range.to_string(),
            };
        }
        if is_github_shorthand(spec) {
            return Spec::Git {
                url: format!("github:{spec}"),
            };
        }
        Spec::Tag {
            name: name.to_string(),
            tag: spec.to_string(),
        }
    }

    pub fn is_registry(&self) -> bool {
        matches!(self, Spec::Range { .. } | Spec::Tag { .. })
    }

    pub fn registry_name(&self) -> Option<&str> {
        match self {
            Spec::Range { name, .. } | Spec::Tag { name, .. } => Some(name),
            _ => None,
        }
    }
}

fn is_github_shorthand(s: &str) -> bool {
    let base = s.split('#').next().unwrap_or(s);
    let mut parts = base.split('/');
    matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty() && !a.starts_with('@') && !a.contains(' '))
}

/// `name@spec` (also `@scope/name@spec`) -> (name, Some(spec)); bare names give None.
pub fn split_name_spec(arg: &str) -> (String, Option<String>) {
    let search_from = if arg.starts_with('@') { 1 } else { 0 };
    match arg[search_from..].find('@') {
        Some(i) => {
            let i = i + search_from;
            (arg[..i].to_string(), Some(arg[i + 1..].to_string()))
        }
        None => (arg.to_string(), None),
    }
}

pub fn satisfies(version: &str, range: &str) -> bool {
    match (Version::parse(version), Range::parse(range)) {
        (Ok(v), Ok(r)) => r.satisfies(&v),
        _ => version == range,
    }
}

/// npm-pick-manifest: a dist-tag's version; for a range, the `latest` tag when it satisfies,
/// else the highest satisfying version, preferring versions that are not deprecated.
pub fn pick<'a>(p: &'a Packument, spec: &Spec) -> Option<&'a VersionMeta> {
    match spec {
        Spec::Tag { tag, .. } => p.dist_tags.get(tag).and_then(|v| p.versions.get(v)),
        Spec::Range { range, .. } => {
            if let Some(v) = p.versions.get(range.trim_start_matches(['=', 'v'])) {
                return Some(v);
            }
            let r = Range::parse(range).ok()?;
            if let Some(latest) = p.dist_tags.get("latest").and_then(|v| p.versions.get(v)) {
                if Version::parse(&latest.version).is_ok_and(|v| r.satisfies(&v))
                    && !latest.is_deprecated()
                {
                    return Some(latest);
                }
            }
            let mut best: Option<(bool, Version, &VersionMeta)> = None;
            for (vs, meta) in &p.versions {
                let Ok(v) = Version::parse(vs) else { continue };
                if !r.satisfies(&v) {
                    continue;
                }
                let ok = !meta.is_deprecated();
                let better = match &best {
                    None => true,
                    Some((bok, bv, _)) => (ok, &v) > (*bok, bv),
                };
                if better {
                    best = Some((ok, v, meta));
                }
            }
            best.map(|b| b.2)
        }
        _ => None,
    }
}

/// The C library npm's `libc` field names: musl if its dynamic loader is present, else glibc.
fn current_libc() -> &'static str {
    static LIBC: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    LIBC.get_or_init(|| {
        let musl = ["/lib", "/usr/lib"].iter().any(|d| {
            std::fs::read_dir(d)
                .map(|rd| {
                    rd.flatten()
                        .any(|e| e.file_name().to_string_lossy().starts_with("ld-musl-"))
                })
                .unwrap_or(false)
        });
        if musl {
            "musl"
        } else {
            "glibc"
        }
    })
}

/// npm's `os`, `cpu` and `libc` checks (`!x` excludes, `any` matches all).
pub fn platform_ok(os: &[String], cpu: &[String], libc: &[String]) -> bool {
    let cur_os = match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        o => o,
    };
    let cur_cpu = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        "x86" => "ia32",
        a => a,
    };
    fn check(list: &[String], cur: &str) -> bool {
        if list.is_empty() {
            return true;
        }
        if list.iter().any(|x| x == &format!("!{cur}")) {
            return false;
        }
        let positives: Vec<&String> = list.iter().filter(|x| !x.starts_with('!')).collect();
        positives.is_empty() || positives.iter().any(|x| *x == cur || *x == "any")
    }
    check(os, cur_os)
        && check(cpu, cur_cpu)
        && (std::env::consts::OS != "linux" || check(libc, current_libc()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn packument(versions: &[&str], latest: &str, deprecated: &[&str]) -> Packument {
        let mut p = Packument {
            name: "x".into(),
            dist_tags: HashMap::new(),
            versions: HashMap::new(),
        };
        p.dist_tags.insert("latest".into(), latest.into());
        p.dist_tags.insert("next".into(), "3.0.0-beta.1".into());
        for v in versions {
            let mut m = VersionMeta {
                name: "x".into(),
                version: v.to_string(),
                ..Default::default()
            };
            if deprecated.contains(v) {
                m.deprecated = Some(serde_json::Value::String("old".into()));
            }
            p.versions.insert(v.to_string(), m);
        }
        p
    }

    #[test]
    fn parses_specs() {
        assert_eq!(
            Spec::parse("a", "^1.2.0"),
            Spec::Range {
                name: "a".into(),
                range: "^1.2.0".into()
            }
        );
        assert_eq!(
            Spec::parse("a", ""),
            Spec::Range {
                name: "a".into(),
                range: "*".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "latest"),
            Spec::Tag {
                name: "a".into(),
                tag: "latest".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "npm:@s/b@~2"),
            Spec::Range {
                name: "@s/b".into(),
                range: "~2".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "npm:b"),
            Spec::Range {
                name: "b".into(),
                range: "*".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "file:../x"),
            Spec::Dir {
                path: "../x".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "file:x.tgz"),
            Spec::File {
                path: "x.tgz".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "link:../x"),
            Spec::Dir {
                path: "../x".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "https://h/x.tgz"),
            Spec::Tarball {
                url: "https://h/x.tgz".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "user/repo#main"),
            Spec::Git {
                url: "github:user/repo#main".into()
            }
        );
        assert_eq!(
            Spec::parse("a", "1.x || >=2.5.0"),
            Spec::Range {
                name: "a".into(),
                range: "1.x || >=2.5.0".into()
            }
        );
        assert_eq!(split_name_spec("@s/x@1"), ("@s/x".into(), Some("1".into())));
        assert_eq!(split_name_spec("@s/x"), ("@s/x".into(), None));
        assert_eq!(
            split_name_spec("x@latest"),
            ("x".into(), Some("latest".into()))
        );
    }

    #[test]
    fn picks_like_npm() {
        let p = packument(
            &["1.0.0", "1.2.0", "1.3.0", "2.0.0", "2.1.0", "3.0.0-beta.1"],
            "2.0.0",
            &["1.3.0"],
        );
        let pick_v = |s: &str| pick(&p, &Spec::parse("x", s)).map(|m| m.version.clone());
        assert_eq!(
            pick_v("^1.0.0").as_deref(),
            Some("1.2.0"),
            "deprecated avoided"
        );
        assert_eq!(
            pick_v("1.3.0").as_deref(),
            Some("1.3.0"),
            "exact version even if deprecated"
        );
        assert_eq!(
            pick_v("*").as_deref(),
            Some("2.0.0"),
            "latest tag wins when it satisfies"
        );
        assert_eq!(pick_v(">=2").as_deref(), Some("2.0.0"));
        assert_eq!(pick_v("^2.0.1").as_deref(), Some("2.1.0"));
        assert_eq!(pick_v("next").as_deref(), Some("3.0.0-beta.1"));
        assert_eq!(pick_v("^3.0.0-beta.0").as_deref(), Some("3.0.0-beta.1"));
        assert_eq!(
            pick_v("^3.0.0"),
            None,
            "prereleases only for prerelease ranges"
        );
        assert_eq!(pick_v("^4"), None);
        assert!(satisfies("1.2.3", "~1.2.0"));
        assert!(!satisfies("1.3.0", "~1.2.0"));
    }

    #[test]
    fn platform_checks() {
        assert!(platform_ok(&[], &[], &[]));
        assert!(!platform_ok(&["nonexistent-os".into()], &[], &[]));
        assert!(!platform_ok(&[], &[], &["nonexistent-libc".into()]));
        assert!(
            !platform_ok(&[], &["!x64".into(), "!arm64".into()], &[])
                || std::env::consts::ARCH == "riscv64"
        );
    }
}
