//! Lifecycle and `run` scripts: `sh -c` with npm's environment (`npm_lifecycle_event`,
//! `npm_package_*`, `npm_config_*`, `npm_execpath`, `INIT_CWD`), every `node_modules/.bin` from
//! the package up on PATH, and before them a directory whose `node` is a symbolic link to the
//! running lode, so scripts written for node run on lode.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::npmrc::Config;

pub struct ScriptEnv {
    pub init_cwd: PathBuf,
    pub shim_dir: Option<PathBuf>,
    pub config: Config,
    pub command: String,
}

/// The directory holding the `node` link to this executable (made once per cache).
pub fn node_shim_dir(cache_root: &Path) -> Option<PathBuf> {
    // LODE_SCRIPT_NODE names another `node` for scripts (until lode runs all of them: some
    // install scripts need modules lode lacks, such as child_process).
    let exe = match std::env::var_os("LODE_SCRIPT_NODE").filter(|v| !v.is_empty()) {
        Some(n) => PathBuf::from(n),
        None => std::env::current_exe().ok()?,
    };
    let tag = crate::integrity::sha1_hex(exe.to_string_lossy().as_bytes());
    let dir = cache_root.join("node-shim").join(&tag[..16]);
    let link = dir.join("node");
    if std::fs::read_link(&link).ok().as_deref() == Some(exe.as_path()) {
        return Some(dir);
    }
    std::fs::create_dir_all(&dir).ok()?;
    let tmp = dir.join(format!(".node-{}", crate::cache::unique_suffix()));
    std::os::unix::fs::symlink(&exe, &tmp).ok()?;
    std::fs::rename(&tmp, &link).ok()?;
    Some(dir)
}

/// Quotes an argument for `sh` when it needs it.
pub fn sh_quote(a: &str) -> String {
    if !a.is_empty()
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c))
    {
        a.to_string()
    } else {
        format!("'{}'", a.replace('\'', "'\\''"))
    }
}

fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let key: String = k
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect();
                flatten(&format!("{prefix}_{key}"), v, out);
            }
        }
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        Value::Bool(_) | Value::Number(_) => out.push((prefix.to_string(), v.to_string())),
        _ => {}
    }
}

impl ScriptEnv {
    pub fn new(cache_root: &Path, config: Config, command: &str) -> ScriptEnv {
        let init_cwd = std::env::var_os("INIT_CWD")
            .map(PathBuf::from)
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
        ScriptEnv {
            init_cwd,
            shim_dir: node_shim_dir(cache_root),
            config,
            command: command.to_string(),
        }
    }

    pub fn command(&self, pkg_dir: &Path, manifest: &Value, event: &str, script: &str) -> Command {
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg(script).current_dir(pkg_dir);
        let mut path: Vec<PathBuf> = Vec::new();
        let mut d = Some(pkg_dir);
        while let Some(p) = d {
            if p.file_name().is_some_and(|n| n == "node_modules") {
                d = p.parent();
                continue;
            }
            path.push(p.join("node_modules").join(".bin"));
            d = p.parent();
        }
        if let Some(s) = &self.shim_dir {
            path.push(s.clone());
        }
        if let Some(old) = std::env::var_os("PATH") {
            path.extend(std::env::split_paths(&old));
        }
        if let Ok(joined) = std::env::join_paths(path) {
            cmd.env("PATH", joined);
        }
        let exe = std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let node = self
            .shim_dir
            .as_ref()
            .map(|d| d.join("node").to_string_lossy().into_owned())
            .unwrap_or_else(|| exe.clone());
        for (k, v) in &self.config.values {
            if k.starts_with("//")
                || k.starts_with('@')
                || k.starts_with('_')
                || k.contains("auth")
                || k.contains("token")
                || k.contains("password")
            {
                continue;
            }
            cmd.env(format!("npm_config_{}", k.replace('-', "_")), v);
        }
        cmd.env(
            "npm_config_user_agent",
            format!(
                "lode/{} npm/11.0.0 node/v20.0.0 {} {}",
                env!("CARGO_PKG_VERSION"),
                std::env::consts::OS,
                std::env::consts::ARCH
            ),
        );
        cmd.env("npm_config_node_gyp", "node-gyp");
        cmd.env("npm_lifecycle_event", event);
        cmd.env("npm_lifecycle_script", script);
        cmd.env("npm_command", &self.command);
        cmd.env("npm_execpath", &exe);
        cmd.env("npm_node_execpath", &node);
        cmd.env("NODE", &node);
        cmd.env("INIT_CWD", &self.init_cwd);
        cmd.env("npm_package_json", pkg_dir.join("package.json"));
        let mut vars = Vec::new();
        for key in ["name", "version"] {
            if let Some(s) = manifest.get(key).and_then(Value::as_str) {
                vars.push((format!("npm_package_{key}"), s.to_string()));
            }
        }
        for key in ["config", "engines", "bin"] {
            if let Some(v) = manifest.get(key) {
                flatten(&format!("npm_package_{key}"), v, &mut vars);
            }
        }
        for (k, v) in vars {
            cmd.env(k, v);
        }
        cmd
    }

    /// Runs one script; `inherit` shows its output live, otherwise it is captured and
    /// included in the error when the script fails.
    pub fn run(
        &self,
        pkg_dir: &Path,
        manifest: &Value,
        event: &str,
        script: &str,
        inherit: bool,
    ) -> Result<i32> {
        let mut cmd = self.command(pkg_dir, manifest, event, script);
        let id = format!(
            "{}@{}",
            manifest.get("name").and_then(Value::as_str).unwrap_or(""),
            manifest
                .get("version")
                .and_then(Value::as_str)
                .unwrap_or("")
        );
        if inherit {
            cmd.stdin(Stdio::inherit());
            let status = cmd
                .status()
                .map_err(|e| Error::new("ENOENT", format!("could not run sh: {e}")))?;
            return Ok(status.code().unwrap_or(1));
        }
        let out = cmd
            .stdin(Stdio::null())
            .output()
            .map_err(|e| Error::new("ENOENT", format!("could not run sh: {e}")))?;
        let code = out.status.code().unwrap_or(1);
        if code != 0 {
            let mut msg = format!("{id} {event}: `{script}`\nExit status {code}\npath {}\ncommand failed\ncommand sh -c {script}", pkg_dir.display());
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            for l in text.lines() {
                msg.push_str(&format!("\n{l}"));
            }
            return Err(Error::new("ELIFECYCLE", msg));
        }
        Ok(0)
    }
}
