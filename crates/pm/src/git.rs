//! Git dependencies (`git+https://…#ref`, `git+file://…`, `github:user/repo#ref`): cloned with
//! the `git` command, packed like `lode pack` would, and installed from that tarball. The
//! resolved form pins the commit.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cache::{unique_suffix, Cache};
use crate::error::{err, Error, Result};

fn git(args: &[&str], cwd: Option<&Path>) -> Result<String> {
    let mut c = Command::new("git");
    c.args(args).env("GIT_TERMINAL_PROMPT", "0");
    if let Some(d) = cwd {
        c.current_dir(d);
    }
    let out = c
        .output()
        .map_err(|e| Error::new("ENOGIT", format!("git is needed for git dependencies: {e}")))?;
    if !out.status.success() {
        return err(
            "EGIT",
            format!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Returns (path of a tarball of the checkout, resolved spec with the commit).
pub fn fetch_git(spec: &str, cache: &Cache) -> Result<(PathBuf, String)> {
    let (base, committish) = match spec.split_once('#') {
        Some((b, c)) => (b, Some(c)),
        None => (spec, None),
    };
    let url = if let Some(r) = base.strip_prefix("github:") {
        format!("https://github.com/{r}.git")
    } else if let Some(r) = base.strip_prefix("gitlab:") {
        format!("https://gitlab.com/{r}.git")
    } else if let Some(r) = base.strip_prefix("bitbucket:") {
        format!("https://bitbucket.org/{r}.git")
    } else {
        base.strip_prefix("git+").unwrap_or(base).to_string()
    };
    let tmp = cache.tmp_dir().join(format!("git-{}", unique_suffix()));
    std::fs::create_dir_all(cache.tmp_dir()).map_err(|e| Error::new("EIO", e.to_string()))?;
    let dest = tmp.to_string_lossy().into_owned();
    git(&["clone", "--quiet", &url, &dest], None)?;
    if let Some(c) = committish {
        git(&["checkout", "--quiet", c], Some(&tmp))?;
    }
    let sha = git(&["rev-parse", "HEAD"], Some(&tmp))?;
    let files = crate::pack::collect_files(&tmp)?;
    let mut entries = Vec::new();
    for f in files {
        let p = tmp.join(&f);
        let data = std::fs::read(&p).map_err(|e| Error::new("EIO", e.to_string()))?;
        use std::os::unix::fs::PermissionsExt;
        let exec = std::fs::metadata(&p)
            .map(|m| m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false);
        entries.push((f, data, exec));
    }
    let tgz = crate::tarball::create(&entries)?;
    let _ = std::fs::remove_dir_all(&tmp);
    let out = cache.tmp_dir().join(format!("git-{}.tgz", unique_suffix()));
    std::fs::write(&out, tgz).map_err(|e| Error::new("EIO", e.to_string()))?;
    Ok((out, format!("{base}#{sha}")))
}
