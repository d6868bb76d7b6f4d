//! npm configuration: `.npmrc` files (project, user, global) and `npm_config_*` environment
//! variables, with `${VAR}` expansion, scoped registries and per-registry credentials keyed by
//! `//host[:port]/path/:_authToken` like npm.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const DEFAULT_REGISTRY: &str = "https://registry.npmjs.org/";

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub values: HashMap<String, String>,
}

/// Parses one `.npmrc` text into key/value pairs (later lines win).
pub fn parse_npmrc(text: &str, env: &dyn Fn(&str) -> Option<String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty()
            || line.starts_with('#')
            || line.starts_with(';')
            || line.starts_with('[')
        {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            out.push((expand(line, env), "true".into()));
            continue;
        };
        let k = expand(k.trim(), env);
        let mut v = v.trim().to_string();
        if v.len() >= 2
            && ((v.starts_with('"') && v.ends_with('"'))
                || (v.starts_with('\'') && v.ends_with('\'')))
        {
            v = v[1..v.len() - 1].to_string();
        }
        let key = k.strip_suffix("[]").unwrap_or(&k).to_string();
        out.push((key, expand(&v, env)));
    }
    out
}

/// Replaces `${NAME}` (and `${NAME?}`) with the environment variable's value.
fn expand(s: &str, env: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        if i > 0 && rest.as_bytes()[i - 1] == b'\\' {
            out.push_str(&rest[..i - 1]);
            out.push_str("${");
            rest = &rest[i + 2..];
            continue;
        }
        let Some(end) = rest[i..].find('}') else {
            break;
        };
        out.push_str(&rest[..i]);
        let name = rest[i + 2..i + end].trim_end_matches('?');
        out.push_str(&env(name).unwrap_or_default());
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    out
}

impl Config {
    /// Loads the configuration for a project directory, npm's precedence: environment, project
    /// `.npmrc`, user `.npmrc`, global `npmrc`.
    pub fn load(project: &Path) -> Config {
        let env = |k: &str| std::env::var(k).ok();
        let mut values = HashMap::new();
        let mut files: Vec<PathBuf> = Vec::new();
        if let Ok(p) = std::env::var("NPM_CONFIG_GLOBALCONFIG")
            .or_else(|_| std::env::var("npm_config_globalconfig"))
        {
            files.push(p.into());
        }
        let user = std::env::var("NPM_CONFIG_USERCONFIG")
            .or_else(|_| std::env::var("npm_config_userconfig"))
            .map(PathBuf::from)
            .ok()
            .or_else(|| dirs::home_dir().map(|h| h.join(".npmrc")));
        if let Some(u) = user {
            files.push(u);
        }
        files.push(project.join(".npmrc"));
        for f in files {
            if let Ok(text) = std::fs::read_to_string(&f) {
                for (k, v) in parse_npmrc(&text, &env) {
                    values.insert(k, v);
                }
            }
        }
        for (k, v) in std::env::vars() {
            let lower = k.to_ascii_lowercase();
            if let Some(name) = lower.strip_prefix("npm_config_") {
                if name.is_empty() || matches!(name, "globalconfig" | "userconfig") {
                    continue;
                }
                // Keys with `//` (credentials) keep their case; others use npm's dashes.
                let key = if name.starts_with("//") {
                    k["npm_config_".len()..].to_string()
                } else {
                    name.replace('_', "-")
                };
                values.insert(key, v);
            }
        }
        Config { values }
    }

    pub fn from_pairs(pairs: Vec<(String, String)>) -> Config {
        Config {
            values: pairs.into_iter().collect(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }

    pub fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), Some("true") | Some(""))
    }

    /// The registry serving `name` (a scope's registry if set), with a trailing slash.
    pub fn registry_for(&self, name: &str) -> String {
        if let Some(scope) = name.strip_prefix('@').and_then(|n| n.split('/').next()) {
            if let Some(r) = self.get(&format!("@{scope}:registry")) {
                return with_slash(r);
            }
        }
        self.registry()
    }

    pub fn registry(&self) -> String {
        with_slash(self.get("registry").unwrap_or(DEFAULT_REGISTRY))
    }

    /// The `Authorization` header value for a URL: the `_authToken` (or `_auth`) of the longest
    /// configured `//host/path/` that the URL is under.
    pub fn auth_for(&self, url: &str) -> Option<String> {
        let nerf = nerf_dart(url)?;
        let mut best: Option<(usize, String)> = None;
        for (k, v) in &self.values {
            let (prefix, kind) = if let Some(p) = k.strip_suffix(":_authToken") {
                (p, "Bearer")
            } else if let Some(p) = k.strip_suffix(":_auth") {
                (p, "Basic")
            } else {
                continue;
            };
            let prefix = with_slash(prefix);
            if nerf.starts_with(&prefix) && best.as_ref().is_none_or(|b| prefix.len() > b.0) {
                best = Some((prefix.len(), format!("{kind} {v}")));
            }
        }
        best.map(|b| b.1).or_else(|| {
            // A bare `_authToken` applies to the default registry only.
            let reg = nerf_dart(&self.registry())?;
            if nerf.starts_with(&reg) {
                self.get("_authToken").map(|t| format!("Bearer {t}"))
            } else {
                None
            }
        })
    }
}

fn with_slash(s: &str) -> String {
    if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    }
}

/// `https://host:port/path/x` -> `//host:port/path/x` (npm's "nerf dart").
pub fn nerf_dart(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    Some(format!("//{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_npmrc_with_env_scopes_and_tokens() {
        let env = |k: &str| (k == "TOKEN").then(|| "s3cret".to_string());
        let text = "# comment\n; other\nregistry = https://r.example/\n@my:registry=http://127.0.0.1:4873\n//127.0.0.1:4873/:_authToken=${TOKEN}\n//r.example/:_authToken=\"abc\"\nsave-exact=true\n";
        let c = Config::from_pairs(parse_npmrc(text, &env));
        assert_eq!(c.registry(), "https://r.example/");
        assert_eq!(c.registry_for("@my/pkg"), "http://127.0.0.1:4873/");
        assert_eq!(c.registry_for("@other/pkg"), "https://r.example/");
        assert_eq!(c.registry_for("plain"), "https://r.example/");
        assert_eq!(
            c.auth_for("http://127.0.0.1:4873/@my%2fpkg").as_deref(),
            Some("Bearer s3cret")
        );
        assert_eq!(
            c.auth_for("https://r.example/x/-/x-1.0.0.tgz").as_deref(),
            Some("Bearer abc")
        );
        assert_eq!(c.auth_for("https://elsewhere/x"), None);
        assert!(c.flag("save-exact"));
    }

    #[test]
    fn expands_missing_env_to_empty() {
        let env = |_: &str| None;
        assert_eq!(
            parse_npmrc("a=${NOPE}x", &env),
            vec![("a".to_string(), "x".to_string())]
        );
    }
}
